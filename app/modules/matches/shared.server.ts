import { eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { matches, organizations, slots, users, type Match, type Organization } from "~db/schema";
import { isUuid } from "~/modules/ids";
import { submitted, type SubmittedSlot } from "~/modules/slots/submitted";

export type Person = { id: string; name: string; email: string };

export { firstName } from "~/domain/names";

export type LockedMatch = { match: Match; slot: SubmittedSlot; organization: Organization; student: Person };

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
  // A match is made only with a submitted slot, and a slot with matches never goes back to draft.
  return row ? { ...row, slot: submitted(row.slot) } : null;
}
