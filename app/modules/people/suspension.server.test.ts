import { and, eq, inArray, isNull } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { transaction } from "~db/client.server";
import { accountSuspensions, auditLog, emails, slots, studentProfiles, users } from "~db/schema";
import { createSession, validateSessionToken } from "~/auth/session.server";
import { deliverEmail, RECIPIENT_SUSPENDED } from "~/mail/outbox.server";
import { logIn } from "~/modules/accounts/accounts.server";
import { fakeTransport, makeQueuedEmail, makeUser, uniqueEmail, uniqueIp } from "~db/test/factories";
import { moduleTestDb } from "~db/test/module-db";
import { addDays, addMentor, makeOrganization, makeSlot, makeStudent } from "~db/test/slot-factories";
import { loadOpenSlots } from "~/modules/engine-adapter/instance.server";
import { reactivateAccount, suspendAccount } from "./suspension.server";

const db = moduleTestDb({ queue: true });

const slotStatus = async (id: string) => (await db.select({ status: slots.status }).from(slots).where(eq(slots.id, id)))[0]!.status;
const inMatching = async (userId: string) => (await db.select({ v: studentProfiles.inMatching }).from(studentProfiles).where(eq(studentProfiles.userId, userId)))[0]!.v;
const auditOf = (userId: string) => db.select().from(auditLog).where(eq(auditLog.subjectId, userId));

describe("suspending a mentor", () => {
  test("ends their sessions and refuses sign-in; closes the open slot they mentor alone, not the one a colleague also mentors; reactivation reopens exactly what it closed", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const { organization, mentor } = await makeOrganization(db);
    const colleague = await addMentor(db, organization);
    const alone = await makeSlot(db, organization, { mentorIds: [mentor.id] });
    const shared = await makeSlot(db, organization, { mentorIds: [mentor.id, colleague.id] });
    const alreadyClosed = await makeSlot(db, organization, { mentorIds: [mentor.id], status: "closed" });
    const { token } = await createSession(db, mentor.id, "Firefox");
    expect(await validateSessionToken(db, token)).not.toBeNull();

    const result = await suspendAccount(db, { actorId: admin.id, userId: mentor.id, reason: "Asked students for money" });
    expect(result).toEqual({ ok: true, pausedSlots: 1, leftMatching: false, sessionsEnded: 1 });

    expect(await validateSessionToken(db, token)).toBeNull();
    expect(await logIn(db, { email: mentor.email, password: mentor.password }, { ip: uniqueIp() })).toEqual({ ok: false, error: "suspended" });
    expect(await slotStatus(alone.id)).toBe("closed");
    expect(await slotStatus(shared.id)).toBe("open");
    expect((await loadOpenSlots(db, new Date())).map((s) => s.id)).not.toContain(alone.id);
    const [audit] = await auditOf(mentor.id);
    expect(audit).toMatchObject({ action: "user.suspended", actorId: admin.id, detail: { reason: "Asked students for money", pausedSlotIds: [alone.id] } });

    const back = await reactivateAccount(db, { actorId: admin.id, userId: mentor.id, note: "Cleared after a call" });
    expect(back).toMatchObject({ ok: true, reopened: [{ id: alone.id }], stayedClosed: [] });
    expect(await slotStatus(alone.id)).toBe("open");
    expect(await slotStatus(alreadyClosed.id)).toBe("closed");
    expect((await loadOpenSlots(db, new Date())).map((s) => s.id)).toContain(alone.id);
    const [row] = await db.select().from(users).where(eq(users.id, mentor.id));
    expect(row!.suspendedAt).toBeNull();
    expect((await logIn(db, { email: mentor.email, password: mentor.password }, { ip: uniqueIp() })).ok).toBe(true);
    const [record] = await db.select().from(accountSuspensions).where(eq(accountSuspensions.userId, mentor.id));
    expect(record).toMatchObject({ reason: "Asked students for money", suspendedBy: admin.id, reactivatedBy: admin.id, reactivationNote: "Cleared after a call" });
  });

  test("a slot whose other mentor is suspended too is closed; a slot past its deadline stays closed on reactivation, and the result says so", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const { organization, mentor } = await makeOrganization(db);
    const colleague = await addMentor(db, organization);
    const shared = await makeSlot(db, organization, { mentorIds: [mentor.id, colleague.id] });
    expect((await suspendAccount(db, { actorId: admin.id, userId: colleague.id, reason: "Duplicate account" })).ok).toBe(true);
    expect(await slotStatus(shared.id)).toBe("open");
    expect(await suspendAccount(db, { actorId: admin.id, userId: mentor.id, reason: "Spam messages" })).toMatchObject({ ok: true, pausedSlots: 1 });
    expect(await slotStatus(shared.id)).toBe("closed");

    // The deadline passes while the mentor is suspended.
    const later = new Date(`${addDays(shared.applicationDeadline!, 2)}T12:00:00Z`);
    const back = await reactivateAccount(db, { actorId: admin.id, userId: mentor.id, now: later });
    expect(back).toMatchObject({ ok: true, reopened: [], stayedClosed: [{ id: shared.id, title: shared.title }] });
    expect(await slotStatus(shared.id)).toBe("closed");
  });

  test("a slot that changed while the mentor was suspended (filled by a mentor's decision) is left as it is", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const { organization, mentor } = await makeOrganization(db);
    const slot = await makeSlot(db, organization, { mentorIds: [mentor.id] });
    await suspendAccount(db, { actorId: admin.id, userId: mentor.id, reason: "Checking a report" });
    await db.update(slots).set({ status: "filled" }).where(eq(slots.id, slot.id));
    expect(await reactivateAccount(db, { actorId: admin.id, userId: mentor.id })).toMatchObject({ ok: true, reopened: [], stayedClosed: [{ id: slot.id }] });
    expect(await slotStatus(slot.id)).toBe("filled");
  });
});

