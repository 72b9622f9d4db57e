import { inTerm, toDay } from "./dates";
import type { MatchInstance, MatchSlot, MatchStudent } from "./types";
import { WORK_AUTHORIZATIONS } from "./work-authorization";

// Instances turned into integer arrays for the hot path (rankings and rounds over tens of
// thousands of students). Slots compile on their own (compileSlots) so a process can keep
// the open slots compiled and rank one student against them per request; students compile
// onto those slots (compileStudents). Everything here is derived from the input.

export const MODE_BIT = { remote: 1, hybrid: 2, onsite: 4 } as const;
const COMP_BIT = { paid: 1, stipend: 2, unpaid: 4, course_credit: 8 } as const;
const ACCEPTS_COMP = { paid_only: 1, paid_or_stipend: 3, any: 15 } as const;
const GOAL_BIT = { mentorship: 1, recommendation_letter: 2, referral: 4, return_offer: 8, portfolio_project: 16, course_credit: 32 } as const;
export const STATUS_INDEX = new Map<string, number>(WORK_AUTHORIZATIONS.map((s, i) => [s, i]));
export const STEM_OPT = STATUS_INDEX.get("us_f1_stem_opt")!;

/** Packed per-slot fields the exact check after the bitsets reads together: start day, end day. */
export const PACK = 2;

export type CompiledSlots = ReturnType<typeof compileSlots>;
export type Compiled = ReturnType<typeof compileStudents>;

/**
 * What ranking slots for students reads (rank.ts, fast.ts): typed arrays and a few small
 * tables, so a copy can go to a worker thread (threads.ts).
 */
const RANKING_FIELDS = [
  "S", "T", "K", "W", "slotOrder", "openTo", "bucketFrom", "bucketTo", "packed", "startsFrom", "endsBy", "hoursUpTo", "filterSets", "hardFilterSets",
  "tAccepts", "tStemOk", "tComp", "tMode", "tCountry", "tZone", "tZoneDay", "tStart", "tEnd", "tHours", "tHoursClass", "slotHourClassCount", "tInTerm", "inTermBits",
  "tReqStart", "tReqIds", "tReqLevels", "tNiceStart", "tNiceIds", "tNiceLevels", "tOffers", "zoneNames",
  "sSkillStart", "sSkillIds", "sSkillLevels", "sStatus", "sComp", "sModes", "sCountry", "sZoneName", "sOverlapRow", "sFrom", "sEnd", "sHours", "sTermHours", "sHoursClass",
  "sGoals", "sGoalCount", "datesTable",
] as const;
export type RankingTables = Pick<Compiled, (typeof RANKING_FIELDS)[number]>;

export function rankingTables(c: Compiled): RankingTables {
  return Object.fromEntries(RANKING_FIELDS.map((field) => [field, c[field]])) as RankingTables;
}

function interner(initial?: Map<string, number>) {
  const ids = new Map(initial);
  return { ids, id: (key: string) => ids.get(key) ?? (ids.set(key, ids.size), ids.size - 1) };
}

