import { toDay } from "./dates";
import type { MatchInstance } from "./types";
import { WORK_AUTHORIZATIONS } from "./work-authorization";

// The instance turned into integer arrays for the hot path (ranking and rounds over tens of
// thousands of students). Everything here is derived from the instance; nothing is added.

const MODE_BIT = { remote: 1, hybrid: 2, onsite: 4 } as const;
const COMP_BIT = { paid: 1, stipend: 2, unpaid: 4, course_credit: 8 } as const;
const ACCEPTS_COMP = { paid_only: 1, paid_or_stipend: 3, any: 15 } as const;
const GOAL_BIT = { mentorship: 1, recommendation_letter: 2, referral: 4, return_offer: 8, portfolio_project: 16, course_credit: 32 } as const;
export const STATUS_INDEX = new Map<string, number>(WORK_AUTHORIZATIONS.map((s, i) => [s, i]));
export const STEM_OPT = STATUS_INDEX.get("us_f1_stem_opt")!;
export const OPT_POST = STATUS_INDEX.get("us_f1_opt_post")!;

export type Compiled = ReturnType<typeof compileInstance>;

/** Slots of one bucket that share the hard attributes a student can rule out at once. */
export type SlotGroup = { comp: number; mode: number; country: number; slots: number[] };

/** Whether student `s`'s compensation, work modes and country allow the group at all. */
export function groupAllowed(c: Pick<Compiled, "sComp" | "sModes" | "sCountry">, s: number, group: SlotGroup) {
  return (c.sComp[s]! & group.comp) !== 0 && (c.sModes[s]! & group.mode) !== 0 && (group.country === -1 || group.country === c.sCountry[s]);
}

