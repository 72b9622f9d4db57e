import { and, eq, sql } from "drizzle-orm";
import { slots } from "~db/schema";

// Whether a slot takes applications, defined once. A slot takes applications while it is open
// and its deadline day has not ended in the slot's own time zone (saved slots carry only zones
// PostgreSQL knows): a deadline of 1 December in Los Angeles holds until 23:59 there, which is
// 07:59 UTC on 2 December. Search, the slot page, applying, starring, recommendations,
// invitations and matching rounds all ask here. `now` is a parameter for tests.

/** The deadline part alone: the deadline day has not ended where the slot is. */
export const deadlineNotPassed = (now: Date) =>
  sql<boolean>`${slots.applicationDeadline} >= (${now.toISOString()}::timestamptz at time zone ${slots.timezone})::date`;

/** Open, and its deadline day has not ended where the slot is. */
export const takingApplications = (now: Date) => and(eq(slots.status, "open"), deadlineNotPassed(now))!;

/** The calendar day (YYYY-MM-DD) at `now` in `timeZone`, for the same rule read outside SQL. */
export function dayIn(timeZone: string, now: Date): string {
  // why: en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
