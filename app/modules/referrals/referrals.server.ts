import { and, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { createElement } from "react";
import { transaction, type Db } from "~db/client.server";
import { matches, organizations, referrals, reminders, slots, users, type Referral, type UserRole } from "~db/schema";
import ReferralAnswered, { referralAnsweredSubject, referralMentorGoneSubject } from "~emails/referral-answered";
import ReferralNudge, { referralNudgeSubject } from "~emails/referral-nudge";
import ReferralOutcome, { referralOutcomeSubject } from "~emails/referral-outcome";
import ReferralRequested, { referralRequestedSubject } from "~emails/referral-requested";
import ReferralWithdrawn, { referralWithdrawnSubject } from "~emails/referral-withdrawn";
import { AFTER_START_MATCH_STATUSES, isIn, type REFERRAL_OUTCOMES } from "~/domain/vocabulary";
import { FORMER_MENTOR, firstName } from "~/domain/names";
import { DAY_MS } from "~/domain/time";
import { absoluteUrl } from "~/env.server";
import { queueEmail } from "~/mail/outbox.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { isUuid } from "~/modules/ids";
import { findMentorship } from "~/modules/mentorship/access.server";
import { quoteForEmail } from "~/modules/mentorship/check-ins.server";
import { remind } from "~/modules/mentorship/remind.server";
import { onePage } from "~/modules/paging";
import { dayIn } from "~/modules/slots/access.server";
import { formatDay } from "~/modules/slots/format";
import { slotMentorRecipients } from "~/modules/slots/slots.server";
import { referralPath } from "./paths";
import { REFERRAL_MENTOR_GONE_REASON, REFERRAL_METHOD_WORDS, REFERRAL_OUTCOME_LABELS } from "./referral-labels";
import type { AcceptReferralInput, RequestReferralInput } from "./referral-schemas";
import {
  FINAL_REFERRAL_OUTCOMES,
  mayAnswerReferral,
  mayRecordReferralOutcome,
  mayWithdrawReferral,
  REFERRAL_QUIET_DAYS,
  REFERRAL_UNANSWERED_DAYS,
  referralNudgeDue,
  type ReferralSide,
} from "./rules";

// Referrals (issue 14): a student with an internship under way or completed asks one of the slot's
// mentors for a referral to a posting; the mentor asked accepts (how and when they referred) or
// declines with a reason; both sides then record what came of it, and the sweep asks the student
// when it goes quiet (referralNudges).
//
// Who reads a referral is decided in the SQL of every read (readableBy): the student of its match,
// the mentor asked, and admins (who only read). Not the slot's other mentors, whose mentorship
// space is shared: a referral is a favour between two people. A referral that does not exist and
// one that is not the reader's are the same null, so ids cannot be probed.
//
// A request the mentor never answers: the mentor is reminded once, REFERRAL_UNANSWERED_DAYS after
// it (or after the last update), and the student may withdraw it at any time before an answer and ask
// another mentor. Nothing expires by itself: a late "yes" is still a referral.

type Outcome = (typeof REFERRAL_OUTCOMES)[number];
export type Viewer = { id: string; role: UserRole };

export const REFERRALS_PAGE_SIZE = 20;
export { referralPath };

const mentor = alias(users, "referral_mentor");
const student = alias(users, "referral_student");

/** The rows `viewer` may read: the student's own, the ones they were asked for as a mentor, every one for an admin. */
function readableBy(viewer: Viewer): SQL | undefined {
  if (viewer.role === "admin") return undefined;
  if (viewer.role === "student") return eq(matches.studentId, viewer.id);
  return eq(referrals.mentorId, viewer.id);
}

const sideOf = (viewer: Viewer): ReferralSide => (viewer.role === "admin" ? "admin" : viewer.role === "student" ? "student" : "mentor");

// Listing ------------------------------------------------------------------------------------

export type ReferralListRow = {
  id: string;
  company: string;
  role: string;
  state: Referral["state"];
  outcome: Outcome | null;
  studentName: string;
  /** null once the mentor's account is gone. */
  mentorName: string | null;
  slotTitle: string;
  organizationName: string;
  lastUpdateAt: string;
};

/** One page of the referrals `viewer` may read, the most recently touched first. */
export async function listReferrals(db: Db, viewer: Viewer, { page = 1 }: { page?: number } = {}) {
  if (!isUuid(viewer.id)) return { rows: [] as ReferralListRow[], total: 0, pages: 1 };
  const where = readableBy(viewer);
  const listed = await onePage(
    db
      .select({
        id: referrals.id,
        company: referrals.company,
        role: referrals.role,
        state: referrals.state,
        outcome: referrals.outcome,
        studentName: student.name,
        mentorName: mentor.name,
        slotTitle: slots.title,
        organizationName: organizations.name,
        lastUpdateAt: referrals.lastUpdateAt,
      })
      .from(referrals)
      .innerJoin(matches, eq(matches.id, referrals.matchId))
      .innerJoin(slots, eq(slots.id, matches.slotId))
      .innerJoin(organizations, eq(organizations.id, slots.organizationId))
      .innerJoin(student, eq(student.id, matches.studentId))
      .leftJoin(mentor, eq(mentor.id, referrals.mentorId))
      .where(where)
      .orderBy(desc(referrals.lastUpdateAt), desc(referrals.id)),
    db.select({ value: count() }).from(referrals).innerJoin(matches, eq(matches.id, referrals.matchId)).where(where),
    { page, size: REFERRALS_PAGE_SIZE },
  );
  return {
    ...listed,
    rows: listed.rows.map((r): ReferralListRow => ({ ...r, lastUpdateAt: r.lastUpdateAt.toISOString() })),
  };
}

export type RequestChoice = { value: string; label: string };

/**
 * Whom a student may ask: each mentor of each of their internships under way or completed, as
 * `<matchId>:<mentorId>` options. A student has one or two such internships, so the slot's mentors
 * are read per internship, by the one rule that names them (slotMentorRecipients).
 */
export async function referralRequestChoices(db: Db, viewer: Viewer): Promise<RequestChoice[]> {
  if (viewer.role !== "student" || !isUuid(viewer.id)) return [];
  const rows = await db
    .select({ matchId: matches.id, slotId: slots.id, organizationId: slots.organizationId, slotTitle: slots.title, organizationName: organizations.name })
    .from(matches)
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .where(and(eq(matches.studentId, viewer.id), inArray(matches.status, AFTER_START_MATCH_STATUSES)))
    .orderBy(desc(matches.updatedAt));
  const choices = await Promise.all(
    rows.map(async (row) =>
      (await slotMentorRecipients(db, { id: row.slotId, organizationId: row.organizationId })).map((m) => ({
        value: `${row.matchId}:${m.id}`,
        label: rows.length > 1 ? `${m.name} — ${row.slotTitle}, ${row.organizationName}` : `${m.name} (${row.organizationName})`,
      })),
    ),
  );
  return choices.flat();
}

// Reading one ----------------------------------------------------------------------------------

export type ReferralView = {
  id: string;
  side: ReferralSide;
  matchId: string;
  slotTitle: string;
  organizationName: string;
  student: { id: string; name: string; firstName: string };
  /** null once the mentor's account is gone (what they wrote stays). */
  mentor: { id: string; name: string } | null;
  company: string;
  role: string;
  postingUrl: string | null;
  note: string | null;
  state: Referral["state"];
  method: Referral["method"];
  methodNote: string | null;
  referredOn: string | null;
  declineReason: string | null;
  outcome: Outcome | null;
  /** Who recorded the outcome: their name, or FORMER_MENTOR once their account is gone; null before any outcome. */
  outcomeByName: string | null;
  lastUpdateAt: string;
  createdAt: string;
  /** Today (YYYY-MM-DD) where the slot is: the latest day a referral can be dated. */
  today: string;
  may: { answer: boolean; recordOutcome: boolean; withdraw: boolean };
};

async function findReferralRow(db: Db, viewer: Viewer, referralId: string, { lock = false } = {}) {
  if (!isUuid(referralId) || !isUuid(viewer.id)) return null;
  const outcomeBy = alias(users, "referral_outcome_by");
  const query = db
    .select({
      referral: referrals,
      matchStatus: matches.status,
      slotTitle: slots.title,
      timezone: slots.timezone,
      organizationName: organizations.name,
      student: { id: student.id, name: student.name, email: student.email },
      mentor: { id: mentor.id, name: mentor.name, email: mentor.email },
      outcomeByName: outcomeBy.name,
    })
    .from(referrals)
    .innerJoin(matches, eq(matches.id, referrals.matchId))
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .innerJoin(student, eq(student.id, matches.studentId))
    .leftJoin(mentor, eq(mentor.id, referrals.mentorId))
    .leftJoin(outcomeBy, eq(outcomeBy.id, referrals.outcomeBy))
    .where(and(eq(referrals.id, referralId), readableBy(viewer)));
  const [row] = lock ? await query.for("update", { of: referrals }) : await query;
  return row ?? null;
}
type ReferralRow = NonNullable<Awaited<ReturnType<typeof findReferralRow>>>;

function viewOf(row: ReferralRow, viewer: Viewer, now: Date): ReferralView {
  const r = row.referral;
  const side = sideOf(viewer);
  const who = { side, state: r.state };
  return {
    id: r.id,
    side,
    matchId: r.matchId,
    slotTitle: row.slotTitle,
    organizationName: row.organizationName,
    student: { id: row.student.id, name: row.student.name, firstName: firstName(row.student.name) },
    mentor: row.mentor?.id ? { id: row.mentor.id, name: row.mentor.name } : null,
    company: r.company,
    role: r.role,
    postingUrl: r.postingUrl,
    note: r.note,
    state: r.state,
    method: r.method,
    methodNote: r.methodNote,
    referredOn: r.referredOn,
    declineReason: r.declineReason,
    outcome: r.outcome,
    // why: only the student and the mentor asked record outcomes, and a student's account takes its match with it, so a recorder gone is the mentor.
    outcomeByName: r.outcome ? (row.outcomeByName ?? FORMER_MENTOR) : null,
    lastUpdateAt: r.lastUpdateAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    today: dayIn(row.timezone ?? "UTC", now),
    may: { answer: mayAnswerReferral(who), recordOutcome: mayRecordReferralOutcome(who), withdraw: mayWithdrawReferral(who) },
  };
}

/** A referral as `viewer` may read it, or null — the same for one that does not exist and one that is not theirs. */
export async function findReferral(db: Db, viewer: Viewer, referralId: string, now = new Date()): Promise<ReferralView | null> {
  const row = await findReferralRow(db, viewer, referralId);
  return row ? viewOf(row, viewer, now) : null;
}

// Writing ------------------------------------------------------------------------------------

export type RequestReferralResult =
  | { ok: true; id: string }
  | { ok: false; error: "not_allowed_request" | "not_a_mentor" | "already_asked" };

/**
 * The student asks one of the slot's mentors (slotMentorRecipients) of an internship of theirs that
 * is under way or completed. The mentor is emailed; one open or made request per mentor, company
 * and role (a declined one may be asked again).
 */
export async function requestReferral(
  db: Db,
  { viewer, input, now = new Date() }: { viewer: Viewer; input: RequestReferralInput; now?: Date },
): Promise<RequestReferralResult> {
  const [matchId = "", mentorId = ""] = input.asked.toLowerCase().split(":");
  return transaction(db, async (tx) => {
    const m = viewer.role === "student" ? await findMentorship(tx, viewer, matchId, { now, lock: true }) : null;
    if (!m || m.side !== "student" || !isIn(AFTER_START_MATCH_STATUSES, m.match.status)) return { ok: false, error: "not_allowed_request" };
    const asked = m.mentors.find((p) => p.id === mentorId);
    if (!asked) return { ok: false, error: "not_a_mentor" };
    const [open] = await tx
      .select({ id: referrals.id })
      .from(referrals)
      .where(
        and(
          eq(referrals.matchId, m.match.id),
          eq(referrals.mentorId, asked.id),
          sql`lower(${referrals.company}) = lower(${input.company})`,
          sql`lower(${referrals.role}) = lower(${input.role})`,
          sql`${referrals.state} <> 'declined'`,
        ),
      );
    if (open) return { ok: false, error: "already_asked" };
    const [created] = await tx
      .insert(referrals)
      .values({
        matchId: m.match.id,
        mentorId: asked.id,
        company: input.company,
        role: input.role,
        postingUrl: input.postingUrl,
        note: input.note || null,
        lastUpdateAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: referrals.id });
    const id = created!.id;
    await queueEmail(tx, {
      template: "referral-requested",
      to: [asked.email],
      subject: referralRequestedSubject(m.student.name, input.company),
      body: createElement(ReferralRequested, {
        name: firstName(asked.name),
        studentName: m.student.name,
        slotTitle: m.slot.title,
        company: input.company,
        role: input.role,
        postingUrl: input.postingUrl,
        note: input.note ? quoteForEmail(input.note) : null,
        referralUrl: absoluteUrl(referralPath(id)),
      }),
      userId: asked.id,
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "referral.requested",
      subjectType: "match",
      subjectId: m.match.id,
      detail: { referralId: id, company: input.company, role: input.role },
    });
    return { ok: true, id };
  });
}

export type AnswerReferralResult = { ok: true } | { ok: false; error: "not_found" | "not_allowed_answer" | "already_answered" | "future_date" };

/**
 * The mentor asked answers a request, once: accepted with how and when they referred (a day not
 * after today where the slot is), or declined with a reason. The student is emailed either way.
 */
export async function answerReferral(
  db: Db,
  {
    viewer,
    referralId,
    answer,
    now = new Date(),
  }: { viewer: Viewer; referralId: string; answer: ({ accept: true } & AcceptReferralInput) | { accept: false; reason: string }; now?: Date },
): Promise<AnswerReferralResult> {
  return transaction(db, async (tx) => {
    const row = await findReferralRow(tx, viewer, referralId, { lock: true });
    if (!row) return { ok: false, error: "not_found" };
    const view = viewOf(row, viewer, now);
    if (view.side !== "mentor") return { ok: false, error: "not_allowed_answer" };
    if (!view.may.answer) return { ok: false, error: "already_answered" };
    if (answer.accept && answer.referredOn > view.today) return { ok: false, error: "future_date" };
    const r = row.referral;
    await tx
      .update(referrals)
      .set(
        answer.accept
          ? { state: "accepted", method: answer.method, methodNote: answer.methodNote || null, referredOn: answer.referredOn, lastUpdateAt: now, updatedAt: now }
          : { state: "declined", declineReason: answer.reason, lastUpdateAt: now, updatedAt: now },
      )
      .where(eq(referrals.id, r.id));
    const mentorName = row.mentor?.name ?? FORMER_MENTOR;
    await queueEmail(tx, {
      template: "referral-answered",
      to: [row.student.email],
      subject: referralAnsweredSubject(mentorName, r.company, answer.accept),
      body: createElement(ReferralAnswered, {
        name: firstName(row.student.name),
        mentorName,
        company: r.company,
        role: r.role,
        answer: answer.accept
          ? { accepted: true, referredOn: formatDay(answer.referredOn), how: REFERRAL_METHOD_WORDS[answer.method], methodNote: answer.methodNote ? quoteForEmail(answer.methodNote) : null }
          : { accepted: false, reason: quoteForEmail(answer.reason) },
        referralUrl: absoluteUrl(referralPath(r.id)),
      }),
      userId: row.student.id,
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: answer.accept ? "referral.accepted" : "referral.declined",
      subjectType: "match",
      subjectId: r.matchId,
      detail: answer.accept ? { referralId: r.id, company: r.company, method: answer.method, referredOn: answer.referredOn } : { referralId: r.id, company: r.company, reason: answer.reason },
    });
    return { ok: true };
  });
}

export type RecordReferralOutcomeResult = { ok: true } | { ok: false; error: "not_found" | "not_allowed_outcome" };

/**
 * The student or the mentor who referred them says what came of a referral (or that nothing has
 * changed: the same outcome again is news too). Each update resets the quiet clock (lastUpdateAt).
 * A new outcome is emailed to the other side (the mentor, while their account exists, or the
 * student) and audited; the same outcome again emails nobody, so "still interviewing" is no noise.
 */
export async function recordReferralOutcome(
  db: Db,
  { viewer, referralId, outcome, now = new Date() }: { viewer: Viewer; referralId: string; outcome: Outcome; now?: Date },
): Promise<RecordReferralOutcomeResult> {
  return transaction(db, async (tx) => {
    const row = await findReferralRow(tx, viewer, referralId, { lock: true });
    if (!row) return { ok: false, error: "not_found" };
    if (!viewOf(row, viewer, now).may.recordOutcome) return { ok: false, error: "not_allowed_outcome" };
    await tx.update(referrals).set({ outcome, outcomeBy: viewer.id, lastUpdateAt: now, updatedAt: now }).where(eq(referrals.id, row.referral.id));
    if (row.referral.outcome !== outcome) {
      const toStudent = viewer.role !== "student";
      const other = toStudent ? row.student : row.mentor?.id ? row.mentor : null;
      const by = toStudent ? (row.mentor?.name ?? FORMER_MENTOR) : row.student.name;
      if (other?.id && other.email && other.name) {
        const label = REFERRAL_OUTCOME_LABELS[outcome];
        await queueEmail(tx, {
          template: "referral-outcome",
          to: [other.email],
          subject: referralOutcomeSubject(by, row.referral.company, label),
          body: createElement(ReferralOutcome, {
            name: firstName(other.name),
            to: toStudent ? "student" : "mentor",
            byName: by,
            company: row.referral.company,
            role: row.referral.role,
            outcome: label,
            referralUrl: absoluteUrl(referralPath(row.referral.id)),
          }),
          userId: other.id,
        });
      }
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "referral.outcome",
        subjectType: "match",
        subjectId: row.referral.matchId,
        detail: { referralId: row.referral.id, company: row.referral.company, outcome, outcomeLabel: REFERRAL_OUTCOME_LABELS[outcome] },
      });
    }
    return { ok: true };
  });
}

