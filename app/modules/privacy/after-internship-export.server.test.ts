import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import type { Db } from "~db/client.server";
import { issuedDocuments, letterDeliveries, recommendationLetters, referrals, users } from "~db/schema";
import { KNOWN_PASSWORD } from "~db/test/factories";
import { moduleTestDb } from "~db/test/module-db";
import { makeMentorship } from "~db/test/mentorship-factories";
import { generateToken } from "~/auth/tokens.server";
import { newVerificationCode } from "~/modules/documents/codes";
import { MENTOR_GONE_REASON } from "~/modules/letters/letters.server";
import { REFERRAL_MENTOR_GONE_REASON } from "~/modules/referrals/referral-labels";
import { deleteAccount, exportUserData } from "./privacy.server";

const db = moduleTestDb({ queue: true });

const CONFIDENTIAL_TEXT = "Lena is the most careful engineer I have mentored; her tests caught two outages.";
const OPEN_TEXT = "Lena built our import pipeline and presented it to the team.";

/** A completed internship with: a confidential letter ready and delivered, an open one ready, a referral with an outcome, an issued verification letter. */
async function makeAfterInternship(db: Db) {
  const m = await makeMentorship(db, { status: "completed", startedDaysAgo: 100 });
  await db.update(users).set({ name: "Lena Fischer" }).where(eq(users.id, m.student.id));
  await db.update(users).set({ name: "Priya Raman" }).where(eq(users.id, m.mentor.id));
  const now = new Date();
  const ready = { state: "ready" as const, format: "written" as const, writerName: "Priya Raman", writerTitle: "Research engineer", readyAt: now };
  const [confidential, open] = await db
    .insert(recommendationLetters)
    .values([
      { matchId: m.match.id, mentorId: m.mentor.id, purpose: "graduate_school", purposeDetail: "MSc Computer Science, UBC", dueDate: "2031-01-15", waived: true, body: CONFIDENTIAL_TEXT, verificationCode: newVerificationCode(), ...ready },
      { matchId: m.match.id, mentorId: m.mentor.id, purpose: "jobs", dueDate: "2031-02-01", waived: false, body: OPEN_TEXT, verificationCode: newVerificationCode(), ...ready },
    ])
    .returning();
  const token = generateToken();
  await db.insert(letterDeliveries).values({
    letterId: confidential!.id,
    recipientName: "Graduate admissions",
    recipientEmail: "admissions@example.edu",
    tokenId: token.id,
    secretHash: token.secretHash,
    expiresAt: new Date(now.getTime() + 30 * 86_400_000),
    firstViewedAt: now,
    viewCount: 2,
  });
  await db.insert(referrals).values({
    matchId: m.match.id,
    mentorId: m.mentor.id,
    company: "Northwind Data",
    role: "Junior data engineer",
    state: "accepted",
    method: "internal_tool",
    referredOn: "2030-12-01",
    outcome: "interviewing",
  });
  await db.insert(issuedDocuments).values({
    matchId: m.match.id,
    kind: "experience_verification",
    content: "Lena Fischer worked 20 hours a week.",
    requestedBy: m.student.id,
    signedBy: m.mentor.id,
    signerName: "Priya Raman",
    signerTitle: "Research engineer",
    signedAt: now,
    verificationCode: newVerificationCode(),
    issuedAt: now,
  });
  return { ...m, confidential: confidential!, open: open! };
}

test("a student's export lists a confidential letter as existing and delivered, without its text; an open letter with it; referrals and documents", async () => {
  const { student } = await makeAfterInternship(db);
  const data = (await exportUserData(db, student.id))!;
  const json = JSON.stringify(data);
  expect(json).not.toContain(CONFIDENTIAL_TEXT);
  expect(json).not.toContain("secretHash");

  // By the waiver, not by position: both letters were asked for in the same instant.
  const confidential = data.recommendationLetters.find((l) => l.waivedRightToRead);
  const open = data.recommendationLetters.find((l) => !l.waivedRightToRead);
  expect(confidential).toMatchObject({ mentor: "Priya Raman", waivedRightToRead: true, state: "ready", purposeDetail: "MSc Computer Science, UBC" });
  expect(confidential!.letter).toMatch(/^Confidential: you waived the right to read this letter/);
  expect(confidential!.deliveries).toEqual([expect.objectContaining({ recipientName: "Graduate admissions", recipientEmail: "admissions@example.edu", timesOpened: 2, state: "opened" })]);
  expect(confidential!.verificationCode).toBeNull();
  expect(open).toMatchObject({ waivedRightToRead: false, letter: OPEN_TEXT, deliveries: [] });
  expect(open!.verificationCode).toMatch(/^[A-Z2-7]{4}-/);

  expect(data.referrals).toEqual([expect.objectContaining({ company: "Northwind Data", state: "accepted", method: "internal_tool", outcome: "interviewing", mentor: "Priya Raman" })]);
  expect(data.documents).toEqual([expect.objectContaining({ kind: "experience_verification", state: "issued", signerName: "Priya Raman" })]);
  expect(data.about).toContain("without its text");
});

