import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { checkIns, emailPreferences, matchMessages, organizationMembers, reminders, slotMentors, type MatchStatus } from "~db/schema";
import { emailsTo, makeUser } from "~db/test/factories";
import { makeMentorship } from "~db/test/mentorship-factories";
import { moduleTestDb } from "~db/test/module-db";
import { checkInDueSubject } from "~emails/check-in-due";
import { checkInReplyDueSubject } from "~emails/check-in-reply-due";
import { introductionReplyDueSubject } from "~emails/introduction-reply-due";
import { writeCheckIn as writeStudentCheckIn } from "./check-ins.server";
import { checkInDueOn, checkInDueReminders, checkInReplyReminders, introductionReplyReminders } from "./reminders.server";
import { addDays } from "./weeks";

const db = moduleTestDb({ queue: true });

const DAY = 86_400_000;
/** Noon in New York (the factory's slots are there) on a Monday in summer: no clock change for months. */
const START = new Date("2026-06-01T16:00:00Z");
/** Noon in New York `days` days after the internship's first day. */
const at = (days: number) => new Date(START.getTime() + days * DAY);

/** An internship that started on START's day, its match started then too unless `startedOn` says another day. */
async function internship({ startedOn = 0, durationWeeks = 12, status = "active" as MatchStatus, secondMentor = false } = {}) {
  return makeMentorship(db, {
    today: START,
    startedDaysAgo: 0,
    durationWeeks,
    status,
    secondMentor,
    slot: { applicationDeadline: addDays("2026-06-01", -14) },
    match: { startedAt: at(startedOn), confirmedAt: at(-7) },
  });
}

const subjects = async (address: string) => (await emailsTo(db, address)).map((e) => e.subject);
const writeCheckIn = (matchId: string, week: number, submittedAt: Date, reply = false) =>
  db.insert(checkIns).values({
    matchId,
    week,
    done: "Set up the project.",
    next: "The importer.",
    hoursWorked: 20,
    mentorHoursReceived: 2,
    late: false,
    submittedAt,
    ...(reply ? { reply: "Good week.", repliedAt: submittedAt, mentorHoursGiven: 2 } : {}),
  });

describe("which week's check-in is reminded", () => {
  const dates = { startDate: "2026-06-01", durationWeeks: 4 };

  test("the day after a week's due day, not on it", () => {
    expect(checkInDueOn(dates, "2026-06-07", "2026-06-01", [])).toBeNull();
    expect(checkInDueOn(dates, "2026-06-08", "2026-06-01", [])).toEqual({ week: 1, due: "2026-06-07", earlierMissing: 0 });
  });

  test("only the most recent missing week, with the earlier missing ones counted in it", () => {
    expect(checkInDueOn(dates, "2026-06-22", "2026-06-01", [2])).toEqual({ week: 3, due: "2026-06-21", earlierMissing: 1 });
    // The latest week is written: nothing, even with an earlier one missing.
    expect(checkInDueOn(dates, "2026-06-22", "2026-06-01", [3])).toBeNull();
  });

  test("never about weeks before the match started, and nothing once the last week's reminder has had its week", () => {
    expect(checkInDueOn(dates, "2026-06-15", "2026-06-14", [])).toEqual({ week: 2, due: "2026-06-14", earlierMissing: 0 });
    expect(checkInDueOn(dates, "2026-06-15", "2026-06-15", [])).toBeNull();
    expect(checkInDueOn(dates, "2026-06-29", "2026-06-01", [])).toEqual({ week: 4, due: "2026-06-28", earlierMissing: 3 });
    expect(checkInDueOn(dates, "2026-07-05", "2026-06-01", [])).toMatchObject({ week: 4 });
    expect(checkInDueOn(dates, "2026-07-06", "2026-06-01", [])).toBeNull();
  });
});

