import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { createElement } from "react";
import { transaction, type Db } from "~db/client.server";
import { checkIns, matches, matchMessages, organizationMembers, organizations, slots, users } from "~db/schema";
import { firstName } from "~/domain/names";
import { DAY_MS } from "~/domain/time";
import { absoluteUrl } from "~/env.server";
import { dayIn } from "~/modules/slots/access.server";
import { formatDay } from "~/modules/slots/format";
import { slotMentorRecipients } from "~/modules/slots/slots.server";
import CheckInDue, { checkInDueSubject } from "~emails/check-in-due";
import CheckInReplyDue, { checkInReplyDueSubject } from "~emails/check-in-reply-due";
import IntroductionReplyDue, { introductionReplyDueSubject } from "~emails/introduction-reply-due";
import { remind, type Reminder } from "./remind.server";
import { CHECK_IN_REMINDER_DAYS_AFTER_DUE, CHECK_IN_REPLY_REMINDER_DAYS, INTRODUCTION_REPLY_REMINDER_DAYS } from "./schedule";
import { addDays, daysBetween, weekDays, weekOf, type InternshipDates } from "./weeks";

// The sweep's reminder steps (docs/decisions/016-the-mentorship-space.md): each finds what is due
// at `now`, in days of the slot's time zone, and sends it through remind(), whose ledger lets each
// event go once per person whatever restarts. Each returns how many reminders it wrote.

/**
 * A reminder goes on its day or within this many days after (a sweep that was down for a while
 * still sends it), never later: a reminder about a week long past, or a burst of them for every
 * old event the first time the sweep runs, helps nobody.
 */
export const REMINDER_WINDOW_DAYS = 7;

/** Whether `today` is a reminder's day or within its window after. */
const withinWindow = (remindOn: string, today: string) => today >= remindOn && today < addDays(remindOn, REMINDER_WINDOW_DAYS);

/** Runs `send` for each item, each in its own transaction; one that fails is logged and the rest still go. */
async function sendEach<T>(db: Db, step: string, items: T[], send: (tx: Db, item: T) => Promise<number>) {
  let written = 0;
  for (const item of items) {
    try {
      written += await transaction(db, (tx) => send(tx, item));
    } catch (error) {
      console.error(`[sweep] ${step}: one reminder failed`, error);
    }
  }
  return written;
}

/** Sends `reminder` to each person at `now`; how many were written (emailed or held for a digest). */
async function remindAll(tx: Db, now: Date, people: { id: string; name: string; email: string }[], reminder: (person: { id: string; name: string; email: string }) => Reminder) {
  let written = 0;
  for (const person of people) if ((await remind(tx, reminder(person), now)) !== "already") written++;
  return written;
}

export type DueCheckIn = { week: number; due: string; earlierMissing: number };

/**
 * The one week whose check-in the student is reminded of on `today`, if any: the most recent week
 * whose reminder day (its due day + CHECK_IN_REMINDER_DAYS_AFTER_DUE) has come, when it is not
 * written. Earlier missing weeks are counted in that reminder, never reminded on their own, so a
 * student back from a long gap gets one email, not five. Weeks before the one the match started
 * in are never counted; after the last week's window nothing more is sent.
 */
export function checkInDueOn(dates: InternshipDates, today: string, startedDay: string | null, written: readonly number[]): DueCheckIn | null {
  let week = 0;
  for (let n = dates.durationWeeks; n >= 1; n--) {
    if (addDays(weekDays(dates, n).due, CHECK_IN_REMINDER_DAYS_AFTER_DUE) <= today) {
      week = n;
      break;
    }
  }
  if (week === 0) return null;
  const due = weekDays(dates, week).due;
  if (!withinWindow(addDays(due, CHECK_IN_REMINDER_DAYS_AFTER_DUE), today)) return null;
  const firstWeek = Math.max(1, startedDay ? weekOf(dates, startedDay) : 1);
  if (week < firstWeek || written.includes(week)) return null;
  let earlierMissing = 0;
  for (let n = firstWeek; n < week; n++) if (!written.includes(n)) earlierMissing++;
  return { week, due, earlierMissing };
}

