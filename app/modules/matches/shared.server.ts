import { asc, eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { matches, organizationMembers, organizations, slotMentors, slots, users, type Match, type Organization, type Slot } from "~db/schema";
import { getEnv } from "~/env.server";
import { isUuid } from "./ids";

export type Person = { id: string; name: string; email: string };

/** An absolute link for an email. */
export const link = (path: string) => `${getEnv().APP_URL}${path}`;

/** The name a person is greeted by in an email: the first word of their name. */
export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/**
 * The people who speak for a slot: its named mentors, or every mentor of its organization when
 * none is named any more (a named mentor deleted their account).
 */
export async function slotPeople(db: Db, slot: Pick<Slot, "id" | "organizationId">): Promise<Person[]> {
  const named = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(slotMentors)
    .innerJoin(users, eq(users.id, slotMentors.userId))
    .where(eq(slotMentors.slotId, slot.id))
    .orderBy(asc(users.name));
  if (named.length) return named;
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(eq(organizationMembers.organizationId, slot.organizationId))
    .orderBy(asc(users.name));
}

export type LockedMatch = { match: Match; slot: Slot; organization: Organization; student: Person };

/** The match with its slot, organization and student, the match row locked for the rest of the transaction. */
export async function lockMatch(tx: Db, matchId: string): Promise<LockedMatch | null> {
  if (!isUuid(matchId)) return null;
  const [row] = await tx
    .select({ match: matches, slot: slots, organization: organizations, student: { id: users.id, name: users.name, email: users.email } })
    .from(matches)
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .innerJoin(users, eq(users.id, matches.studentId))
    .where(eq(matches.id, matchId))
    .for("update", { of: matches });
  return row ?? null;
}
