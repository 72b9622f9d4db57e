import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { feedbackAnswers, reminders, users } from "~db/schema";
import { emailsTo, makeUser } from "~db/test/factories";
import { makeMentorship } from "~db/test/mentorship-factories";
import { moduleTestDb } from "~db/test/module-db";
import { dayIn } from "~/modules/slots/access.server";
import { findMentorship, type Mentorship } from "./access.server";
import { feedbackRoundReminders, getFeedbackPage, mayReadFeedback, roundState, saveFeedback } from "./feedback.server";
import { addDays } from "./weeks";
import { MentorFeedbackSchema, StudentFeedbackSchema, type MentorFeedbackInput, type StudentFeedbackInput } from "./feedback-schemas";

const db = moduleTestDb({ queue: true });

const DAY = 86_400_000;
/** Noon in New York today (the factory's slots are there), so whole days later stay whole days in its zone. */
const TODAY = new Date(`${new Date().toISOString().slice(0, 10)}T17:00:00Z`);
const at = (days: number) => new Date(TODAY.getTime() + days * DAY);

const STUDENT_ANSWERS: StudentFeedbackInput = {
  round: "midpoint",
  answersQuestions: "usually",
  helpsWhenStuck: "sometimes",
  meetsAsAgreed: "rarely",
  supportHours: 1.5,
  replySpeed: "within_a_week",
  comment: "We skipped three of our weekly calls in a row.",
  share: false,
};
const MENTOR_ANSWERS: MentorFeedbackInput = {
  round: "midpoint",
  progress: "a_little_behind",
  communication: "usually",
  onTrack: "partly",
  comment: "The importer took longer than planned; we cut the dashboard.",
  share: true,
};

/** makeMentorship at TODAY, with an application deadline before the start (the factory's default is after an old start). */
const mentorship = (options: Omit<NonNullable<Parameters<typeof makeMentorship>[1]>, "today">) =>
  makeMentorship(db, { ...options, today: TODAY, slot: { applicationDeadline: addDays(dayIn("America/New_York", TODAY), -(options.startedDaysAgo ?? 21) - 7), ...options.slot } });

/** A 12-week internship whose midpoint round opens `opensIn` days from TODAY, with two mentors. */
async function pair({ opensIn = 0, status = "active" as const } = {}) {
  const made = await mentorship({ startedDaysAgo: 42 - opensIn, durationWeeks: 12, secondMentor: true, status });
  const admin = await makeUser(db, { role: "admin" });
  const view = async (user: { id: string; role: "student" | "mentor" | "admin" }, now = TODAY) =>
    (await findMentorship(db, { id: user.id, role: user.role }, made.match.id, { now })) as Mentorship;
  return { ...made, admin, view };
}

const subjects = async (address: string) => (await emailsTo(db, address)).map((e) => e.subject);

describe("the rounds' dates", () => {
  test("a round is open from its opening day until the day it closes, which is closed", () => {
    const window = { opens: "2026-07-01", closes: "2026-07-15" };
    expect(roundState(window, "2026-06-30")).toBe("upcoming");
    expect(roundState(window, "2026-07-01")).toBe("open");
    expect(roundState(window, "2026-07-14")).toBe("open");
    expect(roundState(window, "2026-07-15")).toBe("closed");
  });

  test("the page shows both rounds with their dates and states", async () => {
    const { student, view } = await pair({ opensIn: 0 });
    const page = await getFeedbackPage(db, await view(student));
    expect(page.rounds.map((r) => [r.round, r.state])).toEqual([
      ["midpoint", "open"],
      ["final", "upcoming"],
    ]);
    expect(page.rounds[0]!.closes).toBe(addDays(page.rounds[0]!.opens, 14));
    expect(page.rounds[0]!.lastDay).toBe(addDays(page.rounds[0]!.opens, 13));
    expect(page.mySide).toBe("student");
  });
});

