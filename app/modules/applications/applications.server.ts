import { and, asc, count, desc, eq, inArray, isNull, ne, notInArray, sql } from "drizzle-orm";
import { createElement, type ReactElement } from "react";
import { transaction, type Db } from "~db/client.server";
import {
  applications,
  matches,
  organizations,
  slots,
  studentProfiles,
  users,
  type ApplicationStatus,
  type Slot,
  type MatchReason,
} from "~db/schema";
import ApplicationMatchProposed, { applicationMatchProposedSubject } from "~emails/application-match-proposed";
import ApplicationNotSelected, { applicationNotSelectedSubject } from "~emails/application-not-selected";
import ApplicationReceived, { applicationReceivedSubject } from "~emails/application-received";
import ApplicationShortlisted, { applicationShortlistedSubject } from "~emails/application-shortlisted";
import ApplicationWithdrawn, { applicationWithdrawnSubject } from "~emails/application-withdrawn";
import { absoluteUrl } from "~/env.server";
import { queueEmail } from "~/mail/outbox.server";
import { firstName } from "~/domain/names";
import { AFTER_INTRODUCTION_MATCH_STATUSES, ENDED_MATCH_STATUSES, isIn, PUBLISHED_SLOT_STATUSES, UNDECIDED_APPLICATION_STATUSES } from "~/domain/vocabulary";
import { AUTHORIZATION_INFO } from "~/domain/work-authorization";
import { authorizationFitOf } from "~/engine/eligibility";
import { explainPair } from "~/engine/recommend";
import type { MatchSlot, MatchStudent, ScoreComponent } from "~/engine/types";
import { mentorFitLines, mentorProposeBlocker, mentorView, renderComponents, studentFit, type FitLine, type RenderedComponent, type Sharing } from "~/messages/audiences";
import { renderFrame } from "~/messages/render";
import { recordAudit } from "~/modules/audit/audit.server";
import { loadMatchSlot, loadStudent, loadStudents } from "~/modules/engine-adapter/instance.server";
import { isUuid } from "~/modules/ids";
import { missingForMatching } from "~/modules/profiles/completeness";
import { deadlineNotPassed, findOwnSlot, mentorOfSlot, takingApplications } from "~/modules/slots/access.server";
import { slotMentorRecipients } from "~/modules/slots/slots.server";
import type { ApplicationInput } from "./schemas";
import { onePage, pageCount, pageOffset } from "~/modules/paging";

export const STUDENT_PAGE_SIZE = 20;
export const APPLICANTS_PAGE_SIZE = 20;

// Applying ---------------------------------------------------------------------------------------

export type ApplyError = "not_found" | "closed" | "deadline_passed" | "profile_incomplete" | "authorization" | "already_applied" | "answers_mismatch";
export type ApplyResult = { ok: true; applicationId: string; reapplied: boolean } | { ok: false; error: ApplyError };

/**
 * A student applies to an open slot before the end of its deadline day (slot's time zone): one
 * application per student and slot — a withdrawn one is reused, back to submitted. The student's
 * profile must be complete enough for matching, so the mentors see a score and the fit, and their
 * work authorization must not rule the slot out: an application the mentors could never propose
 * would only tell them (by its "does not fit") something about a status the student may keep private.
 */
