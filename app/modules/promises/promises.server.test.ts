import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { checkIns, letterDeliveries, matchOutcomes, recommendationLetters, referrals } from "~db/schema";
import { makeUser } from "~db/test/factories";
import { makeMatch } from "~db/test/match-factories";
import { makeMentorship } from "~db/test/mentorship-factories";
import { moduleTestDb } from "~db/test/module-db";
import { makeSlot, makeStudent } from "~db/test/slot-factories";
import { findMentorship, type Mentorship } from "~/modules/mentorship/access.server";
import { OutcomeSchema } from "~/modules/mentorship/outcome-schemas";
import { DAY_MS } from "~/domain/time";
import { getOutcomePage, recordOutcome } from "~/modules/mentorship/outcomes.server";
import { promiseEvidenceOf, promiseRecordsOf, publicPromiseRecordOf } from "./promises.server";

const db = moduleTestDb();
const NOW = new Date();

/** A ready letter for the match, delivered to one recipient on `sentAt` (or never, with null). */
async function letterFor(matchId: string, mentorId: string, sentAt: Date | null) {
  const [letter] = await db
    .insert(recommendationLetters)
    .values({
      matchId,
      mentorId,
      purpose: "jobs",
      dueDate: "2026-12-01",
      waived: true,
      state: "ready",
      format: "written",
      body: "A letter.",
      verificationCode: randomBytes(10).toString("hex"),
      readyAt: NOW,
    })
    .returning();
  if (sentAt)
    await db.insert(letterDeliveries).values({
      letterId: letter!.id,
      recipientName: "Admissions",
      recipientEmail: "admissions@example.org",
      tokenId: randomBytes(15).toString("hex"),
      secretHash: "x",
      sentAt,
      expiresAt: new Date(sentAt.getTime() + 30 * DAY_MS),
    });
}

const checkIn = (matchId: string, week: number, received: number, given: number | null) =>
  db.insert(checkIns).values({ matchId, week, done: "Work.", next: "More.", hoursWorked: 20, mentorHoursReceived: received, mentorHoursGiven: given, late: false });

/**
 * An organization whose slot (3 mentor hours a week for 4 weeks, promising a letter, a referral and
 * a portfolio project) has `completed` completed internships, plus one still active.
 */
async function organizationWith(completed: number) {
  const first = await makeMentorship(db, {
    status: "completed",
    durationWeeks: 4,
    startedDaysAgo: 40,
    slot: { offers: ["mentorship", "recommendation_letter", "referral", "portfolio_project"], seats: 6 },
  });
  const matches = [first.match];
  for (let i = 1; i < completed; i++) {
    matches.push(await makeMatch(db, { slotId: first.slot.id, studentId: (await makeStudent(db)).id, status: "completed", completedAt: NOW }));
  }
  const active = await makeMatch(db, { slotId: first.slot.id, studentId: (await makeStudent(db)).id, status: "active" });
  return { ...first, matches, active };
}

