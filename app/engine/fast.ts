import type { RankingTables } from "./compile";
import { bitCount, STEM_OPT, WAIT_CLASSES } from "./compile";
import { fromDay } from "./dates";
import { workingHoursOverlap } from "./timezone";
import { WEIGHTS } from "./weights";

// The hot-path twins of checkEligibility (eligibility.ts) and scorePair (score.ts): the same
// rules on compiled integer arrays, without sentences. fast.test.ts checks they agree on
// random instances; change both together.

const REMOTE = 1;

export function eligibleFast(c: RankingTables, s: number, t: number) {
  if (!meetsHardFilters(c, c.sStatus[s]!, c.sComp[s]!, c.sModes[s]!, c.sCountry[s]!, t)) return false;
  if (c.sFrom[s]! > c.tStart[t]! || c.sEnd[s]! < c.tEnd[t]!) return false;
  return c.tHours[t]! <= (c.tInTerm[t] ? c.sTermHours[s]! : c.sHours[s]!);
}

/** Work authorization, compensation, work mode and country: the rules students of one kind share. */
function meetsHardFilters(c: RankingTables, status: number, comp: number, modes: number, country: number, t: number) {
  if (!((c.tAccepts[t]! >> status) & 1)) return false;
  if (status === STEM_OPT && !c.tStemOk[t]) return false;
  if (!(comp & c.tComp[t]!) || !(modes & c.tMode[t]!)) return false;
  return c.tMode[t] === REMOTE || country === c.tCountry[t];
}

/** Scratch space holding one student's skill levels by skill id, for scoring many slots. */
export function makeScratch(c: RankingTables) {
  return new Uint8Array(Math.max(1, c.K));
}

export function loadStudent(c: RankingTables, s: number, scratch: Uint8Array) {
  for (let j = c.sSkillStart[s]!; j < c.sSkillStart[s + 1]!; j++) scratch[c.sSkillIds[j]!] = c.sSkillLevels[j]!;
}

export function unloadStudent(c: RankingTables, s: number, scratch: Uint8Array) {
  for (let j = c.sSkillStart[s]!; j < c.sSkillStart[s + 1]!; j++) scratch[c.sSkillIds[j]!] = 0;
}

// Scores are added up in tenths of a point, as score.ts does: each component's points are
// rounded to a tenth, and the total of the tenths to a whole point.
const tenths = (points: number) => Math.round(points * 10);

// Credit for a skill held `gap` levels below the level asked: 1, 1/2, 1/4, 1/8; so a slot's
// credit is a whole number of eighths.
const SHORT_EIGHTHS = [8, 4, 2, 1];
// Component tenths by table, score.ts's arithmetic done once: required skills by (number
// asked, eighths of credit), nice-to-have by (number listed, number held), goals by (number
// of goals, number met), the start-date fit by days waited (full within four weeks, down to
// half at twelve), and the whole score by total tenths.
const TABLE_SKILLS = 16;
const REQUIRED_TENTHS = Int32Array.from({ length: TABLE_SKILLS * TABLE_SKILLS * 8 }, (_, i) => {
  const asked = Math.floor(i / (TABLE_SKILLS * 8));
  const eighths = i % (TABLE_SKILLS * 8);
  return asked === 0 ? tenths(WEIGHTS.required_skills) : tenths(WEIGHTS.required_skills * (eighths / 8 / asked));
});
const NICE_TENTHS = Int32Array.from({ length: TABLE_SKILLS * TABLE_SKILLS }, (_, i) => {
  const listed = Math.floor(i / TABLE_SKILLS);
  return listed === 0 ? tenths(WEIGHTS.nice_skills) : tenths((WEIGHTS.nice_skills * (i % TABLE_SKILLS)) / listed);
});
const GOAL_TENTHS = Int32Array.from({ length: 64 }, (_, i) => (i >> 3 === 0 ? tenths(WEIGHTS.goals) : tenths((WEIGHTS.goals * (i & 7)) / (i >> 3))));
const GOAL_BITS = Uint8Array.from({ length: 64 }, (_, m) => bitCount(m));
/** Dates-and-hours tenths by wait class (compile.ts's WAIT_CLASSES) and hours. */
function datesTenths(wait: number, slotHours: number, studentHours: number) {
  // Starting within four weeks of being free is ideal; waiting twelve or more costs half.
  const waitWeeks = (wait === 0 ? 28 : wait + 28) / 7;
  const startFit = waitWeeks <= 4 ? 1 : Math.max(0.5, 1 - ((waitWeeks - 4) / 8) * 0.5);
  const hoursFit = studentHours > 0 ? Math.min(1, slotHours / studentHours) : 0;
  return tenths(WEIGHTS.dates_and_hours * ((startFit + (0.5 + hoursFit / 2)) / 2));
}
const SCORE_OF_TENTHS = Uint8Array.from({ length: 1001 }, (_, total) => Math.round(total / 10));
const ZONE_FULL = tenths(WEIGHTS.time_zone);