export async function applyToSlot(db: Db, studentId: string, slotId: string, input: ApplicationInput, now = new Date()): Promise<ApplyResult> {
  if (!isUuid(slotId)) return { ok: false, error: "not_found" };
  // why: read before the transaction; the embedded database serializes connections (see slots.server.ts).
  const student = await loadStudent(db, studentId);
  return transaction(db, async (tx) => {
    const [row] = await tx
      .select({ slot: slots, organizationName: organizations.name, accepting: deadlineNotPassed(now) })
      .from(slots)
      .innerJoin(organizations, eq(organizations.id, slots.organizationId))
      .where(eq(slots.id, slotId))
      .for("share", { of: slots });
    if (!row || !isIn(PUBLISHED_SLOT_STATUSES, row.slot.status)) return { ok: false, error: "not_found" };
    if (row.slot.status !== "open") return { ok: false, error: "closed" };
    if (!row.accepting) return { ok: false, error: "deadline_passed" };
    if (!student) return { ok: false, error: "profile_incomplete" };
    if (!authorizationFitOf(student, await loadMatchSlot(tx, row.slot)).eligible) return { ok: false, error: "authorization" };
    if (input.answers.length !== row.slot.questions.length || input.answers.some((a) => !a.trim())) return { ok: false, error: "answers_mismatch" };

    const values = { statement: input.statement, answers: input.answers, status: "submitted" as const, shortlistRank: null, declineReason: null, submittedAt: now, updatedAt: now };
    const [existing] = await tx
      .select({ id: applications.id, status: applications.status })
      .from(applications)
      .where(and(eq(applications.slotId, slotId), eq(applications.studentId, studentId)))
      .for("update");
    let applicationId: string;
    if (existing) {
      if (existing.status !== "withdrawn") return { ok: false, error: "already_applied" };
      await tx.update(applications).set(values).where(eq(applications.id, existing.id));
      applicationId = existing.id;
    } else {
      const [inserted] = await tx.insert(applications).values({ ...values, slotId, studentId }).onConflictDoNothing().returning({ id: applications.id });
      if (!inserted) return { ok: false, error: "already_applied" };
      applicationId = inserted.id;
    }

    const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, studentId));
    await tellSlotMentors(tx, row.slot, me?.name ?? "A student", "application-received");
    await recordAudit(tx, {
      actorId: studentId,
      action: existing ? "application.resubmitted" : "application.submitted",
      subjectType: "application",
      subjectId: applicationId,
      detail: { slotId, title: row.slot.title },
    });
    return { ok: true, applicationId, reapplied: Boolean(existing) };
  });
}

// The emails a slot's mentors get about an applicant: who, which slot, and the applicants page.
const TO_MENTORS = {
  "application-received": { subject: applicationReceivedSubject, component: ApplicationReceived },
  "application-withdrawn": { subject: applicationWithdrawnSubject, component: ApplicationWithdrawn },
} as const;

/** Emails each mentor of `slot` that `studentName` applied to it or withdrew. */
async function tellSlotMentors(tx: Db, slot: Slot, studentName: string, template: keyof typeof TO_MENTORS) {
  const { subject, component } = TO_MENTORS[template];
  for (const mentor of await slotMentorRecipients(tx, slot)) {
    await queueEmail(tx, {
      template,
      to: [mentor.email],
      subject: subject(slot.title),
      body: createElement(component, { name: mentor.name, studentName, slotTitle: slot.title, applicantsUrl: absoluteUrl(`/mentor/slots/${slot.id}/applicants`) }),
      userId: mentor.id,
    });
  }
}

export type WithdrawError = "not_found" | "decided";

/**
 * The student withdraws an application the mentors have not decided on yet; it stays as history
 * (what they wrote, to start from if they apply again). The slot's mentors are told who withdrew
 * from which slot — nothing more about the student.
 */
export async function withdrawApplication(
  db: Db,
  studentId: string,
  slotId: string,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; error: WithdrawError }> {
  if (!isUuid(slotId)) return { ok: false, error: "not_found" };
  return transaction(db, async (tx) => {
    const [row] = await tx
      .select({ id: applications.id, status: applications.status, slot: slots, studentName: users.name })
      .from(applications)
      .innerJoin(slots, eq(slots.id, applications.slotId))
      .innerJoin(users, eq(users.id, applications.studentId))
      .where(and(eq(applications.slotId, slotId), eq(applications.studentId, studentId)))
      .for("update", { of: applications });
    if (!row || row.status === "withdrawn") return { ok: false, error: "not_found" };
    if (!isIn(UNDECIDED_APPLICATION_STATUSES, row.status)) return { ok: false, error: "decided" };
    await tx.update(applications).set({ status: "withdrawn", shortlistRank: null, updatedAt: now }).where(eq(applications.id, row.id));
    await tellSlotMentors(tx, row.slot, row.studentName, "application-withdrawn");
    await recordAudit(tx, { actorId: studentId, action: "application.withdrawn", subjectType: "application", subjectId: row.id, detail: { slotId } });
    return { ok: true };
  });
}

