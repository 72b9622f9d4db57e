import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { transaction, type Db } from "~db/client.server";
import { accountSuspensions, organizationMembers, sessions, slots, studentProfiles, users } from "~db/schema";
import { recordAudit } from "~/modules/audit/audit.server";
import { invalidateOpenSlots } from "~/modules/engine-adapter/instance.server";
import { isUuid } from "~/modules/ids";
import { deadlineNotPassed } from "~/modules/slots/access.server";
import { lockAmongAdmins } from "./admins.server";
import { answersSlot, anotherAnswers } from "./answerers.server";

export type SuspendError = "not_found" | "self" | "already_suspended" | "last_admin";

/**
 * Suspends an account in one transaction: it cannot sign in (login and every session check read
 * `users.suspended_at`), its sessions end, the open slots it mentors alone (no other un-suspended
 * named mentor) close, a student leaves matching rounds, and the email outbox sends it nothing
 * more. What was changed is recorded in `account_suspensions`, so reactivation undoes exactly
 * that. Never suspends the acting admin or the last admin who can sign in.
 */
export async function suspendAccount(
  db: Db,
  { actorId, userId, reason, now = new Date() }: { actorId: string; userId: string; reason: string; now?: Date },
): Promise<{ ok: true; pausedSlots: number; leftMatching: boolean; sessionsEnded: number } | { ok: false; error: SuspendError }> {
  if (!isUuid(userId)) return { ok: false, error: "not_found" };
  if (userId === actorId) return { ok: false, error: "self" };
  const result = await transaction(db, async (tx) => {
    // why: this locks every admin's row, so suspensions take turns: one of a slot's two mentors
    // suspended at the same moment as the other sees the other's suspension, and the slot closes.
    const { self, lastAdmin } = await lockAmongAdmins(tx, userId);
    if (!self) return { ok: false as const, error: "not_found" as const };
    if (self.suspendedAt) return { ok: false as const, error: "already_suspended" as const };
    if (lastAdmin) return { ok: false as const, error: "last_admin" as const };

    await tx.update(users).set({ suspendedAt: now, updatedAt: now }).where(eq(users.id, userId));
    const ended = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });

    // why: a slot another mentor who can still sign in answers keeps going with them; one left
    // with nobody to answer its applicants closes, which every list, search and round hides.
    const paused = await tx
      .update(slots)
      .set({ status: "closed", updatedAt: now })
      .where(
        and(
          eq(slots.status, "open"),
          answersSlot(sql`${slots.id}`, sql`${slots.organizationId}`, userId),
          sql`not ${anotherAnswers(sql`${slots.id}`, sql`${slots.organizationId}`, userId)}`,
        ),
      )
      .returning({ id: slots.id });

    const leftMatching = await tx
      .update(studentProfiles)
      .set({ inMatching: false, updatedAt: now })
      .where(and(eq(studentProfiles.userId, userId), eq(studentProfiles.inMatching, true)))
      .returning({ userId: studentProfiles.userId });

    await tx.insert(accountSuspensions).values({
      userId,
      reason,
      suspendedBy: actorId,
      suspendedAt: now,
      pausedSlotIds: paused.map((s) => s.id),
      wasInMatching: leftMatching.length > 0,
    });
    await recordAudit(tx, {
      actorId,
      action: "user.suspended",
      subjectType: "user",
      subjectId: userId,
      detail: { reason, pausedSlotIds: paused.map((s) => s.id), leftMatching: leftMatching.length > 0, sessionsEnded: ended.length },
    });
    return { ok: true as const, pausedSlots: paused.length, leftMatching: leftMatching.length > 0, sessionsEnded: ended.length };
  });
  // Closed slots must leave the kept list of open slots at once (search, rounds).
  if (result.ok && result.pausedSlots > 0) invalidateOpenSlots();
  return result;
}

export type ReactivateError = "not_found" | "not_suspended";

/**
 * Lifts a suspension and restores what it changed: each slot it closed opens again if it is
 * still closed and its deadline has not passed (otherwise it stays closed, and the result names
 * it), and a student who was in matching rounds is in them again. A slot this account mentors that
 * a co-mentor's later suspension closed (nobody was left) opens again too, and leaves that
 * suspension's record.
 */
export async function reactivateAccount(
  db: Db,
  { actorId, userId, note, now = new Date() }: { actorId: string; userId: string; note?: string | null; now?: Date },
): Promise<
  | { ok: true; reopened: { id: string; title: string }[]; stayedClosed: { id: string; title: string }[]; backInMatching: boolean }
  | { ok: false; error: ReactivateError }
