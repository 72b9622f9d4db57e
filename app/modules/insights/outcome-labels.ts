// The groups of the outcomes table of /admin/insights that have no word elsewhere: how many of
// its promises a slot kept, by the completion record (match_outcomes.benefits). Safe in the browser.

export const PROMISES_KEPT = ["all", "some", "none", "no_record"] as const;
export type PromisesKept = (typeof PROMISES_KEPT)[number];

export const PROMISES_KEPT_LABELS: Record<PromisesKept, string> = {
  all: "Every promise kept",
  some: "Some promises kept",
  none: "No promise kept",
  no_record: "No promises recorded",
};
