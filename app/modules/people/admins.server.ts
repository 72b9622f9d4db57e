import { asc, eq, or } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { users } from "~db/schema";

/**
 * Locks the row of `userId` and of every admin for the rest of the transaction, and says
 * whether an admin who can sign in (not suspended, email confirmed) stays besides `userId`. Every change that
 * takes an admin away — deleting the account, suspending it, removing the role — asks here
 * inside its transaction, so two such changes at once take turns and the platform never
 * loses its last admin.
 */
export async function lockAmongAdmins(tx: Db, userId: string) {
  const locked = await tx
    .select({ id: users.id, name: users.name, role: users.role, email: users.email, suspendedAt: users.suspendedAt, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(or(eq(users.id, userId), eq(users.role, "admin")))
    // why: the same order in every transaction, so two of them wait for each other instead of deadlocking.
    .orderBy(asc(users.id))
    .for("update");
  const self = locked.find((u) => u.id === userId) ?? null;
  // A suspended admin, or one who has not confirmed their email, cannot sign in, so does not count as the one who stays.
  const anotherAdminStays = locked.some((u) => u.role === "admin" && u.id !== userId && !u.suspendedAt && u.emailVerifiedAt);
  return { self, lastAdmin: self?.role === "admin" && !anotherAdminStays };
}
