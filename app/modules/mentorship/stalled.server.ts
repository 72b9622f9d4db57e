import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { createElement } from "react";
import { transaction, type Db } from "~db/client.server";
import { checkIns, matches, matchMessages, organizations, reminders, slots, users } from "~db/schema";
import { firstName } from "~/domain/names";
import { absoluteUrl } from "~/env.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { isUuid } from "~/modules/ids";
import { pageCount, pageOffset } from "~/modules/paging";
import { dayIn } from "~/modules/slots/access.server";
import { slotMentorRecipients } from "~/modules/slots/slots.server";
import StalledNudge, { stalledNudgeSubject } from "~emails/stalled-nudge";
import { remind, remindedBefore } from "./remind.server";
import { STALL_DAYS } from "./schedule";
import type { LastActivity } from "./stalled-labels";

// Stalled matches (docs/decisions/016-the-mentorship-space.md): a confirmed or active match whose
// last sign of life — its confirmation or start, a check-in, a reply, a message — is STALL_DAYS
// or more days ago, in the slot's time zone. A confirmed match counts from its start day at the
// earliest, so it never stalls before the internship begins. Admins list them and nudge both sides, once a day.

/** The statuses a match can stall in: the pair agreed to work together and has not finished. */
export const STALLABLE_MATCH_STATUSES = ["confirmed", "active"] as const;

export const STALLED_PAGE_SIZE = 20;


/**
 * Each match's latest check-in and reply, and its latest message, as one row per match (grouped
 * once, then joined). why: read per match (lateral joins or subqueries), a program's 10,000
 * confirmed and active matches made 10,000 index probes each time — most of the admin health
 * panel's time; grouped, PostgreSQL hashes the whole table once, and a single match's lookup
 * (a nudge) still reaches only its rows (the match's id is pushed into the grouping).
 */
const checkInActivity = (db: Db) =>
  db
    .select({ matchId: sql`${checkIns.matchId}`.as("activity_match_id"), lastCheckIn: sql`max(${checkIns.submittedAt})`.as("last_check_in"), lastReply: sql`max(${checkIns.repliedAt})`.as("last_reply") })
    .from(checkIns)
    .groupBy(checkIns.matchId)
    .as("activity");
const messageActivity = (db: Db) =>
  db
    .select({ matchId: sql`${matchMessages.matchId}`.as("messages_match_id"), lastMessage: sql`max(${matchMessages.createdAt})`.as("last_message") })
    .from(matchMessages)
    .groupBy(matchMessages.matchId)
    .as("messages");
const activityOn = sql`"activity"."activity_match_id" = ${matches.id}`;
const messagesOn = sql`"messages"."messages_match_id" = ${matches.id}`;
const lastCheckIn = sql`"activity"."last_check_in"`;
const lastReply = sql`"activity"."last_reply"`;
const lastMessage = sql`"messages"."last_message"`;
const lastNudge = sql`(select max(${reminders.createdAt}) from ${reminders} where ${reminders.matchId} = ${matches.id} and ${reminders.kind} = 'stall_nudge')`;
// why: a confirmed match from before confirmed_at was recorded still has a time to count from.
const confirmed = sql`coalesce(${matches.confirmedAt}, ${matches.updatedAt})`;
/** The latest of them all (greatest() skips the ones that never happened). */
const lastActivity = sql`greatest(${confirmed}, ${matches.startedAt}, ${lastCheckIn}, ${lastReply}, ${lastMessage})`;
/**
 * A confirmed match's start day, from its first moment where the slot is: a pair waits for it
 * without a word and is not silent (confirmed in March for a June start); null for other matches.
 */
const startDay = sql`(case when ${matches.status} = 'confirmed' then (${slots.startDate}::timestamp at time zone ${slots.timezone}) end)`;
/** What silence counts from: the last activity, or a confirmed match's start day when that is later. */
const lastActivityAt = sql`greatest(${lastActivity}, ${startDay})`;
/** Whole days from the last activity to `now`, both as days where the slot is (negative before a confirmed match's start day). */
const daysSilent = (now: Date) =>
  sql<number>`((${now.toISOString()}::timestamptz at time zone ${slots.timezone})::date - (${lastActivityAt} at time zone ${slots.timezone})::date)`;

