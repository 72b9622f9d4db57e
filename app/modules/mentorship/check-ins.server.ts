import { and, asc, eq } from "drizzle-orm";
import { createElement } from "react";
import { transaction, type Db } from "~db/client.server";
import { checkIns, users } from "~db/schema";
import CheckInReplied, { checkInRepliedSubject } from "~emails/check-in-replied";
import CheckInWritten, { checkInWrittenSubject } from "~emails/check-in-written";
import { FORMER_MENTOR, firstName } from "~/domain/names";
import { absoluteUrl } from "~/env.server";
import { queueEmail } from "~/mail/outbox.server";
import { isUuid } from "~/modules/ids";
import { findMentorship, type Mentorship, type Viewer } from "./access.server";
import type { CheckInInput, CheckInReplyInput } from "./check-in-schemas";
import { summarizeHours, type HoursSummary } from "./hours";
import { mayReplyToCheckIn, mayWriteCheckIn } from "./rules";
import { isLate, weekDays, weekOf, writableWeeks } from "./weeks";

// The weekly check-ins of a match (issue 13 items 2 and 3): the student writes one per week of the
// internship, late if after the week's due day; a mentor replies with the time they gave.


/** The longest part of each answer an email quotes; the rest is on the page. */
export const EMAIL_QUOTE_LENGTH = 600;
/** More than this many lines in one answer are cut too, so a list pasted in does not fill the email. */
const EMAIL_QUOTE_LINES = 12;

/**
 * An answer cut for an email: at most EMAIL_QUOTE_LENGTH characters and EMAIL_QUOTE_LINES lines,
 * ended at a word (never mid-word) with "…"; line breaks and paragraphs kept.
 */
export function quoteForEmail(text: string, max = EMAIL_QUOTE_LENGTH): string {
  const lines = text.split("\n");
  let cut = lines.length > EMAIL_QUOTE_LINES ? lines.slice(0, EMAIL_QUOTE_LINES).join("\n") : text;
  if (cut.length > max) {
    const head = cut.slice(0, max);
    const space = head.search(/\s\S*$/);
    cut = space > max * 0.6 ? head.slice(0, space) : head;
  }
  return cut === text ? text : `${cut.trimEnd()}…`;
}

export const checkInsPath = (matchId: string) => `/matches/${matchId}/check-ins`;

export type WriteCheckInResult =
  | { ok: true; week: number; late: boolean; edited: boolean }
  | {
      ok: false;
      error: "not_found" | "not_allowed" | "week_not_writable" | "already_replied";
    };

/**
 * The student's check-in for `input.week`: one per week (a second write edits it until a mentor
 * has replied, then is refused), only for weeks 1..this week while the internship is active; late
 * is set once, at the first write. The slot's mentors are emailed once per week, on that first write.
 */
export async function writeCheckIn(
  db: Db,
  { viewer, matchId, input, now = new Date() }: { viewer: Viewer; matchId: string; input: CheckInInput; now?: Date },
): Promise<WriteCheckInResult> {
  return transaction(db, async (tx) => {
    const m = await findMentorship(tx, viewer, matchId, { now, lock: true });
    if (!m) return { ok: false, error: "not_found" };
    if (!mayWriteCheckIn({ side: m.side, status: m.match.status })) return { ok: false, error: "not_allowed" };
    if (!writableWeeks(m.dates, m.today).includes(input.week)) return { ok: false, error: "week_not_writable" };
    const values = {
      done: input.done,
      next: input.next,
      blockers: input.blockers?.length ? input.blockers : null,
      hoursWorked: input.hoursWorked,
      mentorHoursReceived: input.mentorHoursReceived,
    };
    const [existing] = await tx
      .select()
      .from(checkIns)
      .where(and(eq(checkIns.matchId, m.match.id), eq(checkIns.week, input.week)));
    if (existing) {
      if (existing.repliedAt) return { ok: false, error: "already_replied" };
      await tx
        .update(checkIns)
        .set({ ...values, updatedAt: now })
        .where(eq(checkIns.id, existing.id));
      return { ok: true, week: input.week, late: existing.late, edited: true };
    }
    const late = isLate(m.dates, input.week, m.today);
    await tx.insert(checkIns).values({
      ...values,
      matchId: m.match.id,
      week: input.week,
      late,
      submittedAt: now,
      updatedAt: now,
    });
    for (const mentor of m.mentors) {
      await queueEmail(tx, {
        template: "check-in-written",
        to: [mentor.email],
        subject: checkInWrittenSubject(m.student.name, input.week),
        body: createElement(CheckInWritten, {
          name: firstName(mentor.name),
          studentName: m.student.name,
          week: input.week,
          late,
          slotTitle: m.slot.title,
          done: quoteForEmail(values.done),
          next: quoteForEmail(values.next),
          blockers: values.blockers ? quoteForEmail(values.blockers) : null,
          hoursWorked: input.hoursWorked,
          mentorHoursReceived: input.mentorHoursReceived,
          checkInsUrl: absoluteUrl(checkInsPath(m.match.id)),
        }),
        userId: mentor.id,
      });
    }
    return { ok: true, week: input.week, late, edited: false };
  });
}

export type ReplyToCheckInResult = { ok: true; week: number; edited: boolean } | { ok: false; error: "not_found" | "not_allowed" };

/**
 * A mentor's reply to a check-in of the match, with the mentor time given that week. A mentor may
 * correct a reply later (its author becomes whoever wrote last); the student is emailed on the
 * first reply only.
 */
