import { MIN_CELL, WITHHELD } from "~/modules/insights/filters";
import type { GroupedCount } from "~/modules/insights/types";

// How the insight charts and their tables write numbers: the same words in both.

const count = new Intl.NumberFormat("en-US");

/** "1,204". */
export const formatCount = (value: number) => count.format(value);

/** What a hidden count says wherever it would stand. */
export const HIDDEN_COUNT = `fewer than ${MIN_CELL}`;

/** What a withheld count says: not small, but shown it would tell a hidden one. */
export const WITHHELD_COUNT = "withheld";

/** A count of people as shown: the number, "fewer than 5", or "withheld". */
export const formatPeople = (value: GroupedCount) => (value === null ? HIDDEN_COUNT : value === WITHHELD ? WITHHELD_COUNT : formatCount(value));

/** A share 0–1 as a whole percentage: "75%"; a share that rounds to 0 but is not 0 is "under 1%". */
export function formatShare(share: number) {
  if (share > 0 && share < 0.005) return "under 1%";
  if (share < 1 && share > 0.995) return "over 99%";
  return `${Math.round(share * 100)}%`;
}
