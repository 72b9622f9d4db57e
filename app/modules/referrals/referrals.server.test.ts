import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditLog, emailPreferences, referrals, reminders } from "~db/schema";
import { emailsTo, makeUser } from "~db/test/factories";
import { makeMentorship } from "~db/test/mentorship-factories";
import { moduleTestDb } from "~db/test/module-db";
import { dayIn } from "~/modules/slots/access.server";
import { addDays } from "~/modules/mentorship/weeks";
import { REFERRAL_MENTOR_GONE_REASON } from "./referral-labels";
import { RequestReferralSchema } from "./referral-schemas";
import {
  answerReferral,
  declineReferralsOfDeletedMentor,
  findReferral,
  listReferrals,
  recordReferralOutcome,
  referralNudges,
  referralRequestChoices,
  REFERRALS_PAGE_SIZE,
  requestReferral,
  withdrawReferral,
  type Viewer,
} from "./referrals.server";
import { DAY_MS } from "~/domain/time";

const db = moduleTestDb({ queue: true });

const NOW = new Date(`${new Date().toISOString().slice(0, 10)}T17:00:00Z`);
const DAY = DAY_MS;
const as = (user: { id: string; role: Viewer["role"] }): Viewer => ({ id: user.id, role: user.role });

const INPUT = { company: "Northwind Analytics", role: "Junior data engineer", postingUrl: "https://careers.northwind.example/jobs/1234", note: "I'd love this one." };

/** An active internship with two mentors, and a referral its student asked of the first. */
async function asked(values: Partial<typeof INPUT> = {}) {
  const made = await makeMentorship(db, { secondMentor: true, today: NOW });
  const result = await requestReferral(db, { viewer: as(made.student), input: { ...INPUT, ...values, asked: `${made.match.id}:${made.mentor.id}` }, now: NOW });
  if (!result.ok) throw new Error(result.error);
  return { ...made, referralId: result.id };
}

describe("who reads a referral (the query decides)", () => {
  test("the student, the mentor asked and admins; never another mentor of the slot, another student or another organization's mentor — the same null as none", async () => {
    const { student, mentor, secondMentor, referralId } = await asked();
    const admin = await makeUser(db, { role: "admin" });
    const otherStudent = await makeUser(db, { role: "student" });
    const elsewhere = await makeMentorship(db, { today: NOW });

    const readers = { student, mentor, admin };
    const strangers = { secondMentor: secondMentor!, otherStudent, otherMentor: elsewhere.mentor, otherMatchStudent: elsewhere.student };
    for (const [who, reader] of Object.entries(readers)) {
      const view = await findReferral(db, as(reader), referralId, NOW);
      expect(view?.company, who).toBe("Northwind Analytics");
      expect((await listReferrals(db, as(reader))).rows.map((r) => r.id), who).toContain(referralId);
    }
    for (const [who, reader] of Object.entries(strangers)) {
      expect(await findReferral(db, as(reader), referralId, NOW), who).toBeNull();
      expect((await listReferrals(db, as(reader))).rows.map((r) => r.id), who).not.toContain(referralId);
      // Writing is refused as "not found" too: nothing tells a stranger the referral exists.
      expect(await recordReferralOutcome(db, { viewer: as(reader), referralId, outcome: "offer", now: NOW }), who).toEqual({ ok: false, error: "not_found" });
      expect(await answerReferral(db, { viewer: as(reader), referralId, answer: { accept: false, reason: "No." }, now: NOW }), who).toEqual({ ok: false, error: "not_found" });
      expect(await withdrawReferral(db, { viewer: as(reader), referralId, now: NOW }), who).toEqual({ ok: false, error: "not_found" });
    }
    expect(await findReferral(db, as(student), "00000000-0000-4000-8000-000000000000", NOW)).toBeNull();
    expect(await findReferral(db, as(student), "not-a-uuid", NOW)).toBeNull();
  });

  test("admins read, and change nothing", async () => {
    const { referralId } = await asked();
    const admin = as(await makeUser(db, { role: "admin" }));
    expect((await findReferral(db, admin, referralId, NOW))!.may).toEqual({ answer: false, recordOutcome: false, withdraw: false });
    expect(await answerReferral(db, { viewer: admin, referralId, answer: { accept: false, reason: "No." }, now: NOW })).toEqual({ ok: false, error: "not_allowed_answer" });
    expect(await withdrawReferral(db, { viewer: admin, referralId, now: NOW })).toEqual({ ok: false, error: "not_allowed_withdraw" });
    expect((await db.select().from(referrals).where(eq(referrals.id, referralId)))[0]!.state).toBe("requested");
  });
});

