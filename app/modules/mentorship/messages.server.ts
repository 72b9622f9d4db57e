import { and, asc, count, desc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import { createElement } from "react";
import { transaction, type Db } from "~db/client.server";
import { matches, matchMessages, messageNotices, organizationMembers, organizations, slots, users } from "~db/schema";
import MatchMessages, { matchMessagesSubject, type MatchMessage } from "~emails/match-messages";
import { formatDateTime } from "~/components/format";
import { FORMER_MENTOR, firstName } from "~/domain/names";
import { absoluteUrl } from "~/env.server";
import { queueEmail } from "~/mail/outbox.server";
import { slotMentorRecipients } from "~/modules/slots/slots.server";
import { findMentorship, othersThan, type Mentorship, type Person, type Viewer } from "./access.server";
import { MAX_MESSAGE_LENGTH, THREAD_PAGE, type ThreadReadOnly } from "./message-schemas";
import { mayPostMessage } from "./rules";
import { MESSAGE_EMAIL_GAP_MINUTES } from "./schedule";

// The thread of a match (issue 13, item 4): the student and the slot's mentors write; each of
// them is emailed about the others' messages — the first at once, then at most one email per
// person per match every MESSAGE_EMAIL_GAP_MINUTES, listing all that waited (the sweep's
// sendMessageBatches). message_notices keeps, per person and match, the newest message emailed
// and when. Messages are not reminders: they never wait for the weekly digest.


/** The most messages one email lists; older ones that waited are counted, to be read on the thread. */
const MESSAGES_PER_EMAIL = 20;

/** A message older than this is not emailed late (the sweep was stopped that long, or a person joined the match after it). */
const LOOKBACK_DAYS = 7;
const lookback = (now: Date) => new Date(now.getTime() - LOOKBACK_DAYS * 24 * 60 * 60 * 1000);

export type ThreadMessage = {
  id: string;
  /** "You", the author's name, or "A former mentor". */
  author: string;
  /** Which side wrote it; null for a former mentor. */
  authorSide: "student" | "mentor" | null;
  mine: boolean;
  body: string;
  createdAt: Date;
};

/**
 * The newest `shown` messages of the match, oldest first, as `m`'s reader sees them (their own
 * as "You"), and how many earlier ones are not shown.
 */
export async function listMessages(db: Db, m: Mentorship, { shown = THREAD_PAGE }: { shown?: number } = {}) {
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: matchMessages.id, authorId: matchMessages.authorId, authorName: users.name, body: matchMessages.body, createdAt: matchMessages.createdAt })
      .from(matchMessages)
      .leftJoin(users, eq(users.id, matchMessages.authorId))
      .where(eq(matchMessages.matchId, m.match.id))
      .orderBy(desc(matchMessages.createdAt), desc(matchMessages.id))
      .limit(shown),
    db.select({ value: count() }).from(matchMessages).where(eq(matchMessages.matchId, m.match.id)),
  ]);
  const messages: ThreadMessage[] = rows.reverse().map((row) => ({
    id: row.id,
    author: row.authorId === m.viewerId ? "You" : (row.authorName ?? FORMER_MENTOR),
    authorSide: row.authorId === null ? null : row.authorId === m.match.studentId ? "student" : "mentor",
    mine: row.authorId === m.viewerId,
    body: row.body,
    createdAt: row.createdAt,
  }));
  return { messages, earlier: Math.max(0, (total?.value ?? 0) - messages.length) };
}

/**
 * The thread page as `m`'s reader sees it: the newest `shown` messages, whether they may write
 * (and if not, why), and the names of those their message would be emailed to.
 */
export async function getThreadPage(db: Db, m: Mentorship, { shown = THREAD_PAGE }: { shown?: number } = {}) {
  const mayWrite = mayPostMessage({ side: m.side, status: m.match.status });
  const readOnly: ThreadReadOnly | null = mayWrite ? null : m.side === "admin" ? "admin" : "closed";
  const [thread, recipients] = await Promise.all([listMessages(db, m, { shown }), mayWrite ? messageRecipients(db, m, m.viewerId) : []]);
  return { ...thread, shown, readOnly, recipients: recipients.map((p) => p.name) };
}