export async function replyToCheckIn(
  db: Db,
  {
    viewer,
    matchId,
    checkInId,
    input,
    now = new Date(),
  }: {
    viewer: Viewer;
    matchId: string;
    checkInId: string;
    input: CheckInReplyInput;
    now?: Date;
  },
): Promise<ReplyToCheckInResult> {
  return transaction(db, async (tx) => {
    const m = await findMentorship(tx, viewer, matchId, { now, lock: true });
    if (!m || !isUuid(checkInId)) return { ok: false, error: "not_found" };
    const [checkIn] = await tx
      .select()
      .from(checkIns)
      .where(and(eq(checkIns.id, checkInId), eq(checkIns.matchId, m.match.id)));
    if (!checkIn) return { ok: false, error: "not_found" };
    if (!mayReplyToCheckIn({ side: m.side, status: m.match.status })) return { ok: false, error: "not_allowed" };
    const first = checkIn.repliedAt === null;
    await tx
      .update(checkIns)
      .set({
        reply: input.reply,
        mentorHoursGiven: input.mentorHoursGiven,
        repliedBy: viewer.id,
        repliedAt: first ? now : checkIn.repliedAt,
      })
      .where(eq(checkIns.id, checkIn.id));
    if (first) {
      const [author] = await tx.select({ name: users.name }).from(users).where(eq(users.id, viewer.id));
      await queueEmail(tx, {
        template: "check-in-replied",
        to: [m.student.email],
        subject: checkInRepliedSubject(author!.name, checkIn.week),
        body: createElement(CheckInReplied, {
          name: m.student.firstName,
          mentorName: author!.name,
          week: checkIn.week,
          slotTitle: m.slot.title,
          reply: quoteForEmail(input.reply),
          checkInsUrl: absoluteUrl(checkInsPath(m.match.id)),
        }),
        userId: m.student.id,
      });
    }
    return { ok: true, week: checkIn.week, edited: !first };
  });
}

export type CheckInView = {
  id: string;
  done: string;
  next: string;
  blockers: string | null;
  hoursWorked: number;
  mentorHoursReceived: number;
  late: boolean;
  submittedAt: string;
  updatedAt: string;
  reply: {
    text: string;
    mentorHoursGiven: number | null;
    by: string;
    at: string;
  } | null;
};

export type CheckInWeekView = {
  week: number;
  /** The week's first day and its due day (YYYY-MM-DD, the slot's zone). */
  first: string;
  due: string;
  checkIn: CheckInView | null;
  /** No check-in and its due day has passed. */
  missed: boolean;
};

export type CheckInsPage = {
  /** Newest week first. */
  weeks: CheckInWeekView[];
  /** Where today falls: 0 before the start. */
  currentWeek: number;
  startDate: string;
  durationWeeks: number;
  /** Why no week is listed yet: the internship starts later, or is not under way. */
  notYet: "before_start" | "not_started" | null;
  /** For the student while they may write: weeks with no check-in yet, newest first, and the ones they may still edit. */
  newWeeks: number[];
  editableWeeks: number[];
  mayWrite: boolean;
  mayReply: boolean;
  hours: HoursSummary;
};

/**
 * The check-ins page of a mentorship as its reader may see it: every week from 1 to this week (to
 * the last once completed), written or missing, with replies and their authors, and the hours.
 */
export async function listCheckIns(db: Db, m: Mentorship): Promise<CheckInsPage> {
  const rows = await db
    .select({ checkIn: checkIns, repliedByName: users.name })
    .from(checkIns)
    .leftJoin(users, eq(users.id, checkIns.repliedBy))
    .where(eq(checkIns.matchId, m.match.id))
    .orderBy(asc(checkIns.week));
  const status = m.match.status;
  const lastWritten = rows.at(-1)?.checkIn.week ?? 0;
  const current = weekOf(m.dates, m.today);
  const throughWeek = status === "completed" ? Math.max(m.dates.durationWeeks, lastWritten) : status === "active" ? Math.max(current, lastWritten) : lastWritten;
  const notYet = throughWeek > 0 ? null : status === "active" ? "before_start" : "not_started";
  const byWeek = new Map(rows.map((r) => [r.checkIn.week, r]));
  const weeks: CheckInWeekView[] = [];
  for (let week = throughWeek; week >= 1; week--) {
    const { first, due } = weekDays(m.dates, week);
    const row = byWeek.get(week);
    const c = row?.checkIn;
    weeks.push({
      week,
      first,
      due,
      missed: !c && m.today > due,
      checkIn: c
        ? {
            id: c.id,
            done: c.done,
            next: c.next,
            blockers: c.blockers,
            hoursWorked: c.hoursWorked,
            mentorHoursReceived: c.mentorHoursReceived,
            late: c.late,
            submittedAt: c.submittedAt.toISOString(),
            updatedAt: c.updatedAt.toISOString(),
            reply:
              c.reply !== null && c.repliedAt
                ? {
                    text: c.reply,
                    mentorHoursGiven: c.mentorHoursGiven,
                    by: row.repliedByName ?? FORMER_MENTOR,
                    at: c.repliedAt.toISOString(),
                  }
                : null,
          }
        : null,
    });
  }
  const mayWrite = mayWriteCheckIn({ side: m.side, status });
  const writable = mayWrite ? writableWeeks(m.dates, m.today) : [];
  return {
    weeks,
    currentWeek: current,
    startDate: m.dates.startDate,
    durationWeeks: m.dates.durationWeeks,
    notYet,
    newWeeks: writable.filter((w) => !byWeek.has(w)).reverse(),
    editableWeeks: writable.filter((w) => byWeek.has(w) && !byWeek.get(w)!.checkIn.repliedAt),
    mayWrite,
    mayReply: mayReplyToCheckIn({ side: m.side, status }),
    hours: summarizeHours(
      rows.map((r) => r.checkIn),
      {
        hoursPerWeek: m.slot.hoursPerWeek,
        mentorHoursPerWeek: m.slot.mentorHoursPerWeek,
      },
      throughWeek,
    ),
  };
}
