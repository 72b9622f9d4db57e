import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { organizationMembers, organizations, slots } from "~db/schema";
import { isUuid } from "~/modules/ids";

// Who owns a slot, and whether it takes applications: each defined once, as a condition on
// `slots` that a query carries, so a query for someone else's slot finds nothing.

/**
 * The slot belongs to an organization `userId` is a member of: its mentors. Admins are not
 * members; a route that lets them in says so itself.
 */
export const mentorOfSlot = (userId: string) =>
  sql<boolean>`exists (select 1 from ${organizationMembers} where ${organizationMembers.organizationId} = ${slots.organizationId} and ${organizationMembers.userId} = ${userId})`;

// Whether a slot takes applications. A slot takes applications while it is open
// and its deadline day has not ended in the slot's own time zone (saved slots carry only zones
// PostgreSQL knows): a deadline of 1 December in Los Angeles holds until 23:59 there, which is
// 07:59 UTC on 2 December. Search, the slot page, applying, starring, recommendations,
// invitations and matching rounds all ask here. `now` is a parameter for tests.

/**
 * The deadline part alone: the deadline day has not ended where the slot is. Reads the stored
 * instant `accepts_until` (the start of the next day there, kept by PostgreSQL from the deadline
 * and the zone), which the partial index on open slots serves.
 */
export const deadlineNotPassed = (now: Date) => sql<boolean>`${slots.acceptsUntil} > ${now.toISOString()}::timestamptz`;

/** Open, and its deadline day has not ended where the slot is. */
export const takingApplications = (now: Date) => and(eq(slots.status, "open"), deadlineNotPassed(now))!;

/** The calendar day (YYYY-MM-DD) at `now` in `timeZone`, for the same rule read outside SQL. */
export function dayIn(timeZone: string, now: Date): string {
  // why: en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * A slot (any status) of an organization `userId` mentors for, with its organization and whether
 * it takes applications at `now`; null for anyone else's slot or a malformed id, so a page answers
 * "not found". `lock` locks the slot's row for the rest of the transaction.
 */
export async function findOwnSlot(db: Db, { userId, slotId, lock = false, now = new Date() }: { userId: string; slotId: string; lock?: boolean; now?: Date }) {
  if (!isUuid(userId) || !isUuid(slotId)) return null;
  const query = db
    .select({ slot: slots, organization: organizations, open: sql<boolean>`${takingApplications(now)}` })
    .from(slots)
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .where(and(eq(slots.id, slotId), mentorOfSlot(userId)));
  const [row] = await (lock ? query.for("update", { of: slots }) : query);
  return row ?? null;
}

export type OwnSlot = NonNullable<Awaited<ReturnType<typeof findOwnSlot>>>;
