import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { checkIns, letterDeliveries, matchOutcomes, recommendationLetters, referrals } from "~db/schema";
import { makeMatch } from "~db/test/match-factories";
import { makeMentorship } from "~db/test/mentorship-factories";
import { moduleTestDb } from "~db/test/module-db";
import { makeStudent } from "~db/test/slot-factories";
import { findMentorship, type Mentorship } from "~/modules/mentorship/access.server";
import { OutcomeSchema } from "~/modules/mentorship/outcome-schemas";
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
      expiresAt: new Date(sentAt.getTime() + 30 * 86_400_000),
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
    const after = await getOutcomePage(db, await view(made.mentor));
    expect(after.record.map((v) => [v.benefit, v.kept, v.source])).toEqual([
      ["recommendation_letter", true, "letter"],
      ["referral", true, "referral"],
      ["return_offer", true, "return_offer"],
      ["portfolio_project", true, "student"],
    ]);
  });
});