/** To the student of each active match: the latest week's check-in, the day after it was due and not written (checkInDueOn). */
export async function checkInDueReminders(db: Db, now: Date): Promise<number> {
  const rows = await db
    .select({
      matchId: matches.id,
      startedAt: matches.startedAt,
      slotTitle: slots.title,
      timezone: slots.timezone,
      startDate: slots.startDate,
      durationWeeks: slots.durationWeeks,
      organizationName: organizations.name,
      student: { id: users.id, name: users.name, email: users.email },
      written: sql<number[]>`coalesce((select array_agg(${checkIns.week}) from ${checkIns} where ${checkIns.matchId} = ${matches.id}), '{}')`,
    })
    .from(matches)
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .innerJoin(users, eq(users.id, matches.studentId))
    .where(eq(matches.status, "active"));

  const due = rows.flatMap((row) => {
    if (!row.timezone || !row.startDate || !row.durationWeeks) return [];
    const today = dayIn(row.timezone, now);
    const reminder = checkInDueOn(
      { startDate: row.startDate, durationWeeks: row.durationWeeks },
      today,
      row.startedAt ? dayIn(row.timezone, row.startedAt) : null,
      row.written.map(Number),
    );
    return reminder ? [{ ...row, ...reminder }] : [];
  });

  return sendEach(db, "check-ins due", due, (tx, row) => {
    const url = absoluteUrl(`/matches/${row.matchId}/check-ins`);
    const dueDay = formatDay(row.due);
    return remindAll(tx, now, [row.student], (student) => ({
      kind: "check_in_due",
      eventKey: `${row.matchId}:week:${row.week}`,
      user: student,
      matchId: row.matchId,
      summary: `Your check-in for week ${row.week} of “${row.slotTitle}” was due on ${dueDay}.`,
      url,
      email: () => ({
        template: "check-in-due",
        subject: checkInDueSubject(row.week, row.slotTitle),
        body: createElement(CheckInDue, {
          name: firstName(student.name),
          week: row.week,
          dueDay,
          slotTitle: row.slotTitle,
          organizationName: row.organizationName,
          earlierMissing: row.earlierMissing,
          checkInsUrl: url,
        }),
      }),
    }));
  });
}

/** To each of the slot's mentors: a check-in with no reply CHECK_IN_REPLY_REMINDER_DAYS after it was written (while a mentor may still reply). */
export async function checkInReplyReminders(db: Db, now: Date): Promise<number> {
  // why: a coarse bound in UTC (a day of slack either side for time zones); the day rule is below.
  const newest = new Date(now.getTime() - (CHECK_IN_REPLY_REMINDER_DAYS - 1) * DAY_MS);
  const oldest = new Date(now.getTime() - (CHECK_IN_REPLY_REMINDER_DAYS + REMINDER_WINDOW_DAYS + 1) * DAY_MS);
  const rows = await db
    .select({
      checkInId: checkIns.id,
      week: checkIns.week,
      submittedAt: checkIns.submittedAt,
      matchId: matches.id,
      slotId: slots.id,
      organizationId: slots.organizationId,
      slotTitle: slots.title,
      timezone: slots.timezone,
      studentName: users.name,
    })
    .from(checkIns)
    .innerJoin(matches, eq(matches.id, checkIns.matchId))
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(users, eq(users.id, matches.studentId))
    .where(
      and(
        isNull(checkIns.repliedAt),
        sql`${matches.status} in ('active', 'completed')`,
        sql`${checkIns.submittedAt} between ${oldest.toISOString()}::timestamptz and ${newest.toISOString()}::timestamptz`,
      ),
    );

  const due = rows.filter((row) => {
    if (!row.timezone) return false;
    const written = dayIn(row.timezone, row.submittedAt);
    return withinWindow(addDays(written, CHECK_IN_REPLY_REMINDER_DAYS), dayIn(row.timezone, now));
  });

  return sendEach(db, "check-in replies", due, async (tx, row) => {
    const url = absoluteUrl(`/matches/${row.matchId}/check-ins`);
    const studentFirstName = firstName(row.studentName);
    const writtenDay = formatDay(dayIn(row.timezone!, row.submittedAt));
    const mentors = await slotMentorRecipients(tx, { id: row.slotId, organizationId: row.organizationId });
    return remindAll(tx, now, mentors, (mentor) => ({
      kind: "check_in_reply",
      eventKey: `${row.matchId}:week:${row.week}`,
      user: mentor,
      matchId: row.matchId,
      summary: `${studentFirstName}'s check-in for week ${row.week} of “${row.slotTitle}” is waiting for your reply.`,
      url,
      email: () => ({
        template: "check-in-reply-due",
        subject: checkInReplyDueSubject(studentFirstName, row.week),
        body: createElement(CheckInReplyDue, { name: firstName(mentor.name), studentFirstName, week: row.week, writtenDay, slotTitle: row.slotTitle, checkInsUrl: url }),
      }),
    }));
  });
}