describe("asking for a referral", () => {
  test("the student asks a mentor of an internship under way; the mentor is emailed and the request audited", async () => {
    const { student, mentor, match, referralId } = await asked();
    const [mail] = await emailsTo(db, mentor.email);
    expect(mail!.subject).toBe(`${student.name} asks you for a referral at Northwind Analytics`);
    expect(mail!.text).toContain(`/referrals/${referralId}`);
    expect(mail!.text).toContain("https://careers.northwind.example/jobs/1234");
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, match.id), eq(auditLog.action, "referral.requested")));
    expect(audit!.detail).toMatchObject({ referralId, company: "Northwind Analytics" });
    const view = (await findReferral(db, as(student), referralId, NOW))!;
    expect(view).toMatchObject({ state: "requested", side: "student", may: { withdraw: true, answer: false, recordOutcome: false } });
  });

  test("the choices are each mentor of each internship under way or completed; none before it starts", async () => {
    const active = await makeMentorship(db, { secondMentor: true, today: NOW });
    expect((await referralRequestChoices(db, as(active.student))).map((c) => c.value).sort()).toEqual(
      [`${active.match.id}:${active.mentor.id}`, `${active.match.id}:${active.secondMentor!.id}`].sort(),
    );
    const confirmed = await makeMentorship(db, { status: "confirmed", today: NOW });
    expect(await referralRequestChoices(db, as(confirmed.student))).toEqual([]);
    expect(await referralRequestChoices(db, as(active.mentor))).toEqual([]);
    const refused = await requestReferral(db, { viewer: as(confirmed.student), input: { ...INPUT, asked: `${confirmed.match.id}:${confirmed.mentor.id}` }, now: NOW });
    expect(refused).toEqual({ ok: false, error: "not_allowed_request" });
  });

  test("refused: someone else's internship, a person who is not its mentor, the same request twice; nothing is written", async () => {
    const { student, mentor, match } = await asked();
    const other = await makeMentorship(db, { today: NOW });
    const ask = (viewer: Viewer, askedValue: string, input = INPUT) => requestReferral(db, { viewer, input: { ...input, asked: askedValue }, now: NOW });
    expect(await ask(as(student), `${other.match.id}:${other.mentor.id}`)).toEqual({ ok: false, error: "not_allowed_request" });
    expect(await ask(as(student), `${match.id}:${other.mentor.id}`)).toEqual({ ok: false, error: "not_a_mentor" });
    expect(await ask(as(student), `${match.id}:${mentor.id}`, { ...INPUT, company: "NORTHWIND analytics" })).toEqual({ ok: false, error: "already_asked" });
    expect(await db.select().from(referrals).where(eq(referrals.matchId, match.id))).toHaveLength(1);
  });

  test("the form refuses a posting that is not a web address, and an empty company", () => {
    const base = { intent: "request", asked: "00000000-0000-4000-8000-000000000000:00000000-0000-4000-8000-000000000001", company: "Acme", role: "Intern" };
    expect(RequestReferralSchema.safeParse({ ...base, postingUrl: "https://acme.example/jobs/1" }).success).toBe(true);
    // A scheme in capitals is stored as a browser writes it (the database's CHECK wants "https://").
    expect(RequestReferralSchema.parse({ ...base, postingUrl: "HTTPS://Acme.example/jobs/a b" }).postingUrl).toBe("https://acme.example/jobs/a%20b");
    for (const postingUrl of ["javascript:alert(1)", "ftp://acme.example/x", "acme jobs page", ""]) {
      expect(RequestReferralSchema.safeParse({ ...base, postingUrl }).success, postingUrl).toBe(false);
    }
    expect(RequestReferralSchema.safeParse({ ...base, company: "  ", postingUrl: "https://acme.example/" }).success).toBe(false);
    expect(RequestReferralSchema.safeParse({ ...base, asked: "anything", postingUrl: "https://acme.example/" }).success).toBe(false);
  });
});

