import type { Benefit } from "~db/schema";
import { BENEFITS } from "~/domain/vocabulary";
import { BENEFIT_GOAL_TITLES } from "./plan-labels";

// The first draft of a pair's plan, from the slot's learning plan and what the internship should
// give the student. Pure: plan.server.ts writes what this returns.

/** How many lines of a learning plan become goals; the rest of a long plan stays in the slot. */
export const MAX_DRAFTED_PLAN_LINES = 8;
/** The longest goal title (the database holds it to 200 characters too). */
export const MAX_GOAL_TITLE = 200;

export type DraftedGoal = { title: string; targetWeek: number; source: "learning_plan" | "student_goal"; benefit: Benefit | null };

// "- ", "* ", "• ", "1. ", "2) ", "a) " at the start of a line.
const BULLET = /^(?:[-*•·–—]+|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+/iu;
// "Week 2:", "Weeks 3–6:", "Wk 4 -", "Weeks 7 to 12." at the start of a line.
const WEEK_PREFIX = /^(?:weeks?|wks?\.?)\s*(\d{1,3})(?:\s*(?:[-–—]|to|through)\s*(\d{1,3}))?\s*(?:[:.)–—-]\s*|$)/iu;

/** A title of at most MAX_GOAL_TITLE characters, cut at a word where it can be. */
function shorten(text: string) {
  if (text.length <= MAX_GOAL_TITLE) return text;
  const cut = text.slice(0, MAX_GOAL_TITLE - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > MAX_GOAL_TITLE / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The week a line of a learning plan starts ("Weeks 6–8: …" → 6), or null when it names none. */
export function planLineStartWeek(line: string): number | null {
  const prefix = WEEK_PREFIX.exec(line.trim().replace(BULLET, "").trim());
  return prefix ? Number(prefix[1]) : null;
}

const clampWeek = (week: number, durationWeeks: number) => Math.min(durationWeeks, Math.max(1, week));

/**
 * One goal per line of the learning plan (at most MAX_DRAFTED_PLAN_LINES), without its bullet or
 * numbering; a "Weeks 3–6:" prefix sets the target week to the range's end, and a line without
 * one gets a week spread evenly over the internship by its place in the plan. Headings (a line
 * ending in a colon) are left out.
 */
export function learningPlanGoals(learningPlan: string | null, durationWeeks: number): DraftedGoal[] {
  const lines = (learningPlan ?? "")
    .split("\n")
    .map((line) => line.trim().replace(BULLET, "").trim())
    // why: a line of only punctuation (a lone bullet, a rule of dashes) says nothing to do.
    .filter((line) => /[\p{L}\p{N}]/u.test(line) && !line.endsWith(":"))
    .slice(0, MAX_DRAFTED_PLAN_LINES);
  return lines.flatMap((line, i): DraftedGoal[] => {
    const prefix = WEEK_PREFIX.exec(line);
    const rest = (prefix ? line.slice(prefix[0].length) : line).replace(BULLET, "").trim().replace(/\.$/u, "");
    if (!rest) return [];
    const week = prefix ? Number(prefix[2] ?? prefix[1]) : Math.ceil(((i + 1) * durationWeeks) / lines.length);
    return [{ title: shorten(rest.charAt(0).toUpperCase() + rest.slice(1)), targetWeek: clampWeek(week, durationWeeks), source: "learning_plan", benefit: null }];
  });
}

/** One goal per benefit the slot promises or the student wants (mentorship aside), due in the last week. */
export function benefitGoals(offers: readonly Benefit[], studentGoals: readonly Benefit[], durationWeeks: number): DraftedGoal[] {
  return BENEFITS.filter((b): b is Exclude<Benefit, "mentorship"> => b !== "mentorship" && (offers.includes(b) || studentGoals.includes(b))).map((benefit) => ({
    title: BENEFIT_GOAL_TITLES[benefit],
    targetWeek: durationWeeks,
    source: "student_goal",
    benefit,
  }));
}

/** The whole first draft: the learning plan's goals, then the benefits'. */
export function draftGoals({
  learningPlan,
  offers,
  studentGoals,
  durationWeeks,
}: {
  learningPlan: string | null;
  offers: readonly Benefit[];
  studentGoals: readonly Benefit[];
  durationWeeks: number;
}): DraftedGoal[] {
  return [...learningPlanGoals(learningPlan, durationWeeks), ...benefitGoals(offers, studentGoals, durationWeeks)];
}