describe("checkInDueReminders", () => {
  test("the student is emailed the day after the week's due day, once, whatever reruns", async () => {
    const { student, slot } = await internship();

    await checkInDueReminders(db, at(6));
    expect(await subjects(student.email)).toEqual([]);

    expect(await checkInDueReminders(db, at(7))).toBeGreaterThanOrEqual(1);
    await checkInDueReminders(db, at(7));
    await checkInDueReminders(db, at(9));
    expect(await subjects(student.email)).toEqual([checkInDueSubject(1, slot.title)]);
  });

  test("days are the slot's: 23:00 in New York is still the due day, 01:00 the next is not", async () => {
    const { student } = await internship();
    // Day 7 starts at 04:00 UTC in New York in summer.
    await checkInDueReminders(db, new Date("2026-06-08T03:00:00Z"));
    expect(await subjects(student.email)).toHaveLength(0);
    await checkInDueReminders(db, new Date("2026-06-08T05:00:00Z"));
    expect(await subjects(student.email)).toHaveLength(1);
  });

  test("after a long gap the student gets one email, for the latest week, saying how many earlier ones are missing", async () => {
    const { student, slot, match } = await internship();

    await checkInDueReminders(db, at(29));
    await checkInDueReminders(db, at(29));

    const sent = await emailsTo(db, student.email);
    expect(sent.map((e) => e.subject)).toEqual([checkInDueSubject(4, slot.title)]);
    expect(sent[0]!.text).toContain("3 earlier weeks have no check-in either");
    expect(sent[0]!.text).toContain(`/matches/${match.id}/check-ins`);
    const ledger = await db.select().from(reminders).where(and(eq(reminders.userId, student.id), eq(reminders.kind, "check_in_due")));
    expect(ledger.map((r) => r.eventKey)).toEqual([`${match.id}:week:4`]);
  });

  test("a written week is not reminded", async () => {
    const { student, match } = await internship();
    await writeCheckIn(match.id, 1, at(6));
    await checkInDueReminders(db, at(7));
    expect(await subjects(student.email)).toEqual([]);
  });

  test("a match started late is not reminded about the weeks before it began", async () => {
    const { student, slot } = await internship({ startedOn: 15 });

    await checkInDueReminders(db, at(15));
    expect(await subjects(student.email)).toEqual([]);

    await checkInDueReminders(db, at(21));
    const [email] = await emailsTo(db, student.email);
    expect(email!.subject).toBe(checkInDueSubject(3, slot.title));
    expect(email!.text).not.toContain("earlier week");
  });

  test("only while the internship is active, and not past the internship's last week", async () => {
    const confirmed = await internship({ status: "confirmed" });
    const ended = await internship({ durationWeeks: 2 });
    await checkInDueReminders(db, at(7));
    expect(await subjects(confirmed.student.email)).toEqual([]);

    await checkInDueReminders(db, at(30));
    await checkInDueReminders(db, at(60));
    // Week 2's reminder day (15) came and went unswept; weeks 3+ do not exist.
    expect(await subjects(ended.student.email)).toEqual([checkInDueSubject(1, ended.slot.title)]);
  });

  test("a student who chose the weekly digest gets no email now: the reminder waits for the digest", async () => {
    const { student, match } = await internship();
    await db.insert(emailPreferences).values({ userId: student.id, cadence: "weekly_digest" });

    expect(await checkInDueReminders(db, at(7))).toBeGreaterThanOrEqual(1);

    expect(await subjects(student.email)).toEqual([]);
    const [row] = await db.select().from(reminders).where(eq(reminders.userId, student.id));
    expect(row).toMatchObject({ kind: "check_in_due", eventKey: `${match.id}:week:1`, state: "in_digest" });
  });
});

