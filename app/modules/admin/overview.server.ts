import { count, isNotNull } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { emails, users } from "~db/schema";
import { EMAIL_STATUSES, USER_ROLES, zeroFor } from "~/domain/vocabulary";

/** Head counts for the admin home: accounts by role and email deliveries by status. */
export async function getAdminOverview(db: Db) {
  const [byRole, verified, byStatus] = await Promise.all([
    db.select({ role: users.role, value: count() }).from(users).groupBy(users.role),
    db.select({ value: count() }).from(users).where(isNotNull(users.emailVerifiedAt)),
    db.select({ status: emails.status, value: count() }).from(emails).groupBy(emails.status),
  ]);
  const roles = zeroFor(USER_ROLES);
  for (const r of byRole) roles[r.role] = r.value;
  const deliveries = zeroFor(EMAIL_STATUSES);
  for (const s of byStatus) deliveries[s.status] = s.value;
  return { roles, verified: verified[0]?.value ?? 0, deliveries };
}