export type WithdrawReferralResult = { ok: true } | { ok: false; error: "not_found" | "not_allowed_withdraw" };

/**
 * The student takes back a request the mentor has not answered; it is gone for both (the audit log
 * keeps that it was). The mentor, who was emailed the request, is emailed that it is withdrawn, and
 * a reminder of it still waiting for their weekly digest is dropped.
 */
export async function withdrawReferral(db: Db, { viewer, referralId, now = new Date() }: { viewer: Viewer; referralId: string; now?: Date }): Promise<WithdrawReferralResult> {
  return transaction(db, async (tx) => {
    const row = await findReferralRow(tx, viewer, referralId, { lock: true });
    if (!row) return { ok: false, error: "not_found" };
    if (!viewOf(row, viewer, now).may.withdraw) return { ok: false, error: "not_allowed_withdraw" };
    await tx.delete(referrals).where(eq(referrals.id, row.referral.id));
    await tx
      .delete(reminders)
      .where(and(eq(reminders.kind, "referral_nudge"), eq(reminders.state, "in_digest"), sql`starts_with(${reminders.eventKey}, ${`${row.referral.id}:`})`));
    if (row.mentor?.id && row.mentor.email && row.mentor.name) {
      await queueEmail(tx, {
        template: "referral-withdrawn",
        to: [row.mentor.email],
        subject: referralWithdrawnSubject(row.student.name, row.referral.company),
        body: createElement(ReferralWithdrawn, { name: firstName(row.mentor.name), studentName: row.student.name, company: row.referral.company, role: row.referral.role }),
        userId: row.mentor.id,
      });
    }
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "referral.withdrawn",
      subjectType: "match",
      subjectId: row.referral.matchId,
      detail: { referralId: row.referral.id, company: row.referral.company },
    });
    return { ok: true };
  });
}