describe("checkInReplyReminders", () => {
  test("each mentor is emailed once when a check-in has had no reply for 3 days", async () => {
    const { mentor, secondMentor, student, match } = await internship({ secondMentor: true });
    await writeCheckIn(match.id, 1, at(6));

    await checkInReplyReminders(db, at(8));
    expect(await subjects(mentor.email)).toEqual([]);

    await checkInReplyReminders(db, at(9));
    await checkInReplyReminders(db, at(9));
    await checkInReplyReminders(db, at(11));
    const subject = checkInReplyDueSubject("Test", 1);
    expect(await subjects(mentor.email)).toEqual([subject]);
    expect(await subjects(secondMentor!.email)).toEqual([subject]);
    expect(await subjects(student.email)).toEqual([]);
  });

  test("a replied check-in is not reminded; after completion an unreplied one still is; not once the pair is not going ahead", async () => {
    const replied = await internship();
    await writeCheckIn(replied.match.id, 1, at(6), true);
    const completed = await internship({ status: "completed" });
    await writeCheckIn(completed.match.id, 1, at(6));
    const stopped = await makeMentorship(db, { today: START, startedDaysAgo: 0, status: "not_proceeding", slot: { applicationDeadline: "2026-05-18" } });
    await writeCheckIn(stopped.match.id, 1, at(6));

    await checkInReplyReminders(db, at(9));

    expect(await subjects(replied.mentor.email)).toEqual([]);
    expect(await subjects(completed.mentor.email)).toHaveLength(1);
    expect(await subjects(stopped.mentor.email)).toEqual([]);
  });

  test("a named mentor who left the organization gets neither the check-in's email nor its reminder; the named one still there gets both", async () => {
    const { mentor, secondMentor, student, match, slot, organization } = await internship({ secondMentor: true });
    await db.insert(slotMentors).values([mentor, secondMentor!].map((m) => ({ slotId: slot.id, userId: m.id })));
    await db.delete(organizationMembers).where(and(eq(organizationMembers.organizationId, organization.id), eq(organizationMembers.userId, secondMentor!.id)));

    const written = await writeStudentCheckIn(db, {
      viewer: { id: student.id, role: "student" },
      matchId: match.id,
      input: { week: 1, done: "Set up the project.", next: "The importer.", hoursWorked: 20, mentorHoursReceived: 2 },
      now: at(6),
    });
    expect(written).toMatchObject({ ok: true });
    expect(await subjects(mentor.email)).toHaveLength(1);
    await checkInReplyReminders(db, at(9));
    expect(await subjects(mentor.email)).toEqual([(await subjects(mentor.email))[0], checkInReplyDueSubject("Test", 1)]);
    expect(await emailsTo(db, secondMentor!.email)).toEqual([]);
    expect(await db.select().from(reminders).where(eq(reminders.userId, secondMentor!.id))).toEqual([]);
  });

  test("an old unreplied check-in is not reminded weeks later", async () => {
    const { mentor, match } = await internship();
    await writeCheckIn(match.id, 1, at(6));
    await checkInReplyReminders(db, at(30));
    expect(await subjects(mentor.email)).toEqual([]);
  });
});

describe("introductionReplyReminders", () => {
  const introduced = (status: "introduced" | "interviewing" = "introduced") =>
    makeMentorship(db, { today: START, status, secondMentor: true, slot: { applicationDeadline: "2026-05-01" }, match: { introducedAt: START } });

  test("the mentors are emailed once when an introduction has had no word from them for 3 days", async () => {
    const { mentor, secondMentor, student } = await introduced();

    await introductionReplyReminders(db, at(2));
    expect(await subjects(mentor.email)).toEqual([]);

    await introductionReplyReminders(db, at(3));
    await introductionReplyReminders(db, at(4));
    const subject = introductionReplyDueSubject(student.name);
    expect(await subjects(mentor.email)).toEqual([subject]);
    expect(await subjects(secondMentor!.email)).toEqual([subject]);
    expect((await emailsTo(db, mentor.email))[0]!.text).toContain("3 days ago");
  });

  test("a message from any mentor of the slot's organization counts as a reply; one from the student does not", async () => {
    const answered = await introduced();
    await db.insert(matchMessages).values({ matchId: answered.match.id, authorId: answered.secondMentor!.id, body: "Hello! When can we talk?", createdAt: at(1) });
    const waiting = await introduced();
    await db.insert(matchMessages).values({ matchId: waiting.match.id, authorId: waiting.student.id, body: "Hi, I am looking forward to it.", createdAt: at(1) });

    await introductionReplyReminders(db, at(3));

    expect(await subjects(answered.mentor.email)).toEqual([]);
    expect(await subjects(waiting.mentor.email)).toEqual([introductionReplyDueSubject(waiting.student.name)]);
  });

  test("a match the mentors moved on is not reminded", async () => {
    const { mentor } = await introduced("interviewing");
    await introductionReplyReminders(db, at(3));
    expect(await subjects(mentor.email)).toEqual([]);
  });

  test("a message from someone outside the organization (an admin) does not count", async () => {
    const { match, mentor } = await introduced();
    const admin = await makeUser(db, { role: "admin" });
    await db.insert(matchMessages).values({ matchId: match.id, authorId: admin.id, body: "Checking in.", createdAt: at(1) });
    await introductionReplyReminders(db, at(3));
    expect(await subjects(mentor.email)).toHaveLength(1);
  });
});
