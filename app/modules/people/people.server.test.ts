import { and, eq, inArray, isNull } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { transaction } from "~db/client.server";
import { auditLog, emails, matches, recommendationLetters, slotMentors, slots, users } from "~db/schema";
import { createSession } from "~/auth/session.server";
import { deleteAccount } from "~/modules/privacy/privacy.server";
import { emailsTo, KNOWN_PASSWORD, linkIn, makeUser, uniqueEmail } from "~db/test/factories";
import { makeApplication, makeMatch } from "~db/test/match-factories";
import { moduleTestDb } from "~db/test/module-db";
import { addMentor, makeOrganization, makeSlot, makeStudent } from "~db/test/slot-factories";
import { verifyEmail } from "~/modules/accounts/accounts.server";
import { LIMITS } from "~/modules/accounts/throttle.server";
import { getPersonPage, PEOPLE_PAGE_SIZE, searchPeople } from "./people.server";
import { grantAdmin, removeAdmin, resendVerificationFor } from "./roles.server";
import { peopleSearchFrom } from "./schemas";
import { suspendAccount } from "./suspension.server";

const db = moduleTestDb({ queue: true });
const search = (query: string, page = 1) => searchPeople(db, peopleSearchFrom(new URLSearchParams(query)), page);
const roleOf = async (id: string) => (await db.select({ role: users.role }).from(users).where(eq(users.id, id)))[0]!.role;

/** Runs `fn` while every admin but `keep` is suspended, then lifts that again. */
async function asOnlyAdmins<T>(keep: string[], fn: () => Promise<T>) {
  const others = await db
    .update(users)
    .set({ suspendedAt: new Date() })
    .where(and(eq(users.role, "admin"), isNull(users.suspendedAt)))
    .returning({ id: users.id });
  const lifted = others.filter((u) => !keep.includes(u.id)).map((u) => u.id);
  await db.update(users).set({ suspendedAt: null }).where(inArray(users.id, keep));
  try {
    return await fn();
  } finally {
    if (lifted.length) await db.update(users).set({ suspendedAt: null }).where(inArray(users.id, lifted));
  }
}

describe("searching people", () => {
  test("by name or email (anywhere in it, case aside, % taken literally), by role, by organization name; filters combine", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const { organization, mentor } = await makeOrganization(db, { name: `Quillwork ${tag} Labs` });
    await db.update(users).set({ name: `Ada ${tag} Mentor` }).where(eq(users.id, mentor.id));
    const student = await makeUser(db, { name: `Ada ${tag} Student`, email: uniqueEmail(`ada${tag}`) });
    const percent = await makeUser(db, { name: `100% ${tag}` });

    const names = async (query: string) => (await search(query)).rows.map((r) => r.name).sort();
    expect(await names(`q=ADA+${tag}`)).toEqual([`Ada ${tag} Mentor`, `Ada ${tag} Student`]);
    expect(await names(`q=${student.email.slice(2, 12).toUpperCase()}`)).toEqual([`Ada ${tag} Student`]);
    expect(await names(`q=${tag}&role=student`)).toEqual([`100% ${tag}`, `Ada ${tag} Student`]);
    expect(await names(`q=${encodeURIComponent(`0% ${tag}`)}`)).toEqual([`100% ${tag}`]);
    // A % typed is a percent sign, not "anything": "%<tag>" is in no name ("100% <tag>" has a space).
    expect(await names(`q=${encodeURIComponent(`%${tag}`)}`)).toEqual([]);
    expect(await names(`organization=quillwork+${tag}`)).toEqual([`Ada ${tag} Mentor`]);
    expect(await names(`organization=quillwork+${tag}&role=student`)).toEqual([]);
    const [row] = (await search(`organization=Quillwork+${tag}`)).rows;
    expect(row).toMatchObject({ id: mentor.id, email: mentor.email, role: "mentor", organization: organization.name, organizationId: organization.id, suspendedAt: null });
    expect(row!.emailVerifiedAt).not.toBeNull();
    expect(percent.name).toBe(`100% ${tag}`);
  });

  test("an unknown role is no filter, and pages hold 25 people, newest first", async () => {
    expect(peopleSearchFrom(new URLSearchParams("role=superuser&q=%20x%20"))).toEqual({ q: "x", role: null, organization: "" });
    const tag = crypto.randomUUID().slice(0, 8);
    for (let i = 0; i < PEOPLE_PAGE_SIZE + 2; i++) await makeUser(db, { name: `Paged ${tag} ${String(i).padStart(2, "0")}` });
    const first = await search(`q=Paged+${tag}`);
    expect(first).toMatchObject({ total: PEOPLE_PAGE_SIZE + 2, pages: 2 });
    expect(first.rows).toHaveLength(PEOPLE_PAGE_SIZE);
    expect(first.rows[0]!.name).toBe(`Paged ${tag} 26`);
    expect((await search(`q=Paged+${tag}`, 2)).rows.map((r) => r.name)).toEqual([`Paged ${tag} 01`, `Paged ${tag} 00`]);
  });
});