/**
 * What the slot page's apply section needs for `studentId`: their application to the slot (if
 * any, with what they wrote: a withdrawn one is where applying again starts), whether their
 * profile is complete enough to apply and, if not, what it lacks (with the profile's section),
 * and — worded for them — why their work authorization rules the slot out, if it does.
 */
export async function getApplySection(db: Db, studentId: string, slotId: string) {
  if (!isUuid(slotId)) return null;
  const [[application], student, [slot]] = await Promise.all([
    db
      .select({
        id: applications.id,
        status: applications.status,
        declineReason: applications.declineReason,
        submittedAt: applications.submittedAt,
        statement: applications.statement,
        answers: applications.answers,
      })
      .from(applications)
      .where(and(eq(applications.slotId, slotId), eq(applications.studentId, studentId))),
    loadStudent(db, studentId),
    db.select().from(slots).where(eq(slots.id, slotId)),
  ]);
  const fit = student && slot ? studentFit(authorizationFitOf(student, await loadMatchSlot(db, slot))) : null;
  const missing = student ? [] : missingForMatching((await db.select().from(studentProfiles).where(eq(studentProfiles.userId, studentId)))[0] ?? null);
  return { application: application ?? null, profileReady: student !== null, missing, authorizationProblems: fit?.problems ?? [] };
}

/**
 * One page of the student's own applications, newest first, with the slot and its organization,
 * what they sent (statement, and each of the slot's questions with their answer), and — once
 * introduced — the match it became, whose status is where the application now stands.
 */
export async function listStudentApplications(db: Db, studentId: string, { page = 1, now = new Date() }: { page?: number; now?: Date } = {}) {
  const where = eq(applications.studentId, studentId);
  return onePage(
    db
      .select({
        id: applications.id,
        status: applications.status,
        declineReason: applications.declineReason,
        submittedAt: applications.submittedAt,
        updatedAt: applications.updatedAt,
        statement: applications.statement,
        answers: applications.answers,
        slot: { id: slots.id, title: slots.title, status: slots.status, applicationDeadline: slots.applicationDeadline, questions: slots.questions },
        organization: { name: organizations.name },
        slotAccepting: sql<boolean>`${takingApplications(now)}`,
        // The newest match made from this application that the student may see (from the introduction on).
        match: sql<{ id: string; status: (typeof AFTER_INTRODUCTION_MATCH_STATUSES)[number] } | null>`(
          select json_build_object('id', ${matches.id}, 'status', ${matches.status}) from ${matches}
          where ${matches.applicationId} = ${applications.id} and ${inArray(matches.status, [...AFTER_INTRODUCTION_MATCH_STATUSES])}
          order by ${matches.createdAt} desc limit 1)`,
      })
      .from(applications)
      .innerJoin(slots, eq(slots.id, applications.slotId))
      .innerJoin(organizations, eq(organizations.id, slots.organizationId))
      .where(where)
      .orderBy(desc(applications.updatedAt), desc(applications.id)),
    db.select({ value: count() }).from(applications).where(where),
    { page, size: STUDENT_PAGE_SIZE },
  );
}

// The mentor's side ------------------------------------------------------------------------------

type ExplainedApplicant = {
  score: number | null;
  eligible: boolean;
  components: RenderedComponent[];
  fit: FitLine[];
  /** Why "Propose match" is not possible, in the mentor's voice; null when it is. */
  blocker: string | null;
};