describe("an organization's record of promises kept", () => {
  test("objects count as kept over the student's answer; unknown promises are left out; mentor time is the lesser side's, capped per internship", async () => {
    const { organization, mentor, matches, active } = await organizationWith(3);
    const [a, b] = matches as [(typeof matches)[0], (typeof matches)[0]];
    // a: a delivered letter (the student said no: the letter wins), a referral made, no project.
    await letterFor(a.id, mentor.id, NOW);
    await db.insert(referrals).values({ matchId: a.id, mentorId: mentor.id, company: "Acme", role: "Intern", postingUrl: "https://acme.example/", state: "accepted", method: "internal_tool", referredOn: "2026-10-01" });
    await db.insert(matchOutcomes).values({ matchId: a.id, benefits: { recommendation_letter: false, portfolio_project: false }, returnOffer: "no" });
    // b: a letter ready but never delivered does not count; the student says no letter, yes referral and project.
    await letterFor(b.id, mentor.id, null);
    await db.insert(matchOutcomes).values({ matchId: b.id, benefits: { recommendation_letter: false, referral: true, portfolio_project: true }, returnOffer: "pending" });
    // c: nothing recorded: its three promises are not known.
    // The active internship's letter and check-ins count for nothing yet.
    await letterFor(active.id, mentor.id, NOW);
    await checkIn(active.id, 1, 10, 10);
    // Mentor time: a gets 3+3+3+5 (capped at its 12 promised), b gets min(3, 1) + 2 (no mentor figure), c none.
    for (const [week, received, given] of [[1, 3, 3], [2, 3, 4], [3, 3, 3], [4, 5, 5]] as const) await checkIn(a.id, week, received, given);
    await checkIn(b.id, 1, 3, 1);
    await checkIn(b.id, 2, 2, null);

    const tally = (await promiseRecordsOf(db, [organization.id])).get(organization.id);
    // a: letter ✓ (object), referral ✓ (object), project ✗ (answer); b: letter ✗, referral ✓, project ✓; c: 3 unknown.
    expect(tally).toMatchObject({ internships: 3, counted: 6, kept: 4, unknown: 3, mentorHoursPromised: 36, mentorHoursDelivered: 15 });
    expect(tally!.byBenefit.map((b) => [b.benefit, b.kept, b.counted, b.unknown])).toEqual([
      ["recommendation_letter", 1, 2, 1],
      ["referral", 2, 2, 1],
      ["portfolio_project", 1, 2, 1],
    ]);
    expect(await publicPromiseRecordOf(db, organization.id)).toEqual({ shown: true, ...tally });
  });

  test("before 3 completed internships the public record carries nothing but the threshold; admins still get the counts; organizations do not mix", async () => {
    const two = await organizationWith(2);
    const other = await organizationWith(3);
    await db.insert(matchOutcomes).values({ matchId: two.matches[0]!.id, benefits: { recommendation_letter: true, referral: true, portfolio_project: false }, returnOffer: "no" });
    expect(await publicPromiseRecordOf(db, two.organization.id)).toEqual({ shown: false, threshold: 3 });
    const records = await promiseRecordsOf(db, [two.organization.id, other.organization.id, "not-a-uuid"]);
    expect(records.get(two.organization.id)).toMatchObject({ internships: 2, counted: 3, kept: 2, unknown: 3 });
    expect(records.get(other.organization.id)).toMatchObject({ internships: 3, counted: 0, kept: 0, unknown: 9 });
    expect(records.has("not-a-uuid")).toBe(false);
  });
});

test("a kind of promise only one internship made is in neither the public lines nor the public totals, so no subtraction reveals its intern's answer", async () => {
  // Three completed internships: two on a slot promising a letter, one on another slot of the same
  // organization promising a letter and course credit, whose intern said the credit never came.
  const { organization, matches } = await organizationWith(2);
  const credit = await makeSlot(db, organization, { offers: ["recommendation_letter", "course_credit"], mentorHoursPerWeek: 1, durationWeeks: 4, status: "filled" });
  const creditMatch = await makeMatch(db, { slotId: credit.id, studentId: (await makeStudent(db)).id, status: "completed", completedAt: NOW });
  await db.insert(matchOutcomes).values([
    { matchId: matches[0]!.id, benefits: { recommendation_letter: true, referral: true, portfolio_project: true }, returnOffer: "no" },
    { matchId: matches[1]!.id, benefits: { recommendation_letter: true, referral: false, portfolio_project: true }, returnOffer: "no" },
    { matchId: creditMatch.id, benefits: { recommendation_letter: true, course_credit: false }, returnOffer: "no" },
  ]);

  const admins = (await promiseRecordsOf(db, [organization.id])).get(organization.id)!;
  // Admins see the credit (and its "no") in the totals.
  expect(admins).toMatchObject({ internships: 3, counted: 8, kept: 6 });
  expect(admins.byBenefit.find((b) => b.benefit === "course_credit")).toMatchObject({ internships: 1, counted: 1, kept: 0 });

  // The slot page's loader data is exactly publicPromiseRecordOf's answer.
  const shown = await publicPromiseRecordOf(db, organization.id);
  if (!shown.shown) throw new Error("expected a public record");
  // Only the letter was promised by 3 internships: 3 of 3 kept; the totals are the sum of the lines shown.
  expect(shown.byBenefit.map((b) => b.benefit)).toEqual(["recommendation_letter"]);
  expect({ counted: shown.counted, kept: shown.kept, unknown: shown.unknown }).toEqual({ counted: 3, kept: 3, unknown: 0 });
  const sum = (key: "counted" | "kept" | "unknown") => shown.byBenefit.reduce((n, b) => n + b[key], 0);
  expect([shown.counted, shown.kept, shown.unknown]).toEqual([sum("counted"), sum("kept"), sum("unknown")]);
  expect(JSON.stringify(shown)).not.toContain("course_credit");

  // Had the intern said yes, the public record would read the same: nothing in it depends on the answer.
  await db.update(matchOutcomes).set({ benefits: { recommendation_letter: true, course_credit: true } }).where(eq(matchOutcomes.matchId, creditMatch.id));
  expect(await publicPromiseRecordOf(db, organization.id)).toEqual(shown);
});