describe("a person's page", () => {
  test("lists their slots, applications, matches, letters (never the text), sessions with expiry and browser, and emails; unknown or malformed ids are null", async () => {
    const { organization, mentor } = await makeOrganization(db);
    const slot = await makeSlot(db, organization, { mentorIds: [mentor.id] });
    const student = await makeStudent(db);
    await makeApplication(db, { slotId: slot.id, studentId: student.id });
    const match = await makeMatch(db, { slotId: slot.id, studentId: student.id, status: "active" });
    await db.insert(recommendationLetters).values({ matchId: match.id, mentorId: mentor.id, purpose: "jobs", dueDate: "2027-01-01", waived: true, state: "requested", body: "SECRET LETTER TEXT" });
    await createSession(db, student.id, "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0");
    await db.insert(emails).values({ template: "test", to: [student.email], subject: "Welcome aboard", html: "<p>SECRET BODY</p>", text: "SECRET BODY" });

    const page = (await getPersonPage(db, student.id))!;
    expect(page.person).toMatchObject({ id: student.id, role: "student", inMatching: false, organization: null });
    expect(page.applications.rows).toMatchObject([{ slotId: slot.id, slot: slot.title, status: "submitted" }]);
    expect(page.matches.rows).toMatchObject([{ id: match.id, status: "active" }]);
    expect(page.letters.rows).toMatchObject([{ purpose: "jobs", state: "requested", asWriter: false }]);
    expect(page.sessions.rows).toHaveLength(1);
    const [session] = page.sessions.rows;
    expect(session!.userAgent).toContain("Firefox");
    expect(session!.expiresAt.getTime() - session!.lastActiveAt.getTime()).toBe(14 * 24 * 60 * 60 * 1000);
    expect(page.emails.rows).toMatchObject([{ subject: "Welcome aboard", status: "queued" }]);
    expect(JSON.stringify(page)).not.toContain("SECRET");

    const mentorPage = (await getPersonPage(db, mentor.id))!;
    expect(mentorPage.person).toMatchObject({ role: "mentor", organization: organization.name });
    expect(mentorPage.slots.rows).toMatchObject([{ id: slot.id, status: "open" }]);
    expect(mentorPage.matches.rows).toMatchObject([{ id: match.id, studentId: student.id }]);
    expect(mentorPage.letters.rows).toMatchObject([{ asWriter: true }]);

    expect(await getPersonPage(db, crypto.randomUUID())).toBeNull();
    expect(await getPersonPage(db, "../etc/passwd")).toBeNull();
  });

  test("a suspended person's page shows the reason and who suspended them", async () => {
    const admin = await makeUser(db, { role: "admin", name: "Grace Admin" });
    const student = await makeStudent(db);
    await suspendAccount(db, { actorId: admin.id, userId: student.id, reason: "Sent the same message to forty mentors" });
    expect((await getPersonPage(db, student.id))!.suspension).toMatchObject({ reason: "Sent the same message to forty mentors", suspendedBy: "Grace Admin" });
  });
});

