import { and, eq, inArray, sql } from "drizzle-orm";
import { createElement } from "react";
import { transaction, type Db } from "~db/client.server";
import { feedbackAnswers, matches, organizations, reminders, slots, users } from "~db/schema";
import FeedbackRoundEmail, { feedbackRoundSubject } from "~emails/feedback-round";
import { firstName } from "~/domain/names";
import { FEEDBACK_MATCH_STATUSES, type FEEDBACK_ROUNDS, type FEEDBACK_SIDES } from "~/domain/vocabulary";
import { absoluteUrl } from "~/env.server";
import { dayIn } from "~/modules/slots/access.server";
import { formatDay } from "~/modules/slots/format";
import { slotMentorRecipients } from "~/modules/slots/slots.server";
import type { Mentorship, MentorshipSide, Person } from "./access.server";
import { FEEDBACK_ROUND_WORDS } from "./feedback-labels";
import type { FeedbackInput, MentorAnswers, StudentAnswers } from "./feedback-schemas";
import { remind } from "./remind.server";
import { mayAnswerFeedback } from "./rules";
import { FEEDBACK_REMINDER_DAYS } from "./schedule";
import { addDays, daysBetween, FEEDBACK_OPEN_DAYS, feedbackRoundDays, type InternshipDates } from "./weeks";

// The feedback rounds (docs/decisions/016-the-mentorship-space.md): at the internship's midpoint
// and at its end, each side answers once (a mentor for all the slot's mentors), may edit while the
// round is open, and chooses whether the other side reads its answers. Admins read all.

export type FeedbackRound = (typeof FEEDBACK_ROUNDS)[number];
export type FeedbackSide = (typeof FEEDBACK_SIDES)[number];
export type RoundState = "upcoming" | "open" | "closed";

const ROUNDS: readonly FeedbackRound[] = ["midpoint", "final"];

/** Where a round stands on `today`: open from its opening day until it closes (the closing day is closed). */
export function roundState(window: { opens: string; closes: string }, today: string): RoundState {
  if (today < window.opens) return "upcoming";
  return today < window.closes ? "open" : "closed";
}

/**
 * The rounds open on `today` that are asked: a round that opens after an early completion asks
 * about weeks that never happened, so it is not asked (`completedDay`, null while under way).
 */
export function roundsAsked(dates: InternshipDates, today: string, completedDay: string | null): FeedbackRound[] {
  const days = feedbackRoundDays(dates);
  return ROUNDS.filter((round) => roundState(days[round], today) === "open" && (completedDay === null || days[round].opens <= completedDay));
}

/** Whether a reader on `side` may read one side's answers: their own side's, the other's only when shared; admins all. */
export function mayReadFeedback(side: MentorshipSide, answer: { side: FeedbackSide; shared: boolean }): boolean {
  return side === "admin" || answer.side === side || answer.shared;
}

export type FeedbackAnswerView = {
  side: FeedbackSide;
  answers: Partial<StudentAnswers & MentorAnswers>;
  comment: string | null;
  shared: boolean;
  /** Who answered; null when their account is gone ("a former mentor"). */
  authorName: string | null;
  submittedAt: string;
};

export type FeedbackRoundView = {
  round: FeedbackRound;
  opens: string;
  /** The first day it is closed; the last day for answers is the day before. */
  closes: string;
  lastDay: string;
  state: RoundState;
  /** Only the answers the reader may read (mayReadFeedback): an unshared answer of the other side is never here. */
  answers: FeedbackAnswerView[];
};

export type FeedbackPage = {
  /** The side the reader answers for; null for an admin. */
  mySide: FeedbackSide | null;
  /** Whether the reader may answer at all now (the match's status); each round's dates decide the rest. */
  mayAnswer: boolean;
  rounds: FeedbackRoundView[];
};

