import { and, asc, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { createElement } from "react";
import { transaction, type Db } from "~db/client.server";
import { applications, matches, matchRounds, organizations, slots, studentProfiles, users, type StudentProfile } from "~db/schema";
import Introduction, { introductionSubject } from "~emails/introduction";
import IntroductionSteps, { introductionStepsSubject } from "~emails/introduction-steps";
import MatchProposalRejected, { matchProposalRejectedSubject } from "~emails/match-proposal-rejected";
import { absoluteUrl } from "~/env.server";
import { sqlList } from "~db/schema/sql-list";
import { countryName, DEGREE_LABELS, ORGANIZATION_SIZE_LABELS, ORGANIZATION_TYPE_LABELS } from "~/domain/labels";
import { LIVE_MATCH_STATUSES, SEAT_TAKING_MATCH_STATUSES } from "~/domain/vocabulary";
import { queueEmail } from "~/mail/outbox.server";
import { hasAuthorizationSteps, renderTopReasons, studentAuthorizationSection } from "~/messages/audiences";
import { renderOrganizationDocuments, renderExplanation } from "~/messages/render";
import { recordAudit } from "~/modules/audit/audit.server";
import { describeDates, describePay, describePlace } from "~/modules/slots/format";
import { isUuid } from "~/modules/ids";
import { slotMentorRecipients } from "~/modules/slots/slots.server";
import { getRound, listRecentRounds } from "./rounds.server";
import { firstName, lockMatch, type LockedMatch } from "./shared.server";
import { submitted } from "~/modules/slots/submitted";
import { onePage } from "~/modules/paging";

export const REVIEW_PAGE_SIZE = 20;

export const REVIEW_SOURCES = ["all", "round", "application"] as const;
export type ReviewSource = (typeof REVIEW_SOURCES)[number];

const proposer = alias(users, "proposer");
const month = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

/** "Master's in Computer Science at Northeastern University, graduating May 2027 · Boston, United States" */
export function describeStudent(profile: Pick<StudentProfile, "degree" | "program" | "school" | "graduationDate" | "city" | "country"> | null) {
  if (!profile) return null;
  const degree = profile.degree ? DEGREE_LABELS[profile.degree] : null;
  const studies = [degree && profile.program ? `${degree} in ${profile.program}` : (degree ?? profile.program), profile.school ? `at ${profile.school}` : null]
    .filter(Boolean)
    .join(" ");
  const graduating = profile.graduationDate ? `graduating ${month.format(new Date(`${profile.graduationDate}T00:00:00Z`))}` : null;
  const place = [profile.city, profile.country ? countryName(profile.country) : null].filter(Boolean).join(", ");
  const parts = [[studies, graduating].filter(Boolean).join(", "), place].filter(Boolean);
  return parts.length ? parts.join(" · ") : null;
}

/** The proposals waiting for an admin, oldest first (best score first within a round), with what a decision needs. */
export async function listReviewQueue(db: Db, { page = 1, source = "all" }: { page?: number; source?: ReviewSource } = {}) {
  const waiting = eq(matches.status, "proposed");
  const where = source === "all" ? waiting : and(waiting, eq(matches.source, source));
  const [{ rows, total, pages }, bySource] = await Promise.all([
    onePage(
      db
        .select({
          id: matches.id,
          source: matches.source,
          score: matches.score,
          reasons: matches.reasons,
          warnings: matches.warnings,
          createdAt: matches.createdAt,
          roundId: matches.roundId,
          roundAt: matchRounds.createdAt,
          proposedBy: proposer.name,
          student: { id: users.id, name: users.name },
          profile: {
            degree: studentProfiles.degree,
            program: studentProfiles.program,
            school: studentProfiles.school,
            graduationDate: studentProfiles.graduationDate,
            city: studentProfiles.city,
            country: studentProfiles.country,
          },
          slot: {
            id: slots.id,
            title: slots.title,
            status: slots.status,
            seats: slots.seats,
            startDate: slots.startDate,
            durationWeeks: slots.durationWeeks,
            workMode: slots.workMode,
            city: slots.city,
            country: slots.country,
            hoursPerWeek: slots.hoursPerWeek,
            compensation: slots.compensation,
            hourlyRate: slots.hourlyRate,
            stipendAmount: slots.stipendAmount,
            currency: slots.currency,
          },
          organization: { id: organizations.id, name: organizations.name, verifiedAt: organizations.verifiedAt },
          seatsTaken: sql<number>`(select count(*)::int from ${matches} taken where taken.slot_id = ${matches.slotId} and taken.status in (${sqlList(SEAT_TAKING_MATCH_STATUSES)}))`,
          otherLive: sql<number>`(select count(*)::int from ${matches} other where other.student_id = ${matches.studentId} and other.id <> ${matches.id} and other.status in (${sqlList(LIVE_MATCH_STATUSES)}))`,
        })
        .from(matches)
        .innerJoin(users, eq(users.id, matches.studentId))
        .leftJoin(studentProfiles, eq(studentProfiles.userId, matches.studentId))
        .innerJoin(slots, eq(slots.id, matches.slotId))
        .innerJoin(organizations, eq(organizations.id, slots.organizationId))
        .leftJoin(matchRounds, eq(matchRounds.id, matches.roundId))
        .leftJoin(proposer, eq(proposer.id, matches.proposedBy))
        .where(where)
        .orderBy(asc(matches.createdAt), desc(matches.score), asc(matches.id)),
      db.select({ value: count() }).from(matches).where(where),
      { page, size: REVIEW_PAGE_SIZE },
    ),
    db.select({ source: matches.source, value: count() }).from(matches).where(waiting).groupBy(matches.source),
  ]);
  const counts = { all: 0, round: 0, application: 0 };
  for (const s of bySource) {
    counts[s.source] = s.value;
    counts.all += s.value;
  }
  return {
    rows: rows.map(({ profile, reasons, ...row }) => {
      const first = firstName(row.student.name);
      const slot = submitted(row.slot);
      return {
        ...row,
        student: { ...row.student, about: describeStudent(profile) },
        slot: { ...slot, terms: [describePlace(slot), `${slot.hoursPerWeek} hours a week`, describeDates(slot), describePay(slot)].join(" · ") },
        // An admin reads everything, about the student by first name.
        reasons: renderTopReasons(reasons, { audience: "admin", name: first }).map((r) => r.text),
        warnings: row.warnings.map((w) => renderExplanation(w, { audience: "admin", name: first })),
      };
    }),
    counts,
    total,
    pages,
  };
}

export type ReviewError = "not_found" | "already_decided" | "slot_unavailable";
export type ReviewResult = { ok: true } | { ok: false; error: ReviewError };

/**
 * The introduction of a match being approved: one email to the student and the slot's people
 * together, which never names the student's work authorization (it speaks to the mentors only of
 * documents any status may need), and — when the student has steps before a first day — a second
 * email to the student alone with those steps. Returns the joint email's id.
 */
async function queueIntroduction(tx: Db, { match, slot, organization, student }: LockedMatch) {
  const [mentors, [profile]] = await Promise.all([slotMentorRecipients(tx, slot), tx.select().from(studentProfiles).where(eq(studentProfiles.userId, student.id))]);
  const first = firstName(student.name);
  const orgAbout = [ORGANIZATION_TYPE_LABELS[organization.type], ORGANIZATION_SIZE_LABELS[organization.size], [organization.city, countryName(organization.country)].filter(Boolean).join(", ")]
    .filter(Boolean)
    .join(", ");
  const matchUrl = absoluteUrl(`/matches/${match.id}`);
  const people = [student.email, ...mentors.map((m) => m.email).filter((e) => e !== student.email)];
  const terms = [describePlace(slot), `${slot.hoursPerWeek} hours a week`, describeDates(slot), describePay(slot)].join(" · ");
  const now = { status: profile?.workAuthorization ?? null, validFrom: profile?.authorizationValidFrom, validUntil: profile?.authorizationValidUntil };
  const withSteps = hasAuthorizationSteps(now.status);
  const emailId = await queueEmail(tx, {
    template: "introduction",
    to: people,
    // why: the email comes from the no-reply sender; a reply should reach the people introduced.
    replyTo: people,
    subject: introductionSubject({ studentName: student.name, organizationName: organization.name, slotTitle: slot.title }),
    body: createElement(Introduction, {
      student: { name: student.name, firstName: first, email: student.email, about: describeStudent(profile ?? null) },
      mentors: mentors.map((m) => ({ name: m.name, firstName: firstName(m.name), email: m.email })),
      organization: { name: organization.name, about: orgAbout || null },
      slot: { title: slot.title, terms, url: absoluteUrl(`/slots/${slot.id}`) },
      reasons: renderTopReasons(match.reasons, { audience: "introduction", name: first }).map((r) => r.text),
      documents: withSteps ? renderOrganizationDocuments(first, organization.name) : null,
      matchUrl,
    }),
    userId: student.id,
  });
  if (withSteps) {
    const section = studentAuthorizationSection(now, match.warnings);
    await queueEmail(tx, {
      template: "introduction-steps",
      to: [student.email],
      subject: introductionStepsSubject(slot.title),
      body: createElement(IntroductionSteps, {
        firstName: first,
        statusLabel: section.statusLabel ?? "",
        organizationName: organization.name,
        slotTitle: slot.title,
        steps: section.steps,
        matchUrl,
      }),
      userId: student.id,
    });
  }
  return emailId;
}

/**
 * Approves a proposed match: it becomes `introduced`, its application (if any) too, and the
 * introduction email is queued — all in one transaction, under the match's row lock, so a
 * match is introduced (and its email sent) at most once however often it is approved.
 */
export async function approveMatch(db: Db, { adminId, matchId, now = new Date() }: { adminId: string; matchId: string; now?: Date }): Promise<ReviewResult> {
  return transaction(db, async (tx) => {
    const locked = await lockMatch(tx, matchId);
    if (!locked) return { ok: false, error: "not_found" };
    const { match, slot } = locked;
    if (match.status !== "proposed") return { ok: false, error: "already_decided" };
    // why: a closed or filled slot takes nobody new; introducing someone to it would promise a seat it does not have.
    if (slot.status !== "open") return { ok: false, error: "slot_unavailable" };

    await tx
      .update(matches)
      .set({ status: "introduced", reviewedBy: adminId, reviewedAt: now, introducedAt: now, updatedAt: now })
      .where(eq(matches.id, match.id));
    if (match.applicationId) {
      await tx.update(applications).set({ status: "introduced", updatedAt: now }).where(eq(applications.id, match.applicationId));
    }
    const emailId = await queueIntroduction(tx, locked);
    await recordAudit(tx, {
      actorId: adminId,
      action: "match.approved",
      subjectType: "match",
      subjectId: match.id,
      detail: { source: match.source, slotId: slot.id, slotTitle: slot.title, studentId: match.studentId, score: match.score, emailId },
    });
    return { ok: true };
  });
}

export type BulkApproveResult = { approved: string[]; refused: { matchId: string; error: ReviewError }[] };

/**
 * Approves each of `matchIds` on its own (one transaction and one introduction each), so one
 * proposal decided meanwhile by another admin does not hold back the rest.
 */
export async function approveMatches(db: Db, { adminId, matchIds, now = new Date() }: { adminId: string; matchIds: string[]; now?: Date }): Promise<BulkApproveResult> {
  const result: BulkApproveResult = { approved: [], refused: [] };
  for (const matchId of [...new Set(matchIds)]) {
    const one = await approveMatch(db, { adminId, matchId, now });
    if (one.ok) result.approved.push(matchId);
    else result.refused.push({ matchId, error: one.error });
  }
  return result;
}

/**
 * Rejects a proposed match with a reason. A round's proposal ends quietly (the student never saw
 * it); a mentor's proposal sends its application back to the shortlist and the reason to the
 * mentor who proposed it. One transaction, audited.
 */
export async function rejectMatch(
  db: Db,
  { adminId, matchId, reason, now = new Date() }: { adminId: string; matchId: string; reason: string; now?: Date },
): Promise<ReviewResult> {
  const why = reason.trim();
  if (!why) throw new Error("rejectMatch needs a reason");
  return transaction(db, async (tx) => {
    const locked = await lockMatch(tx, matchId);
    if (!locked) return { ok: false, error: "not_found" };
    const { match, slot, student } = locked;
    if (match.status !== "proposed") return { ok: false, error: "already_decided" };

    await tx
      .update(matches)
      .set({ status: "rejected", closingReason: why, reviewedBy: adminId, reviewedAt: now, updatedAt: now })
      .where(eq(matches.id, match.id));

    if (match.source === "application") {
      if (match.applicationId) {
        // The mentor's shortlist still stands: the admin turned down this match, not the student.
        await tx
          .update(applications)
          .set({ status: "shortlisted", updatedAt: now })
          .where(and(eq(applications.id, match.applicationId), eq(applications.status, "match_proposed")));
      }
      const proposerRow = match.proposedBy
        ? await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, match.proposedBy))
        : [];
      const recipients = proposerRow.length ? proposerRow : await slotMentorRecipients(tx, slot);
      for (const mentor of recipients) {
        await queueEmail(tx, {
          template: "match-proposal-rejected",
          to: [mentor.email],
          subject: matchProposalRejectedSubject(slot.title),
          body: createElement(MatchProposalRejected, {
            name: firstName(mentor.name),
            studentName: student.name,
            slotTitle: slot.title,
            reason: why,
            applicantsUrl: absoluteUrl(`/mentor/slots/${slot.id}/applicants`),
          }),
          userId: mentor.id,
        });
      }
    }
    await recordAudit(tx, {
      actorId: adminId,
      action: "match.rejected",
      subjectType: "match",
      subjectId: match.id,
      // The reason stays on the match (closing_reason): it is free text and may say more than an audit entry should.
      detail: { source: match.source, slotId: slot.id, slotTitle: slot.title, studentId: match.studentId },
    });
    return { ok: true };
  });
}

/** Names for the line that confirms a decision: student and slot of each match. */
export async function summarizeMatches(db: Db, matchIds: string[]) {
  const ids = matchIds.filter(isUuid);
  if (!ids.length) return [];
  return db
    .select({ id: matches.id, status: matches.status, studentName: users.name, slotTitle: slots.title })
    .from(matches)
    .innerJoin(users, eq(users.id, matches.studentId))
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .where(and(inArray(matches.id, ids), ne(matches.status, "proposed")));
}

/**
 * What /admin/matches shows: the queue (one page, one source), the latest rounds, and the
 * outcome of the decision or round just made (named in the URL after the redirect).
 */
export async function getReviewPage(
  db: Db,
  { page, source, roundId, approved, rejected }: { page: number; source: ReviewSource; roundId?: string | null; approved: string[]; rejected: string[] },
) {
  const [queue, rounds, round, decided] = await Promise.all([
    listReviewQueue(db, { page, source }),
    listRecentRounds(db, { limit: 5 }),
    roundId ? getRound(db, roundId) : null,
    summarizeMatches(db, [...approved, ...rejected]),
  ]);
  return { queue, rounds, round, decided };
}