describe("admin role", () => {
  test("granting makes the account an admin, audited; granting twice or to a suspended account is refused", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const { mentor } = await makeOrganization(db);
    expect(await grantAdmin(db, { actorId: admin.id, userId: mentor.id })).toEqual({ ok: true, name: mentor.name });
    expect(await roleOf(mentor.id)).toBe("admin");
    expect(await grantAdmin(db, { actorId: admin.id, userId: mentor.id })).toEqual({ ok: false, error: "already_admin" });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, mentor.id), eq(auditLog.action, "user.admin_granted")));
    expect(audit).toMatchObject({ actorId: admin.id, detail: { previousRole: "mentor" } });

    const student = await makeStudent(db);
    await suspendAccount(db, { actorId: admin.id, userId: student.id, reason: "Fake account" });
    expect(await grantAdmin(db, { actorId: admin.id, userId: student.id })).toEqual({ ok: false, error: "suspended" });
    expect(await roleOf(student.id)).toBe("student");
    expect(await grantAdmin(db, { actorId: admin.id, userId: "x" })).toEqual({ ok: false, error: "not_found" });
  });

  test("granting is refused while others depend on the account's pages: the only mentor on an open slot or a mentorship under way, or a student in one", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const { organization, mentor } = await makeOrganization(db);
    const slot = await makeSlot(db, organization, { mentorIds: [mentor.id] });
    expect(await grantAdmin(db, { actorId: admin.id, userId: mentor.id })).toEqual({ ok: false, error: "still_answers" });
    expect(await roleOf(mentor.id)).toBe("mentor");

    // Closed, but with a mentorship under way: still theirs to answer.
    const student = await makeStudent(db);
    await db.update(slots).set({ status: "closed" }).where(eq(slots.id, slot.id));
    const match = await makeMatch(db, { slotId: slot.id, studentId: student.id, status: "active" });
    expect(await grantAdmin(db, { actorId: admin.id, userId: mentor.id })).toEqual({ ok: false, error: "still_answers" });
    // The student in that mentorship depends on their own pages too.
    expect(await grantAdmin(db, { actorId: admin.id, userId: student.id })).toEqual({ ok: false, error: "still_answers" });

    // A colleague who can sign in takes the slot on: the mentor may become an admin; the student not yet.
    const colleague = await addMentor(db, organization);
    await db.insert(slotMentors).values({ slotId: slot.id, userId: colleague.id });
    expect(await grantAdmin(db, { actorId: admin.id, userId: mentor.id })).toEqual({ ok: true, name: mentor.name });
    expect(await grantAdmin(db, { actorId: admin.id, userId: student.id })).toEqual({ ok: false, error: "still_answers" });
    await db.update(matches).set({ status: "completed" }).where(eq(matches.id, match.id));
    expect(await grantAdmin(db, { actorId: admin.id, userId: student.id })).toEqual({ ok: true, name: student.name });
  });

  test("two of a slot's mentors made admins at the same moment: one is, the other is refused, and the slot keeps a mentor", async () => {
    const [first, second] = [await makeUser(db, { role: "admin" }), await makeUser(db, { role: "admin" })];
    const { organization, mentor } = await makeOrganization(db);
    const colleague = await addMentor(db, organization);
    await makeSlot(db, organization, { mentorIds: [mentor.id, colleague.id] });
    // The first grant's transaction stays open a moment after its change; the second starts
    // meanwhile on another connection. Without taking turns it would count on the first to answer.
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const one = transaction(db, async (tx) => {
      const result = await grantAdmin(tx, { actorId: first.id, userId: mentor.id });
      await pause(400);
      return result;
    });
    await pause(100);
    const results = await Promise.all([one, grantAdmin(db, { actorId: second.id, userId: colleague.id })]);
    expect(results).toEqual([{ ok: true, name: mentor.name }, { ok: false, error: "still_answers" }]);
    expect(await roleOf(colleague.id)).toBe("mentor");
  });

  test("removing gives back the chosen role, audited; never one's own, never a non-admin, never the last admin who can sign in", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const other = await makeUser(db, { role: "admin" });
    expect(await removeAdmin(db, { actorId: admin.id, userId: admin.id, role: "student" })).toEqual({ ok: false, error: "self" });
    const student = await makeStudent(db);
    expect(await removeAdmin(db, { actorId: admin.id, userId: student.id, role: "mentor" })).toEqual({ ok: false, error: "not_admin" });

    expect(await removeAdmin(db, { actorId: admin.id, userId: other.id, role: "mentor" })).toEqual({ ok: true, name: other.name });
    expect(await roleOf(other.id)).toBe("mentor");
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, other.id), eq(auditLog.action, "user.admin_removed")));
    expect(audit).toMatchObject({ actorId: admin.id, detail: { newRole: "mentor" } });

    // `admin` is the only admin who can sign in: neither removing nor suspending them is allowed (here asked by a suspended admin).
    const suspendedAdmin = await makeUser(db, { role: "admin", suspendedAt: new Date() });
    await asOnlyAdmins([admin.id], async () => {
      expect(await removeAdmin(db, { actorId: suspendedAdmin.id, userId: admin.id, role: "student" })).toEqual({ ok: false, error: "last_admin" });
      expect(await suspendAccount(db, { actorId: suspendedAdmin.id, userId: admin.id, reason: "Trying it out" })).toEqual({ ok: false, error: "last_admin" });
      // Account deletion asks the same rule.
      expect(await deleteAccount(db, admin.id, { password: KNOWN_PASSWORD })).toEqual({ ok: false, error: "last_admin" });
    });
    expect(await roleOf(admin.id)).toBe("admin");

    // An admin who has not confirmed their email cannot sign in either: they do not count as the one who stays.
    const unconfirmed = await makeUser(db, { role: "admin", emailVerifiedAt: null });
    await asOnlyAdmins([admin.id, unconfirmed.id], async () => {
      expect(await removeAdmin(db, { actorId: unconfirmed.id, userId: admin.id, role: "student" })).toEqual({ ok: false, error: "last_admin" });
    });
    expect(await roleOf(admin.id)).toBe("admin");
  });
});