describe("answering and following a referral", () => {
  test("the mentor asked accepts with how and when; the student is emailed; both record outcomes and each sees the other's", async () => {
    const { student, mentor, secondMentor, referralId, slot } = await asked();
    const today = dayIn(slot.timezone, NOW);
    // Another mentor of the slot cannot answer: for them the referral does not exist.
    expect(await answerReferral(db, { viewer: as(secondMentor!), referralId, answer: { accept: true, method: "internal_tool", referredOn: today }, now: NOW })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await answerReferral(db, { viewer: as(mentor), referralId, answer: { accept: true, method: "internal_tool", referredOn: addDays(today, 1) }, now: NOW })).toEqual({
      ok: false,
      error: "future_date",
    });
    const later = new Date(NOW.getTime() + DAY);
    expect(
      await answerReferral(db, {
        viewer: as(mentor),
        referralId,
        answer: { accept: true, method: "email_to_recruiter", methodNote: "Sent to Sam, the hiring manager.", referredOn: today },
        now: later,
      }),
    ).toEqual({ ok: true });
    const mail = (await emailsTo(db, student.email)).at(-1)!;
    expect(mail.subject).toBe(`${mentor.name} referred you at Northwind Analytics`);
    expect(mail.text).toContain("Sent to Sam, the hiring manager.");
    expect(await answerReferral(db, { viewer: as(mentor), referralId, answer: { accept: false, reason: "Changed my mind." }, now: later })).toEqual({
      ok: false,
      error: "already_answered",
    });

    expect(await recordReferralOutcome(db, { viewer: as(student), referralId, outcome: "interviewing", now: new Date(later.getTime() + DAY) })).toEqual({ ok: true });
    const seenByMentor = (await findReferral(db, as(mentor), referralId, NOW))!;
    expect(seenByMentor).toMatchObject({ state: "accepted", method: "email_to_recruiter", referredOn: today, outcome: "interviewing", outcomeByName: student.name });
    expect(seenByMentor.lastUpdateAt).toBe(new Date(later.getTime() + DAY).toISOString());
    expect(await recordReferralOutcome(db, { viewer: as(mentor), referralId, outcome: "offer", now: new Date(later.getTime() + 2 * DAY) })).toEqual({ ok: true });
    expect((await findReferral(db, as(student), referralId, NOW))!).toMatchObject({ outcome: "offer", outcomeByName: mentor.name });
  });

  test("a decline needs a reason, emails the student, takes no outcome, and the same request may be asked again", async () => {
    const { student, mentor, match, referralId } = await asked();
    expect(await answerReferral(db, { viewer: as(mentor), referralId, answer: { accept: false, reason: "I only know their sales team." }, now: NOW })).toEqual({ ok: true });
    expect((await emailsTo(db, student.email)).at(-1)!.text).toContain("I only know their sales team.");
    expect(await recordReferralOutcome(db, { viewer: as(student), referralId, outcome: "submitted", now: NOW })).toEqual({ ok: false, error: "not_allowed_outcome" });
    const again = await requestReferral(db, { viewer: as(student), input: { ...INPUT, asked: `${match.id}:${mentor.id}` }, now: NOW });
    expect(again.ok).toBe(true);
  });

  test("the student withdraws an unanswered request: gone for the mentor, audited", async () => {
    const { student, mentor, match, referralId } = await asked();
    expect(await withdrawReferral(db, { viewer: as(mentor), referralId, now: NOW })).toEqual({ ok: false, error: "not_allowed_withdraw" });
    expect(await withdrawReferral(db, { viewer: as(student), referralId, now: NOW })).toEqual({ ok: true });
    expect(await findReferral(db, as(mentor), referralId, NOW)).toBeNull();
    expect(await db.select().from(auditLog).where(and(eq(auditLog.subjectId, match.id), eq(auditLog.action, "referral.withdrawn")))).toHaveLength(1);
  });
});

