import { toDay } from "./dates";
import { workingHoursOverlap } from "./timezone";
import type { MatchSlot, MatchStudent, PairScore, ScoreComponent } from "./types";
import { WEIGHTS } from "./weights";
import { GOAL_NAMES, listWords } from "./words";

const round1 = (n: number) => Math.round(n * 10) / 10;

function credit(has: number | undefined, wants: number) {
  if (!has) return 0;
  return has >= wants ? 1 : 1 / 2 ** (wants - has);
}

function requiredSkills(student: MatchStudent, slot: MatchSlot): ScoreComponent {
  const wanted = Object.entries(slot.requiredSkills);
  const max = WEIGHTS.required_skills;
  if (wanted.length === 0) return { key: "required_skills", label: "Required skills", points: max, max, reason: "The slot requires no particular skill.", neutral: true };
  const full = wanted.filter(([skill, level]) => (student.skills[skill] ?? 0) >= level).map(([s]) => s);
  const short = wanted.filter(([skill, level]) => student.skills[skill] && student.skills[skill]! < level).map(([s]) => s);
  const missing = wanted.filter(([skill]) => !student.skills[skill]).map(([s]) => s);
  const fraction = wanted.reduce((sum, [skill, level]) => sum + credit(student.skills[skill], level), 0) / wanted.length;
  const parts = [`Covers ${full.length} of ${wanted.length} required skills at the level asked${full.length ? ` (${listWords(full)})` : ""}.`];
  if (short.length) parts.push(`Below the level asked in ${listWords(short)}.`);
  if (missing.length) parts.push(`Missing ${listWords(missing)}.`);
  return { key: "required_skills", label: "Required skills", points: round1(max * fraction), max, reason: parts.join(" ") };
}

function niceSkills(student: MatchStudent, slot: MatchSlot): ScoreComponent {
  const wanted = Object.entries(slot.niceSkills);
  const max = WEIGHTS.nice_skills;
  if (wanted.length === 0) return { key: "nice_skills", label: "Nice-to-have skills", points: max, max, reason: "The slot lists no nice-to-have skills.", neutral: true };
  const has = wanted.filter(([skill, level]) => (student.skills[skill] ?? 0) >= level).map(([s]) => s);
  return {
    key: "nice_skills",
    label: "Nice-to-have skills",
    points: round1((max * has.length) / wanted.length),
    max,
    reason: has.length ? `Has ${has.length} of ${wanted.length} nice-to-have skills (${listWords(has)}).` : `Has none of the ${wanted.length} nice-to-have skills.`,
  };
}

function goals(student: MatchStudent, slot: MatchSlot): ScoreComponent {
  const max = WEIGHTS.goals;
  const wanted = [...new Set(student.goals)];
  if (wanted.length === 0) return { key: "goals", label: "Goals", points: max, max, reason: "No particular goals were given.", neutral: true };
  // Every slot on Steppingstone is mentored.
  const met = wanted.filter((g) => g === "mentorship" || slot.offers.includes(g));
  const unmet = wanted.filter((g) => !met.includes(g));
  const reason = met.length
    ? `Can give ${listWords(met.map((g) => GOAL_NAMES[g]))}${unmet.length ? `, not ${listWords(unmet.map((g) => GOAL_NAMES[g]))}` : ""}.`
    : `Cannot give ${listWords(unmet.map((g) => GOAL_NAMES[g]))}.`;
  return { key: "goals", label: "Goals", points: round1((max * met.length) / wanted.length), max, reason };
}

function timeZone(student: MatchStudent, slot: MatchSlot): ScoreComponent {
  const max = WEIGHTS.time_zone;
  if (slot.workMode !== "remote") return { key: "time_zone", label: "Time zone", points: max, max, reason: "In person: you work the team's hours.", neutral: true };
  const overlap = workingHoursOverlap(student.timezone, slot.timezone, slot.startDate);
  const reason =
    overlap >= 8
      ? "Same working hours as the team."
      : overlap > 0
        ? `${round1(overlap)} of 8 working hours overlap with the team's (${slot.timezone}).`
        : `No working hours overlap with the team's (${slot.timezone}).`;
  return { key: "time_zone", label: "Time zone", points: round1((max * overlap) / 8), max, reason };
}

function datesAndHours(student: MatchStudent, slot: MatchSlot): ScoreComponent {
  const max = WEIGHTS.dates_and_hours;
  const waitWeeks = Math.max(0, (toDay(slot.startDate) - toDay(student.availableFrom)) / 7);
  // Starting within four weeks of being free is ideal; waiting twelve or more costs half.
  const startFit = waitWeeks <= 4 ? 1 : Math.max(0.5, 1 - ((waitWeeks - 4) / 8) * 0.5);
  const hoursFit = student.maxHoursPerWeek > 0 ? Math.min(1, slot.hoursPerWeek / student.maxHoursPerWeek) : 0;
  const fraction = (startFit + (0.5 + hoursFit / 2)) / 2;
  const when = waitWeeks <= 4 ? "Starts soon after you are free" : `Starts ${Math.round(waitWeeks)} weeks after you are free`;
  return {
    key: "dates_and_hours",
    label: "Dates and hours",
    points: round1(max * fraction),
    max,
    reason: `${when}; ${slot.hoursPerWeek} of your ${student.maxHoursPerWeek} hours a week.`,
  };
}

/**
 * A 0–100 score from named components, each with a sentence; deterministic for the same pair.
 * Each component's points are rounded to a tenth; the score is their sum, added in tenths
 * (exact, whatever the order) and rounded to a whole point.
 */
export function scorePair(student: MatchStudent, slot: MatchSlot): PairScore {
  const components = [requiredSkills(student, slot), niceSkills(student, slot), goals(student, slot), timeZone(student, slot), datesAndHours(student, slot)];
  const score = Math.round(components.reduce((sum, c) => sum + Math.round(c.points * 10), 0) / 10);
  return { score, components };
}

/**
 * The reasons to show first: components that weighed something real, those that earned the
 * largest share of their weight first (heavier ones on ties); neutral ones only to fill.
 * `good` says whether the component earned at least half its weight (a strength, not a gap).
 */
export function topReasonItems(pair: PairScore, count = 3) {
  return [...pair.components]
    .sort((a, b) => Number(a.neutral ?? false) - Number(b.neutral ?? false) || b.points / b.max - a.points / a.max || b.max - a.max)
    .slice(0, count)
    .map((c) => ({ reason: c.reason, good: c.points >= c.max / 2 }));
}

export function topReasons(pair: PairScore, count = 3) {
  return topReasonItems(pair, count).map((r) => r.reason);
}
