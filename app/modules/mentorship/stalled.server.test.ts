import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditLog, checkIns, emailPreferences, matchMessages, reminders, type MatchStatus } from "~db/schema";
import { emailsTo, makeUser } from "~db/test/factories";
import { makeMentorship } from "~db/test/mentorship-factories";
import { moduleTestDb } from "~db/test/module-db";
import { stalledNudgeSubject } from "~emails/stalled-nudge";
import { listStalledMatches, nudgeStalledMatch, STALLED_PAGE_SIZE } from "./stalled.server";
import { STALL_DAYS } from "./schedule";
import { addDays } from "./weeks";

const db = moduleTestDb({ queue: true });

const DAY = 86_400_000;
/** Noon in New York (the factory's slots are there), far from any other test's matches. */
const NOW = new Date("2031-07-15T16:00:00Z");
const ago = (days: number, hours = 0) => new Date(NOW.getTime() - days * DAY - hours * 3_600_000);

/**
 * A match whose slot starts `startedDaysAgo` days before NOW (negative: after), confirmed
 * `confirmedDaysAgo` days before NOW (5 days before the start by default) and, when active,
 * started on the start day; silent since unless the test writes.
 */
async function pair({
  startedDaysAgo = 20,
  status = "active",
  secondMentor = false,
  confirmedDaysAgo = startedDaysAgo + 5,
}: { startedDaysAgo?: number; status?: MatchStatus; secondMentor?: boolean; confirmedDaysAgo?: number } = {}) {
  const made = await makeMentorship(db, {
    today: NOW,
    startedDaysAgo,
    status,
    secondMentor,
    slot: { applicationDeadline: addDays("2031-07-15", -startedDaysAgo - 14) },
    match: { confirmedAt: ago(confirmedDaysAgo), startedAt: status === "active" ? ago(startedDaysAgo) : null },
  });
  return made;
}

/** Every stalled match at `now` (all pages), by match id. */
async function allStalled(now = NOW) {
  const first = await listStalledMatches(db, now);
  const rows = [...first.rows];
  for (let page = 2; page <= first.pages; page++) rows.push(...(await listStalledMatches(db, now, { page })).rows);
  return new Map(rows.map((row) => [row.matchId, row]));
}

const checkIn = (matchId: string, week: number, submittedAt: Date, repliedAt?: Date) =>
  db.insert(checkIns).values({
    matchId,
    week,
    done: "Work.",
    next: "More work.",
    hoursWorked: 20,
    mentorHoursReceived: 1,
    late: false,
    submittedAt,
    ...(repliedAt ? { reply: "Thanks.", repliedAt, mentorHoursGiven: 1 } : {}),
  });