/** The feedback rounds of a match as its reader may see them. */
export async function getFeedbackPage(db: Db, m: Mentorship): Promise<FeedbackPage> {
  const rows = await db
    .select({ answer: feedbackAnswers, authorName: users.name })
    .from(feedbackAnswers)
    .leftJoin(users, eq(users.id, feedbackAnswers.authorId))
    .where(eq(feedbackAnswers.matchId, m.match.id));
  const days = feedbackRoundDays(m.dates);
  const mySide = m.side === "admin" ? null : m.side;
  return {
    mySide,
    mayAnswer: mayAnswerFeedback({ side: m.side, status: m.match.status }),
    rounds: ROUNDS.map((round) => ({
      round,
      opens: days[round].opens,
      closes: days[round].closes,
      lastDay: addDays(days[round].closes, -1),
      state: roundState(days[round], m.today),
      answers: rows
        .filter(({ answer }) => answer.round === round && mayReadFeedback(m.side, answer))
        .map(({ answer, authorName }) => ({
          side: answer.side,
          answers: answer.answers as FeedbackAnswerView["answers"],
          comment: answer.comment,
          shared: answer.shared,
          authorName,
          submittedAt: answer.submittedAt.toISOString(),
        })),
    })),
  };
}

export type SaveFeedbackError = "not_allowed" | "not_open" | "upcoming";

/**
 * Saves the reader's side's answers to a round, or replaces them while the round is open: one
 * answer per round and side (any one of the slot's mentors answers for the mentors; the last to
 * save is named). Admins never answer.
 */
export async function saveFeedback(db: Db, m: Mentorship, input: FeedbackInput, now = new Date()): Promise<{ ok: true } | { ok: false; error: SaveFeedbackError }> {
  if (m.side === "admin" || !mayAnswerFeedback({ side: m.side, status: m.match.status })) return { ok: false, error: "not_allowed" };
  // why: the route reads the form with the reader's side's schema; a form of the other side is not theirs to send.
  if ((m.side === "student") !== ("answersQuestions" in input)) return { ok: false, error: "not_allowed" };
  const state = roundState(feedbackRoundDays(m.dates)[input.round], m.today);
  if (state !== "open") return { ok: false, error: state === "upcoming" ? "upcoming" : "not_open" };
  const { round, comment, share, ...answers } = input;
  const values = { answers, comment: comment || null, shared: share, authorId: m.viewerId, submittedAt: now };
  await db
    .insert(feedbackAnswers)
    .values({ matchId: m.match.id, round, side: m.side, ...values })
    .onConflictDoUpdate({ target: [feedbackAnswers.matchId, feedbackAnswers.round, feedbackAnswers.side], set: values });
  return { ok: true };
}

// Reminders ----------------------------------------------------------------------------------

type RoundMatch = {
  matchId: string;
  slot: { id: string; organizationId: string; title: string; timezone: string };
  organizationName: string;
  dates: InternshipDates;
  student: Person;
  /** The day (in the slot's zone) a completed match was completed; null while it runs. */
  completedDay: string | null;
};

/**
 * A step of the reminders sweep: on a round's opening day (or later while it is open) each side
 * that has not answered is emailed ("feedback_open"), then reminded on the FEEDBACK_REMINDER_DAYS
 * after opening ("feedback_reminder") — each mentor of the slot until one of them answers. Each
 * email goes once per person (the reminders ledger); a reminder whose day passed while the sweep
 * was down is not sent late. A match completed early is asked only about the rounds that opened
 * on or before its completion day. Returns how many were sent or held for a digest.
 */
export async function feedbackRoundReminders(db: Db, now: Date): Promise<number> {
  // why: a day of margin either side of UTC for the slots' zones; the exact days are checked per slot below.
  const utcDay = now.toISOString().slice(0, 10);
  const rows = await db
    .select({
      matchId: matches.id,
      status: matches.status,
      completedAt: matches.completedAt,
      slot: { id: slots.id, organizationId: slots.organizationId, title: slots.title, timezone: slots.timezone, startDate: slots.startDate, durationWeeks: slots.durationWeeks },
      organizationName: organizations.name,
      student: { id: users.id, name: users.name, email: users.email },
    })
    .from(matches)
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .innerJoin(users, eq(users.id, matches.studentId))
    .where(
      and(
        inArray(matches.status, FEEDBACK_MATCH_STATUSES),
        sql`${slots.startDate} + ${slots.durationWeeks} * 7 + ${FEEDBACK_OPEN_DAYS + 1}::int >= ${utcDay}::date`,
        sql`${slots.startDate} + (${slots.durationWeeks} * 7) / 2 <= ${utcDay}::date + 1`,
      ),
    );
  let count = 0;
  for (const row of rows) {
    const { startDate, durationWeeks, timezone, title, id, organizationId } = row.slot;
    if (!startDate || !durationWeeks || !timezone) continue;
    count += await remindMatch(db, now, {
      matchId: row.matchId,
      slot: { id, organizationId, title, timezone },
      organizationName: row.organizationName,
      dates: { startDate, durationWeeks },
      student: row.student,
      completedDay: row.status === "completed" && row.completedAt ? dayIn(timezone, row.completedAt) : null,
    });
  }
  return count;
}