export function compileInstance(instance: MatchInstance) {
  const { students, slots } = instance;
  const skillIds = new Map<string, number>();
  const skillId = (slug: string) => {
    let id = skillIds.get(slug);
    if (id === undefined) skillIds.set(slug, (id = skillIds.size));
    return id;
  };
  const countries = new Map<string, number>();
  const country = (code: string) => {
    let id = countries.get(code);
    if (id === undefined) countries.set(code, (id = countries.size));
    return id;
  };
  const zones = new Map<string, number>();
  const zone = (name: string) => {
    let id = zones.get(name);
    if (id === undefined) zones.set(name, (id = zones.size));
    return id;
  };

  const S = students.length;
  const T = slots.length;
  const studentIndex = new Map(students.map((s, i) => [s.id, i]));
  const slotIndex = new Map(slots.map((t, i) => [t.id, i]));
  // Tie-breaks go by id; these ranks let integer comparisons stand in for string ones.
  const studentOrder = rankById(students.map((s) => s.id));
  const slotOrder = rankById(slots.map((t) => t.id));

  // Students
  const sSkillStart = new Int32Array(S + 1);
  const sSkillIds: number[] = [];
  const sSkillLevels: number[] = [];
  const sStatus = new Uint8Array(S);
  const sComp = new Uint8Array(S);
  const sModes = new Uint8Array(S);
  const sCountry = new Int32Array(S);
  const sZone = new Int32Array(S);
  const sFrom = new Int32Array(S);
  const sEnd = new Int32Array(S);
  const sHours = new Float64Array(S);
  const sGoals = new Uint8Array(S);
  const sGoalCount = new Uint8Array(S);
  students.forEach((s, i) => {
    sSkillStart[i] = sSkillIds.length;
    for (const [slug, level] of Object.entries(s.skills)) {
      sSkillIds.push(skillId(slug));
      sSkillLevels.push(level);
    }
    sStatus[i] = STATUS_INDEX.get(s.workAuthorization)!;
    sComp[i] = ACCEPTS_COMP[s.compensation];
    sModes[i] = s.workModes.reduce((m, w) => m | MODE_BIT[w], 0);
    sCountry[i] = country(s.country);
    sZone[i] = zone(s.timezone);
    sFrom[i] = toDay(s.availableFrom);
    sEnd[i] = toDay(s.availableFrom) + s.availableWeeks * 7;
    sHours[i] = s.maxHoursPerWeek;
    const goals = new Set(s.goals);
    sGoals[i] = [...goals].reduce((m, g) => m | GOAL_BIT[g], 0);
    sGoalCount[i] = goals.size;
  });
  sSkillStart[S] = sSkillIds.length;

  // Slots
  const tReqStart = new Int32Array(T + 1);
  const tReqIds: number[] = [];
  const tReqLevels: number[] = [];
  const tNiceStart = new Int32Array(T + 1);
  const tNiceIds: number[] = [];
  const tNiceLevels: number[] = [];
  const tAccepts = new Uint16Array(T);
  const tComp = new Uint8Array(T);
  const tMode = new Uint8Array(T);
  const tCountry = new Int32Array(T);
  const tZone = new Int32Array(T);
  const tStart = new Int32Array(T);
  const tEnd = new Int32Array(T);
  const tHours = new Float64Array(T);
  const tOffers = new Uint8Array(T);
  const tSeats = new Int32Array(T);
  // Hard authorization rules that depend only on the slot.
  const tStemOk = new Uint8Array(T);
  const tOptPostOk = new Uint8Array(T);
  slots.forEach((t, i) => {
    tReqStart[i] = tReqIds.length;
    for (const [slug, level] of Object.entries(t.requiredSkills)) {
      tReqIds.push(skillId(slug));
      tReqLevels.push(level);
    }
    tNiceStart[i] = tNiceIds.length;
    for (const [slug, level] of Object.entries(t.niceSkills)) {
      tNiceIds.push(skillId(slug));
      tNiceLevels.push(level);
    }
    tAccepts[i] = t.acceptedWorkAuthorizations.reduce((m, a) => m | (1 << STATUS_INDEX.get(a)!), 0);
    tComp[i] = COMP_BIT[t.compensation];
    tMode[i] = MODE_BIT[t.workMode];
    tCountry[i] = country(t.country);
    tZone[i] = zone(t.timezone);
    tStart[i] = toDay(t.startDate);
    tEnd[i] = toDay(t.startDate) + t.weeks * 7;
    tHours[i] = t.hoursPerWeek;
    tOffers[i] = t.offers.reduce((m, g) => m | GOAL_BIT[g], 0) | GOAL_BIT.mentorship;
    tSeats[i] = t.seats;
    const unpaid = t.compensation === "unpaid" || t.compensation === "course_credit";
    tStemOk[i] = t.compensation === "paid" && t.hoursPerWeek >= 20 && (!t.paperwork || t.paperwork.includes("everify_i983")) ? 1 : 0;
    tOptPostOk[i] = !unpaid || t.hoursPerWeek >= 20 ? 1 : 0;
  });
  tReqStart[T] = tReqIds.length;
  tNiceStart[T] = tNiceIds.length;

  const K = skillIds.size;
  // Candidate buckets: each slot filed under its rarest required skill (fewest slots require
  // it), so a student meets only slots whose rarest requirement they have. Slots with no
  // required skill are candidates for everyone.
  const requiredBy = new Int32Array(K);
  for (const id of tReqIds) requiredBy[id]!++;
  const skillNames = [...skillIds.keys()];
  // Within a bucket, slots are grouped by compensation, work mode and (for in-person work)
  // country, so a student skips whole groups their hard filters rule out.
  const groupsBySkill = Array.from({ length: K }, () => new Map<number, SlotGroup>());
  const openGroups = new Map<number, SlotGroup>();
  const tBucket = new Int32Array(T);
  const tReqArr = Int32Array.from(tReqIds);
  for (let t = 0; t < T; t++) {
    const rarest = rarestSkill(tReqArr, tReqStart[t]!, tReqStart[t + 1]!, requiredBy, skillNames);
    tBucket[t] = rarest;
    const groups = rarest === -1 ? openGroups : groupsBySkill[rarest]!;
    const inPerson = tMode[t] !== MODE_BIT.remote;
    const key = (tComp[t]! * 8 + tMode[t]!) * 100_000 + (inPerson ? tCountry[t]! + 1 : 0);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { comp: tComp[t]!, mode: tMode[t]!, country: inPerson ? tCountry[t]! : -1, slots: [] }));
    group.slots.push(t);
  }
  const slotBuckets = groupsBySkill.map((groups) => [...groups.values()]);
  const openSlots = [...openGroups.values()];
  // The other way round: students by skill, for "students who fit" a slot.
  const studentsBySkill: number[][] = Array.from({ length: K }, () => []);
  for (let s = 0; s < S; s++) for (let j = sSkillStart[s]!; j < sSkillStart[s + 1]!; j++) studentsBySkill[sSkillIds[j]!]!.push(s);

  return {
    instance,
    S,
    T,
    K,
    studentIndex,
    slotIndex,
    studentOrder,
    slotOrder,
    zoneNames: [...zones.keys()],
    sSkillStart,
    sSkillIds: Int32Array.from(sSkillIds),
    sSkillLevels: Uint8Array.from(sSkillLevels),
    sStatus,
    sComp,
    sModes,
    sCountry,
    sZone,
    sFrom,
    sEnd,
    sHours,
    sGoals,
    sGoalCount,
    tReqStart,
    tReqIds: tReqArr,
    tReqLevels: Uint8Array.from(tReqLevels),
    tNiceStart,
    tNiceIds: Int32Array.from(tNiceIds),
    tNiceLevels: Uint8Array.from(tNiceLevels),
    tAccepts,
    tComp,
    tMode,
    tCountry,
    tZone,
    tStart,
    tEnd,
    tHours,
    tOffers,
    tSeats,
    tStemOk,
    tOptPostOk,
    requiredBy,
    skillNames,
    slotBuckets,
    tBucket,
    ...overlapTable(zones.size, tZone, tStart),
    openSlots,
    studentsBySkill,
  };
}

/**
 * Working-hours overlap is a function of (student zone, slot zone, slot start day); slots
 * share few (zone, day) combinations, so overlaps live in a small table filled on demand.
 */
function overlapTable(zoneCount: number, tZone: Int32Array, tStart: Int32Array) {
  const combos = new Map<number, number>();
  const tZoneDay = new Int32Array(tZone.length);
  for (let t = 0; t < tZone.length; t++) {
    const key = tZone[t]! * 1_000_000 + tStart[t]!;
    let combo = combos.get(key);
    if (combo === undefined) combos.set(key, (combo = combos.size));
    tZoneDay[t] = combo;
  }
  return { tZoneDay, zoneDayCount: combos.size, overlaps: new Float64Array(zoneCount * combos.size).fill(-1) };
}

/**
 * The required skill fewest slots require (ties by slug, so the choice does not depend on
 * the order of the input), or -1 when the slot requires none.
 */
export function rarestSkill(ids: Int32Array, from: number, to: number, requiredBy: Int32Array, names: string[]) {
  let rarest = -1;
  for (let j = from; j < to; j++) {
    const id = ids[j]!;
    if (rarest === -1 || requiredBy[id]! < requiredBy[rarest]! || (requiredBy[id] === requiredBy[rarest] && names[id]! < names[rarest]!)) rarest = id;
  }
  return rarest;
}

/** For each position, the rank of its id in sorted order (ids compared as strings). */
function rankById(ids: string[]) {
  const order = ids.map((id, i) => [id, i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const rank = new Int32Array(ids.length);
  order.forEach(([, i], r) => (rank[i] = r));
  return rank;
}