/**
 * For account deletion (call in its transaction, before the user row goes): every referral
 * `mentorId` was asked for and had not answered is declined with REFERRAL_MENTOR_GONE_REASON, its
 * student emailed (to ask another mentor) and the decline audited. Referrals they made stay with
 * the student. Returns how many were declined.
 */
export async function declineReferralsOfDeletedMentor(tx: Db, mentorId: string, now: Date = new Date()): Promise<number> {
  if (!isUuid(mentorId)) return 0;
  const open = await tx
    .select({
      referral: { id: referrals.id, matchId: referrals.matchId, company: referrals.company, role: referrals.role },
      student: { id: student.id, name: student.name, email: student.email },
      mentorName: mentor.name,
    })
    .from(referrals)
    .innerJoin(matches, eq(matches.id, referrals.matchId))
    .innerJoin(student, eq(student.id, matches.studentId))
    .innerJoin(mentor, eq(mentor.id, referrals.mentorId))
    .where(and(eq(referrals.mentorId, mentorId), eq(referrals.state, "requested")))
    .for("update", { of: referrals });
  for (const { referral: r, student: s, mentorName } of open) {
    await tx
      .update(referrals)
      .set({ state: "declined", declineReason: REFERRAL_MENTOR_GONE_REASON, lastUpdateAt: now, updatedAt: now })
      .where(eq(referrals.id, r.id));
    await queueEmail(tx, {
      template: "referral-answered",
      to: [s.email],
      subject: referralMentorGoneSubject(r.company),
      body: createElement(ReferralAnswered, {
        name: firstName(s.name),
        mentorName,
        company: r.company,
        role: r.role,
        answer: { accepted: false, reason: REFERRAL_MENTOR_GONE_REASON, accountDeleted: true },
        referralUrl: absoluteUrl(referralPath(r.id)),
      }),
      userId: s.id,
    });
    // why: no one acted — the account's deletion did; the entry says so without naming who asked for it.
    await recordAudit(tx, {
      actorId: null,
      action: "referral.declined",
      subjectType: "match",
      subjectId: r.matchId,
      detail: { referralId: r.id, company: r.company, reason: REFERRAL_MENTOR_GONE_REASON },
    });
  }
  return open.length;
}