> {
  if (!isUuid(userId)) return { ok: false, error: "not_found" };
  const result = await transaction(db, async (tx) => {
    // why: suspensions, reactivations and admin grants take turns (each locks every admin's row
    // first, in one order), so each sees what the one before changed, and none deadlocks another.
    const { self: user } = await lockAmongAdmins(tx, userId);
    if (!user) return { ok: false as const, error: "not_found" as const };
    if (!user.suspendedAt) return { ok: false as const, error: "not_suspended" as const };
    const [suspension] = await tx
      .select()
      .from(accountSuspensions)
      .where(and(eq(accountSuspensions.userId, userId), isNull(accountSuspensions.reactivatedAt)))
      .for("update");

    await tx.update(users).set({ suspendedAt: null, updatedAt: now }).where(eq(users.id, userId));

    // Slots another account's suspension closed because this one, a mentor who answers them too,
    // was suspended as well: with this account back, someone can answer their applicants again.
    const others =
      user.role !== "mentor"
        ? []
        : await tx
            .select({ id: accountSuspensions.id, pausedSlotIds: accountSuspensions.pausedSlotIds })
            .from(accountSuspensions)
            .where(
              and(
                isNull(accountSuspensions.reactivatedAt),
                ne(accountSuspensions.userId, userId),
                sql`${accountSuspensions.pausedSlotIds} && array(select ${slots.id} from ${slots} join ${organizationMembers} om on om.organization_id = ${slots.organizationId} and om.user_id = ${userId})`,
              ),
            )
            .orderBy(accountSuspensions.id)
            .for("update");
    const listed = others.flatMap((o) => o.pausedSlotIds);
    const answered = listed.length
      ? await tx.select({ id: slots.id }).from(slots).where(and(inArray(slots.id, listed), answersSlot(sql`${slots.id}`, sql`${slots.organizationId}`, userId)))
      : [];
    const mentored = new Set(answered.map((r) => r.id));
    const ownIds = suspension?.pausedSlotIds ?? [];
    const handedBack = others.flatMap((o) => o.pausedSlotIds.filter((id) => mentored.has(id)));
    const pausedIds = [...new Set([...ownIds, ...handedBack])];
    let reopened: { id: string; title: string }[] = [];
    let stayedClosed: { id: string; title: string }[] = [];
    if (pausedIds.length > 0) {
      // Only a slot still as a suspension left it (closed) and still before its deadline opens again.
      reopened = await tx
        .update(slots)
        .set({ status: "open", updatedAt: now })
        .where(and(inArray(slots.id, pausedIds), eq(slots.status, "closed"), deadlineNotPassed(now)))
        .returning({ id: slots.id, title: slots.title });
      const reopenedIds = new Set(reopened.map((s) => s.id));
      if (ownIds.length > 0) {
        stayedClosed = (await tx.select({ id: slots.id, title: slots.title, status: slots.status }).from(slots).where(inArray(slots.id, ownIds)))
          .filter((s) => !reopenedIds.has(s.id) && s.status !== "open")
          .map(({ id, title }) => ({ id, title }));
      }
      // why: a slot reopened here is no longer the other suspension's doing; should its mentors
      // close it meanwhile, lifting that suspension must not open it again.
      for (const other of others) {
        const left = other.pausedSlotIds.filter((id) => !reopenedIds.has(id));
        if (left.length !== other.pausedSlotIds.length) await tx.update(accountSuspensions).set({ pausedSlotIds: left }).where(eq(accountSuspensions.id, other.id));
      }
    }

    let backInMatching = false;
    if (suspension?.wasInMatching) {
      const back = await tx
        .update(studentProfiles)
        .set({ inMatching: true, updatedAt: now })
        .where(eq(studentProfiles.userId, userId))
        .returning({ userId: studentProfiles.userId });
      backInMatching = back.length > 0;
    }

    if (suspension) {
      await tx
        .update(accountSuspensions)
        .set({ reactivatedAt: now, reactivatedBy: actorId, reactivationNote: note || null })
        .where(eq(accountSuspensions.id, suspension.id));
    }
    await recordAudit(tx, {
      actorId,
      action: "user.reactivated",
      subjectType: "user",
      subjectId: userId,
      detail: { note: note || null, reopenedSlotIds: reopened.map((s) => s.id), stayedClosedSlotIds: stayedClosed.map((s) => s.id), backInMatching },
    });
    return { ok: true as const, reopened, stayedClosed, backInMatching };
  });
  if (result.ok && result.reopened.length > 0) invalidateOpenSlots();
  return result;
}
