import type { Goal, WorkModeKind } from "./types";

// The engine's sentences use these words; the pages use app/domain/labels.ts (the same words).
export const WORK_MODE_NAMES: Record<WorkModeKind, string> = { remote: "remote", hybrid: "hybrid", onsite: "on site" };

export const GOAL_NAMES: Record<Goal, string> = {
  mentorship: "mentorship",
  recommendation_letter: "a recommendation letter",
  referral: "a referral",
  return_offer: "return-offer consideration",
  portfolio_project: "a portfolio project",
  course_credit: "course credit",
};

/** "a, b and c" */
export function listWords(items: string[]) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