async function remindMatch(db: Db, now: Date, m: RoundMatch): Promise<number> {
  const today = dayIn(m.slot.timezone, now);
  const days = feedbackRoundDays(m.dates);
  const open = roundsAsked(m.dates, today, m.completedDay);
  if (!open.length) return 0;
  const answered = await db.select({ round: feedbackAnswers.round, side: feedbackAnswers.side }).from(feedbackAnswers).where(eq(feedbackAnswers.matchId, m.matchId));
  const mentors = await slotMentorRecipients(db, m.slot);
  let count = 0;
  for (const round of open) {
    const elapsed = daysBetween(days[round].opens, today);
    // The latest reminder whose day has come (1-based), or 0 before the first.
    const due = FEEDBACK_REMINDER_DAYS.filter((day) => elapsed >= day).length;
    for (const side of ["student", "mentor"] as const) {
      if (answered.some((a) => a.round === round && a.side === side)) continue;
      for (const person of side === "student" ? [m.student] : mentors) {
        const opened = await openedAt(db, m.matchId, round, person.id);
        let reminder: 0 | 1 | 2;
        if (!opened) reminder = 0;
        else if (due === 0) continue;
        // why: a person first told on or after a reminder's day (sweep down, a mentor who joined late) is not reminded the same day or for it.
        else if (dayIn(m.slot.timezone, opened) >= addDays(days[round].opens, FEEDBACK_REMINDER_DAYS[due - 1]!)) continue;
        else reminder = due as 1 | 2;
        const result = await transaction(db, (tx) => remind(tx, reminderOf(m, person, side, round, reminder, addDays(days[round].closes, -1)), now));
        if (result !== "already") count++;
      }
    }
  }
  return count;
}

/** When `userId` was told that a round opened, if they were. */
async function openedAt(db: Db, matchId: string, round: FeedbackRound, userId: string): Promise<Date | null> {
  const [row] = await db
    .select({ createdAt: reminders.createdAt })
    .from(reminders)
    .where(and(eq(reminders.kind, "feedback_open"), eq(reminders.eventKey, `${matchId}:${round}`), eq(reminders.userId, userId)));
  return row?.createdAt ?? null;
}

function reminderOf(m: RoundMatch, person: Person, side: FeedbackSide, round: FeedbackRound, reminder: 0 | 1 | 2, lastDay: string) {
  const url = absoluteUrl(`/matches/${m.matchId}/feedback`);
  const props = {
    name: firstName(person.name),
    reminder,
    round,
    side,
    studentFirstName: firstName(m.student.name),
    slotTitle: m.slot.title,
    organizationName: m.organizationName,
    lastDay: formatDay(lastDay),
    feedbackUrl: url,
  };
  return {
    kind: reminder === 0 ? ("feedback_open" as const) : ("feedback_reminder" as const),
    eventKey: reminder === 0 ? `${m.matchId}:${round}` : `${m.matchId}:${round}:${reminder}`,
    user: person,
    matchId: m.matchId,
    summary: `${reminder === 0 ? "Open" : "Still waiting for your answers"}: the ${FEEDBACK_ROUND_WORDS[round]} feedback for “${m.slot.title}”, until ${formatDay(lastDay)}.`,
    url,
    email: () => ({
      template: "feedback-round",
      subject: feedbackRoundSubject(props),
      body: createElement(FeedbackRoundEmail, props),
    }),
  };
}