export function compileSlots(input: MatchSlot[]) {
  const inputPosition = Int32Array.from(bucketOrder(input));
  const slots = Array.from(inputPosition, (i) => input[i]!);
  const skills = interner();
  const countries = interner();
  const zones = interner();
  const T = slots.length;
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
  // Runs in term (dates.ts, inTerm): held to a student's term-time hours.
  const tInTerm = new Uint8Array(T);
  // Hard authorization rules that depend only on the slot.
  const tStemOk = new Uint8Array(T);
  slots.forEach((t, i) => {
    tReqStart[i] = tReqIds.length;
    for (const [slug, level] of Object.entries(t.requiredSkills)) {
      tReqIds.push(skills.id(slug));
      tReqLevels.push(level);
    }
    tNiceStart[i] = tNiceIds.length;
    for (const [slug, level] of Object.entries(t.niceSkills)) {
      tNiceIds.push(skills.id(slug));
      tNiceLevels.push(level);
    }
    tAccepts[i] = t.acceptedWorkAuthorizations.reduce((m, a) => m | (1 << STATUS_INDEX.get(a)!), 0);
    tComp[i] = COMP_BIT[t.compensation];
    tMode[i] = MODE_BIT[t.workMode];
    tCountry[i] = countries.id(t.country);
    tZone[i] = zones.id(t.timezone);
    tStart[i] = toDay(t.startDate);
    tEnd[i] = tStart[i]! + t.weeks * 7;
    tHours[i] = t.hoursPerWeek;
    tInTerm[i] = inTerm(tStart[i]!, tEnd[i]!) ? 1 : 0;
    tOffers[i] = t.offers.reduce((m, g) => m | GOAL_BIT[g], 0) | GOAL_BIT.mentorship;
    tSeats[i] = t.seats;
    // The STEM OPT rules of authorizationFit (work-authorization.ts): pay (wages or a stipend that
    // meets the minimum wage), 20 hours, E-Verify; they do not apply to a slot in Canada.
    const paid = t.compensation === "paid" || t.compensation === "stipend";
    tStemOk[i] = t.country === "CA" || (paid && t.hoursPerWeek >= 20 && (!t.paperwork || t.paperwork.includes("everify_i983"))) ? 1 : 0;
  });
  tReqStart[T] = tReqIds.length;
  tNiceStart[T] = tNiceIds.length;

  const skillNames = [...skills.ids.keys()];
  const requiredBy = new Int32Array(skillNames.length);
  const tReqArr = Int32Array.from(tReqIds);
  for (const id of tReqArr) requiredBy[id]!++;
  // Candidate buckets: each slot is filed under its rarest required skill, so a student meets
  // only slots whose rarest requirement they have; slots requiring none meet everyone.
  // bucketOrder put each bucket's slots at consecutive indices, the open ones first.
  const tBucket = new Int32Array(T);
  const bucketFrom = new Int32Array(skillNames.length);
  const bucketTo = new Int32Array(skillNames.length);
  let openTo = 0;
  for (let t = 0; t < T; t++) {
    const rarest = rarestSkill(tReqArr, tReqStart[t]!, tReqStart[t + 1]!, requiredBy, skillNames);
    tBucket[t] = rarest;
    if (rarest === -1) openTo = t + 1;
    else {
      if (bucketTo[rarest] === 0) bucketFrom[rarest] = t;
      bucketTo[rarest] = t + 1;
    }
  }
  const packed = new Int32Array(T * PACK);
  for (let t = 0; t < T; t++) {
    packed[t * PACK] = tStart[t]!;
    packed[t * PACK + 1] = tEnd[t]!;
  }
  // Bitsets over the slots (bit t of word t >> 5) for the hard filters: dates and hours by
  // threshold here, the rest per kind of student on demand (hardFilterSet).
  const W = (T + 31) >>> 5;
  const slotHourClasses = valueClasses(tHours);
  const setOf = (test: (t: number) => boolean) => {
    const bits = new Int32Array(W);
    for (let t = 0; t < T; t++) if (test(t)) bits[t >>> 5]! |= 1 << (t & 31);
    return bits;
  };
  // The hard filters one attribute at a time; a kind of student's set is built from them
  // (rank.ts, hardFilterSet): the statuses a slot accepts (with the STEM OPT rules), each
  // compensation, each work mode, each country.
  const filterSets = {
    status: WORK_AUTHORIZATIONS.map((_, status) =>
      setOf((t) => ((tAccepts[t]! >> status) & 1) === 1 && (status !== STEM_OPT || tStemOk[t] === 1)),
    ),
    comp: Object.values(COMP_BIT).map((bit) => setOf((t) => tComp[t] === bit)),
    mode: Object.values(MODE_BIT).map((bit) => setOf((t) => tMode[t] === bit)),
    country: [...countries.ids.values()].map((id) => setOf((t) => tCountry[t] === id)),
  };

  // Working-hours overlap depends on (student zone, slot zone, start day); slots share few
  // (zone, day) pairs, so each student zone gets a row over them, filled on demand and kept.
  const zoneDays = new Map<number, number>();
  const tZoneDay = new Int32Array(T);
  for (let t = 0; t < T; t++) {
    const key = tZone[t]! * 1_000_000 + tStart[t]!;
    tZoneDay[t] = zoneDays.get(key) ?? (zoneDays.set(key, zoneDays.size), zoneDays.size - 1);
  }

  return {
    slots,
    // Where each compiled slot stood in the input, for output in the input's order.
    inputPosition,
    T,
    slotIndex: indexById(slots),
    // Tie-breaks go by id; ranks let integer comparisons stand in for string ones.
    slotOrder: rankById(slots.map((t) => t.id)),
    skillIds: skills.ids,
    skillNames,
    countryIds: countries.ids,
    zoneIds: zones.ids,
    zoneNames: [...zones.ids.keys()],
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
    tInTerm,
    inTermBits: setOf((t) => tInTerm[t] === 1),
    requiredBy,
    tBucket,
    bucketFrom,
    bucketTo,
    openTo,
    packed,
    W,
    startsFrom: thresholdSets(tStart, W, "at_least"),
    endsBy: thresholdSets(tEnd, W, "at_most"),
    hoursUpTo: thresholdSets(tHours, W, "at_most"),
    tHoursClass: slotHourClasses.classOf,
    slotHourClassCount: slotHourClasses.count,
    filterSets,
    hardFilterSets: new Map<number, Int32Array>(),
    tZoneDay,
    zoneDayCount: zoneDays.size,
    overlapRows: new Map<string, Float64Array>(),
  };
}

