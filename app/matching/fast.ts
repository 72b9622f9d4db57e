import type { Compiled } from "./compile";
import { OPT_POST, STEM_OPT } from "./compile";
import { fromDay } from "./dates";
import { workingHoursOverlap } from "./timezone";
import { WEIGHTS } from "./weights";

// The hot-path twins of checkEligibility (eligibility.ts) and scorePair (score.ts): the same
// rules on compiled integer arrays, without sentences. fast.test.ts checks they agree on
// random instances; change both together.

const REMOTE = 1;
const round1 = (n: number) => Math.round(n * 10) / 10;

export function eligibleFast(c: Compiled, s: number, t: number) {
  const status = c.sStatus[s]!;
  if (!((c.tAccepts[t]! >> status) & 1)) return false;
  if (status === STEM_OPT && !c.tStemOk[t]) return false;
  if (status === OPT_POST && !c.tOptPostOk[t]) return false;
  if (!(c.sComp[s]! & c.tComp[t]!)) return false;
  if (!(c.sModes[s]! & c.tMode[t]!)) return false;
  if (c.tMode[t] !== REMOTE && c.sCountry[s] !== c.tCountry[t]) return false;
  if (c.sFrom[s]! > c.tStart[t]! || c.sEnd[s]! < c.tEnd[t]!) return false;
  return c.tHours[t]! <= c.sHours[s]!;
}

/** Scratch space holding one student's skill levels by skill id, for scoring many slots. */
export function makeScratch(c: Compiled) {
  return new Uint8Array(Math.max(1, c.K));
}

export function loadStudent(c: Compiled, s: number, scratch: Uint8Array) {
  for (let j = c.sSkillStart[s]!; j < c.sSkillStart[s + 1]!; j++) scratch[c.sSkillIds[j]!] = c.sSkillLevels[j]!;
}

export function unloadStudent(c: Compiled, s: number, scratch: Uint8Array) {
  for (let j = c.sSkillStart[s]!; j < c.sSkillStart[s + 1]!; j++) scratch[c.sSkillIds[j]!] = 0;
}

function overlapHours(c: Compiled, s: number, t: number) {
  const row = c.sOverlapRow[s]!;
  const cell = c.tZoneDay[t]!;
  let hours = row[cell]!;
  if (hours < 0) {
    hours = workingHoursOverlap(c.sZoneName[s]!, c.zoneNames[c.tZone[t]!]!, fromDay(c.tStart[t]!));
    row[cell] = hours;
  }
  return hours;
}

// Credit for a skill held `gap` levels below the level asked: 1, 1/2, 1/4, 1/8.
const SHORT_CREDIT = [1, 1 / 2, 1 / 4, 1 / 8];
const REST_MAX = WEIGHTS.nice_skills + WEIGHTS.goals + WEIGHTS.time_zone + WEIGHTS.dates_and_hours;

/**
 * The pair's 0–100 score; `scratch` must hold student `s` (loadStudent). With `floor`, a
 * pair that cannot reach it even with full marks on everything after required skills gets
 * -1 without the rest being computed (ranking only needs scores that can make the list).
 */
export function scoreFast(c: Compiled, s: number, t: number, scratch: Uint8Array, floor = -1) {
  let required: number = WEIGHTS.required_skills;
  const r0 = c.tReqStart[t]!;
  const r1 = c.tReqStart[t + 1]!;
  if (r1 > r0) {
    let credit = 0;
    for (let j = r0; j < r1; j++) {
      const has = scratch[c.tReqIds[j]!]!;
      const wants = c.tReqLevels[j]!;
      if (has) credit += has >= wants ? 1 : SHORT_CREDIT[wants - has]!;
    }
    required = round1(WEIGHTS.required_skills * (credit / (r1 - r0)));
  }
  if (floor >= 0 && Math.round(required + REST_MAX) < floor) return -1;
  let nice: number = WEIGHTS.nice_skills;
  const n0 = c.tNiceStart[t]!;
  const n1 = c.tNiceStart[t + 1]!;
  if (n1 > n0) {
    let has = 0;
    for (let j = n0; j < n1; j++) if (scratch[c.tNiceIds[j]!]! >= c.tNiceLevels[j]!) has++;
    nice = round1((WEIGHTS.nice_skills * has) / (n1 - n0));
  }
  let goals: number = WEIGHTS.goals;
  const goalCount = c.sGoalCount[s]!;
  if (goalCount > 0) goals = round1((WEIGHTS.goals * popcount(c.sGoals[s]! & c.tOffers[t]!)) / goalCount);
  const zone = c.tMode[t] === REMOTE ? round1((WEIGHTS.time_zone * overlapHours(c, s, t)) / 8) : WEIGHTS.time_zone;
  const waitWeeks = Math.max(0, (c.tStart[t]! - c.sFrom[s]!) / 7);
  const startFit = waitWeeks <= 4 ? 1 : Math.max(0.5, 1 - ((waitWeeks - 4) / 8) * 0.5);
  const hoursFit = c.sHours[s]! > 0 ? Math.min(1, c.tHours[t]! / c.sHours[s]!) : 0;
  const dates = round1(WEIGHTS.dates_and_hours * ((startFit + (0.5 + hoursFit / 2)) / 2));
  return Math.round(0 + required + nice + goals + zone + dates);
}

function popcount(n: number) {
  let count = 0;
  while (n) {
    n &= n - 1;
    count++;
  }
  return count;
}
