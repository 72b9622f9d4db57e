import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { checkIns, matches, users } from "~db/schema";
import { emailsTo, makeUser } from "~db/test/factories";
import { makeMentorship } from "~db/test/mentorship-factories";
import { moduleTestDb } from "~db/test/module-db";
import { makeOrganization, makeStudent } from "~db/test/slot-factories";
import { parseForm } from "~/forms/gate";
import { findMentorship, type Viewer } from "./access.server";
import { FORMER_MENTOR } from "~/domain/names";
import { listCheckIns, replyToCheckIn, writeCheckIn } from "./check-ins.server";
import { CheckInActionSchema, type CheckInInput } from "./check-in-schemas";

const db = moduleTestDb({ queue: true });

// 16:00 UTC is noon in New York, the slots' zone: the day is 2026-06-10 there.
const NOW = new Date("2026-06-10T16:00:00Z");
const as = (user: { id: string; role: Viewer["role"] }): Viewer => ({ id: user.id, role: user.role });
const input = (week: number, overrides: Partial<CheckInInput> = {}): CheckInInput => ({
  week,
  done: "Finished the CSV importer and its tests.",
  next: "Unit conversion for the river gauges.",
  hoursWorked: 22,
  mentorHoursReceived: 2,
  ...overrides,
});
const reply = { reply: "Good week. Let's pair on the conversion on Thursday.", mentorHoursGiven: 2.5 };

/** An active internship in its 4th week (started 21 days ago: week 1 was due 15 days ago). */
const underWay = (options: Parameters<typeof makeMentorship>[1] = {}) =>
  makeMentorship(db, { startedDaysAgo: 21, today: NOW, slot: { applicationDeadline: "2026-01-15" }, ...options });
const rowsOf = (matchId: string) => db.select().from(checkIns).where(eq(checkIns.matchId, matchId)).orderBy(checkIns.week);
const subjects = async (email: string) => (await emailsTo(db, email)).map((e) => e.subject);