/** Whether the match was nudged on `now`'s day where the slot is: the ledger's event of that day (stall nudges are keyed `<matchId>:<day>`). */
const nudgedOn = (now: Date) =>
  sql<boolean>`exists (select 1 from ${reminders} where ${reminders.matchId} = ${matches.id} and ${reminders.kind} = 'stall_nudge'
    and ${reminders.eventKey} = ${matches.id}::text || ':' || ((${now.toISOString()}::timestamptz at time zone ${slots.timezone})::date)::text)`;

const stalledWhere = (now: Date, matchId?: string, slotWhere?: SQL) =>
  and(inArray(matches.status, STALLABLE_MATCH_STATUSES), sql`${daysSilent(now)} >= ${STALL_DAYS}`, matchId ? eq(matches.id, matchId) : undefined, slotWhere);

const at = (expression: SQL) => expression.mapWith(matches.startedAt) as SQL<Date | null>;

function stalledQuery(db: Db, now: Date, matchId?: string, slotWhere?: SQL) {
  return db
    .select({
      matchId: matches.id,
      status: matches.status,
      student: { id: users.id, name: users.name },
      slot: { id: slots.id, title: slots.title, timezone: slots.timezone, organizationId: slots.organizationId },
      organization: { id: organizations.id, name: organizations.name },
      confirmedAt: at(confirmed),
      startedAt: matches.startedAt,
      lastCheckInAt: at(lastCheckIn),
      lastReplyAt: at(lastReply),
      lastMessageAt: at(lastMessage),
      startDayAt: at(startDay),
      lastActivityAt: at(lastActivityAt),
      daysSilent: daysSilent(now),
      lastNudgeAt: at(lastNudge),
      nudgedToday: nudgedOn(now),
    })
    .from(matches)
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .innerJoin(users, eq(users.id, matches.studentId))
    .leftJoin(checkInActivity(db), activityOn)
    .leftJoin(messageActivity(db), messagesOn)
    .where(stalledWhere(now, matchId, slotWhere))
    .$dynamic();
}

type StalledRow = Awaited<ReturnType<typeof stalledQuery>>[number];

/** Which activity was the last: the latest time wins; at the same time, the one listed later (a message over a check-in). */
function whatWasLast(row: StalledRow): LastActivity {
  const times: [LastActivity, Date | null][] = [
    ["confirmed", row.confirmedAt],
    ["started", row.startedAt],
    ["check_in", row.lastCheckInAt],
    ["reply", row.lastReplyAt],
    ["message", row.lastMessageAt],
    // why: the start day of a confirmed match that has not been marked started counts, under its own words.
    ["start_day", row.startDayAt],
  ];
  let last: LastActivity = "confirmed";
  let latest = -Infinity;
  for (const [activity, time] of times) {
    if (time && time.getTime() >= latest) {
      latest = time.getTime();
      last = activity;
    }
  }
  return last;
}

/** A stalled match as the admins' list shows it. */
function view(row: StalledRow) {
  return {
    matchId: row.matchId,
    status: row.status as (typeof STALLABLE_MATCH_STATUSES)[number],
    student: row.student,
    slot: { id: row.slot.id, title: row.slot.title },
    organization: row.organization,
    lastActivity: whatWasLast(row),
    lastActivityAt: row.lastActivityAt!,
    daysSilent: Number(row.daysSilent),
    lastNudgeAt: row.lastNudgeAt,
    nudgedToday: row.nudgedToday,
  };
}
export type StalledMatch = ReturnType<typeof view>;

/**
 * The stalled matches at `now`, longest silent first, one page of them: for admins only.
 * `slotWhere`, a condition on `slots` alone, keeps the matches of the slots it holds for (the
 * insight page's slot filters); `size` is the page's length.
 */
