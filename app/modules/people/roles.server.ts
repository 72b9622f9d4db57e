import { eq, sql } from "drizzle-orm";
import { ENDED_MATCH_STATUSES } from "~/domain/vocabulary";
import { transaction, type Db } from "~db/client.server";
import { matches, slots, users } from "~db/schema";
import { sqlList } from "~db/schema/sql-list";
import { sendVerificationLink } from "~/modules/accounts/accounts.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { isUuid } from "~/modules/ids";
import { lockAmongAdmins } from "./admins.server";
import { answersSlot, anotherAnswers } from "./answerers.server";
import type { ReturnRole } from "./schemas";

export type GrantAdminError = "not_found" | "already_admin" | "suspended" | "still_answers";

/**
 * Makes an account an admin (roles are one column: their student or mentor pages are not theirs
 * while they are). Refused while others depend on those pages: a mentor who is the only one left
 * to answer an open slot or a match that has not ended, or the student of a match that has not ended.
 */
export async function grantAdmin(db: Db, { actorId, userId, now = new Date() }: { actorId: string; userId: string; now?: Date }): Promise<{ ok: true; name: string } | { ok: false; error: GrantAdminError }> {
  if (!isUuid(userId)) return { ok: false, error: "not_found" };
  return transaction(db, async (tx) => {
    // why: takes turns with suspensions, reactivations and other grants (lockAmongAdmins), so two of
    // a slot's mentors made admins at once cannot each count on the other to answer it.
    const { self: user } = await lockAmongAdmins(tx, userId);
    if (!user) return { ok: false as const, error: "not_found" as const };
    if (user.role === "admin") return { ok: false as const, error: "already_admin" as const };
    if (user.suspendedAt) return { ok: false as const, error: "suspended" as const };
    if (await stillAnswers(tx, userId)) return { ok: false as const, error: "still_answers" as const };
    await tx.update(users).set({ role: "admin", updatedAt: now }).where(eq(users.id, userId));
    await recordAudit(tx, { actorId, action: "user.admin_granted", subjectType: "user", subjectId: userId, detail: { previousRole: user.role } });
    return { ok: true as const, name: user.name };
  });
}

/**
 * Whether someone depends on this account's student or mentor pages: a slot it answers (open, or
 * with a match that has not ended) that nobody else who can sign in answers (answerers.server), or
 * a match of its own as the student that has not ended.
 */
async function stillAnswers(tx: Db, userId: string) {
  const liveMatch = sql`exists (select 1 from ${matches} m where m.slot_id = s.id and m.status not in (${sqlList(ENDED_MATCH_STATUSES)}))`;
  const [row] = await tx.execute<{ answers: boolean }>(sql`
    select exists (
      select 1 from ${slots} s
      where (s.status = 'open' or ${liveMatch})
        and ${answersSlot(sql`s.id`, sql`s.organization_id`, userId)}
        and not ${anotherAnswers(sql`s.id`, sql`s.organization_id`, userId)}
    ) or exists (
      select 1 from ${matches} m where m.student_id = ${userId} and m.status not in (${sqlList(ENDED_MATCH_STATUSES)})
    ) as answers`);
  return Boolean(row?.answers);
}

export type RemoveAdminError = "not_found" | "not_admin" | "self" | "last_admin";

/** Gives an admin back the role `role`; never the acting admin's own, never the last admin who can sign in. */
export async function removeAdmin(
  db: Db,
  { actorId, userId, role, now = new Date() }: { actorId: string; userId: string; role: ReturnRole; now?: Date },
): Promise<{ ok: true; name: string } | { ok: false; error: RemoveAdminError }> {
  if (!isUuid(userId)) return { ok: false, error: "not_found" };
  // why: an admin who removes their own role is locked out of this page mid-click; another admin does it.
  if (userId === actorId) return { ok: false, error: "self" };
  return transaction(db, async (tx) => {
    const { self, lastAdmin } = await lockAmongAdmins(tx, userId);
    if (!self) return { ok: false as const, error: "not_found" as const };
    if (self.role !== "admin") return { ok: false as const, error: "not_admin" as const };
    if (lastAdmin) return { ok: false as const, error: "last_admin" as const };
    await tx.update(users).set({ role, updatedAt: now }).where(eq(users.id, userId));
    await recordAudit(tx, { actorId, action: "user.admin_removed", subjectType: "user", subjectId: userId, detail: { newRole: role } });
    return { ok: true as const, name: self.name };
  });
}

export type ResendVerificationError = "not_found" | "already_verified" | "suspended" | "rate_limited";

/** Sends an unverified account a new verification link, within the same hourly allowance per mailbox as the public form. */
export async function resendVerificationFor(
  db: Db,
  { actorId, userId, now = new Date() }: { actorId: string; userId: string; now?: Date },
): Promise<{ ok: true; email: string } | { ok: false; error: ResendVerificationError }> {
  if (!isUuid(userId)) return { ok: false, error: "not_found" };
  const [user] = await db.select({ id: users.id, name: users.name, email: users.email, emailVerifiedAt: users.emailVerifiedAt, suspendedAt: users.suspendedAt }).from(users).where(eq(users.id, userId));
  if (!user) return { ok: false, error: "not_found" };
  if (user.emailVerifiedAt) return { ok: false, error: "already_verified" };
  // Nothing is sent to a suspended account (the outbox would refuse it too).
  if (user.suspendedAt) return { ok: false, error: "suspended" };
  const sent = await sendVerificationLink(db, user, now, (tx) =>
    recordAudit(tx, { actorId, action: "user.verification_resent", subjectType: "user", subjectId: userId }),
  );
  return sent ? { ok: true, email: user.email } : { ok: false, error: "rate_limited" };
}