describe("writeCheckIn", () => {
  test("the student writes this week's check-in: saved on time, and each of the slot's mentors is emailed with a link", async () => {
    const { match, student, mentor, secondMentor } = await underWay({ secondMentor: true });
    expect(await writeCheckIn(db, { viewer: as(student), matchId: match.id, input: input(4, { blockers: "No staging access yet." }), now: NOW })).toEqual({
      ok: true,
      week: 4,
      late: false,
      edited: false,
    });
    const [row] = await rowsOf(match.id);
    expect(row).toMatchObject({ week: 4, hoursWorked: 22, mentorHoursReceived: 2, late: false, blockers: "No staging access yet.", reply: null });
    for (const person of [mentor, secondMentor!]) {
      const sent = await emailsTo(db, person.email);
      expect(sent.map((e) => e.subject)).toEqual([`${student.name} wrote the check-in for week 4`]);
      expect(sent[0]!.text).toContain(`/matches/${match.id}/check-ins`);
      expect(sent[0]!.text).toContain("No staging access yet.");
    }
    expect(await emailsTo(db, student.email)).toEqual([]);
  });

  test("a missed earlier week can be written, and is marked late; the due day itself is still on time", async () => {
    const { match, student } = await underWay();
    expect(await writeCheckIn(db, { viewer: as(student), matchId: match.id, input: input(1), now: NOW })).toMatchObject({ ok: true, late: true });
    // Week 3 (days 14–20) is due today, day 20: not late.
    const dueToday = await underWay({ startedDaysAgo: 20 });
    expect(await writeCheckIn(db, { viewer: as(dueToday.student), matchId: dueToday.match.id, input: input(3), now: NOW })).toMatchObject({ ok: true, late: false });
  });

  test("writing the same week again edits it (no second email, late kept from the first write) until a mentor replies; then it is refused", async () => {
    const { match, student, mentor } = await underWay();
    await writeCheckIn(db, { viewer: as(student), matchId: match.id, input: input(1), now: NOW });
    expect(
      await writeCheckIn(db, { viewer: as(student), matchId: match.id, input: input(1, { hoursWorked: 25.5, done: "Corrected: also fixed a flaky test." }), now: NOW }),
    ).toEqual({
      ok: true,
      week: 1,
      late: true,
      edited: true,
    });
    const rows = await rowsOf(match.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ hoursWorked: 25.5, done: "Corrected: also fixed a flaky test.", late: true });
    expect(await subjects(mentor.email)).toHaveLength(1);

    await replyToCheckIn(db, { viewer: as(mentor), matchId: match.id, checkInId: rows[0]!.id, input: reply, now: NOW });
    expect(await writeCheckIn(db, { viewer: as(student), matchId: match.id, input: input(1, { hoursWorked: 40 }), now: NOW })).toEqual({
      ok: false,
      error: "already_replied",
    });
    expect((await rowsOf(match.id))[0]!.hoursWorked).toBe(25.5);
  });

  test("only weeks from 1 to this week: not next week, and none before the start", async () => {
    const { match, student } = await underWay();
    expect(await writeCheckIn(db, { viewer: as(student), matchId: match.id, input: input(5), now: NOW })).toEqual({ ok: false, error: "week_not_writable" });
    const early = await underWay({ startedDaysAgo: -3 });
    expect(await writeCheckIn(db, { viewer: as(early.student), matchId: early.match.id, input: input(1), now: NOW })).toEqual({ ok: false, error: "week_not_writable" });
    expect(await rowsOf(match.id)).toEqual([]);
    expect(await rowsOf(early.match.id)).toEqual([]);
  });

  test("only the match's student, only while active; someone outside the match learns nothing", async () => {
    const { match, mentor } = await underWay();
    const admin = await makeUser(db, { role: "admin" });
    const stranger = await makeStudent(db);
    const otherMentor = (await makeOrganization(db)).mentor;
    expect(await writeCheckIn(db, { viewer: as(mentor), matchId: match.id, input: input(4), now: NOW })).toEqual({ ok: false, error: "not_allowed" });
    expect(await writeCheckIn(db, { viewer: as(admin), matchId: match.id, input: input(4), now: NOW })).toEqual({ ok: false, error: "not_allowed" });
    expect(await writeCheckIn(db, { viewer: as(stranger), matchId: match.id, input: input(4), now: NOW })).toEqual({ ok: false, error: "not_found" });
    expect(await writeCheckIn(db, { viewer: as(otherMentor), matchId: match.id, input: input(4), now: NOW })).toEqual({ ok: false, error: "not_found" });
    for (const status of ["confirmed", "completed", "not_proceeding"] as const) {
      const other = await underWay({ status });
      expect(await writeCheckIn(db, { viewer: as(other.student), matchId: other.match.id, input: input(4), now: NOW })).toEqual({ ok: false, error: "not_allowed" });
    }
    expect(await rowsOf(match.id)).toEqual([]);
  });

  test("written twice at once: one check-in, one email per mentor", async () => {
    const { match, student, mentor } = await underWay();
    const results = await Promise.all([1, 2].map(() => writeCheckIn(db, { viewer: as(student), matchId: match.id, input: input(4), now: NOW })));
    expect(results.map((r) => r.ok && r.edited).sort()).toEqual([false, true]);
    expect(await rowsOf(match.id)).toHaveLength(1);
    expect(await subjects(mentor.email)).toHaveLength(1);
  });
});