/**
 * An applicant as the slot's mentors may read them: the score's reasons and the fit about the
 * student by first name, the work authorization only as the student allows (mentorView). A student
 * who applied chose the slot, so their own preferences do not rule the pair out.
 */
function explainApplicant(student: MatchStudent | undefined, slot: MatchSlot, name: string, sharing: Sharing): ExplainedApplicant {
  if (!student) {
    const incomplete = renderFrame("profile_incomplete", {}, name);
    return { score: null, eligible: false, components: [], fit: [{ fits: false, text: incomplete }], blocker: incomplete };
  }
  const explained = explainPair(student, slot, { applied: true });
  const view = mentorView(explained, sharing);
  return {
    score: explained.score,
    eligible: explained.eligible,
    components: renderComponents(view.components, { audience: "mentor", name }),
    fit: mentorFitLines(view, name),
    blocker: explained.eligible ? null : mentorProposeBlocker(view, name),
  };
}

/** How many students applied to a slot of the mentor's organization (withdrawn ones aside); null for anyone else's slot. */
export async function countApplicants(db: Db, mentorId: string, slotId: string) {
  if (!isUuid(slotId)) return null;
  const [row] = await db
    .select({ value: count(applications.id) })
    .from(slots)
    .leftJoin(applications, and(eq(applications.slotId, slots.id), ne(applications.status, "withdrawn")))
    .where(and(eq(slots.id, slotId), mentorOfSlot(mentorId)))
    .groupBy(slots.id);
  return row ? row.value : null;
}

/**
 * The applicants of a slot of the mentor's organization (null for any other slot), ranked:
 * eligible first, then by score, then earliest application — each with the score's reasons
 * and the fit, worded for the mentor. Withdrawn applications are left out.
 */
export async function listApplicants(db: Db, mentorId: string, slotId: string, page = 1) {
  const own = await findOwnSlot(db, { userId: mentorId, slotId });
  if (!own) return null;
  const rows = await db
    .select({
      id: applications.id,
      studentId: applications.studentId,
      name: users.name,
      status: applications.status,
      shortlistRank: applications.shortlistRank,
      declineReason: applications.declineReason,
      statement: applications.statement,
      answers: applications.answers,
      submittedAt: applications.submittedAt,
      shareAuthorization: studentProfiles.shareAuthorization,
      workAuthorization: studentProfiles.workAuthorization,
      validFrom: studentProfiles.authorizationValidFrom,
      validUntil: studentProfiles.authorizationValidUntil,
    })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.studentId))
    .leftJoin(studentProfiles, eq(studentProfiles.userId, applications.studentId))
    .where(and(eq(applications.slotId, own.slot.id), ne(applications.status, "withdrawn"), isNull(users.suspendedAt)));
  const [matchSlot, students] = await Promise.all([loadMatchSlot(db, own.slot), loadStudents(db, { ids: rows.map((r) => r.studentId) })]);
  const byId = new Map(students.map((s) => [s.id, s]));

  const ranked = rows
    .map(({ shareAuthorization, workAuthorization, validFrom, validUntil, ...r }) => {
      const shared = Boolean(shareAuthorization && workAuthorization);
      return {
        ...r,
        authorization: shared && workAuthorization ? AUTHORIZATION_INFO[workAuthorization].label : null,
        ...explainApplicant(byId.get(r.studentId), matchSlot, firstName(r.name), { shares: shared, status: workAuthorization ?? null, validFrom, validUntil }),
      };
    })
    .sort(
      (a, b) =>
        Number(b.eligible) - Number(a.eligible) ||
        (b.score ?? -1) - (a.score ?? -1) ||
        a.submittedAt.getTime() - b.submittedAt.getTime() ||
        a.id.localeCompare(b.id),
    );
  const pages = pageCount(ranked.length, APPLICANTS_PAGE_SIZE);
  return {
    slot: own.slot,
    organizationName: own.organization.name,
    total: ranked.length,
    pages,
    rows: ranked.slice(pageOffset(page, APPLICANTS_PAGE_SIZE), pageOffset(page + 1, APPLICANTS_PAGE_SIZE)),
  };
}