describe("re-sending a verification email", () => {
  test("an unverified account gets a working link, audited; a verified or suspended one is refused; the public form's hourly allowance per mailbox applies", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const person = await makeUser(db, { emailVerifiedAt: null });
    expect(await resendVerificationFor(db, { actorId: admin.id, userId: person.id })).toEqual({ ok: true, email: person.email });
    const [sent] = await emailsTo(db, person.email);
    const token = linkIn(sent!, "/verify-email").searchParams.get("token")!;
    expect((await db.select().from(auditLog).where(and(eq(auditLog.subjectId, person.id), eq(auditLog.action, "user.verification_resent"))))).toHaveLength(1);

    for (let i = 1; i < LIMITS.emailRecipient.limit; i++) expect((await resendVerificationFor(db, { actorId: admin.id, userId: person.id })).ok).toBe(true);
    expect(await resendVerificationFor(db, { actorId: admin.id, userId: person.id })).toEqual({ ok: false, error: "rate_limited" });
    expect(await emailsTo(db, person.email)).toHaveLength(LIMITS.emailRecipient.limit);

    expect((await verifyEmail(db, token)).ok).toBe(true);
    expect(await resendVerificationFor(db, { actorId: admin.id, userId: person.id })).toEqual({ ok: false, error: "already_verified" });

    const suspended = await makeUser(db, { emailVerifiedAt: null, suspendedAt: new Date() });
    expect(await resendVerificationFor(db, { actorId: admin.id, userId: suspended.id })).toEqual({ ok: false, error: "suspended" });
    expect(await emailsTo(db, suspended.email)).toEqual([]);
  });
});