/** Compiles students onto compiled slots; the slots' tables are read, never changed. */
export function compileStudents(slotPart: CompiledSlots, students: MatchStudent[]) {
  // Skills, countries and zones the slots never mention get ids after the slots' own.
  const skills = interner(slotPart.skillIds);
  const countries = interner(slotPart.countryIds);
  const S = students.length;
  const sSkillStart = new Int32Array(S + 1);
  let sSkillIds = new Int32Array(Math.max(16, S * 8));
  let sSkillLevels = new Uint8Array(sSkillIds.length);
  let skillCount = 0;
  const sStatus = new Uint8Array(S);
  const sComp = new Uint8Array(S);
  const sModes = new Uint8Array(S);
  const sCountry = new Int32Array(S);
  const sZoneName: string[] = new Array(S);
  const sOverlapRow: Float64Array[] = new Array(S);
  const sFrom = new Int32Array(S);
  const sEnd = new Int32Array(S);
  const sHours = new Float64Array(S);
  const sTermHours = new Float64Array(S);
  const sGoals = new Uint8Array(S);
  const sGoalCount = new Uint8Array(S);
  for (let i = 0; i < S; i++) {
    const s = students[i]!;
    sSkillStart[i] = skillCount;
    for (const slug in s.skills) {
      if (skillCount === sSkillIds.length) [sSkillIds, sSkillLevels] = [grown(sSkillIds), grown(sSkillLevels)];
      sSkillIds[skillCount] = skills.id(slug);
      sSkillLevels[skillCount++] = s.skills[slug]!;
    }
    sStatus[i] = STATUS_INDEX.get(s.workAuthorization)!;
    sComp[i] = ACCEPTS_COMP[s.compensation];
    let modes = 0;
    for (const mode of s.workModes) modes |= MODE_BIT[mode];
    sModes[i] = modes;
    sCountry[i] = countries.id(s.country);
    sZoneName[i] = s.timezone;
    let row = slotPart.overlapRows.get(s.timezone);
    if (!row) slotPart.overlapRows.set(s.timezone, (row = new Float64Array(slotPart.zoneDayCount).fill(-1)));
    sOverlapRow[i] = row;
    sFrom[i] = toDay(s.availableFrom);
    sEnd[i] = sFrom[i]! + s.availableWeeks * 7;
    sHours[i] = s.maxHoursPerWeek;
    sTermHours[i] = s.termHoursPerWeek == null ? s.maxHoursPerWeek : Math.min(s.termHoursPerWeek, s.maxHoursPerWeek);
    // Each goal has its own bit, so the bits set count the distinct goals.
    let goals = 0;
    for (const goal of s.goals) goals |= GOAL_BIT[goal];
    sGoals[i] = goals;
    sGoalCount[i] = bitCount(goals);
  }
  sSkillStart[S] = skillCount;
  const K = skills.ids.size;
  const studentHourClasses = valueClasses(sHours);
  // The dates-and-hours tenths by (student's hours, slot's hours, days waited), filled as
  // pairs are scored (fast.ts); left out when hours vary too much for a small table.
  const cells = studentHourClasses.count * slotPart.slotHourClassCount * WAIT_CLASSES;
  return {
    ...slotPart,
    instance: { students, slots: slotPart.slots } as MatchInstance,
    S,
    K,
    studentIndex: indexById(students),
    studentOrder: rankById(students.map((s) => s.id)),
    sSkillStart,
    sSkillIds: sSkillIds.slice(0, skillCount),
    sSkillLevels: sSkillLevels.slice(0, skillCount),
    sStatus,
    sComp,
    sModes,
    sCountry,
    sZoneName,
    sOverlapRow,
    sFrom,
    sEnd,
    sHours,
    sTermHours,
    sGoals,
    sGoalCount,
    sHoursClass: studentHourClasses.classOf,
    datesTable: cells <= MAX_DATES_CELLS ? new Int16Array(cells).fill(-1) : null,
  };
}

/** Students by skill, for "students who fit" a slot; built only where that direction is asked. */
export function studentsBySkill(c: Compiled) {
  const lists: number[][] = Array.from({ length: c.K }, () => []);
  for (let s = 0; s < c.S; s++) for (let j = c.sSkillStart[s]!; j < c.sSkillStart[s + 1]!; j++) lists[c.sSkillIds[j]!]!.push(s);
  return lists;
}