export type ApplicantsPage = NonNullable<Awaited<ReturnType<typeof listApplicants>>>;

/** An application to a slot of the mentor's organization, locked for the transaction; null for any other. */
async function lockOwnApplication(tx: Db, mentorId: string, applicationId: string) {
  if (!isUuid(applicationId)) return null;
  const [row] = await tx
    .select({ application: applications, slot: slots, organizationName: organizations.name, student: { id: users.id, name: users.name, email: users.email } })
    .from(applications)
    .innerJoin(slots, eq(slots.id, applications.slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .innerJoin(users, eq(users.id, applications.studentId))
    .where(and(eq(applications.id, applicationId), mentorOfSlot(mentorId)))
    .for("update", { of: applications });
  return row ?? null;
}

type OwnApplication = NonNullable<Awaited<ReturnType<typeof lockOwnApplication>>>;

/** A status email to the student of an application the mentor decides on. */
function emailStudent(tx: Db, own: OwnApplication, template: string, subject: string, body: ReactElement) {
  return queueEmail(tx, { template, to: [own.student.email], subject, body, userId: own.student.id });
}

/** What every status email says about the application. */
const aboutApplication = (own: OwnApplication) => ({ name: own.student.name, slotTitle: own.slot.title, organizationName: own.organizationName });

export type DecisionError = "not_found" | "decided";

/** Puts an undecided application on the shortlist (or re-ranks it); the student hears about it the first time. */
export async function shortlist(
  db: Db,
  mentorId: string,
  applicationId: string,
  rank: number | null = null,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; error: DecisionError }> {
  return transaction(db, async (tx) => {
    const own = await lockOwnApplication(tx, mentorId, applicationId);
    if (!own) return { ok: false, error: "not_found" };
    if (!isIn(UNDECIDED_APPLICATION_STATUSES, own.application.status)) return { ok: false, error: "decided" };
    await tx.update(applications).set({ status: "shortlisted", shortlistRank: rank, updatedAt: now }).where(eq(applications.id, applicationId));
    if (own.application.status !== "shortlisted") {
      await emailStudent(
        tx,
        own,
        "application-shortlisted",
        applicationShortlistedSubject(own.slot.title),
        createElement(ApplicationShortlisted, { ...aboutApplication(own), applicationsUrl: absoluteUrl("/applications") }),
      );
    }
    await recordAudit(tx, {
      actorId: mentorId,
      action: "application.shortlisted",
      subjectType: "application",
      subjectId: applicationId,
      detail: { slotId: own.slot.id, rank },
    });
    return { ok: true };
  });
}

/** Declines an undecided application; the reason, when given, is shown to the student and emailed to them. */
export async function decline(
  db: Db,
  mentorId: string,
  applicationId: string,
  reason: string | null = null,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; error: DecisionError }> {
  const why = reason?.trim() || null;
  return transaction(db, async (tx) => {
    const own = await lockOwnApplication(tx, mentorId, applicationId);
    if (!own) return { ok: false, error: "not_found" };
    if (!isIn(UNDECIDED_APPLICATION_STATUSES, own.application.status)) return { ok: false, error: "decided" };
    await tx.update(applications).set({ status: "not_selected", declineReason: why, shortlistRank: null, updatedAt: now }).where(eq(applications.id, applicationId));
    await emailStudent(
      tx,
      own,
      "application-not-selected",
      applicationNotSelectedSubject(own.slot.title),
      createElement(ApplicationNotSelected, { ...aboutApplication(own), reason: why, slotsUrl: absoluteUrl("/slots") }),
    );
    await recordAudit(tx, {
      actorId: mentorId,
      action: "application.declined",
      subjectType: "application",
      subjectId: applicationId,
      detail: { slotId: own.slot.id, ...(why ? { reason: why } : {}) },
    });
    return { ok: true };
  });
}

export type ProposeError = DecisionError | "slot_not_open" | "profile_incomplete" | "not_eligible" | "live_match";
export type ProposeResult = { ok: true; matchId: string } | { ok: false; error: ProposeError };

// The full components as codes, neutral flag included, so the review and the introduction can
// pick the reasons that weighed something real (topComponents).
const reasonsOf = (components: ScoreComponent[]): MatchReason[] =>
  components.map(({ key, points, max, reason, neutral }) => ({ key, points, max, reason, ...(neutral ? { neutral } : {}) }));

/**
 * Proposes a match from an undecided application, in one transaction: a `proposed` match (source
 * application, with the engine's score, reasons and warnings) for the admin review queue, and the
 * application moves to match_proposed. Never for an ineligible pair, nor when the pair already has a live match.
 */
export async function proposeMatchFromApplication(db: Db, mentorId: string, applicationId: string, now = new Date()): Promise<ProposeResult> {
  return transaction(db, async (tx) => {
    const own = await lockOwnApplication(tx, mentorId, applicationId);
    if (!own) return { ok: false, error: "not_found" };
    if (!isIn(UNDECIDED_APPLICATION_STATUSES, own.application.status)) return { ok: false, error: "decided" };
    if (own.slot.status !== "open") return { ok: false, error: "slot_not_open" };
    const student = await loadStudent(tx, own.application.studentId);
    if (!student) return { ok: false, error: "profile_incomplete" };
    // The student applied, so chose the slot: only the rules that bind both sides can stop it.
    const explained = explainPair(student, await loadMatchSlot(tx, own.slot), { applied: true });
    if (!explained.eligible) return { ok: false, error: "not_eligible" };

    const [live] = await tx
      .select({ id: matches.id })
      .from(matches)
      .where(and(eq(matches.slotId, own.slot.id), eq(matches.studentId, student.id), notInArray(matches.status, [...ENDED_MATCH_STATUSES])));
    if (live) return { ok: false, error: "live_match" };
    // why: a round may insert the pair at the same moment; the partial unique index settles it without aborting the transaction.
    const [match] = await tx
      .insert(matches)
      .values({
        slotId: own.slot.id,
        studentId: student.id,
        source: "application",
        applicationId,
        proposedBy: mentorId,
        score: explained.score,
        reasons: reasonsOf(explained.components),
        warnings: explained.warnings,
        status: "proposed",
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: matches.id });
    if (!match) return { ok: false, error: "live_match" };
    await tx.update(applications).set({ status: "match_proposed", updatedAt: now }).where(eq(applications.id, applicationId));
    await emailStudent(
      tx,
      own,
      "application-match-proposed",
      applicationMatchProposedSubject(own.slot.title),
      createElement(ApplicationMatchProposed, { ...aboutApplication(own), applicationsUrl: absoluteUrl("/applications") }),
    );
    await recordAudit(tx, {
      actorId: mentorId,
      action: "application.match_proposed",
      subjectType: "application",
      subjectId: applicationId,
      detail: { slotId: own.slot.id, matchId: match.id, score: explained.score },
    });
    return { ok: true, matchId: match.id };
  });
}

/** Applications of one student for the data export: what they wrote and where each stands. */
export function applicationsForExport(db: Db, studentId: string) {
  return db
    .select({
      slot: slots.title,
      organization: organizations.name,
      statement: applications.statement,
      questions: slots.questions,
      answers: applications.answers,
      status: applications.status,
      declineReason: applications.declineReason,
      submittedAt: applications.submittedAt,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .innerJoin(slots, eq(slots.id, applications.slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .where(eq(applications.studentId, studentId))
    .orderBy(asc(applications.submittedAt));
}

export type { ApplicationStatus };
