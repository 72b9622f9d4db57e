import { describe, expect, test } from "vitest";
import { checkIns, feedbackAnswers, matchMessages, matchOutcomes, mentorshipGoals } from "~db/schema";
import { makeUser } from "~db/test/factories";
import { makeMentorship } from "~db/test/mentorship-factories";
import { moduleTestDb } from "~db/test/module-db";
import { listMyMatches } from "~/modules/matches/lifecycle.server";
import { findMentorship, type Viewer } from "./access.server";
import { mentorshipSummary } from "./summary.server";

const db = moduleTestDb({ queue: true });

// 16:00 UTC is noon in New York, the slots' zone: the day there is Wednesday 2026-06-10.
const NOW = new Date("2026-06-10T16:00:00Z");
const as = (user: { id: string; role: Viewer["role"] }): Viewer => ({ id: user.id, role: user.role });

/** An internship `startedDaysAgo` days before NOW (12 weeks unless told). */
const pair = (options: Parameters<typeof makeMentorship>[1] = {}) => makeMentorship(db, { startedDaysAgo: 35, today: NOW, slot: { applicationDeadline: "2026-01-15" }, ...options });

async function summaryFor(user: { id: string; role: Viewer["role"] }, matchId: string, now = NOW) {
  const m = await findMentorship(db, as(user), matchId, { now });
  if (!m) throw new Error("no mentorship");
  return mentorshipSummary(db, m);
}
const texts = (items: { text: string }[]) => items.map((i) => i.text);

async function writeCheckIns(matchId: string, weeks: number[], { replied = [] as number[], hours = 20 } = {}) {
  for (const week of weeks) {
    const reply = replied.includes(week);
    await db.insert(checkIns).values({
      matchId,
      week,
      done: "Shipped the importer.",
      next: "Unit conversion.",
      hoursWorked: hours + week,
      mentorHoursReceived: 2,
      late: false,
      reply: reply ? "Nice work." : null,
      repliedAt: reply ? NOW : null,
      mentorHoursGiven: reply ? 2 : null,
    });
  }
}

describe("mentorshipSummary for the student", () => {
  test("this week's check-in is due on the week's last day, and past weeks without one are named", async () => {
    // Started 35 days ago (Wed 2026-05-06): week 6 runs Wed 06-10 to Tue 06-16.
    const { match, student } = await pair();
    await writeCheckIns(match.id, [1, 2, 4]);
    const summary = await summaryFor(student, match.id);
    expect(summary.week).toBe("Week 6 of 12");
    expect(summary.waiting).toEqual([
      { key: "check-in-due", text: "Week 6 check-in due Tue", tab: "check-ins" },
      { key: "check-ins-missing", text: "Weeks 3 and 5 have no check-in", tab: "check-ins" },
    ]);
  });

  test("once this week's check-in is written nothing waits; on the due day it says today", async () => {
    const { match, student } = await pair();
    await writeCheckIns(match.id, [1, 2, 3, 4, 5, 6]);
    expect((await summaryFor(student, match.id)).waiting).toEqual([]);

    const other = await pair({ startedDaysAgo: 41 });
    await writeCheckIns(other.match.id, [1, 2, 3, 4, 5]);
    expect(texts((await summaryFor(other.student, other.match.id)).waiting)).toEqual(["Week 6 check-in due today"]);
  });

  test("an open feedback round the student has not answered waits until its last day; answering it clears it", async () => {
    // Started 45 days ago (2026-04-26): the midpoint round opened 2026-06-07 and closes 2026-06-21.
    const { match, student, mentor } = await pair({ startedDaysAgo: 45 });
    await writeCheckIns(match.id, [1, 2, 3, 4, 5, 6, 7]);
    expect(texts((await summaryFor(student, match.id)).waiting)).toEqual(["The midpoint feedback is open for your answers until Jun 20, 2026"]);
    expect(texts((await summaryFor(mentor, match.id)).waiting)).toContain("The midpoint feedback is open for your answers until Jun 20, 2026");

    await db.insert(feedbackAnswers).values({ matchId: match.id, round: "midpoint", side: "student", authorId: student.id, answers: {}, shared: false });
    expect((await summaryFor(student, match.id)).waiting).toEqual([]);
    // The mentor side has still not answered.
    expect(texts((await summaryFor(mentor, match.id)).waiting)).toContain("The midpoint feedback is open for your answers until Jun 20, 2026");
  });

  test("once completed, the outcome waits to be recorded, and no check-in is asked for", async () => {
    const { match, student } = await pair({ status: "completed", startedDaysAgo: 120 });
    const summary = await summaryFor(student, match.id);
    expect(summary.week).toBeNull();
    expect(summary.waiting).toEqual([{ key: "outcome", text: "Record what the internship gave you: the promised benefits and a return offer", tab: "outcome" }]);

    await db.insert(matchOutcomes).values({ matchId: match.id, benefits: {}, returnOffer: "no", recordedBy: student.id });
    expect((await summaryFor(student, match.id)).waiting).toEqual([]);
  });

  test("a confirmed match before its start asks for nothing yet", async () => {
    const { match, student } = await pair({ status: "confirmed", startedDaysAgo: -7 });
    const summary = await summaryFor(student, match.id);
    expect(summary.waiting).toEqual([]);
    expect(texts(summary.facts)).toEqual(["No goals in the plan yet", "No messages yet"]);
  });
});