export async function listStalledMatches(db: Db, now: Date, { page = 1, size = STALLED_PAGE_SIZE, slotWhere }: { page?: number; size?: number; slotWhere?: SQL } = {}) {
  // why: in two steps — the page's ids and the count from the lean rows (matches, slots, their
  // activity), then the page's people, names and nudges for those ids alone. In one query,
  // PostgreSQL joined the names and looked up the nudges of every stalled match before sorting.
  const order = [asc(lastActivityAt), asc(matches.id)];
  const stalled = () =>
    db
      .select({ id: matches.id, total: sql<number>`(count(*) over ())::int` })
      .from(matches)
      .innerJoin(slots, eq(slots.id, matches.slotId))
      .leftJoin(checkInActivity(db), activityOn)
      .leftJoin(messageActivity(db), messagesOn)
      .where(stalledWhere(now, undefined, slotWhere));
  const ids = await stalled()
    .orderBy(...order)
    .limit(size)
    .offset(pageOffset(page, size));
  // A page past the end has no row to carry the count: count alone.
  const total = ids[0]?.total ?? (page > 1 ? ((await stalled().limit(1))[0]?.total ?? 0) : 0);
  const rows = ids.length ? await stalledQuery(db, now, undefined, and(slotWhere, inArray(matches.id, ids.map((r) => r.id)))).orderBy(...order) : [];
  return { rows: rows.map(view), total, pages: pageCount(total, size) };
}

export type NudgeResult = { ok: true; sent: number } | { ok: false; error: "not_stalled" | "already_nudged" };

/**
 * An admin's nudge: emails the student and the slot's mentors of a stalled match (replies go to
 * the admin), at most once a day per match in the slot's zone, and audits it. A match that is not
 * (or no longer) stalled is refused, as is a second nudge the same day: nothing is sent twice.
 */
export async function nudgeStalledMatch(db: Db, { admin, matchId, now }: { admin: { id: string; email: string }; matchId: string; now: Date }): Promise<NudgeResult> {
  if (!isUuid(matchId)) return { ok: false, error: "not_stalled" };
  return transaction(db, async (tx) => {
    // why: two admins pressing at once wait for each other here, so only one audit entry is written.
    const [locked] = await tx.select({ id: matches.id }).from(matches).where(eq(matches.id, matchId)).for("update");
    if (!locked) return { ok: false, error: "not_stalled" };
    const [row] = await stalledQuery(tx, now, matchId);
    if (!row || !row.slot.timezone) return { ok: false, error: "not_stalled" };
    const eventKey = `${matchId}:${dayIn(row.slot.timezone, now)}`;
    if (await remindedBefore(tx, "stall_nudge", eventKey)) return { ok: false, error: "already_nudged" };

    const stalled = view(row);
    const [student] = await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, row.student.id));
    const mentors = await slotMentorRecipients(tx, { id: row.slot.id, organizationId: row.slot.organizationId });
    const matchUrl = absoluteUrl(`/matches/${matchId}`);
    const people = [
      { person: student!, otherSide: mentors.length === 1 ? firstName(mentors[0]!.name) : "your mentors" },
      ...mentors.map((mentor) => ({ person: mentor, otherSide: firstName(student!.name) })),
    ];
    let sent = 0;
    for (const { person, otherSide } of people) {
      const result = await remind(tx, {
        kind: "stall_nudge",
        eventKey,
        user: person,
        matchId,
        summary: `It has been ${stalled.daysSilent} days since the last check-in or message on “${row.slot.title}”.`,
        url: matchUrl,
        email: () => ({
          template: "stalled-nudge",
          subject: stalledNudgeSubject(row.slot.title),
          replyTo: [admin.email],
          body: createElement(StalledNudge, {
            name: firstName(person.name),
            daysSilent: stalled.daysSilent,
            slotTitle: row.slot.title,
            organizationName: row.organization.name,
            otherSide,
            matchUrl,
          }),
        }),
      }, now);
      if (result !== "already") sent++;
    }
    await recordAudit(tx, {
      actorId: admin.id,
      action: "match.nudged",
      subjectType: "match",
      subjectId: matchId,
      detail: { daysSilent: stalled.daysSilent, lastActivity: stalled.lastActivity, people: sent },
    });
    return { ok: true, sent };
  });
}
