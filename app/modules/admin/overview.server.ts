import { count, isNotNull } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { emails, users } from "~db/schema";

/** Head counts for the admin home: accounts by role and email deliveries by status. */
export async function getAdminOverview(db: Db) {
  const [byRole, verified, byStatus] = await Promise.all([
    db.select({ role: users.role, value: count() }).from(users).groupBy(users.role),
    db.select({ value: count() }).from(users).where(isNotNull(users.emailVerifiedAt)),
    db.select({ status: emails.status, value: count() }).from(emails).groupBy(emails.status),
  ]);
  const roles = { student: 0, mentor: 0, admin: 0 };
  for (const r of byRole) roles[r.role] = r.value;
  const deliveries = { queued: 0, sent: 0, failed: 0 };
  for (const s of byStatus) deliveries[s.status] = s.value;
  return { roles, verified: verified[0]?.value ?? 0, deliveries };
}

