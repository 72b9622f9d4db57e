import { eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { organizationMembers, organizations } from "~db/schema";

/** The organization a mentor belongs to (at most one), or null. */
export async function getMembership(db: Db, userId: string) {
  const [row] = await db
    .select({ organization: organizations, joinedAt: organizationMembers.joinedAt })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(eq(organizationMembers.userId, userId));
  return row ?? null;
}