describe("the outcome page shows the record pre-filled from the objects", () => {
  test("a delivered letter and a made referral are shown as delivered and not asked; the student answers the rest", async () => {
    const made = await makeMentorship(db, { status: "completed", startedDaysAgo: 90, slot: { offers: ["recommendation_letter", "referral", "return_offer", "portfolio_project"] } });
    const view = async (user: { id: string; role: "student" | "mentor" | "admin" }) => (await findMentorship(db, user, made.match.id)) as Mentorship;
    const before = await getOutcomePage(db, await view(made.student));
    expect(before.asked).toEqual(["recommendation_letter", "referral", "portfolio_project"]);

    await letterFor(made.match.id, made.mentor.id, new Date("2026-11-02T15:00:00Z"));
    await db.insert(referrals).values({ matchId: made.match.id, mentorId: made.mentor.id, company: "Acme", role: "Intern", state: "accepted", method: "other", referredOn: "2026-10-20" });
    expect(await promiseEvidenceOf(db, made.match.id)).toEqual({ letterDeliveredOn: "2026-11-02", referralMadeOn: "2026-10-20", returnOffer: null });

    const page = await getOutcomePage(db, await view(made.student));
    expect(page.asked).toEqual(["portfolio_project"]);
    expect(page.record.map((v) => [v.benefit, v.kept, v.source])).toEqual([
      ["recommendation_letter", true, "letter"],
      ["referral", true, "referral"],
      ["return_offer", null, null],
      ["portfolio_project", null, null],
    ]);

    // Only the project is asked now; the return offer's "no" answers its promise.
    expect(await recordOutcome(db, await view(made.student), OutcomeSchema.parse({ returnOffer: "no" }))).toEqual({ ok: false, error: "missing", benefits: ["portfolio_project"] });
    expect(await recordOutcome(db, await view(made.student), OutcomeSchema.parse({ delivered: { portfolio_project: "yes" }, returnOffer: "no" }))).toEqual({ ok: true });
    const admin = await makeUser(db, { role: "admin" });
    const forAdmin = await getOutcomePage(db, await view(admin));
    expect(forAdmin.record.map((v) => [v.benefit, v.kept, v.source])).toEqual([
      ["recommendation_letter", true, "letter"],
      ["referral", true, "referral"],
      ["return_offer", true, "return_offer"],
      ["portfolio_project", true, "student"],
    ]);
    expect(forAdmin.evidence).toEqual({ letterDeliveredOn: "2026-11-02", referralMadeOn: "2026-10-20" });
  });

  test("the organization's mentors read whether each promise was kept, never that a letter was delivered or a referral made, nor when", async () => {
    const made = await makeMentorship(db, { status: "completed", startedDaysAgo: 90, secondMentor: true, slot: { offers: ["recommendation_letter", "referral", "portfolio_project"] } });
    const view = async (user: { id: string; role: "student" | "mentor" | "admin" }) => (await findMentorship(db, user, made.match.id)) as Mentorship;
    // The first mentor wrote a letter that was delivered; the project's "yes" is the student's answer; no referral.
    await letterFor(made.match.id, made.mentor.id, new Date("2026-11-02T15:00:00Z"));
    const answer = OutcomeSchema.parse({ delivered: { referral: "no", portfolio_project: "yes" }, returnOffer: "pending" });
    expect(await recordOutcome(db, await view(made.student), answer)).toEqual({ ok: true });

    for (const reader of [made.mentor, made.secondMentor!]) {
      const page = await getOutcomePage(db, await view(reader));
      // Kept by a letter or by an answer read the same; a "no" can only be the student's answer.
      expect(page.record.map((v) => [v.benefit, v.kept, v.source])).toEqual([
        ["recommendation_letter", true, "records_or_student"],
        ["referral", false, "student"],
        ["portfolio_project", true, "records_or_student"],
      ]);
      expect(page.evidence).toEqual({ letterDeliveredOn: null, referralMadeOn: null });
      expect(page.asked).toEqual([]);
      // The letter a mentor delivered and the project the student answered for read alike here too.
      expect(page.outcome!.delivered).toEqual({ recommendation_letter: true, referral: false, portfolio_project: true });
      const data = JSON.stringify(page);
      expect(data).not.toContain("2026-11-02");
      expect(data).not.toContain('"letter"');
    }
    // The student still reads where each verdict comes from, with its day.
    const own = await getOutcomePage(db, await view(made.student));
    expect(own.record[0]).toMatchObject({ benefit: "recommendation_letter", kept: true, source: "letter" });
    expect(own.evidence.letterDeliveredOn).toBe("2026-11-02");
  });
});