// The sweep ------------------------------------------------------------------------------------

/**
 * A step of the reminders sweep (kind "referral_nudge"): asks the student what happened to a
 * referral in progress after REFERRAL_QUIET_DAYS without an update, and reminds the mentor asked of a
 * request unanswered after REFERRAL_UNANSWERED_DAYS (referralNudgeDue). Once per quiet stretch: the
 * event key carries the last update's time, so a new update starts a new stretch. Never a declined
 * referral, nor one whose outcome is final. Returns how many reminders it wrote.
 */
export async function referralNudges(db: Db, now: Date): Promise<number> {
  const quietSince = new Date(now.getTime() - Math.min(REFERRAL_QUIET_DAYS, REFERRAL_UNANSWERED_DAYS) * DAY_MS);
  const rows = await db
    .select({
      referral: {
        id: referrals.id,
        matchId: referrals.matchId,
        company: referrals.company,
        role: referrals.role,
        state: referrals.state,
        outcome: referrals.outcome,
        lastUpdateAt: referrals.lastUpdateAt,
      },
      student: { id: student.id, name: student.name, email: student.email },
      mentor: { id: mentor.id, name: mentor.name, email: mentor.email },
    })
    .from(referrals)
    .innerJoin(matches, eq(matches.id, referrals.matchId))
    .innerJoin(student, eq(student.id, matches.studentId))
    .leftJoin(mentor, eq(mentor.id, referrals.mentorId))
    .where(
      and(
        inArray(referrals.state, ["requested", "accepted"]),
        sql`(${referrals.outcome} is null or ${referrals.outcome} not in (${sql.join(
          FINAL_REFERRAL_OUTCOMES.map((o) => sql`${o}`),
          sql`, `,
        )}))`,
        sql`${referrals.lastUpdateAt} <= ${quietSince.toISOString()}::timestamptz`,
      ),
    );
  let written = 0;
  for (const row of rows) {
    const to = referralNudgeDue(row.referral, now);
    if (!to) continue;
    // why: a request whose mentor's account is gone has no one to remind; the student sees it waiting and may withdraw it.
    if (to === "mentor" && !row.mentor?.id) continue;
    const person = to === "student" ? row.student : row.mentor!;
    const other = to === "student" ? (row.mentor?.name ?? FORMER_MENTOR.toLowerCase()) : row.student.name;
    const r = row.referral;
    const days = Math.floor((now.getTime() - r.lastUpdateAt.getTime()) / DAY_MS);
    const url = absoluteUrl(referralPath(r.id));
    try {
      const result = await transaction(db, (tx) =>
        remind(
          tx,
          {
            kind: "referral_nudge",
            eventKey: `${r.id}:${to}:${r.lastUpdateAt.toISOString()}`,
            user: { id: person.id!, email: person.email! },
            matchId: r.matchId,
            summary:
              to === "student"
                ? `What happened with your referral for ${r.role} at ${r.company}? Nothing recorded for ${days} days.`
                : `${row.student.name} is waiting for your answer about a referral for ${r.role} at ${r.company}.`,
            url,
            email: () => ({
              template: "referral-nudge",
              subject: referralNudgeSubject(to, r.company, other),
              body: createElement(ReferralNudge, { name: firstName(person.name!), to, otherName: other, company: r.company, role: r.role, days, referralUrl: url }),
            }),
          },
          now,
        ),
      );
      if (result !== "already") written++;
    } catch (error) {
      console.error("[sweep] referral nudges: one reminder failed", error);
    }
  }
  return written;
}
