import type { Slot } from "~db/schema";

/**
 * The terms a slot may leave empty while it is a draft; every one is filled before it is
 * submitted (submitSlot checks them, and the slots_terms_once_submitted CHECK holds the database to it).
 */
export const SLOT_TERM_COLUMNS = [
  "description",
  "project",
  "mentorHoursPerWeek",
  "compensation",
  "hoursPerWeek",
  "startDate",
  "durationWeeks",
  "applicationDeadline",
  "seats",
  "workMode",
  "country",
  "timezone",
] as const satisfies readonly (keyof Slot)[];
type TermColumn = (typeof SLOT_TERM_COLUMNS)[number];

/** A row of a submitted slot (any status but draft): its terms are all there. */
export type Submitted<T> = { [K in keyof T]: K extends TermColumn ? NonNullable<T[K]> : T[K] };
/** A row that may be a draft's: its terms may be missing. */
export type MaybeDraft<T> = { [K in keyof T]: K extends TermColumn ? T[K] | null : T[K] };
/** A whole slot that has been submitted. */
export type SubmittedSlot = Submitted<Slot>;

/**
 * The one way a reader of published slots (search, recommendations, the engine, matches, the
 * review queue) gets a row without the gaps a draft may have. Those readers select submitted
 * slots only; a draft reaching one is a bug, so it throws instead of showing a half-written slot.
 */
export function submitted<T extends object>(row: T): Submitted<T> {
  if ("status" in row && row.status === "draft") throw new Error("A draft slot was read as a submitted one");
  return complete(row);
}

/** A row whose terms are all there, whatever its status: a draft about to be submitted, once checked. */
export function complete<T extends object>(row: T): Submitted<T> {
  for (const column of SLOT_TERM_COLUMNS) {
    if (column in row && (row as Record<string, unknown>)[column] === null) throw new Error(`A submitted slot has no ${column}`);
  }
  return row as Submitted<T>;
}
