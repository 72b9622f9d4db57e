import { toDay } from "./dates";
import { studentHoursFor } from "./eligibility";
import { workingHoursOverlap } from "./timezone";
import type { MatchSlot, MatchStudent, PairScore, ScoreComponent } from "./types";
import { WEIGHTS } from "./weights";

const round1 = (n: number) => Math.round(n * 10) / 10;

function credit(has: number | undefined, wants: number) {
  if (!has) return 0;
  return has >= wants ? 1 : 1 / 2 ** (wants - has);
}

function requiredSkills(student: MatchStudent, slot: MatchSlot): ScoreComponent {
  const wanted = Object.entries(slot.requiredSkills);
  const max = WEIGHTS.required_skills;
  if (wanted.length === 0) return { key: "required_skills", points: max, max, reason: { code: "required_none", params: {} }, neutral: true };
  const covered = wanted.filter(([skill, level]) => (student.skills[skill] ?? 0) >= level).map(([s]) => s);
  const below = wanted.filter(([skill, level]) => student.skills[skill] && student.skills[skill]! < level).map(([s]) => s);
  const missing = wanted.filter(([skill]) => !student.skills[skill]).map(([s]) => s);
  const fraction = wanted.reduce((sum, [skill, level]) => sum + credit(student.skills[skill], level), 0) / wanted.length;
  return { key: "required_skills", points: round1(max * fraction), max, reason: { code: "required_skills", params: { total: wanted.length, covered, below, missing } } };
}

function niceSkills(student: MatchStudent, slot: MatchSlot): ScoreComponent {
  const wanted = Object.entries(slot.niceSkills);
  const max = WEIGHTS.nice_skills;
  if (wanted.length === 0) return { key: "nice_skills", points: max, max, reason: { code: "nice_none", params: {} }, neutral: true };
  const has = wanted.filter(([skill, level]) => (student.skills[skill] ?? 0) >= level).map(([s]) => s);
  return { key: "nice_skills", points: round1((max * has.length) / wanted.length), max, reason: { code: "nice_skills", params: { total: wanted.length, has } } };
}

function goals(student: MatchStudent, slot: MatchSlot): ScoreComponent {
  const max = WEIGHTS.goals;
  const wanted = [...new Set(student.goals)];
  if (wanted.length === 0) return { key: "goals", points: max, max, reason: { code: "goals_none", params: {} }, neutral: true };
  // Every slot on Steppingstone is mentored.
  const met = wanted.filter((g) => g === "mentorship" || slot.offers.includes(g));
  const unmet = wanted.filter((g) => !met.includes(g));
  return { key: "goals", points: round1((max * met.length) / wanted.length), max, reason: { code: "goals", params: { met, unmet } } };
}

function timeZone(student: MatchStudent, slot: MatchSlot): ScoreComponent {
  const max = WEIGHTS.time_zone;
  if (slot.workMode !== "remote") return { key: "time_zone", points: max, max, reason: { code: "time_zone_in_person", params: {} }, neutral: true };
  const overlap = workingHoursOverlap(student.timezone, slot.timezone, slot.startDate);
  const reason: ScoreComponent["reason"] =
    overlap >= 8
      ? { code: "time_zone_same", params: {} }
      : overlap > 0
        ? { code: "time_zone_overlap", params: { hours: round1(overlap), zone: slot.timezone } }
        : { code: "time_zone_none", params: { zone: slot.timezone } };
  return { key: "time_zone", points: round1((max * overlap) / 8), max, reason };
}

function datesAndHours(student: MatchStudent, slot: MatchSlot): ScoreComponent {
  const max = WEIGHTS.dates_and_hours;
  const waitWeeks = Math.max(0, (toDay(slot.startDate) - toDay(student.availableFrom)) / 7);
  // Starting within four weeks of being free is ideal; waiting twelve or more costs half.
  const startFit = waitWeeks <= 4 ? 1 : Math.max(0.5, 1 - ((waitWeeks - 4) / 8) * 0.5);
  // why: the points weigh the slot's hours against the student's most (fast.ts keeps them in a
  // table by those hours); the reason names the hours the slot is held to, in term or in breaks.
  const hoursFit = student.maxHoursPerWeek > 0 ? Math.min(1, slot.hoursPerWeek / student.maxHoursPerWeek) : 0;
  const fraction = (startFit + (0.5 + hoursFit / 2)) / 2;
  const available = studentHoursFor(student, slot);
  return {
    key: "dates_and_hours",
    points: round1(max * fraction),
    max,
    // 0 weeks: starts within four weeks of the student being free.
    reason: {
      code: "dates_and_hours",
      params: { weeksAfterFree: waitWeeks <= 4 ? 0 : Math.round(waitWeeks), hours: slot.hoursPerWeek, studentHours: available.hours, ...(available.during ? { during: available.during } : {}) },
    },
  };
}

/**
 * A 0–100 score from named components, each with its reason as a code; deterministic for the same pair.
 * Each component's points are rounded to a tenth; the score is their sum, added in tenths
 * (exact, whatever the order) and rounded to a whole point.
 */
export function scorePair(student: MatchStudent, slot: MatchSlot): PairScore {
  const components = [requiredSkills(student, slot), niceSkills(student, slot), goals(student, slot), timeZone(student, slot), datesAndHours(student, slot)];
  const score = Math.round(components.reduce((sum, c) => sum + Math.round(c.points * 10), 0) / 10);
  return { score, components };
}

/**
 * The components to show first: those that weighed something real, those that earned the
 * largest share of their weight first (heavier ones on ties); neutral ones only to fill.
 */
export function topComponents<C extends Pick<ScoreComponent, "points" | "max" | "neutral">>(components: readonly C[], count = 3): C[] {
  return [...components]
    .sort((a, b) => Number(a.neutral ?? false) - Number(b.neutral ?? false) || b.points / b.max - a.points / a.max || b.max - a.max)
    .slice(0, count);
}

/** Whether a component earned at least half its weight: a strength, not a gap. */
export const isStrength = (c: Pick<ScoreComponent, "points" | "max">) => c.points >= c.max / 2;