describe("the other side hears of it", () => {
  const outcomeMails = async (address: string) => (await emailsTo(db, address)).filter((m) => m.template === "referral-outcome");

  test("a new outcome is emailed to the other side — the mentor when the student records it, the student when the mentor does; the same again emails nobody", async () => {
    const { student, mentor, secondMentor, referralId, slot } = await asked();
    await answerReferral(db, { viewer: as(mentor), referralId, answer: { accept: true, method: "internal_tool", referredOn: dayIn(slot.timezone, NOW) }, now: NOW });

    expect(await recordReferralOutcome(db, { viewer: as(student), referralId, outcome: "interviewing", now: NOW })).toEqual({ ok: true });
    const [toMentor] = await outcomeMails(mentor.email);
    expect(toMentor!.subject).toBe(`Referral at Northwind Analytics: Interviewing — from ${student.name}`);
    expect(toMentor!.text).toContain(`${student.name} recorded what came of the referral you made for Junior data engineer at Northwind Analytics: Interviewing.`);
    expect(toMentor!.text).toContain(`/referrals/${referralId}`);
    expect(await outcomeMails(student.email)).toEqual([]);

    // "Still interviewing" resets the quiet clock but is no news to send.
    await recordReferralOutcome(db, { viewer: as(student), referralId, outcome: "interviewing", now: new Date(NOW.getTime() + DAY) });
    expect(await outcomeMails(mentor.email)).toHaveLength(1);

    await recordReferralOutcome(db, { viewer: as(mentor), referralId, outcome: "offer", now: new Date(NOW.getTime() + 2 * DAY) });
    const [toStudent] = await outcomeMails(student.email);
    expect(toStudent!.subject).toBe(`Referral at Northwind Analytics: Offer — from ${mentor.name}`);
    expect(toStudent!.text).toContain(`${mentor.name} recorded what came of your referral for Junior data engineer at Northwind Analytics: Offer.`);
    expect(await outcomeMails(mentor.email)).toHaveLength(1);
    // The slot's other mentor, who does not read the referral, hears nothing of it.
    expect(await emailsTo(db, secondMentor!.email)).toEqual([]);
  });

  test("a withdrawn request is emailed to the mentor asked, without a link to a page that is gone; a reminder waiting for their digest is dropped", async () => {
    const { student, mentor, match, referralId } = await asked();
    await db.insert(emailPreferences).values({ userId: mentor.id, cadence: "weekly_digest" }).onConflictDoUpdate({ target: emailPreferences.userId, set: { cadence: "weekly_digest" } });
    await referralNudges(db, new Date(NOW.getTime() + 7 * DAY));
    const waiting = () => db.select().from(reminders).where(and(eq(reminders.matchId, match.id), eq(reminders.kind, "referral_nudge"), eq(reminders.state, "in_digest")));
    expect(await waiting()).toHaveLength(1);

    expect(await withdrawReferral(db, { viewer: as(student), referralId, now: new Date(NOW.getTime() + 8 * DAY) })).toEqual({ ok: true });
    const [mail] = (await emailsTo(db, mentor.email)).filter((m) => m.template === "referral-withdrawn");
    expect(mail!.subject).toBe(`${student.name} withdrew their referral request for Northwind Analytics`);
    expect(mail!.text).toContain(`${student.name} withdrew their request for a referral for Junior data engineer at Northwind Analytics.`);
    expect(mail!.text).not.toContain("/referrals/");
    expect(await waiting()).toEqual([]);
  });
});

describe("a mentor's account deleted (declineReferralsOfDeletedMentor)", () => {
  test("their unanswered requests are declined with the reason, each student emailed and the decline audited; a referral they made stays", async () => {
    const { student, mentor, secondMentor, match, referralId, slot } = await asked();
    const made = await requestReferral(db, { viewer: as(student), input: { ...INPUT, company: "Contoso", asked: `${match.id}:${mentor.id}` }, now: NOW });
    if (!made.ok) throw new Error(made.error);
    await answerReferral(db, { viewer: as(mentor), referralId: made.id, answer: { accept: true, method: "other", methodNote: "A call.", referredOn: dayIn(slot.timezone, NOW) }, now: NOW });
    const toOther = await requestReferral(db, { viewer: as(student), input: { ...INPUT, company: "Fabrikam", asked: `${match.id}:${secondMentor!.id}` }, now: NOW });
    if (!toOther.ok) throw new Error(toOther.error);
    const later = new Date(NOW.getTime() + 3 * DAY);

    expect(await declineReferralsOfDeletedMentor(db, mentor.id, later)).toBe(1);

    const rows = await db.select().from(referrals).where(eq(referrals.matchId, match.id));
    expect(rows.find((r) => r.id === referralId)).toMatchObject({ state: "declined", declineReason: REFERRAL_MENTOR_GONE_REASON, lastUpdateAt: later });
    expect(rows.find((r) => r.id === made.id)).toMatchObject({ state: "accepted" });
    expect(rows.find((r) => r.id === toOther.id)).toMatchObject({ state: "requested" });
    expect(REFERRAL_MENTOR_GONE_REASON).toContain("deleted their Steppingstone account");
    expect(REFERRAL_MENTOR_GONE_REASON).toContain("Ask another mentor of the internship.");

    const mail = (await emailsTo(db, student.email)).find((m) => m.subject === "Your referral request for Northwind Analytics: ask another mentor");
    expect(mail!.text).toContain(`${mentor.name} can no longer answer your request for a referral for Junior data engineer at Northwind Analytics`);
    expect(mail!.text).toContain(REFERRAL_MENTOR_GONE_REASON);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, match.id), eq(auditLog.action, "referral.declined")));
    expect(audit).toMatchObject({ actorId: null, detail: { referralId, reason: REFERRAL_MENTOR_GONE_REASON } });

    // The student reads it as declined, and may ask again.
    expect((await findReferral(db, as(student), referralId, later))!).toMatchObject({ state: "declined", declineReason: REFERRAL_MENTOR_GONE_REASON, may: { withdraw: false } });
    // Nothing left to decline the second time.
    expect(await declineReferralsOfDeletedMentor(db, mentor.id, later)).toBe(0);
  });
});