describe("mentorshipSummary for a mentor", () => {
  test("check-ins without a reply and goals marked done wait for them; no check-in is asked of them", async () => {
    const { match, student, mentor } = await pair();
    await writeCheckIns(match.id, [1, 2, 3, 4], { replied: [1, 2] });
    await db.insert(mentorshipGoals).values([
      { matchId: match.id, title: "Ship the importer", targetWeek: 2, state: "done", source: "added", doneConfirmedBy: mentor.id, doneConfirmedAt: NOW },
      { matchId: match.id, title: "Write the tests", targetWeek: 3, state: "done", source: "added" },
      { matchId: match.id, title: "Present it", targetWeek: 12, state: "not_started", source: "added" },
    ]);
    const summary = await summaryFor(mentor, match.id);
    expect(summary.waiting).toEqual([
      { key: "check-ins-reply", text: "2 check-ins wait for your reply", tab: "check-ins" },
      { key: "goals-confirm", text: `1 goal marked done by ${student.name.split(" ")[0]} waits for your confirmation`, tab: "plan" },
    ]);
    expect(texts(summary.facts)[0]).toBe("1 of 3 goals done");
  });

  test("with every check-in replied to, nothing waits", async () => {
    const { match, mentor } = await pair();
    await writeCheckIns(match.id, [1, 2], { replied: [1, 2] });
    expect((await summaryFor(mentor, match.id)).waiting).toEqual([]);
  });
});

describe("mentorshipSummary facts", () => {
  test("plan progress, average hours from the check-ins and the latest message, the same for each side; admins get no 'waiting for you'", async () => {
    const { match, student, mentor } = await pair();
    await writeCheckIns(match.id, [1, 2, 3], { hours: 20 }); // 21, 22, 23 hours
    await db.insert(mentorshipGoals).values([
      { matchId: match.id, title: "A", targetWeek: 2, state: "done", source: "added", doneConfirmedAt: NOW },
      { matchId: match.id, title: "B", targetWeek: 3, state: "dropped", source: "added" },
    ]);
    await db.insert(matchMessages).values([
      { matchId: match.id, authorId: student.id, body: "Hi", createdAt: new Date("2026-06-01T15:00:00Z") },
      { matchId: match.id, authorId: mentor.id, body: "Hello", createdAt: new Date("2026-06-08T15:00:00Z") },
    ]);
    const mentorFirst = mentor.name.split(" ")[0];
    expect(texts((await summaryFor(student, match.id)).facts)).toEqual(["1 of 1 goal done", "22 hours a week on average over 3 check-ins", `Latest message from ${mentorFirst}, Jun 8, 2026`]);
    expect(texts((await summaryFor(mentor, match.id)).facts)).toEqual(["1 of 1 goal done", "22 hours a week on average over 3 check-ins", "Latest message from you, Jun 8, 2026"]);

    const admin = await makeUser(db, { role: "admin" });
    const summary = await summaryFor(admin, match.id);
    expect(summary.waiting).toEqual([]);
    expect(texts(summary.facts)).toEqual(["1 of 1 goal done", "22 hours a week on average over 3 check-ins", `Latest message from ${mentorFirst}, Jun 8, 2026`]);
  });

  test("a mentor whose account is gone is 'A former mentor' on the latest message", async () => {
    const { match, student } = await pair();
    await db.insert(matchMessages).values({ matchId: match.id, authorId: null, body: "Old", createdAt: new Date("2026-06-08T15:00:00Z") });
    expect(texts((await summaryFor(student, match.id)).facts)).toContain("Latest message from A former mentor, Jun 8, 2026");
  });
});

describe("listMyMatches", () => {
  test("each active match has the line of what waits for its reader; other matches and admins have none", async () => {
    const { match, student, mentor } = await pair();
    await writeCheckIns(match.id, [1, 2, 3, 4, 5]);
    const studentList = await listMyMatches(db, as(student), { now: NOW });
    expect(studentList.rows.find((r) => r.id === match.id)?.waiting).toBe("Week 6 check-in due Tue");
    const mentorList = await listMyMatches(db, as(mentor), { now: NOW });
    expect(mentorList.rows.find((r) => r.id === match.id)?.waiting).toBe("5 check-ins wait for your reply");

    const confirmed = await pair({ status: "confirmed", startedDaysAgo: -3 });
    expect((await listMyMatches(db, as(confirmed.student), { now: NOW })).rows.find((r) => r.id === confirmed.match.id)?.waiting).toBeNull();

    const admin = await makeUser(db, { role: "admin" });
    const adminRows = (await listMyMatches(db, as(admin), { now: NOW, page: 1 })).rows;
    expect(adminRows.every((r) => r.waiting === null)).toBe(true);
  });

  test("a student who wrote this week's check-in sees the missing weeks named instead", async () => {
    const { match, student } = await pair();
    await writeCheckIns(match.id, [1, 2, 6]);
    expect((await listMyMatches(db, as(student), { now: NOW })).rows.find((r) => r.id === match.id)?.waiting).toBe("Weeks 3, 4 and 5 have no check-in");
  });
});