describe("answering", () => {
  test("each side answers once per round and edits while it is open; a second mentor's save replaces the first's and names them", async () => {
    const { student, mentor, secondMentor, match, view } = await pair();
    expect(await saveFeedback(db, await view(student), STUDENT_ANSWERS, TODAY)).toEqual({ ok: true });
    expect(await saveFeedback(db, await view(student), { ...STUDENT_ANSWERS, meetsAsAgreed: "always" }, TODAY)).toEqual({ ok: true });
    expect(await saveFeedback(db, await view(mentor), MENTOR_ANSWERS, TODAY)).toEqual({ ok: true });
    expect(await saveFeedback(db, await view(secondMentor!), { ...MENTOR_ANSWERS, onTrack: "yes" }, TODAY)).toEqual({ ok: true });

    const rows = await db.select().from(feedbackAnswers).where(eq(feedbackAnswers.matchId, match.id));
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.side === "student")!.answers).toMatchObject({ meetsAsAgreed: "always", supportHours: 1.5 });
    const mentorRow = rows.find((r) => r.side === "mentor")!;
    expect(mentorRow.answers).toMatchObject({ onTrack: "yes" });
    expect(mentorRow.authorId).toBe(secondMentor!.id);
    const page = await getFeedbackPage(db, await view(mentor));
    expect(page.rounds[0]!.answers.find((a) => a.side === "mentor")!.authorName).toBe("Second Mentor");
  });

  test("before a round opens and after it closes nobody answers; an admin never does, nor anyone before the internship starts", async () => {
    const early = await pair({ opensIn: 1 });
    expect(await saveFeedback(db, await early.view(early.student), STUDENT_ANSWERS, TODAY)).toEqual({ ok: false, error: "upcoming" });
    expect(await saveFeedback(db, await early.view(early.student, at(1)), STUDENT_ANSWERS, at(1))).toEqual({ ok: true });
    expect(await saveFeedback(db, await early.view(early.student, at(14)), STUDENT_ANSWERS, at(14))).toEqual({ ok: true });
    expect(await saveFeedback(db, await early.view(early.student, at(15)), STUDENT_ANSWERS, at(15))).toEqual({ ok: false, error: "not_open" });
    expect(await saveFeedback(db, await early.view(early.admin, at(1)), MENTOR_ANSWERS, at(1))).toEqual({ ok: false, error: "not_allowed" });

    const confirmed = await mentorship({ status: "confirmed", startedDaysAgo: 42 });
    const m = (await findMentorship(db, { id: confirmed.student.id, role: "student" }, confirmed.match.id, { now: TODAY }))!;
    expect(await saveFeedback(db, m, STUDENT_ANSWERS, TODAY)).toEqual({ ok: false, error: "not_allowed" });
    expect(await db.select().from(feedbackAnswers).where(eq(feedbackAnswers.matchId, confirmed.match.id))).toEqual([]);
  });

  test("a mentor cannot answer the student's questions, nor the student the mentor's", async () => {
    const { student, mentor, match, view } = await pair();
    expect(await saveFeedback(db, await view(mentor), STUDENT_ANSWERS, TODAY)).toEqual({ ok: false, error: "not_allowed" });
    expect(await saveFeedback(db, await view(student), MENTOR_ANSWERS, TODAY)).toEqual({ ok: false, error: "not_allowed" });
    expect(await db.select().from(feedbackAnswers).where(eq(feedbackAnswers.matchId, match.id))).toEqual([]);
  });

  test("a completed internship still answers its final round", async () => {
    // The final round opens on the last day: 12 weeks from a start 83 days ago is today.
    const done = await mentorship({ status: "completed", startedDaysAgo: 83 });
    const m = (await findMentorship(db, { id: done.student.id, role: "student" }, done.match.id, { now: TODAY }))!;
    expect(await saveFeedback(db, m, { ...STUDENT_ANSWERS, round: "final" }, TODAY)).toEqual({ ok: true });
  });
});

describe("who reads what", () => {
  test("who may read which side", () => {
    expect(mayReadFeedback("mentor", { side: "student", shared: false })).toBe(false);
    expect(mayReadFeedback("mentor", { side: "student", shared: true })).toBe(true);
    expect(mayReadFeedback("student", { side: "mentor", shared: false })).toBe(false);
    expect(mayReadFeedback("student", { side: "student", shared: false })).toBe(true);
    expect(mayReadFeedback("mentor", { side: "mentor", shared: false })).toBe(true);
    expect(mayReadFeedback("admin", { side: "student", shared: false })).toBe(true);
  });

  test("an unshared answer is nowhere in the other side's page data; shared ones are; admins read both", async () => {
    const { student, mentor, secondMentor, admin, view } = await pair();
    await saveFeedback(db, await view(student), STUDENT_ANSWERS, TODAY);
    await saveFeedback(db, await view(mentor), { ...MENTOR_ANSWERS, share: false }, TODAY);

    for (const reader of [mentor, secondMentor!]) {
      const data = JSON.stringify(await getFeedbackPage(db, await view(reader)));
      expect(data).not.toContain(STUDENT_ANSWERS.comment);
      expect(data).not.toContain("within_a_week");
      expect(data).toContain(MENTOR_ANSWERS.comment);
    }
    const studentData = JSON.stringify(await getFeedbackPage(db, await view(student)));
    expect(studentData).toContain(STUDENT_ANSWERS.comment);
    expect(studentData).not.toContain(MENTOR_ANSWERS.comment);
    expect(studentData).not.toContain("a_little_behind");
    const adminData = JSON.stringify(await getFeedbackPage(db, await view(admin)));
    expect(adminData).toContain(STUDENT_ANSWERS.comment);
    expect(adminData).toContain(MENTOR_ANSWERS.comment);

    // Each side changes its mind and shares.
    await saveFeedback(db, await view(student), { ...STUDENT_ANSWERS, share: true }, TODAY);
    await saveFeedback(db, await view(secondMentor!), MENTOR_ANSWERS, TODAY);
    expect(JSON.stringify(await getFeedbackPage(db, await view(mentor)))).toContain(STUDENT_ANSWERS.comment);
    expect(JSON.stringify(await getFeedbackPage(db, await view(student)))).toContain(MENTOR_ANSWERS.comment);
  });

  test("a mentor whose account is gone is named by the page as a former mentor (no name)", async () => {
    const { mentor, student, view } = await pair();
    await saveFeedback(db, await view(mentor), MENTOR_ANSWERS, TODAY);
    await db.delete(users).where(eq(users.id, mentor.id));
    const page = await getFeedbackPage(db, await view(student));
    expect(page.rounds[0]!.answers).toEqual([expect.objectContaining({ side: "mentor", authorName: null })]);
  });
});