test("a mentor's export holds the letters they wrote (the confidential one too), the referrals they were asked for and the documents they signed — never the student's recipients", async () => {
  const { mentor } = await makeAfterInternship(db);
  const data = (await exportUserData(db, mentor.id))!;
  const json = JSON.stringify(data);
  expect(data.mentoring.lettersYouWereAskedFor.map((l) => [l.student, l.confidential, l.letter])).toEqual(
    expect.arrayContaining([
      ["Lena", true, CONFIDENTIAL_TEXT],
      ["Lena", false, OPEN_TEXT],
    ]),
  );
  expect(data.mentoring.lettersYouWereAskedFor).toHaveLength(2);
  expect(data.mentoring.referralsYouWereAskedFor).toEqual([expect.objectContaining({ student: "Lena", company: "Northwind Data", outcome: "interviewing" })]);
  expect(data.mentoring.documentsYouSigned).toEqual([expect.objectContaining({ kind: "experience_verification", signerName: "Priya Raman" })]);
  expect(json).not.toContain("admissions@example.edu");
  expect(json).not.toContain("Fischer");
  expect(data.recommendationLetters).toEqual([]);
});

test("deleting the student removes their letters, deliveries, referrals and documents", async () => {
  const { student, match, confidential } = await makeAfterInternship(db);
  expect(await deleteAccount(db, student.id, { password: KNOWN_PASSWORD })).toEqual({ ok: true, role: "student" });
  expect(await db.select().from(recommendationLetters).where(eq(recommendationLetters.matchId, match.id))).toEqual([]);
  expect(await db.select().from(letterDeliveries).where(eq(letterDeliveries.letterId, confidential.id))).toEqual([]);
  expect(await db.select().from(referrals).where(eq(referrals.matchId, match.id))).toEqual([]);
  expect(await db.select().from(issuedDocuments).where(eq(issuedDocuments.matchId, match.id))).toEqual([]);
});

test("deleting the mentor declines what they had not answered (erasing a draft) so the student can ask another; ready letters, referrals made and signed documents stay", async () => {
  const { student, mentor, match, confidential } = await makeAfterInternship(db);
  const [draft] = await db
    .insert(recommendationLetters)
    .values({ matchId: match.id, mentorId: mentor.id, purpose: "jobs", dueDate: "2031-03-01", waived: false, state: "writing", format: "written", body: "Half a sentence" })
    .returning();
  const [asked] = await db.insert(referrals).values({ matchId: match.id, mentorId: mentor.id, company: "Contoso", role: "Analyst" }).returning();

  expect(await deleteAccount(db, mentor.id, { password: KNOWN_PASSWORD })).toEqual({ ok: true, role: "mentor" });

  const [declined] = await db.select().from(recommendationLetters).where(eq(recommendationLetters.id, draft!.id));
  expect(declined).toMatchObject({ state: "declined", declineReason: MENTOR_GONE_REASON, body: null, mentorId: null });
  const [kept] = await db.select().from(recommendationLetters).where(eq(recommendationLetters.id, confidential.id));
  expect(kept).toMatchObject({ state: "ready", body: CONFIDENTIAL_TEXT, writerName: "Priya Raman", mentorId: null });
  const [referral] = await db.select().from(referrals).where(eq(referrals.id, asked!.id));
  expect(referral).toMatchObject({ state: "declined", declineReason: REFERRAL_MENTOR_GONE_REASON });

  const data = (await exportUserData(db, student.id))!;
  expect(data.referrals.map((r) => [r.company, r.state, r.mentor])).toEqual([
    ["Northwind Data", "accepted", "a former mentor"],
    ["Contoso", "declined", "a former mentor"],
  ]);
  expect(data.documents).toEqual([expect.objectContaining({ signerName: "Priya Raman", state: "issued" })]);
});

test("a revoked letter's text leaves the export as it leaves the page; an expired link reads expired even if it was opened", async () => {
  const { student, open, confidential } = await makeAfterInternship(db);
  await db.update(recommendationLetters).set({ revokedAt: new Date() }).where(eq(recommendationLetters.id, open.id));
  await db.update(letterDeliveries).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(letterDeliveries.letterId, confidential.id));
  const data = (await exportUserData(db, student.id))!;
  expect(JSON.stringify(data)).not.toContain(OPEN_TEXT);
  const waived = data.recommendationLetters.find((l) => l.waivedRightToRead);
  const revoked = data.recommendationLetters.find((l) => !l.waivedRightToRead);
  expect(revoked).toMatchObject({ letter: null, revokedAt: expect.any(Date) });
  expect(waived!.deliveries.map((d) => d.state)).toEqual(["expired"]);
});