describe("replyToCheckIn", () => {
  test("a mentor replies with the time given; the student is emailed once; a later correction by another mentor edits it and takes their name", async () => {
    const { match, student, mentor, secondMentor } = await underWay({ secondMentor: true });
    await writeCheckIn(db, { viewer: as(student), matchId: match.id, input: input(4), now: NOW });
    const [row] = await rowsOf(match.id);
    expect(await replyToCheckIn(db, { viewer: as(mentor), matchId: match.id, checkInId: row!.id, input: reply, now: NOW })).toEqual({ ok: true, week: 4, edited: false });
    expect(await subjects(student.email)).toEqual([`${mentor.name} replied to your check-in for week 4`]);
    expect((await emailsTo(db, student.email))[0]!.text).toContain("pair on the conversion");

    const later = new Date(NOW.getTime() + 3_600_000);
    expect(
      await replyToCheckIn(db, {
        viewer: as(secondMentor!),
        matchId: match.id,
        checkInId: row!.id,
        input: { reply: "Moved our pairing to Friday.", mentorHoursGiven: 3 },
        now: later,
      }),
    ).toEqual({ ok: true, week: 4, edited: true });
    const [edited] = await rowsOf(match.id);
    expect(edited).toMatchObject({ reply: "Moved our pairing to Friday.", mentorHoursGiven: 3, repliedBy: secondMentor!.id, repliedAt: NOW });
    expect(await subjects(student.email)).toHaveLength(1);
  });

  test("the student and admins do not reply; a mentor elsewhere, or a check-in of another match, is not found", async () => {
    const { match, student } = await underWay();
    const other = await underWay();
    await writeCheckIn(db, { viewer: as(student), matchId: match.id, input: input(4), now: NOW });
    await writeCheckIn(db, { viewer: as(other.student), matchId: other.match.id, input: input(4), now: NOW });
    const [row] = await rowsOf(match.id);
    const admin = await makeUser(db, { role: "admin" });
    expect(await replyToCheckIn(db, { viewer: as(student), matchId: match.id, checkInId: row!.id, input: reply, now: NOW })).toEqual({ ok: false, error: "not_allowed" });
    expect(await replyToCheckIn(db, { viewer: as(admin), matchId: match.id, checkInId: row!.id, input: reply, now: NOW })).toEqual({ ok: false, error: "not_allowed" });
    expect(await replyToCheckIn(db, { viewer: as(other.mentor), matchId: match.id, checkInId: row!.id, input: reply, now: NOW })).toEqual({
      ok: false,
      error: "not_found",
    });
    // The other match's mentor, through their own match, cannot reach this match's check-in.
    expect(await replyToCheckIn(db, { viewer: as(other.mentor), matchId: other.match.id, checkInId: row!.id, input: reply, now: NOW })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await replyToCheckIn(db, { viewer: as(other.mentor), matchId: other.match.id, checkInId: "not-a-uuid", input: reply, now: NOW })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect((await rowsOf(match.id))[0]!.reply).toBeNull();
  });

  test("after completion a mentor still answers the last check-ins", async () => {
    const { match, student, mentor } = await underWay();
    await writeCheckIn(db, { viewer: as(student), matchId: match.id, input: input(4), now: NOW });
    await db.update(matches).set({ status: "completed", completedAt: NOW }).where(eq(matches.id, match.id));
    const [row] = await rowsOf(match.id);
    expect(await replyToCheckIn(db, { viewer: as(mentor), matchId: match.id, checkInId: row!.id, input: reply, now: NOW })).toMatchObject({ ok: true });
  });
});

describe("listCheckIns", () => {
  const page = async (viewer: Viewer, matchId: string, now = NOW) => listCheckIns(db, (await findMentorship(db, viewer, matchId, { now }))!);

  test("every week from this one back to 1, newest first: written, late, missing with its due day, and who replied", async () => {
    const { match, student, mentor } = await underWay();
    await writeCheckIn(db, { viewer: as(student), matchId: match.id, input: input(4), now: NOW });
    await writeCheckIn(db, { viewer: as(student), matchId: match.id, input: input(2, { hoursWorked: 18 }), now: NOW });
    const week2 = (await rowsOf(match.id)).find((r) => r.week === 2)!;
    await replyToCheckIn(db, { viewer: as(mentor), matchId: match.id, checkInId: week2.id, input: reply, now: NOW });

    const view = await page(as(student), match.id);
    expect(view.currentWeek).toBe(4);
    expect(view.weeks.map((w) => [w.week, w.checkIn ? (w.checkIn.late ? "late" : "on time") : w.missed ? "missed" : "open"])).toEqual([
      [4, "on time"],
      [3, "missed"],
      [2, "late"],
      [1, "missed"],
    ]);
    // Started 2026-05-20 (21 days before 2026-06-10): week 3 ran 2026-06-03 to 06-09.
    expect(view.weeks[1]).toMatchObject({ first: "2026-06-03", due: "2026-06-09" });
    expect(view.weeks[2]!.checkIn!.reply).toMatchObject({ text: reply.reply, mentorHoursGiven: 2.5, by: mentor.name });
    expect(view.newWeeks).toEqual([3, 1]);
    expect(view.editableWeeks).toEqual([4]);
    expect(view).toMatchObject({ mayWrite: true, mayReply: false });
    expect(view.hours.averageHours).toBe(20);
    expect(view.hours.averageMentorGiven).toBe(2.5);

    // The mentors and admins read the same weeks; neither writes; a mentor replies.
    const mentorView = await page(as(mentor), match.id);
    expect(mentorView.weeks).toEqual(view.weeks);
    expect(mentorView).toMatchObject({ mayWrite: false, mayReply: true, newWeeks: [], editableWeeks: [] });
    const admin = await makeUser(db, { role: "admin" });
    expect(await page(as(admin), match.id)).toMatchObject({ mayWrite: false, mayReply: false, weeks: view.weeks });
  });

  test("a reply whose mentor deleted their account reads as from a former mentor", async () => {
    const { match, student, secondMentor } = await underWay({ secondMentor: true });
    await writeCheckIn(db, { viewer: as(student), matchId: match.id, input: input(4), now: NOW });
    const [row] = await rowsOf(match.id);
    await replyToCheckIn(db, { viewer: as(secondMentor!), matchId: match.id, checkInId: row!.id, input: reply, now: NOW });
    await db.delete(users).where(eq(users.id, secondMentor!.id));
    const [kept] = await db
      .select()
      .from(checkIns)
      .where(and(eq(checkIns.id, row!.id)));
    expect(kept).toMatchObject({ repliedBy: null, reply: reply.reply });
    expect((await page(as(student), match.id)).weeks[0]!.checkIn!.reply!.by).toBe(FORMER_MENTOR);
  });

  test("before the start no week is listed and nothing is writable; once completed every week of the internship is", async () => {
    const early = await underWay({ startedDaysAgo: -3 });
    expect(await page(as(early.student), early.match.id)).toMatchObject({ weeks: [], currentWeek: 0, notYet: "before_start", newWeeks: [] });
    const confirmed = await underWay({ status: "confirmed" });
    expect(await page(as(confirmed.student), confirmed.match.id)).toMatchObject({ weeks: [], notYet: "not_started", mayWrite: false });

    const done = await underWay({ status: "completed", durationWeeks: 6, startedDaysAgo: 50 });
    const view = await page(as(done.student), done.match.id);
    expect(view.weeks.map((w) => w.week)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(view).toMatchObject({ mayWrite: false, mayReply: false, notYet: null, newWeeks: [] });
    expect(await page(as(done.mentor), done.match.id)).toMatchObject({ mayReply: true });
  });
});

describe("the page's forms", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    return parseForm(data, { schema: CheckInActionSchema });
  };
  const CHECK_IN = { intent: "write", week: "3", done: "Shipped the importer.", next: "Tests for the gauges.", hoursWorked: "22", mentorHoursReceived: "2" };

  test("a check-in reads with one-decimal hours within a week's range", () => {
    expect(form(CHECK_IN)).toMatchObject({ status: "success", value: { intent: "write", week: 3, hoursWorked: 22, mentorHoursReceived: 2 } });
    expect(form({ ...CHECK_IN, hoursWorked: "7.5", mentorHoursReceived: "0" })).toMatchObject({ status: "success", value: { hoursWorked: 7.5, mentorHoursReceived: 0 } });
  });

  test("a decimal comma reads as a decimal point, in every hours field", () => {
    expect(form({ ...CHECK_IN, hoursWorked: "12,5", mentorHoursReceived: ",5" })).toMatchObject({
      status: "success",
      value: { hoursWorked: 12.5, mentorHoursReceived: 0.5 },
    });
    const id = "00000000-0000-4000-8000-000000000000";
    expect(form({ intent: "reply", checkInId: id, reply: "Good.", mentorHoursGiven: "1,5" })).toMatchObject({ status: "success", value: { mentorHoursGiven: 1.5 } });
  });

  test.each([
    [{ hoursWorked: "80.1" }, "hoursWorked", "Enter at most 80 hours for a week"],
    [{ hoursWorked: "-1" }, "hoursWorked", "Hours cannot be negative"],
    [{ hoursWorked: "7.25" }, "hoursWorked", "Use at most one decimal, like 7.5"],
    [{ hoursWorked: "lots" }, "hoursWorked", "Enter a number of hours, like 7.5"],
    [{ hoursWorked: "12,55" }, "hoursWorked", "Use at most one decimal, like 7.5"],
    [{ hoursWorked: "-2,5" }, "hoursWorked", "Hours cannot be negative"],
    [{ hoursWorked: "12,5h" }, "hoursWorked", "Enter a number of hours, like 7.5"],
    [{ hoursWorked: "1,2,5" }, "hoursWorked", "Enter a number of hours, like 7.5"],
    [{ hoursWorked: "" }, "hoursWorked", "Enter the hours you worked this week (0 if none)"],
    [{ mentorHoursReceived: "40.5" }, "mentorHoursReceived", "Enter at most 40 hours for a week"],
    [{ done: "" }, "done", "Say what you did this week, even briefly"],
    [{ week: "0" }, "week", "Choose a week from the list"],
    [{ week: "2.5" }, "week", "Choose a week from the list"],
  ])("refused: %o", (change, field, message) => {
    const submission = form({ ...CHECK_IN, ...change });
    expect(submission.status).toBe("error");
    expect(submission.reply().error?.[field]).toEqual([message]);
  });

  test("a reply needs its text and the mentor time given; an unknown button is refused as a whole", () => {
    const id = "00000000-0000-4000-8000-000000000000";
    expect(form({ intent: "reply", checkInId: id, reply: "Good.", mentorHoursGiven: "1.5" })).toMatchObject({ status: "success", value: { mentorHoursGiven: 1.5 } });
    expect(form({ intent: "reply", checkInId: id, reply: "Good." }).reply().error?.mentorHoursGiven).toBeTruthy();
    expect(form({ intent: "delete", checkInId: id }).reply().error?.[""]).toBeTruthy();
  });
});
