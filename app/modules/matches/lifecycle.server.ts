import { and, asc, count, desc, eq, inArray, notInArray, or, type SQL } from "drizzle-orm";
import { createElement } from "react";
import { transaction, type Db } from "~db/client.server";
import {
  auditLog,
  matches,
  organizations,
  slots,
  studentProfiles,
  users,
  type MatchStatus,
  type UserRole,
} from "~db/schema";
import { inOrderOf } from "~db/schema/sql-list";
import MatchStatusEmail, { matchStatusSubject, type MatchStatusChange } from "~emails/match-status";
import { absoluteUrl } from "~/env.server";
import { queueEmail } from "~/mail/outbox.server";
import {
  adminAuthorizationSection,
  mentorAuthorizationSection,
  mentorView,
  renderComponents,
  studentAuthorizationSection,
  type AuthorizationSection,
  type CurrentStatus,
} from "~/messages/audiences";
import type { Voice } from "~/messages/render";
import { recordAudit } from "~/modules/audit/audit.server";
import { invalidateOpenSlots } from "~/modules/engine-adapter/instance.server";
import { describeDates, describePay, describePlace } from "~/modules/slots/format";
import { isUuid } from "~/modules/ids";
import { tellThoseLeftWaiting } from "~/modules/slots/filled.server";
import { slotMentorRecipients } from "~/modules/slots/slots.server";
import { waitingLines } from "~/modules/mentorship/summary.server";
import {
  AFTER_INTRODUCTION_MATCH_STATUSES,
  BEFORE_INTRODUCTION_MATCH_STATUSES,
  CLOSED_WITH_REASON_MATCH_STATUSES,
  isIn,
  INTRODUCED_LIVE_MATCH_STATUSES,
  MATCH_LIST_ORDER,
  SEAT_TAKING_MATCH_STATUSES,
} from "~/domain/vocabulary";
import { draftPlan, studentGoalsOf } from "~/modules/mentorship/plan.server";
import { describeStudent } from "./review.server";
import type { MatchMove, MoveInput } from "./schemas";
import { firstName, lockMatch, type LockedMatch, type Person } from "./shared.server";
import { submitted } from "~/modules/slots/submitted";
import { onePage } from "~/modules/paging";
import { dayIn, findOwnSlot, mentorOfSlot } from "~/modules/slots/access.server";

/** Which side of a match a person is on; admins look on. */
export type Side = "student" | "mentor" | "admin";
export type Viewer = { id: string; role: UserRole };

/**
 * Who may move a match, and from where. The student confirms (they commit to start, and do the
 * paperwork); either side may say they are talking, or that it is not going ahead (with a
 * reason) from any live state after the introduction — an internship under way can end early;
 * the mentor marks the internship started and completed (they see the first and the last day),
 * each from its date (moveOpensOn). Admins only look.
 */
export const MOVES: Record<MatchMove, { from: readonly MatchStatus[]; to: MatchStatusChange; by: readonly Side[] }> = {
  interviewing: { from: ["introduced"], to: "interviewing", by: ["student", "mentor"] },
  confirm: { from: ["introduced", "interviewing"], to: "confirmed", by: ["student"] },
  start: { from: ["confirmed"], to: "active", by: ["mentor"] },
  complete: { from: ["active"], to: "completed", by: ["mentor"] },
  not_proceeding: { from: INTRODUCED_LIVE_MATCH_STATUSES, to: "not_proceeding", by: ["student", "mentor"] },
};

/** The moves `side` may make on a match in `status`, in the order a page offers them (whatever the date). */
export function allowedMoves(status: MatchStatus, side: Side): MatchMove[] {
  return (Object.keys(MOVES) as MatchMove[]).filter((move) => MOVES[move].from.includes(status) && MOVES[move].by.includes(side));
}

/** How many days before the slot's start date its internship can be marked started (an early first week). */
export const START_WINDOW_DAYS = 7;

/**
 * The first day (YYYY-MM-DD, in the slot's time zone) a move is possible: started from a week
 * before the slot's start date, completed from the start date; null for a move possible any day.
 */