describe("a slot's two mentors", () => {
  test("suspended by two admins at the same moment: the slot closes, with nobody left to answer it", async () => {
    const [first, second] = [await makeUser(db, { role: "admin" }), await makeUser(db, { role: "admin" })];
    const { organization, mentor } = await makeOrganization(db);
    const colleague = await addMentor(db, organization);
    const shared = await makeSlot(db, organization, { mentorIds: [mentor.id, colleague.id] });
    // The first suspension's transaction stays open a moment after its change; the second starts
    // meanwhile on another connection. Were suspensions not to take turns (lockAmongAdmins), it
    // would read the first mentor as still able to answer, and neither would close the slot.
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const one = transaction(db, async (tx) => {
      const result = await suspendAccount(tx, { actorId: first.id, userId: mentor.id, reason: "Race one" });
      await pause(400);
      return result;
    });
    await pause(100);
    const results = await Promise.all([one, suspendAccount(db, { actorId: second.id, userId: colleague.id, reason: "Race two" })]);
    expect(results.map((r) => r.ok && r.pausedSlots)).toEqual([0, 1]);
    expect(await slotStatus(shared.id)).toBe("closed");
  });

  test("a co-mentor who has since become an admin answers nobody: suspending the other mentor closes the slot", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const { organization, mentor } = await makeOrganization(db);
    const colleague = await addMentor(db, organization);
    const shared = await makeSlot(db, organization, { mentorIds: [mentor.id, colleague.id] });
    await db.update(users).set({ role: "admin" }).where(eq(users.id, colleague.id));
    expect(await suspendAccount(db, { actorId: admin.id, userId: mentor.id, reason: "Checking a report" })).toMatchObject({ ok: true, pausedSlots: 1 });
    expect(await slotStatus(shared.id)).toBe("closed");
  });

  test("the one suspended first, reactivated while the other is still suspended, has the slot back; lifting the other's suspension later does not reopen it once closed by hand", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const { organization, mentor } = await makeOrganization(db);
    const colleague = await addMentor(db, organization);
    const shared = await makeSlot(db, organization, { mentorIds: [mentor.id, colleague.id] });
    await suspendAccount(db, { actorId: admin.id, userId: colleague.id, reason: "Checking a report" });
    expect(await suspendAccount(db, { actorId: admin.id, userId: mentor.id, reason: "Another report" })).toMatchObject({ ok: true, pausedSlots: 1 });
    expect(await slotStatus(shared.id)).toBe("closed");

    // The colleague's own suspension closed nothing, yet the slot is theirs to answer again.
    expect(await reactivateAccount(db, { actorId: admin.id, userId: colleague.id })).toMatchObject({ ok: true, reopened: [{ id: shared.id }], stayedClosed: [] });
    expect(await slotStatus(shared.id)).toBe("open");
    expect((await loadOpenSlots(db, new Date())).map((s) => s.id)).toContain(shared.id);
    const [record] = await db.select().from(accountSuspensions).where(and(eq(accountSuspensions.userId, mentor.id), isNull(accountSuspensions.reactivatedAt)));
    expect(record!.pausedSlotIds).toEqual([]);

    // The colleague closes the slot; the other mentor's return leaves it closed and names nothing.
    await db.update(slots).set({ status: "closed" }).where(eq(slots.id, shared.id));
    expect(await reactivateAccount(db, { actorId: admin.id, userId: mentor.id })).toMatchObject({ ok: true, reopened: [], stayedClosed: [] });
    expect(await slotStatus(shared.id)).toBe("closed");
  });
});