/**
 * Who is emailed about `authorId`'s messages: the match's other people — its student and the
 * slot's mentors who still belong to its organization (a mentor removed from it is on the match
 * no longer).
 */
export async function messageRecipients(db: Db, m: Pick<Mentorship, "student" | "mentors" | "organization">, authorId: string): Promise<Person[]> {
  const others = othersThan(m, authorId);
  const mentorIds = others.filter((p) => p.id !== m.student.id).map((p) => p.id);
  if (!mentorIds.length) return others;
  const members = await db
    .select({ userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, m.organization.id), inArray(organizationMembers.userId, mentorIds)));
  const stillMembers = new Set(members.map((row) => row.userId));
  return others.filter((p) => p.id === m.student.id || stillMembers.has(p.id));
}

export type PostMessageResult = { ok: true; messageId: string } | { ok: false; error: "not_found" | "not_allowed" | "invalid_body" };

/**
 * Writes `viewer`'s message on the match's thread (mayPostMessage decides who and when) and, in
 * the same transaction, emails each other person now unless they were emailed about this match
 * within MESSAGE_EMAIL_GAP_MINUTES — then it waits for sendMessageBatches. Its author has read
 * the thread: nothing before their message is emailed to them later.
 */
export async function postMessage(db: Db, { viewer, matchId, body, now }: { viewer: Viewer; matchId: string; body: string; now: Date }): Promise<PostMessageResult> {
  const text = body.trim();
  if (text.length < 1 || text.length > MAX_MESSAGE_LENGTH) return { ok: false, error: "invalid_body" };
  return transaction(db, async (tx) => {
    // why: the match row's lock orders posts and the sweep's batches, so one email is not sent twice.
    const m = await findMentorship(tx, viewer, matchId, { now, lock: true });
    if (!m) return { ok: false, error: "not_found" };
    if (!mayPostMessage({ side: m.side, status: m.match.status })) return { ok: false, error: "not_allowed" };
    const [message] = await tx.insert(matchMessages).values({ matchId: m.match.id, authorId: viewer.id, body: text, createdAt: now }).returning({ id: matchMessages.id });
    await tx
      .update(messageNotices)
      .set({ emailedThrough: sql`greatest(${messageNotices.emailedThrough}, ${now.toISOString()}::timestamptz)` })
      .where(and(eq(messageNotices.matchId, m.match.id), eq(messageNotices.userId, viewer.id)));
    const thread = { matchId: m.match.id, slotTitle: m.slot.title, organizationName: m.organization.name };
    for (const person of await messageRecipients(tx, m, viewer.id)) await emailWaitingMessages(tx, thread, person, now, lookback(now));
    return { ok: true, messageId: message!.id };
  });
}

/**
 * A step of the reminders sweep: for each person of a match with messages by others not yet
 * emailed to them, and no email about that match within MESSAGE_EMAIL_GAP_MINUTES, one email
 * listing them all. Idempotent: a second run at the same time sends nothing. Returns the emails sent.
 */