export function moveOpensOn(move: MatchMove, startDate: string): string | null {
  if (move === "complete") return startDate;
  if (move !== "start") return null;
  const day = new Date(`${startDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - START_WINDOW_DAYS);
  return day.toISOString().slice(0, 10);
}

/** Whether a dated move is still ahead on `today` (YYYY-MM-DD where the slot is). */
const notYet = (move: MatchMove, startDate: string, today: string) => {
  const opens = moveOpensOn(move, startDate);
  return opens !== null && today < opens ? opens : null;
};

/** The authorization of a match list or page, in the query: a student's own, a mentor's organization's, everything for an admin. */
function visibleTo(viewer: Viewer): SQL | undefined {
  // The people of a match see it from the introduction on (a proposal is the admins' business).
  const introduced = inArray(matches.status, AFTER_INTRODUCTION_MATCH_STATUSES);
  if (viewer.role === "admin") return undefined;
  if (viewer.role === "student") return and(eq(matches.studentId, viewer.id), introduced);
  // A mentor also sees the proposals their organization made from applications, and what became of them.
  return and(mentorOfSlot(viewer.id), or(introduced, eq(matches.source, "application")));
}

/** The same rule as visibleTo, for a match already read. */
function canSee(side: Side, match: { status: MatchStatus; source: "round" | "application" }) {
  const introduced = isIn(AFTER_INTRODUCTION_MATCH_STATUSES, match.status);
  if (side === "admin") return true;
  if (side === "student") return introduced;
  return introduced || match.source === "application";
}

async function sideOf(db: Db, viewer: Viewer, locked: LockedMatch): Promise<Side | null> {
  if (viewer.role === "student") return locked.match.studentId === viewer.id ? "student" : null;
  if (viewer.role === "admin") return "admin";
  return (await findOwnSlot(db, { userId: viewer.id, slotId: locked.slot.id })) ? "mentor" : null;
}

export type MoveError = "not_found" | "not_allowed" | "wrong_status" | "slot_full" | "too_early";
/** A move too early says the day (YYYY-MM-DD, where the slot is) it becomes possible. */
export type MoveResult =
  | { ok: true; status: MatchStatus }
  | { ok: false; error: Exclude<MoveError, "too_early"> }
  | { ok: false; error: "too_early"; opensOn: string };

/**
 * Moves a match on, as `viewer`: checks their side and the current status under the match's
 * row lock, writes the change, emails the other side and audits it — one transaction. Never
 * confirms more matches than the slot has seats: a confirmation locks the slot's row and counts
 * the seats taken, so confirmations arriving together queue and only those that fit succeed.
 */
export async function moveMatch(db: Db, { viewer, matchId, input, now = new Date() }: { viewer: Viewer; matchId: string; input: MoveInput; now?: Date }): Promise<MoveResult> {
  const outcome = await transaction(db, async (tx) => {
    const locked = await lockMatch(tx, matchId);
    if (!locked) return { ok: false as const, error: "not_found" as const };
    const side = await sideOf(tx, viewer, locked);
    // Someone who may not see the match learns nothing about it.
    if (!side || !canSee(side, locked.match)) return { ok: false as const, error: "not_found" as const };
    const rule = MOVES[input.move];
    if (!rule.by.includes(side)) return { ok: false as const, error: "not_allowed" as const };
    if (!rule.from.includes(locked.match.status)) return { ok: false as const, error: "wrong_status" as const };
    const { match, slot } = locked;
    const opensOn = notYet(input.move, slot.startDate, dayIn(slot.timezone, now));
    if (opensOn) return { ok: false as const, error: "too_early" as const, opensOn };

    let seatsLeft: number | null = null;
    let slotChange: "filled" | "reopened" | null = null;

    if (rule.to === "confirmed" || (rule.to === "not_proceeding" && isIn(SEAT_TAKING_MATCH_STATUSES, match.status))) {
      // why: the slot's row lock serializes every change to its seats; the count below runs
      // after the lock is granted, so it sees every confirmation committed before this one.
      const [current] = await tx.select({ seats: slots.seats, status: slots.status }).from(slots).where(eq(slots.id, slot.id)).for("update");
      const [taken] = await tx
        .select({ value: count() })
        .from(matches)
        .where(and(eq(matches.slotId, slot.id), inArray(matches.status, [...SEAT_TAKING_MATCH_STATUSES])));
      const { seats } = submitted(current!);
      const used = taken?.value ?? 0;
      if (rule.to === "confirmed") {
        if (used >= seats) return { ok: false as const, error: "slot_full" as const };
        seatsLeft = seats - used - 1;
        if (seatsLeft === 0 && (current!.status === "open" || current!.status === "closed")) {
          await tx.update(slots).set({ status: "filled", updatedAt: now }).where(eq(slots.id, slot.id));
          slotChange = "filled";
        }
      } else if (current!.status === "filled" && used - 1 < seats) {
        // A confirmed (or started) pair that falls through frees its seat: the slot takes people again.
        await tx.update(slots).set({ status: "open", updatedAt: now }).where(eq(slots.id, slot.id));
        slotChange = "reopened";
      }
    }

    const reason = input.move === "not_proceeding" ? input.reason : null;
    await tx
      .update(matches)
      .set({
        status: rule.to,
        updatedAt: now,
        ...(rule.to === "confirmed" ? { confirmedAt: now } : {}),
        ...(rule.to === "active" ? { startedAt: now } : {}),
        ...(rule.to === "completed" ? { completedAt: now } : {}),
        ...(reason ? { closingReason: reason } : {}),
      })
      .where(eq(matches.id, match.id));

    // After the update, so the student who took the last seat is not among those told.
    if (slotChange === "filled") await tellThoseLeftWaiting(tx, slot, now);
    // The pair's plan starts at confirmation, drafted from the slot's learning plan and what the student wants.
    if (rule.to === "confirmed") await draftPlan(tx, { matchId: match.id, slot, studentGoals: await studentGoalsOf(tx, match.studentId), now });

    const actor = await tx.select({ name: users.name }).from(users).where(eq(users.id, viewer.id));
    const actorName = actor[0]?.name ?? "Someone";
    await emailOtherSide(tx, locked, side, { status: rule.to, actorName, reason, seatsLeft });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: `match.${rule.to}`,
      subjectType: "match",
      subjectId: match.id,
      detail: { from: match.status, slotId: slot.id, slotTitle: slot.title, by: side },
    });
    if (slotChange) {
      await recordAudit(tx, {
        actorId: viewer.id,
        action: slotChange === "filled" ? "slot.filled" : "slot.reopened",
        subjectType: "slot",
        subjectId: slot.id,
        detail: { title: slot.title, matchId: match.id, because: slotChange === "filled" ? "last seat confirmed" : "a confirmed match is not going ahead" },
      });
    }
    return { ok: true as const, status: rule.to as MatchStatus, slotChange };
  });
  // After the commit: the open slots this process keeps for recommendations change with the slot.
  if (outcome.ok && outcome.slotChange) invalidateOpenSlots();
  return outcome.ok ? { ok: true, status: outcome.status } : outcome;
}

async function emailOtherSide(
  tx: Db,
  { match, slot, organization, student }: LockedMatch,
  side: Side,
  change: { status: MatchStatusChange; actorName: string; reason: string | null; seatsLeft: number | null },
) {
  const recipients: Person[] = side === "student" ? await slotMentorRecipients(tx, slot) : [student];
  for (const person of recipients) {
    await queueEmail(tx, {
      template: "match-status",
      to: [person.email],
      subject: matchStatusSubject(change.status, slot.title),
      body: createElement(MatchStatusEmail, {
        name: firstName(person.name),
        actorName: change.actorName,
        status: change.status,
        studentFirstName: firstName(student.name),
        slotTitle: slot.title,
        organizationName: organization.name,
        reason: change.reason,
        seatsLeft: change.seatsLeft,
        matchUrl: absoluteUrl(`/matches/${match.id}`),
      }),
      userId: person.id,
    });
  }
}

// Reading -----------------------------------------------------------------------------------

const HISTORY: Record<string, string> = {
  "match.approved": "An admin approved the match and sent the introduction",
  "match.rejected": "An admin did not approve the proposal",
  "match.interviewing": "Marked as talking",
  "match.confirmed": "Confirmed: the internship is on",
  "match.active": "Marked the internship as started",
  "match.completed": "Marked the internship as completed",
  "match.not_proceeding": "Said it is not going ahead",
};

/** The entries an admin makes: unnamed to the pair, as an admin's decision. */
const ADMIN_ACTIONS = new Set(["match.approved", "match.rejected"]);

/**
 * The reason given for a history entry, or null. Only closing a match takes a reason, and a
 * closed match stays closed, so the closing entry's reason is the match's closing_reason — read
 * from the match, not copied into the audit log, where free text would outlive the match and the
 * account of the person it is about (the same choice as rejectMatch's).
 */
function whyOf(action: string, match: { status: MatchStatus; closingReason: string | null }): string | null {
  if (action === "match.not_proceeding" && match.status === "not_proceeding") return match.closingReason;
  if (action === "match.rejected" && match.status === "rejected") return match.closingReason;
  return null;
}

/**
 * Everything the match page shows, or null for anyone who may not see it (the same answer as
 * for a match that does not exist). Reasons speak to the student on their own page and about
 * them by name to everyone else. Work authorization: the student reads their status and steps;
 * an admin reads everything; a mentor reads the status and its steps only when the student
 * shares it (app/messages/audiences.ts decides).
 */
export async function getMatchPage(db: Db, viewer: Viewer, matchId: string, at = new Date()) {
  if (!isUuid(matchId)) return null;
  const visible = visibleTo(viewer);
  const [row] = await db
    .select({ match: matches, slot: slots, organization: organizations, student: { id: users.id, name: users.name, email: users.email }, profile: studentProfiles })
    .from(matches)
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .innerJoin(users, eq(users.id, matches.studentId))
    .leftJoin(studentProfiles, eq(studentProfiles.userId, matches.studentId))
    .where(visible ? and(eq(matches.id, matchId), visible) : eq(matches.id, matchId));
  if (!row) return null;
  const { match, organization, student, profile } = row;
  const slot = submitted(row.slot);
  const side: Side = viewer.role === "student" ? "student" : viewer.role === "mentor" ? "mentor" : "admin";
  const [mentors, history, [taken]] = await Promise.all([
    slotMentorRecipients(db, slot),
    db
      .select({ action: auditLog.action, createdAt: auditLog.createdAt, actorName: users.name, actorId: auditLog.actorId })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(and(eq(auditLog.subjectType, "match"), eq(auditLog.subjectId, match.id), inArray(auditLog.action, Object.keys(HISTORY))))
      .orderBy(asc(auditLog.createdAt), asc(auditLog.id)),
    db.select({ value: count() }).from(matches).where(and(eq(matches.slotId, slot.id), inArray(matches.status, [...SEAT_TAKING_MATCH_STATUSES]))),
  ]);
  const first = firstName(student.name);
  const now: CurrentStatus = { status: profile?.workAuthorization ?? null, validFrom: profile?.authorizationValidFrom, validUntil: profile?.authorizationValidUntil };
  const voice: Voice = side === "student" ? { audience: "student", stage: "matched" } : { audience: side, name: first };
  const authorization: AuthorizationSection =
    side === "student"
      ? studentAuthorizationSection(now, match.warnings)
      : side === "admin"
        ? adminAuthorizationSection(now, match.warnings, first)
        : mentorAuthorizationSection(
            mentorView({ warnings: match.warnings, components: match.reasons }, { ...now, shares: Boolean(profile?.shareAuthorization) }),
            first,
            organization.name,
          );
  const seatsTaken = taken?.value ?? 0;
  const today = dayIn(slot.timezone, at);
  // The moves this reader will have but not yet: a date still ahead, or no seat left to confirm (one may free up).
  const later: LaterMove[] = allowedMoves(match.status, side).flatMap((move): LaterMove[] => {
    const opensOn = notYet(move, slot.startDate, today);
    if (opensOn) return [{ move, until: "date", opensOn }];
    return move === "confirm" && seatsTaken >= slot.seats ? [{ move, until: "seat" }] : [];
  });
  return {
    side,
    /** What this reader can do now; `later` holds what the server would still refuse, and until when. */
    moves: allowedMoves(match.status, side).filter((move) => !later.some((l) => l.move === move)),
    later,
    match: {
      id: match.id,
      status: match.status,
      source: match.source,
      score: match.score,
      closingReason: isIn(CLOSED_WITH_REASON_MATCH_STATUSES, match.status) ? match.closingReason : null,
      createdAt: match.createdAt,
      introducedAt: match.introducedAt,
      confirmedAt: match.confirmedAt,
      updatedAt: match.updatedAt,
    },
    reasons: renderComponents(match.reasons, voice),
    authorization,
    student: { id: student.id, name: student.name, firstName: first, email: student.email, about: describeStudent(profile) },
    mentors: mentors.map((m) => ({ ...m, you: m.id === viewer.id })),
    organization: { id: organization.id, name: organization.name, website: organization.website },
    slot: {
      id: slot.id,
      title: slot.title,
      status: slot.status,
      seats: slot.seats,
      seatsTaken,
      terms: [describePlace(slot), `${slot.hoursPerWeek} hours a week`, describeDates(slot), describePay(slot)].join(" · "),
    },
    history: history.map((h) => ({
      what: HISTORY[h.action]!,
      who: h.actorId === viewer.id ? "You" : ADMIN_ACTIONS.has(h.action) && side !== "admin" ? "A Steppingstone admin" : (h.actorName ?? "A former member"),
      at: h.createdAt,
      why: whyOf(h.action, match),
    })),
  };
}

/** A move the reader will have but not yet: from a date, or once a seat frees up. */
export type LaterMove = { move: MatchMove; until: "date"; opensOn: string } | { move: MatchMove; until: "seat" };

export type MatchPage = NonNullable<Awaited<ReturnType<typeof getMatchPage>>>;

export const MY_MATCHES_PAGE_SIZE = 20;

/** "Your matches": one page of the matches `viewer` may see, live ones first, then the most recently changed. */
export async function listMyMatches(db: Db, viewer: Viewer, { page = 1, now = new Date() }: { page?: number; now?: Date } = {}) {
  const visible = visibleTo(viewer);
  // Admins see every match from the introduction on here; proposals are in the review queue.
  const where = viewer.role === "admin" ? inArray(matches.status, AFTER_INTRODUCTION_MATCH_STATUSES) : and(visible, notInArray(matches.status, [...BEFORE_INTRODUCTION_MATCH_STATUSES]));
  const listed = await onePage(
    db
      .select({
        id: matches.id,
        status: matches.status,
        score: matches.score,
        updatedAt: matches.updatedAt,
        studentName: users.name,
        slot: { id: slots.id, title: slots.title, startDate: slots.startDate, durationWeeks: slots.durationWeeks, timezone: slots.timezone },
        organizationName: organizations.name,
      })
      .from(matches)
      .innerJoin(slots, eq(slots.id, matches.slotId))
      .innerJoin(organizations, eq(organizations.id, slots.organizationId))
      .innerJoin(users, eq(users.id, matches.studentId))
      .where(where)
      .orderBy(
        inOrderOf(matches.status, MATCH_LIST_ORDER),
        desc(matches.updatedAt),
        desc(matches.id),
      ),
    db
      .select({ value: count() })
      .from(matches)
      .innerJoin(slots, eq(slots.id, matches.slotId))
      .where(where),
    { page, size: MY_MATCHES_PAGE_SIZE },
  );
  const rows = listed.rows.map((r) => ({ ...r, slot: submitted(r.slot) }));
  // What waits for the reader on each active match, in one grouped query over the page's rows.
  const waiting = await waitingLines(db, viewer.role === "admin" ? "admin" : viewer.role === "student" ? "student" : "mentor", rows, now);
  return { ...listed, rows: rows.map((r) => ({ ...r, waiting: waiting.get(r.id) ?? null })) };
}