describe("listStalledMatches", () => {
  test(`a match silent for ${STALL_DAYS} days is stalled; ${STALL_DAYS - 1} days is not`, async () => {
    const silent = await pair({ startedDaysAgo: STALL_DAYS });
    const recent = await pair({ startedDaysAgo: STALL_DAYS - 1 });

    const stalled = await allStalled();

    expect(stalled.get(silent.match.id)).toMatchObject({
      daysSilent: STALL_DAYS,
      lastActivity: "started",
      status: "active",
      student: { name: silent.student.name },
      slot: { title: silent.slot.title },
      organization: { name: silent.organization.name },
      lastNudgeAt: null,
      nudgedToday: false,
    });
    expect(stalled.has(recent.match.id)).toBe(false);
  });

  test("the last activity is the latest of a check-in, a reply and a message, and says which", async () => {
    const checkedIn = await pair({ startedDaysAgo: 40 });
    await checkIn(checkedIn.match.id, 1, ago(30));
    const replied = await pair({ startedDaysAgo: 40 });
    await checkIn(replied.match.id, 1, ago(30), ago(25));
    const messaged = await pair({ startedDaysAgo: 40 });
    await checkIn(messaged.match.id, 1, ago(30), ago(25));
    await db.insert(matchMessages).values({ matchId: messaged.match.id, authorId: messaged.student.id, body: "Still here!", createdAt: ago(16) });
    const lively = await pair({ startedDaysAgo: 40 });
    await db.insert(matchMessages).values({ matchId: lively.match.id, authorId: lively.mentor.id, body: "See you Monday.", createdAt: ago(3) });

    const stalled = await allStalled();

    expect(stalled.get(checkedIn.match.id)).toMatchObject({ lastActivity: "check_in", daysSilent: 30, lastActivityAt: ago(30) });
    expect(stalled.get(replied.match.id)).toMatchObject({ lastActivity: "reply", daysSilent: 25 });
    expect(stalled.get(messaged.match.id)).toMatchObject({ lastActivity: "message", daysSilent: 16 });
    expect(stalled.has(lively.match.id)).toBe(false);
  });

  test("a confirmed match counts from its start day (never marked started); finished, introduced and stopped matches are never stalled", async () => {
    const confirmed = await pair({ startedDaysAgo: 20, status: "confirmed" });
    const others = await Promise.all((["completed", "introduced", "interviewing", "not_proceeding"] as const).map((status) => pair({ startedDaysAgo: 60, status })));

    const stalled = await allStalled();

    // Confirmed 25 days ago, the start day 20 days ago: silent since the start day.
    expect(stalled.get(confirmed.match.id)).toMatchObject({ status: "confirmed", lastActivity: "start_day", daysSilent: 20, lastActivityAt: new Date("2031-06-25T04:00:00Z") });
    for (const other of others) expect(stalled.has(other.match.id)).toBe(false);
  });

  test("a confirmed match whose start day has not come is never stalled, however long ago it was confirmed; from its start day it counts", async () => {
    // Confirmed in March for a start in August.
    const waiting = await pair({ startedDaysAgo: -30, status: "confirmed", confirmedDaysAgo: 130 });
    // Confirmed in March, the start day 10 days ago: 10 days silent, not 130.
    const begun = await pair({ startedDaysAgo: 10, status: "confirmed", confirmedDaysAgo: 130 });

    const stalled = await allStalled();
    expect(stalled.has(waiting.match.id)).toBe(false);
    expect(stalled.has(begun.match.id)).toBe(false);

    // The day before the start, still not; STALL_DAYS after the start day, stalled.
    expect((await allStalled(new Date(NOW.getTime() + 29 * DAY))).has(waiting.match.id)).toBe(false);
    expect((await allStalled(new Date(NOW.getTime() + (30 + STALL_DAYS - 1) * DAY))).has(waiting.match.id)).toBe(false);
    expect((await allStalled(new Date(NOW.getTime() + (30 + STALL_DAYS) * DAY))).get(waiting.match.id)).toMatchObject({ daysSilent: STALL_DAYS, lastActivity: "start_day" });
    expect((await allStalled(new Date(NOW.getTime() + (STALL_DAYS - 10) * DAY))).get(begun.match.id)).toMatchObject({ daysSilent: STALL_DAYS });

    // A message after the start day counts as usual.
    await db.insert(matchMessages).values({ matchId: begun.match.id, authorId: begun.mentor.id, body: "Are you starting?", createdAt: ago(2) });
    expect((await allStalled(new Date(NOW.getTime() + (STALL_DAYS - 10) * DAY))).has(begun.match.id)).toBe(false);

    const admin = await makeUser(db, { role: "admin" });
    expect(await nudgeStalledMatch(db, { admin, matchId: waiting.match.id, now: NOW })).toEqual({ ok: false, error: "not_stalled" });
  });

  test("a confirmed match's start day is the slot's day: at 23:00 in New York it is not yet the next day", async () => {
    // The slot starts on 2031-07-02, 13 days before NOW's day in New York.
    const made = await pair({ startedDaysAgo: STALL_DAYS - 1, status: "confirmed", confirmedDaysAgo: 100 });
    // 03:00 UTC on the 16th is 23:00 on the 15th in New York: still day 13.
    expect((await allStalled(new Date("2031-07-16T03:00:00Z"))).has(made.match.id)).toBe(false);
    // 05:00 UTC on the 16th is 01:00 on the 16th in New York: day 14.
    expect((await allStalled(new Date("2031-07-16T05:00:00Z"))).get(made.match.id)).toMatchObject({ daysSilent: STALL_DAYS });
  });

  test("days are counted where the slot is: 23:30 in New York the day before is a day more, not the same day", async () => {
    // 03:30 UTC on the 1st of July is 23:30 on the 30th of June in New York.
    const made = await pair({ startedDaysAgo: 60 });
    await db.insert(matchMessages).values({ matchId: made.match.id, authorId: made.student.id, body: "Late night.", createdAt: new Date("2031-07-01T03:30:00Z") });
    expect((await allStalled()).get(made.match.id)).toMatchObject({ daysSilent: 15 });
  });

  test("longest silent first, paged", async () => {
    const made = [];
    for (let i = 0; i <= STALLED_PAGE_SIZE; i++) made.push(await pair({ startedDaysAgo: 4000 + i }));
    const first = await listStalledMatches(db, NOW);
    expect(first.pages).toBeGreaterThanOrEqual(2);
    expect(first.rows).toHaveLength(STALLED_PAGE_SIZE);
    expect(first.rows[0]!.matchId).toBe(made.at(-1)!.match.id);
    const days = first.rows.map((r) => r.daysSilent);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    const second = await listStalledMatches(db, NOW, { page: 2 });
    expect(second.rows.map((r) => r.matchId)).not.toContain(first.rows[0]!.matchId);
  });
});

