import { desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { checkIns, feedbackAnswers, matchMessages, matchOutcomes, mentorshipGoals, users, type MatchStatus } from "~db/schema";
import { FORMER_MENTOR, firstName } from "~/domain/names";
import { dayIn } from "~/modules/slots/access.server";
import { formatDay, plural } from "~/modules/slots/format";
import type { Mentorship, MentorshipSide } from "./access.server";
import { FEEDBACK_ROUND_WORDS } from "./feedback-labels";
import { roundsAsked } from "./feedback.server";
import { formatHours } from "./hours";
import { mayAnswerFeedback, mayConfirmGoal, mayRecordOutcome, mayReplyToCheckIn, mayWriteCheckIn } from "./rules";
import { addDays, feedbackRoundDays, weekDays, weekOf, type InternshipDates } from "./weeks";

// What waits for the reader of a match outside each tab of the mentorship space, and a few facts
// (plan progress, hours, the latest message), for the overview and the list of matches. Counted
// with a handful of small aggregate queries; nothing here loads every row of a tab.

/** The tab of /matches/:matchId an item links to ("" is the overview). */
export type SummaryTab = "plan" | "check-ins" | "messages" | "feedback" | "outcome";
export type SummaryItem = { key: string; text: string; tab: SummaryTab };

export type MentorshipSummary = {
  /** "Week 6 of 12", while the internship is under way; null otherwise. */
  week: string | null;
  /** What the reader has to do, each a sentence with its tab; always empty for admins. */
  waiting: SummaryItem[];
  /** Plan progress, hours so far, the latest message. */
  facts: SummaryItem[];
};

/** "Thu" for a YYYY-MM-DD day. */
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { weekday: "short", timeZone: "UTC" });

/** "Weeks 5 and 6", "Weeks 1, 2 and 4", "Week 3". */
function weeksWords(weeks: readonly number[]): string {
  if (weeks.length === 1) return `Week ${weeks[0]}`;
  return `Weeks ${weeks.slice(0, -1).join(", ")} and ${weeks.at(-1)}`;
}

/** When this week's check-in is due, in words: "today", "tomorrow", "Thu". */
function dueWords(due: string, today: string): string {
  if (due === today) return "today";
  if (due === addDays(today, 1)) return "tomorrow";
  return weekday(due);
}

/**
 * The student's check-in items on `today`: this week's check-in when it is not written yet, and
 * the past weeks without one. Only while the student may write check-ins (active).
 */
export function checkInsWaiting(dates: InternshipDates, today: string, written: ReadonlySet<number>): SummaryItem[] {
  const current = weekOf(dates, today);
  if (current < 1) return [];
  const items: SummaryItem[] = [];
  const { due } = weekDays(dates, current);
  // why: past the last day the last week's check-in is late, and counts as missing below.
  const overdue = today > due;
  if (!overdue && !written.has(current)) items.push({ key: "check-in-due", text: `Week ${current} check-in due ${dueWords(due, today)}`, tab: "check-ins" });
  const missing = Array.from({ length: overdue ? current : current - 1 }, (_, i) => i + 1).filter((w) => !written.has(w));
  if (missing.length) {
    items.push({ key: "check-ins-missing", text: `${weeksWords(missing)} ${missing.length === 1 ? "has" : "have"} no check-in`, tab: "check-ins" });
  }
  return items;
}

/** A mentor's check-ins without a reply, as an item; null when none waits. */
function checkInsNeedReply(unreplied: number): SummaryItem | null {
  if (!unreplied) return null;
  return { key: "check-ins-reply", text: `${plural(unreplied, "check-in")} ${unreplied === 1 ? "waits" : "wait"} for your reply`, tab: "check-ins" };
}

/** The feedback rounds open on `today` that `side` has not answered, with their last day. */
function feedbackWaiting(m: Mentorship, side: "student" | "mentor", answered: ReadonlyArray<{ round: string; side: string }>): SummaryItem[] {
  if (!mayAnswerFeedback({ side, status: m.match.status })) return [];
  const days = feedbackRoundDays(m.dates);
  const completedDay = m.match.completedAt ? dayIn(m.slot.timezone, m.match.completedAt) : null;
  return roundsAsked(m.dates, m.today, completedDay)
    .filter((round) => !answered.some((a) => a.round === round && a.side === side))
    .map((round) => ({
    key: `feedback-${round}`,
    text: `The ${FEEDBACK_ROUND_WORDS[round]} feedback is open for your answers until ${formatDay(addDays(days[round].closes, -1))}`,
    tab: "feedback" as const,
  }));
}