/**
 * Scores student `s` against `slots[0..n)` into `out` (0–100 each); `scratch` must hold the
 * student (loadStudent). The tables stand in for score.ts's arithmetic where a slot asks for
 * fewer than 16 skills; beyond that the same arithmetic is done in place.
 */
export function scoreSlots(c: RankingTables, s: number, scratch: Uint8Array, slots: Int32Array, n: number, out: Int32Array) {
  const reqStart = c.tReqStart;
  const reqIds = c.tReqIds;
  const reqLevels = c.tReqLevels;
  const niceStart = c.tNiceStart;
  const niceIds = c.tNiceIds;
  const niceLevels = c.tNiceLevels;
  const offers = c.tOffers;
  const mode = c.tMode;
  const zoneDay = c.tZoneDay;
  const slotStart = c.tStart;
  const slotHours = c.tHours;
  const overlapRow = c.sOverlapRow[s]!;
  const goalRow = c.sGoalCount[s]! << 3;
  const goals = c.sGoals[s]!;
  const from = c.sFrom[s]!;
  const hours = c.sHours[s]!;
  const datesTable = c.datesTable;
  const slotHoursClass = c.tHoursClass;
  const datesRow = c.sHoursClass[s]! * c.slotHourClassCount * WAIT_CLASSES;
  for (let i = 0; i < n; i++) {
    const t = slots[i]!;
    const r0 = reqStart[t]!;
    const asked = reqStart[t + 1]! - r0;
    let eighths = 0;
    for (let j = r0; j < r0 + asked; j++) {
      const has = scratch[reqIds[j]!]!;
      if (has) eighths += SHORT_EIGHTHS[Math.max(0, reqLevels[j]! - has)]!;
    }
    const required = asked < TABLE_SKILLS ? REQUIRED_TENTHS[asked * TABLE_SKILLS * 8 + eighths]! : tenths(WEIGHTS.required_skills * (eighths / 8 / asked));
    const n0 = niceStart[t]!;
    const listed = niceStart[t + 1]! - n0;
    let held = 0;
    for (let j = n0; j < n0 + listed; j++) if (scratch[niceIds[j]!]! >= niceLevels[j]!) held++;
    const nice = listed < TABLE_SKILLS ? NICE_TENTHS[listed * TABLE_SKILLS + held]! : tenths((WEIGHTS.nice_skills * held) / listed);
    const goal = GOAL_TENTHS[goalRow | GOAL_BITS[goals & offers[t]!]!]!;
    let zone = ZONE_FULL;
    if (mode[t] === REMOTE) {
      zone = overlapRow[zoneDay[t]!]!;
      if (zone < 0) zone = zoneTenths(c, s, t);
    }
    const waited = slotStart[t]! - from;
    const wait = waited <= 28 ? 0 : waited >= 84 ? WAIT_CLASSES - 1 : waited - 28;
    let dates: number;
    if (datesTable) {
      const cell = datesRow + slotHoursClass[t]! * WAIT_CLASSES + wait;
      dates = datesTable[cell]!;
      if (dates < 0) dates = datesTable[cell] = datesTenths(wait, slotHours[t]!, hours);
    } else dates = datesTenths(wait, slotHours[t]!, hours);
    out[i] = SCORE_OF_TENTHS[required + nice + goal + zone + dates]!;
  }
}

/** The time-zone tenths of a remote pair, computed once per (student zone, slot zone, start day). */
function zoneTenths(c: RankingTables, s: number, t: number) {
  const value = tenths((WEIGHTS.time_zone * workingHoursOverlap(c.sZoneName[s]!, c.zoneNames[c.tZone[t]!]!, fromDay(c.tStart[t]!))) / 8);
  c.sOverlapRow[s]![c.tZoneDay[t]!] = value;
  return value;
}

const one = new Int32Array(1);
const oneScore = new Int32Array(1);

/** The pair's 0–100 score; `scratch` must hold student `s` (loadStudent). */
export function scoreFast(c: RankingTables, s: number, t: number, scratch: Uint8Array) {
  one[0] = t;
  scoreSlots(c, s, scratch, one, 1, oneScore);
  return oneScore[0]!;
}