export async function sendMessageBatches(db: Db, now: Date): Promise<number> {
  const since = lookback(now);
  const recent = await db
    .selectDistinct({ matchId: matchMessages.matchId })
    .from(matchMessages)
    .where(and(gt(matchMessages.createdAt, since), lte(matchMessages.createdAt, now)));
  let sent = 0;
  for (const { matchId } of recent) {
    sent += await transaction(db, async (tx) => {
      const [row] = await tx
        .select({ slot: slots, studentId: matches.studentId, studentName: users.name, studentEmail: users.email, organization: { id: organizations.id, name: organizations.name } })
        .from(matches)
        .innerJoin(slots, eq(slots.id, matches.slotId))
        .innerJoin(organizations, eq(organizations.id, slots.organizationId))
        .innerJoin(users, eq(users.id, matches.studentId))
        .where(eq(matches.id, matchId))
        .for("update", { of: matches });
      if (!row) return 0;
      const people = {
        student: { id: row.studentId, name: row.studentName, email: row.studentEmail, firstName: firstName(row.studentName) },
        mentors: await slotMentorRecipients(tx, row.slot),
        organization: row.organization,
      };
      const thread = { matchId, slotTitle: row.slot.title, organizationName: row.organization.name };
      let emailed = 0;
      // why: "nobody" as the author: everyone still on the match is asked.
      for (const person of await messageRecipients(tx, people, "")) {
        if (await emailWaitingMessages(tx, thread, person, now, since)) emailed++;
      }
      return emailed;
    });
  }
  return sent;
}

type Thread = { matchId: string; slotTitle: string; organizationName: string };

/**
 * Emails `person` the messages by others on the thread they have not been emailed, if any and if
 * their last email about it is MESSAGE_EMAIL_GAP_MINUTES old; moves their notice. Whether it sent.
 * Only messages written by `now` count (the clock is a parameter).
 * For a person never emailed about the match, only messages after `since` count.
 */
async function emailWaitingMessages(tx: Db, thread: Thread, person: Person, now: Date, since: Date): Promise<boolean> {
  const [notice] = await tx
    .select()
    .from(messageNotices)
    .where(and(eq(messageNotices.matchId, thread.matchId), eq(messageNotices.userId, person.id)));
  if (notice && notice.lastEmailedAt.getTime() > now.getTime() - MESSAGE_EMAIL_GAP_MINUTES * 60 * 1000) return false;
  // why: compared in SQL with the stored mark, which keeps microseconds a JavaScript Date drops.
  const after = sql`${matchMessages.createdAt} > coalesce((select ${messageNotices.emailedThrough} from ${messageNotices} where ${messageNotices.matchId} = ${thread.matchId} and ${messageNotices.userId} = ${person.id}), ${since.toISOString()}::timestamptz)`;
  const waiting = await tx
    .select({ id: matchMessages.id, authorName: users.name, body: matchMessages.body, createdAt: matchMessages.createdAt })
    .from(matchMessages)
    .leftJoin(users, eq(users.id, matchMessages.authorId))
    .where(and(eq(matchMessages.matchId, thread.matchId), sql`${matchMessages.authorId} is distinct from ${person.id}`, after, lte(matchMessages.createdAt, now)))
    .orderBy(asc(matchMessages.createdAt), asc(matchMessages.id));
  const newest = waiting.at(-1);
  if (!newest) return false;
  const listed = waiting.slice(-MESSAGES_PER_EMAIL);
  const messages: MatchMessage[] = listed.map((w) => ({ authorName: w.authorName ?? FORMER_MENTOR, sentAt: formatDateTime(w.createdAt), body: w.body }));
  await queueEmail(tx, {
    template: "match-messages",
    to: [person.email],
    subject: matchMessagesSubject({ count: waiting.length, authorName: messages[0]!.authorName, slotTitle: thread.slotTitle }),
    body: createElement(MatchMessages, {
      name: firstName(person.name),
      slotTitle: thread.slotTitle,
      organizationName: thread.organizationName,
      messages,
      earlier: waiting.length - listed.length,
      threadUrl: absoluteUrl(`/matches/${thread.matchId}/messages`),
    }),
    userId: person.id,
  });
  // why: the newest message's own timestamp, read in SQL, for the same reason.
  const through = sql`(select ${matchMessages.createdAt} from ${matchMessages} where ${matchMessages.id} = ${newest.id})`;
  await tx
    .insert(messageNotices)
    .values({ matchId: thread.matchId, userId: person.id, emailedThrough: through, lastEmailedAt: now })
    .onConflictDoUpdate({ target: [messageNotices.matchId, messageNotices.userId], set: { emailedThrough: through, lastEmailedAt: now } });
  return true;
}