/**
 * To the slot's mentors: a match still "introduced" INTRODUCTION_REPLY_REMINDER_DAYS after the
 * introduction, with no message from any mentor of the slot's organization on its thread.
 */
export async function introductionReplyReminders(db: Db, now: Date): Promise<number> {
  const newest = new Date(now.getTime() - (INTRODUCTION_REPLY_REMINDER_DAYS - 1) * DAY_MS);
  const oldest = new Date(now.getTime() - (INTRODUCTION_REPLY_REMINDER_DAYS + REMINDER_WINDOW_DAYS + 1) * DAY_MS);
  const rows = await db
    .select({
      matchId: matches.id,
      introducedAt: matches.introducedAt,
      slotId: slots.id,
      organizationId: slots.organizationId,
      slotTitle: slots.title,
      timezone: slots.timezone,
      studentName: users.name,
    })
    .from(matches)
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(users, eq(users.id, matches.studentId))
    .where(
      and(
        eq(matches.status, "introduced"),
        isNotNull(matches.introducedAt),
        sql`${matches.introducedAt} between ${oldest.toISOString()}::timestamptz and ${newest.toISOString()}::timestamptz`,
        sql`not exists (select 1 from ${matchMessages} join ${organizationMembers} on ${organizationMembers.userId} = ${matchMessages.authorId}
              where ${matchMessages.matchId} = ${matches.id} and ${organizationMembers.organizationId} = ${slots.organizationId})`,
      ),
    );

  const due = rows.filter((row) => row.timezone && withinWindow(addDays(dayIn(row.timezone, row.introducedAt!), INTRODUCTION_REPLY_REMINDER_DAYS), dayIn(row.timezone, now)));

  return sendEach(db, "introduction replies", due, async (tx, row) => {
    const url = absoluteUrl(`/matches/${row.matchId}`);
    const studentFirstName = firstName(row.studentName);
    const days = daysBetween(dayIn(row.timezone!, row.introducedAt!), dayIn(row.timezone!, now));
    const mentors = await slotMentorRecipients(tx, { id: row.slotId, organizationId: row.organizationId });
    return remindAll(tx, now, mentors, (mentor) => ({
      kind: "introduction_reply",
      eventKey: row.matchId,
      user: mentor,
      matchId: row.matchId,
      summary: `${row.studentName} is waiting to hear from you about “${row.slotTitle}”.`,
      url,
      email: () => ({
        template: "introduction-reply-due",
        subject: introductionReplyDueSubject(row.studentName),
        body: createElement(IntroductionReplyDue, { name: firstName(mentor.name), studentName: row.studentName, studentFirstName, days, slotTitle: row.slotTitle, matchUrl: url }),
      }),
    }));
  });
}