describe("the forms' schemas", () => {
  test("hours are 0–40 in half hours; a choice outside the list is refused; sharing is off unless ticked", () => {
    const base = { round: "midpoint", answersQuestions: "always", helpsWhenStuck: "always", meetsAsAgreed: "always", replySpeed: "same_day" };
    expect(StudentFeedbackSchema.safeParse({ ...base, supportHours: 41 }).success).toBe(false);
    expect(StudentFeedbackSchema.safeParse({ ...base, supportHours: -1 }).success).toBe(false);
    expect(StudentFeedbackSchema.safeParse({ ...base, supportHours: 1.25 }).success).toBe(false);
    expect(StudentFeedbackSchema.parse({ ...base, supportHours: 40 }).share).toBe(false);
    expect(StudentFeedbackSchema.safeParse({ ...base, replySpeed: "never", supportHours: 2 }).success).toBe(false);
    expect(MentorFeedbackSchema.safeParse({ round: "third", progress: "ahead", communication: "always", onTrack: "yes" }).success).toBe(false);
  });
});

describe("the reminders", () => {
  const sentTo = async (userId: string, kind: "feedback_open" | "feedback_reminder") =>
    (await db.select().from(reminders).where(and(eq(reminders.userId, userId), eq(reminders.kind, kind)))).length;

  test("the day before: nothing; the opening day: both sides, each mentor; again: nothing; reminder days: only who has not answered; after closing: nothing", async () => {
    const { student, mentor, secondMentor, slot, view } = await pair({ opensIn: 1 });
    const people = [student, mentor, secondMentor!];
    // Other matches' rounds may be due too; this test counts only its own people's emails.
    const mine = async () => Promise.all(people.map(async (p) => (await emailsTo(db, p.email)).length));

    await feedbackRoundReminders(db, at(0));
    expect(await mine()).toEqual([0, 0, 0]);

    await feedbackRoundReminders(db, at(1));
    expect(await mine()).toEqual([1, 1, 1]);
    expect(await subjects(student.email)).toEqual([`The midpoint feedback round is open: ${slot.title}`]);
    const [email] = await emailsTo(db, mentor.email);
    expect(email!.text).toContain(`/matches/`);
    expect(email!.text).toContain(`/feedback`);

    await feedbackRoundReminders(db, at(1));
    await feedbackRoundReminders(db, at(3));
    expect(await mine()).toEqual([1, 1, 1]);

    // One mentor answers for the mentors; the student does not.
    await saveFeedback(db, await view(secondMentor!, at(2)), MENTOR_ANSWERS, at(2));
    await feedbackRoundReminders(db, at(6));
    await feedbackRoundReminders(db, at(6));
    expect(await mine()).toEqual([2, 1, 1]);
    expect((await subjects(student.email))[1]).toBe(`Reminder: your midpoint feedback for ${slot.title}`);

    await feedbackRoundReminders(db, at(12));
    expect(await mine()).toEqual([3, 1, 1]);
    expect(await sentTo(student.id, "feedback_reminder")).toBe(2);

    await feedbackRoundReminders(db, at(15));
    await feedbackRoundReminders(db, at(20));
    expect(await mine()).toEqual([3, 1, 1]);
  });

  test("once the student answers, only the mentors are reminded, and each of them", async () => {
    const { student, mentor, secondMentor, view } = await pair({ opensIn: 0 });
    await feedbackRoundReminders(db, at(0));
    await saveFeedback(db, await view(student), STUDENT_ANSWERS, TODAY);
    expect(await feedbackRoundReminders(db, at(5))).toBeGreaterThanOrEqual(2);
    expect(await sentTo(student.id, "feedback_reminder")).toBe(0);
    expect(await sentTo(mentor.id, "feedback_reminder")).toBe(1);
    expect(await sentTo(secondMentor!.id, "feedback_reminder")).toBe(1);
  });

  test("a reminder day missed while the sweep was down is not sent late, and a late opening email is not followed by a reminder the same day", async () => {
    const { student } = await pair({ opensIn: -6 });
    // The round opened 6 days ago: the opening email goes now, the first reminder (day 5) does not.
    await feedbackRoundReminders(db, at(0));
    await feedbackRoundReminders(db, at(0));
    expect(await sentTo(student.id, "feedback_open")).toBe(1);
    expect(await sentTo(student.id, "feedback_reminder")).toBe(0);
    // Day 11 from opening: the second reminder.
    await feedbackRoundReminders(db, at(5));
    expect(await sentTo(student.id, "feedback_reminder")).toBe(1);
  });

  test("a match completed before a round opens is not asked about it; one completed on or after the opening day is", async () => {
    // 12 weeks, the midpoint round opens tomorrow (at(1)).
    const early = await mentorship({ status: "completed", startedDaysAgo: 41, durationWeeks: 12, match: { completedAt: at(-3) } });
    const onTheDay = await mentorship({ status: "completed", startedDaysAgo: 41, durationWeeks: 12, match: { completedAt: at(1) } });
    for (const day of [1, 6, 12]) await feedbackRoundReminders(db, at(day));
    for (const person of [early.student, early.mentor]) expect(await emailsTo(db, person.email)).toEqual([]);
    expect(await db.select().from(reminders).where(eq(reminders.matchId, early.match.id))).toEqual([]);
    expect(await subjects(onTheDay.student.email)).toEqual([
      `The midpoint feedback round is open: ${onTheDay.slot.title}`,
      `Reminder: your midpoint feedback for ${onTheDay.slot.title}`,
      `Reminder: your midpoint feedback for ${onTheDay.slot.title}`,
    ]);
  });

  test("a match completed between the rounds is reminded of the midpoint, never of the final round", async () => {
    // 4 weeks from 20 days ago: the midpoint opened 6 days ago, the final round opens on the last day (at(7)).
    const made = await mentorship({ status: "completed", startedDaysAgo: 20, durationWeeks: 4, match: { completedAt: at(0) } });
    for (const day of [0, 7, 8, 12, 18]) await feedbackRoundReminders(db, at(day));
    const rounds = (await db.select({ eventKey: reminders.eventKey }).from(reminders).where(eq(reminders.userId, made.student.id))).map((r) => r.eventKey.split(":")[1]);
    expect(rounds.length).toBeGreaterThan(0);
    expect(rounds.every((round) => round === "midpoint")).toBe(true);
  });

  test("the ledger follows the driven clock: with a clock months before the real one, the reminders come on their days as with the real clock", async () => {
    // why: the opening email's ledger row is when the person was told; dated by the database's clock (months later) the reminders were skipped.
    const JUNE = new Date("2026-06-10T16:00:00Z");
    const inJune = (days: number) => new Date(JUNE.getTime() + days * DAY);
    const { student, mentor } = await makeMentorship(db, {
      today: JUNE,
      startedDaysAgo: 41,
      durationWeeks: 12,
      slot: { applicationDeadline: addDays(dayIn("America/New_York", JUNE), -41 - 7) },
    });
    for (const day of [1, 6, 12]) await feedbackRoundReminders(db, inJune(day));
    for (const person of [student, mentor]) expect(await sentTo(person.id, "feedback_open")).toBe(1);
    for (const person of [student, mentor]) expect(await sentTo(person.id, "feedback_reminder")).toBe(2);
    const [opened] = await db.select({ createdAt: reminders.createdAt }).from(reminders).where(and(eq(reminders.userId, student.id), eq(reminders.kind, "feedback_open")));
    expect(opened!.createdAt).toEqual(inJune(1));
  });

  test("a match not under way gets no feedback emails", async () => {
    const { student } = await mentorship({ status: "not_proceeding", startedDaysAgo: 42 });
    await feedbackRoundReminders(db, at(0));
    expect(await emailsTo(db, student.email)).toEqual([]);
  });
});