/** What waits for `m`'s reader and the match's facts on `m.today`. */
export async function mentorshipSummary(db: Db, m: Mentorship): Promise<MentorshipSummary> {
  const matchId = m.match.id;
  const status = m.match.status;
  const [[checks], [goals], answered, [latest], [outcome]] = await Promise.all([
    db
      .select({
        weeks: sql<number[]>`coalesce(array_agg(${checkIns.week} order by ${checkIns.week}), '{}')`,
        unreplied: sql<number>`count(*) filter (where ${checkIns.repliedAt} is null)`.mapWith(Number),
        averageHours: sql<number | null>`avg(${checkIns.hoursWorked})`.mapWith((v: string | null) => (v === null ? null : Number(v))),
      })
      .from(checkIns)
      .where(eq(checkIns.matchId, matchId)),
    db
      .select({
        total: sql<number>`count(*) filter (where ${mentorshipGoals.state} <> 'dropped')`.mapWith(Number),
        done: sql<number>`count(*) filter (where ${mentorshipGoals.state} = 'done' and ${mentorshipGoals.doneConfirmedAt} is not null)`.mapWith(Number),
        waiting: sql<number>`count(*) filter (where ${mentorshipGoals.state} = 'done' and ${mentorshipGoals.doneConfirmedAt} is null)`.mapWith(Number),
      })
      .from(mentorshipGoals)
      .where(eq(mentorshipGoals.matchId, matchId)),
    db.select({ round: feedbackAnswers.round, side: feedbackAnswers.side }).from(feedbackAnswers).where(eq(feedbackAnswers.matchId, matchId)),
    db
      .select({ authorId: matchMessages.authorId, authorName: users.name, createdAt: matchMessages.createdAt })
      .from(matchMessages)
      .leftJoin(users, eq(users.id, matchMessages.authorId))
      .where(eq(matchMessages.matchId, matchId))
      .orderBy(desc(matchMessages.createdAt), desc(matchMessages.id))
      .limit(1),
    status === "completed" ? db.select({ matchId: matchOutcomes.matchId }).from(matchOutcomes).where(eq(matchOutcomes.matchId, matchId)) : Promise.resolve([]),
  ]);
  const weeksWritten = (checks?.weeks ?? []).map(Number);
  const written = new Set(weeksWritten);
  const unreplied = checks?.unreplied ?? 0;

  const waiting: SummaryItem[] = [];
  const who = { side: m.side, status };
  if (m.side === "student") {
    if (mayWriteCheckIn(who)) waiting.push(...checkInsWaiting(m.dates, m.today, written));
    waiting.push(...feedbackWaiting(m, "student", answered));
    if (mayRecordOutcome(who) && !outcome) waiting.push({ key: "outcome", text: "Record what the internship gave you: the promised benefits and a return offer", tab: "outcome" });
  } else if (m.side === "mentor") {
    const reply = mayReplyToCheckIn(who) ? checkInsNeedReply(unreplied) : null;
    if (reply) waiting.push(reply);
    if (mayConfirmGoal(who) && goals && goals.waiting > 0) {
      waiting.push({
        key: "goals-confirm",
        text: `${plural(goals.waiting, "goal")} marked done by ${m.student.firstName} ${goals.waiting === 1 ? "waits" : "wait"} for your confirmation`,
        tab: "plan",
      });
    }
    waiting.push(...feedbackWaiting(m, "mentor", answered));
  }

  const facts: SummaryItem[] = [];
  const total = goals?.total ?? 0;
  facts.push({ key: "plan", text: total ? `${goals!.done} of ${plural(total, "goal")} done` : "No goals in the plan yet", tab: "plan" });
  if (weeksWritten.length && checks?.averageHours != null) {
    facts.push({ key: "hours", text: `${formatHours(checks.averageHours)} hours a week on average over ${plural(weeksWritten.length, "check-in")}`, tab: "check-ins" });
  } else if (status === "active" || status === "completed") {
    facts.push({ key: "hours", text: "No check-in written yet", tab: "check-ins" });
  }
  if (latest) {
    const author = latest.authorId === m.viewerId ? "you" : latest.authorName ? firstName(latest.authorName) : FORMER_MENTOR;
    facts.push({ key: "message", text: `Latest message from ${author}, ${formatDay(dayIn(m.slot.timezone, latest.createdAt))}`, tab: "messages" });
  } else {
    facts.push({ key: "message", text: "No messages yet", tab: "messages" });
  }

  const current = weekOf(m.dates, m.today);
  return {
    week: status === "active" && current >= 1 ? `Week ${current} of ${m.dates.durationWeeks}` : null,
    waiting,
    facts,
  };
}

type ListedMatch = { id: string; status: MatchStatus; slot: { startDate: string; durationWeeks: number; timezone: string } };

/**
 * For the list of matches: one short line of what waits for the reader on each active match
 * ("Week 6 check-in due Thu" for the student, "1 check-in waits for your reply" for a mentor),
 * from one grouped query over the page's rows. Admins get none.
 */
export async function waitingLines(db: Db, side: MentorshipSide, rows: readonly ListedMatch[], now: Date): Promise<Map<string, string>> {
  const lines = new Map<string, string>();
  const active = rows.filter((r) => r.status === "active");
  if (side === "admin" || !active.length) return lines;
  const grouped = await db
    .select({
      matchId: checkIns.matchId,
      weeks: sql<number[]>`array_agg(${checkIns.week})`,
      unreplied: sql<number>`count(*) filter (where ${checkIns.repliedAt} is null)`.mapWith(Number),
    })
    .from(checkIns)
    .where(
      inArray(
        checkIns.matchId,
        active.map((r) => r.id),
      ),
    )
    .groupBy(checkIns.matchId);
  const byMatch = new Map(grouped.map((g) => [g.matchId, g]));
  for (const row of active) {
    const group = byMatch.get(row.id);
    if (side === "student") {
      const dates = { startDate: row.slot.startDate, durationWeeks: row.slot.durationWeeks };
      const [first] = checkInsWaiting(dates, dayIn(row.slot.timezone, now), new Set((group?.weeks ?? []).map(Number)));
      if (first) lines.set(row.id, first.text);
    } else {
      const reply = checkInsNeedReply(group?.unreplied ?? 0);
      if (reply) lines.set(row.id, reply.text);
    }
  }
  return lines;
}