describe("suspending a student", () => {
  test("takes them out of matching rounds and puts them back on reactivation; one who was not in rounds stays out", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const inRounds = await makeStudent(db);
    await db.update(studentProfiles).set({ inMatching: true }).where(eq(studentProfiles.userId, inRounds.id));
    const notInRounds = await makeStudent(db);

    expect(await suspendAccount(db, { actorId: admin.id, userId: inRounds.id, reason: "Fake profile" })).toMatchObject({ ok: true, leftMatching: true });
    expect(await inMatching(inRounds.id)).toBe(false);
    expect(await suspendAccount(db, { actorId: admin.id, userId: notInRounds.id, reason: "Fake profile" })).toMatchObject({ ok: true, leftMatching: false });

    expect(await reactivateAccount(db, { actorId: admin.id, userId: inRounds.id })).toMatchObject({ ok: true, backInMatching: true });
    expect(await inMatching(inRounds.id)).toBe(true);
    expect(await reactivateAccount(db, { actorId: admin.id, userId: notInRounds.id })).toMatchObject({ ok: true, backInMatching: false });
    expect(await inMatching(notInRounds.id)).toBe(false);
  });
});

describe("refusals", () => {
  test("already suspended, not suspended, oneself, unknown or malformed ids: nothing changes", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const student = await makeStudent(db);
    expect(await reactivateAccount(db, { actorId: admin.id, userId: student.id })).toEqual({ ok: false, error: "not_suspended" });
    expect(await suspendAccount(db, { actorId: admin.id, userId: admin.id, reason: "Testing myself" })).toEqual({ ok: false, error: "self" });
    expect(await suspendAccount(db, { actorId: admin.id, userId: "not-a-uuid", reason: "Whatever it is" })).toEqual({ ok: false, error: "not_found" });
    expect(await suspendAccount(db, { actorId: admin.id, userId: crypto.randomUUID(), reason: "Whatever it is" })).toEqual({ ok: false, error: "not_found" });
    expect(await reactivateAccount(db, { actorId: admin.id, userId: "'; drop table users" })).toEqual({ ok: false, error: "not_found" });
    await suspendAccount(db, { actorId: admin.id, userId: student.id, reason: "First time" });
    expect(await suspendAccount(db, { actorId: admin.id, userId: student.id, reason: "Second time" })).toEqual({ ok: false, error: "already_suspended" });
    expect(await db.select().from(accountSuspensions).where(eq(accountSuspensions.userId, student.id))).toHaveLength(1);
    const [self] = await db.select().from(users).where(eq(users.id, admin.id));
    expect(self!.suspendedAt).toBeNull();
  });

  test("the last admin who can sign in cannot be suspended, even by two admins suspending each other at once", async () => {
    // Every other admin of the shared test database is suspended for the test, so these two are the last.
    const others = await db.update(users).set({ suspendedAt: new Date() }).where(and(eq(users.role, "admin"), isNull(users.suspendedAt))).returning({ id: users.id });
    try {
      const a = await makeUser(db, { role: "admin" });
      const b = await makeUser(db, { role: "admin" });
      // The first suspension's transaction stays open a moment after its change; the second starts
      // meanwhile on another connection. Without the row lock it would read b as able to sign in.
      const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const first = transaction(db, async (tx) => {
        const result = await suspendAccount(tx, { actorId: a.id, userId: b.id, reason: "Race one" });
        await pause(400);
        return result;
      });
      await pause(100);
      const results = await Promise.all([first, suspendAccount(db, { actorId: b.id, userId: a.id, reason: "Race two" })]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: "last_admin" }]);
      const standing = await db.select().from(users).where(inArray(users.id, [a.id, b.id]));
      expect(standing.filter((u) => !u.suspendedAt)).toHaveLength(1);
    } finally {
      if (others.length) await db.update(users).set({ suspendedAt: null }).where(inArray(users.id, others.map((u) => u.id)));
    }
  });
});

describe("emails to a suspended account", () => {
  test("an email only to them ends as failed, saying why; with other recipients, only their address is dropped; after reactivation they get email again", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const student = await makeStudent(db);
    const other = uniqueEmail("other");
    const onlyThem = await makeQueuedEmail(db, { to: [student.email] });
    const both = await makeQueuedEmail(db, { to: [student.email.toUpperCase(), other] });
    await suspendAccount(db, { actorId: admin.id, userId: student.id, reason: "Harassing a mentor" });

    const transport = fakeTransport();
    expect(await deliverEmail(db, onlyThem, transport, { finalAttempt: false })).toEqual({ delivered: false });
    expect(await deliverEmail(db, both, transport, { finalAttempt: false })).toEqual({ delivered: true });
    expect(transport.calls.map((c) => c.to)).toEqual([[other]]);
    const row = async (id: string) => (await db.select().from(emails).where(eq(emails.id, id)))[0]!;
    expect(await row(onlyThem)).toMatchObject({ status: "failed", lastError: RECIPIENT_SUSPENDED, sentAt: null });
    expect(await row(both)).toMatchObject({ status: "sent", to: [other] });

    await reactivateAccount(db, { actorId: admin.id, userId: student.id });
    const again = await makeQueuedEmail(db, { to: [student.email] });
    expect(await deliverEmail(db, again, transport, { finalAttempt: false })).toEqual({ delivered: true });
    expect(transport.calls.at(-1)!.to).toEqual([student.email]);
  });
});