describe("nudgeStalledMatch", () => {
  test("emails the student and every mentor once, replies going to the admin; a second nudge the same day sends nothing; the next day it may", async () => {
    const { match, student, mentor, secondMentor, slot } = await pair({ startedDaysAgo: 16, secondMentor: true });
    const admin = await makeUser(db, { role: "admin" });

    expect(await nudgeStalledMatch(db, { admin, matchId: match.id, now: NOW })).toEqual({ ok: true, sent: 3 });
    expect(await nudgeStalledMatch(db, { admin, matchId: match.id, now: new Date(NOW.getTime() + 6 * 3_600_000) })).toEqual({ ok: false, error: "already_nudged" });

    for (const person of [student, mentor, secondMentor!]) {
      const sent = await emailsTo(db, person.email);
      expect(sent.map((e) => e.subject)).toEqual([stalledNudgeSubject(slot.title)]);
      expect(sent[0]!.replyTo).toEqual([admin.email]);
      expect(sent[0]!.text).toContain("it has been 16 days since the last check-in or message");
      expect(sent[0]!.text).toContain(`/matches/${match.id}`);
    }
    const audited = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, match.id), eq(auditLog.action, "match.nudged")));
    expect(audited).toMatchObject([{ actorId: admin.id, subjectType: "match" }]);

    const listed = (await allStalled()).get(match.id)!;
    expect(listed).toMatchObject({ nudgedToday: true });
    // The ledger is dated by the driven clock (2031), not the database's.
    expect(listed.lastNudgeAt).toEqual(NOW);
    // The nudge is not activity: the match stays stalled until the pair writes.
    expect((await allStalled(new Date(NOW.getTime() + DAY))).get(match.id)).toMatchObject({ nudgedToday: false, daysSilent: 17 });

    expect(await nudgeStalledMatch(db, { admin, matchId: match.id, now: new Date(NOW.getTime() + DAY) })).toEqual({ ok: true, sent: 3 });
    expect(await emailsTo(db, student.email)).toHaveLength(2);
  });

  test("the same day is the slot's day: 23:00 and 01:00 in New York are two days", async () => {
    const { match } = await pair({ startedDaysAgo: 20 });
    const admin = await makeUser(db, { role: "admin" });
    expect(await nudgeStalledMatch(db, { admin, matchId: match.id, now: new Date("2031-07-16T03:00:00Z") })).toMatchObject({ ok: true });
    expect(await nudgeStalledMatch(db, { admin, matchId: match.id, now: new Date("2031-07-16T05:00:00Z") })).toMatchObject({ ok: true });
  });

  test("a match that is not stalled, or does not exist, is refused and nothing is sent or audited", async () => {
    const { match, student } = await pair({ startedDaysAgo: 5 });
    const admin = await makeUser(db, { role: "admin" });

    expect(await nudgeStalledMatch(db, { admin, matchId: match.id, now: NOW })).toEqual({ ok: false, error: "not_stalled" });
    expect(await nudgeStalledMatch(db, { admin, matchId: "00000000-0000-4000-8000-000000000000", now: NOW })).toEqual({ ok: false, error: "not_stalled" });
    expect(await nudgeStalledMatch(db, { admin, matchId: "not-an-id", now: NOW })).toEqual({ ok: false, error: "not_stalled" });

    expect(await emailsTo(db, student.email)).toEqual([]);
    expect(await db.select().from(auditLog).where(eq(auditLog.subjectId, match.id))).toEqual([]);
    expect(await db.select().from(reminders).where(eq(reminders.matchId, match.id))).toEqual([]);
  });

  test("a student who takes the weekly digest still gets the nudge at once", async () => {
    const { match, student } = await pair({ startedDaysAgo: 20 });
    await db.insert(emailPreferences).values({ userId: student.id, cadence: "weekly_digest" });
    const admin = await makeUser(db, { role: "admin" });
    await nudgeStalledMatch(db, { admin, matchId: match.id, now: NOW });
    expect(await emailsTo(db, student.email)).toHaveLength(1);
  });
});
