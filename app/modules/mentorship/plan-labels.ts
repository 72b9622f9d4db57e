import type { Benefit, MentorshipGoal } from "~db/schema";
import { formatDay } from "~/modules/slots/format";
import { weekDays, type InternshipDates } from "./weeks";

// The plan's words: goal states, where a goal came from, the benefits worded as goals. Safe in the browser.

type GoalState = MentorshipGoal["state"];
type GoalSource = MentorshipGoal["source"];

export const GOAL_STATE_LABELS: Record<GoalState, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  done: "Done",
  dropped: "Dropped",
};

/** The badge of each state, as Tailwind classes. */
export const GOAL_STATE_TONES: Record<GoalState, string> = {
  not_started: "bg-slate-50 text-slate-700 ring-slate-300",
  in_progress: "bg-sky-50 text-sky-800 ring-sky-200",
  done: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  dropped: "bg-slate-100 text-slate-500 ring-slate-200",
};

/**
 * A goal's badge: its state, with a student's "done" that no mentor confirmed yet told apart at a
 * glance from a confirmed one (other words, an amber tone instead of a solid green).
 */
export function goalBadge(state: GoalState, confirmed: boolean): { label: string; tone: string } {
  if (state !== "done") return { label: GOAL_STATE_LABELS[state], tone: GOAL_STATE_TONES[state] };
  return confirmed
    ? { label: "Done", tone: "bg-emerald-600 text-white ring-emerald-600" }
    : { label: "Done — waiting for confirmation", tone: "bg-amber-50 text-amber-900 ring-amber-300" };
}

/** Where a goal came from, said to its reader: the student reads "you". */
export function goalSourceLabel(source: GoalSource, side: "student" | "mentor" | "admin") {
  if (source === "learning_plan") return "From the slot's learning plan";
  if (source === "student_goal") return side === "student" ? "What the internship should give you" : "What the internship should give the student";
  return "Added by hand";
}

/** A benefit (promised by the slot, or wanted by the student) worded as a goal of the plan. Mentorship itself is the whole plan, not a goal. */
export const BENEFIT_GOAL_TITLES: Record<Exclude<Benefit, "mentorship">, string> = {
  recommendation_letter: "Recommendation letter from your mentor",
  portfolio_project: "A portfolio project to show",
  referral: "Referral for a next role",
  return_offer: "Return-offer conversation",
  course_credit: "Course credit paperwork signed",
};

const weekday = new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone: "UTC" });

/** "Week 3 · by Mon, Jun 22, 2026": a target week and the last day of it. */
export function goalWeekLine(dates: InternshipDates, week: number) {
  const { due } = weekDays(dates, week);
  return `Week ${week} · by ${weekday.format(new Date(`${due}T00:00:00Z`))}, ${formatDay(due)}`;
}

/** "3 of 7 goals done, 1 waiting for confirmation": dropped goals are left out of the count. */
export function describeProgress({ total, done, waiting, dropped }: { total: number; done: number; waiting: number; dropped: number }) {
  if (total === 0 && dropped === 0) return "No goals yet.";
  const parts = [`${done} of ${total} ${total === 1 ? "goal" : "goals"} done`];
  if (waiting) parts.push(`${waiting} waiting for confirmation`);
  if (dropped) parts.push(`${dropped} dropped`);
  return parts.join(", ");
}