export function compileInstance(instance: MatchInstance): Compiled {
  return compileStudents(compileSlots(instance.slots), instance.students);
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

/**
 * The slots' input positions in candidate-bucket order (by rarest required skill, the slots
 * requiring none first), so each bucket is a run of consecutive indices. Ids keep every
 * tie-break independent of this order.
 */
function bucketOrder(slots: MatchSlot[]) {
  const requiredBy = new Map<string, number>();
  for (const t of slots) for (const slug of Object.keys(t.requiredSkills)) requiredBy.set(slug, (requiredBy.get(slug) ?? 0) + 1);
  const keys = slots.map((t) => {
    let rarest = "";
    for (const slug of Object.keys(t.requiredSkills)) {
      const n = requiredBy.get(slug)!;
      const best = requiredBy.get(rarest);
      if (best === undefined || n < best || (n === best && slug < rarest)) rarest = slug;
    }
    return rarest;
  });
  return slots.map((t, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
}

/** Days waited before a slot starts, in the classes the score tells apart: 0–28, 29–83, 84+. */
export const WAIT_CLASSES = 57;
const MAX_DATES_CELLS = 1 << 20;

/** A copy of `array` with twice the room. */
function grown<A extends Int32Array | Uint8Array>(array: A): A {
  const more = new (array.constructor as new (length: number) => A)(array.length * 2);
  more.set(array);
  return more;
}

/** Set bits of `n`. */
export function bitCount(n: number) {
  let count = 0;
  for (; n; n &= n - 1) count++;
  return count;
}

/** Each value's class (its rank among the distinct values), and how many classes there are. */
function valueClasses(values: Float64Array) {
  const classes = new Map<number, number>();
  for (const v of [...new Set(values)].sort((a, b) => a - b)) classes.set(v, classes.size);
  return { classOf: Int32Array.from(values, (v) => classes.get(v)!), count: classes.size };
}

/** At most this many threshold bitsets per filter; between them the exact check decides. */
const MAX_THRESHOLDS = 64;

/**
 * Bitsets for one numeric filter: for each threshold q, the slots whose value is ≥ q
 * ("at_least") or ≤ q ("at_most"), and a last, empty set. With few distinct values every
 * value is a threshold and the sets are exact; with more, thresholdSet picks the smallest set
 * that still holds every slot within the bound, and the exact check decides the rest.
 */
function thresholdSets(values: ArrayLike<number>, W: number, direction: "at_least" | "at_most") {
  const distinct = [...new Set(Array.from(values))].sort((a, b) => a - b);
  const step = Math.ceil(distinct.length / MAX_THRESHOLDS) || 1;
  // Keep the smallest value for "at least" and the largest for "at most": their sets hold
  // every slot, the fallback for a bound beyond all thresholds.
  const keep = (i: number) => (direction === "at_least" ? i : distinct.length - 1 - i) % step === 0;
  const cuts = distinct.filter((_, i) => keep(i));
  const bits = new Int32Array((cuts.length + 1) * W);
  cuts.forEach((q, k) => {
    for (let t = 0; t < values.length; t++) {
      const v = values[t]!;
      if (direction === "at_least" ? v >= q : v <= q) bits[k * W + (t >>> 5)]! |= 1 << (t & 31);
    }
  });
  return { direction, cuts, bits, exact: step === 1 };
}

/** The word offset into `sets.bits` of the set to use for a student's bound. */
export function thresholdSet(sets: ReturnType<typeof thresholdSets>, W: number, bound: number) {
  const { cuts } = sets;
  const none = cuts.length * W;
  // The first threshold ≥ bound, or cuts.length.
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid]! >= bound) hi = mid;
    else lo = mid + 1;
  }
  if (sets.direction === "at_least") {
    // Exact: slots ≥ the first threshold ≥ bound are the slots ≥ bound. Otherwise the last
    // threshold ≤ bound, whose set holds them all.
    if (sets.exact) return lo < cuts.length ? lo * W : none;
    return lo < cuts.length && cuts[lo] === bound ? lo * W : Math.max(0, lo - 1) * W;
  }
  // Exact: slots ≤ the last threshold ≤ bound are the slots ≤ bound. Otherwise the first
  // threshold ≥ bound (the largest, when none is), whose set holds them all.
  if (sets.exact) {
    const at = lo < cuts.length && cuts[lo] === bound ? lo : lo - 1;
    return at >= 0 ? at * W : none;
  }
  return Math.min(lo, cuts.length - 1) * W;
}

/** For each position, the rank of its id in sorted order (ids compared as strings). */
function rankById(ids: string[]) {
  const order = Int32Array.from(ids, (_, i) => i).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b));
  const rank = new Int32Array(ids.length);
  for (let r = 0; r < order.length; r++) rank[order[r]!] = r;
  return rank;
}

/** Position by id. */
function indexById(items: { id: string }[]) {
  const index = new Map<string, number>();
  for (let i = 0; i < items.length; i++) index.set(items[i]!.id, i);
  return index;
}
