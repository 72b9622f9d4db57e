import { MIN_CELL } from "~/modules/insights/filters";

// How the insight charts and their tables write numbers: the same words in both.

const count = new Intl.NumberFormat("en-US");

/** "1,204". */
export const formatCount = (value: number) => count.format(value);

/** What a hidden count says wherever it would stand. */
export const HIDDEN_COUNT = `fewer than ${MIN_CELL}`;

/** A count of people as shown: the number, or "fewer than 5". */
export const formatPeople = (value: number | null) => (value === null ? HIDDEN_COUNT : formatCount(value));

/**
 * What a hidden count in a breakdown says (the outcome tables): small or kept back so that a small
 * one cannot be worked out, it reads the same (suppressColumn).
 */
export const HIDDEN_IN_BREAKDOWN = "hidden";

/** A count of people in a breakdown as shown: the number, or "hidden". */
export const formatGrouped = (value: number | null) => (value === null ? HIDDEN_IN_BREAKDOWN : formatCount(value));

/** A share 0–1 as a whole percentage: "75%"; a share that rounds to 0 but is not 0 is "under 1%". */
export function formatShare(share: number) {
  if (share > 0 && share < 0.005) return "under 1%";
  if (share < 1 && share > 0.995) return "over 99%";
  return `${Math.round(share * 100)}%`;
}