describe("the nudges (referralNudges)", () => {
  const nudgesFor = (matchId: string) => db.select().from(reminders).where(and(eq(reminders.kind, "referral_nudge"), eq(reminders.matchId, matchId)));

  test("two quiet weeks after the referral ask the student once; a new word starts a new stretch; a final outcome stops them", async () => {
    const { student, mentor, match, referralId, slot } = await asked();
    await answerReferral(db, { viewer: as(mentor), referralId, answer: { accept: true, method: "internal_tool", referredOn: dayIn(slot.timezone, NOW) }, now: NOW });
    const mine = async () => (await nudgesFor(match.id)).filter((r) => r.userId === student.id);

    await referralNudges(db, new Date(NOW.getTime() + 13 * DAY));
    expect(await mine()).toHaveLength(0);
    await referralNudges(db, new Date(NOW.getTime() + 14 * DAY));
    await referralNudges(db, new Date(NOW.getTime() + 20 * DAY));
    expect(await mine()).toHaveLength(1);
    expect((await emailsTo(db, student.email)).at(-1)!.subject).toBe("What happened with your referral at Northwind Analytics?");

    await recordReferralOutcome(db, { viewer: as(student), referralId, outcome: "interviewing", now: new Date(NOW.getTime() + 21 * DAY) });
    await referralNudges(db, new Date(NOW.getTime() + 34 * DAY));
    expect(await mine()).toHaveLength(1);
    await referralNudges(db, new Date(NOW.getTime() + 35 * DAY));
    expect(await mine()).toHaveLength(2);

    await recordReferralOutcome(db, { viewer: as(mentor), referralId, outcome: "not_selected", now: new Date(NOW.getTime() + 36 * DAY) });
    await referralNudges(db, new Date(NOW.getTime() + 90 * DAY));
    expect(await mine()).toHaveLength(2);
  });

  test("an unanswered request reminds the mentor asked once after a week; a declined one nobody", async () => {
    const { mentor, secondMentor, student, match } = await asked();
    await referralNudges(db, new Date(NOW.getTime() + 6 * DAY));
    expect(await nudgesFor(match.id)).toEqual([]);
    await referralNudges(db, new Date(NOW.getTime() + 7 * DAY));
    await referralNudges(db, new Date(NOW.getTime() + 9 * DAY));
    const sent = await nudgesFor(match.id);
    expect(sent.map((r) => r.userId)).toEqual([mentor.id]);
    expect(sent.map((r) => r.userId)).not.toContain(secondMentor!.id);

    const declined = await requestReferral(db, { viewer: as(student), input: { ...INPUT, company: "Contoso", asked: `${match.id}:${mentor.id}` }, now: NOW });
    if (!declined.ok) throw new Error(declined.error);
    await answerReferral(db, { viewer: as(mentor), referralId: declined.id, answer: { accept: false, reason: "No contacts there." }, now: NOW });
    await referralNudges(db, new Date(NOW.getTime() + 60 * DAY));
    expect((await nudgesFor(match.id)).filter((r) => r.eventKey.startsWith(declined.id))).toEqual([]);
  });
});

test("a long list pages: the newest word first, REFERRALS_PAGE_SIZE a page", async () => {
  const { student, mentor, match } = await makeMentorship(db, { today: NOW });
  await db.insert(referrals).values(
    Array.from({ length: REFERRALS_PAGE_SIZE + 1 }, (_, i) => ({
      matchId: match.id,
      mentorId: mentor.id,
      company: `Company ${i}`,
      role: "Intern",
      postingUrl: "https://example.org/jobs",
      lastUpdateAt: new Date(NOW.getTime() + i * 60_000),
    })),
  );
  const first = await listReferrals(db, as(student), { page: 1 });
  expect(first).toMatchObject({ total: REFERRALS_PAGE_SIZE + 1, pages: 2 });
  expect(first.rows).toHaveLength(REFERRALS_PAGE_SIZE);
  expect(first.rows[0]!.company).toBe(`Company ${REFERRALS_PAGE_SIZE}`);
  const second = await listReferrals(db, as(mentor), { page: 2 });
  expect(second.rows.map((r) => r.company)).toEqual(["Company 0"]);
});
