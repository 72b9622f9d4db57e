import { and, eq, inArray, sql } from "drizzle-orm";
import { createElement } from "react";
import { transaction, type Db } from "~db/client.server";
import {
  auditLog,
  organizations,
  skills,
  slots,
  studentProfiles,
  studentSkills,
  users,
  type SlotStatus,
} from "~db/schema";
import InviteToApply, { inviteToApplySubject } from "~emails/invite-to-apply";
import { absoluteUrl } from "~/env.server";
import { queueEmail } from "~/mail/outbox.server";
import { firstName } from "~/domain/names";
import { AUTHORIZATION_INFO } from "~/domain/work-authorization";
import { explainPair, recommendSlots, recommendStudents } from "~/engine/recommend";
import { mentorFitLines, mentorView, renderTopReasons, type FitLine } from "~/messages/audiences";
import { renderExplanation, renderStretch } from "~/messages/render";
import { placeNote, withinReach } from "~/engine/places";
import { recordAudit } from "~/modules/audit/audit.server";
import { getCompiledOpenSlots, loadMatchSlot, loadStudent, loadStudents } from "~/modules/engine-adapter/instance.server";
import { profileCompleteness } from "~/modules/profiles/completeness";
import { getStudentProfile } from "~/modules/profiles/profiles.server";
import { formatDay } from "~/modules/slots/format";
import { findOwnSlot, takingApplications, type OwnSlot } from "~/modules/slots/access.server";
import { cardColumns, type SlotCard } from "~/modules/slots/card.server";
import { submitted } from "~/modules/slots/submitted";
import { isUuid } from "~/modules/ids";
import { slotStandings } from "./standing.server";

/** The audit action that records an invitation; its existence is what "invited once" checks. */
export const INVITED_ACTION = "slot.student_invited";

// Recommendations for a student ---------------------------------------------------------------

export type RecommendedSlot = SlotCard & {
  score: number;
  /** Where an in-person slot is from the student, then the score's top reasons. */
  reasons: string[];
  strengths: boolean[];
  warnings: string[];
  starred: boolean;
  /** Said plainly when the student covers none of the slot's required skills at the level asked. */
  stretch: string | null;
};

export type Recommendations =
  | { status: "ready"; slots: RecommendedSlot[]; starredCount: number }
  | { status: "incomplete"; missing: string[]; percent: number };

/**
 * A student's best `k` eligible open slots they have not taken up (applied to, matched with or
 * finished), best first, with the score's top reasons and the
 * warnings to confirm. An ineligible slot is never among them. Two round trips on the hot path
 * (the student; the k slots' display data) over open slots compiled once per process; when the
 * profile lacks what matching needs, the parts still missing instead.
 */
export async function recommendedSlotsFor(db: Db, studentId: string, { k = 10, now = new Date() }: { k?: number; now?: Date } = {}): Promise<Recommendations> {
  if (!isUuid(studentId)) return { status: "incomplete", missing: [], percent: 0 };
  const [compiled, student, taken] = await Promise.all([getCompiledOpenSlots(db, now), loadStudent(db, studentId), slotStandings(db, studentId)]);
  if (!student) {
    const profile = await getStudentProfile(db, studentId);
    if (!profile) return { status: "incomplete", missing: [], percent: 0 };
    const { missing, percent } = profileCompleteness(profile);
    // why: hours of 0 in term and in breaks pass the completeness check but leave nothing to match.
    return { status: "incomplete", missing: missing.length ? missing : ["the hours you can work each week"], percent };
  }
  // Slots the student applied to, is matched with or finished are theirs already: asked for as
  // many more, so k are left when those are taken out.
  const top = recommendSlots(compiled, student, k + taken.size)
    .filter((t) => !taken.has(t.slotId))
    .slice(0, k);
  if (top.length === 0) return { status: "ready", slots: [], starredCount: student.ranking?.length ?? 0 };

  // why: the compiled slots may be up to 30 s old; a slot closed since then is dropped here.
  const rows = await db
    .select(cardColumns)
    .from(slots)
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .where(and(inArray(slots.id, top.map((t) => t.slotId)), takingApplications(now)));
  const byId = new Map(rows.map((r) => [r.id, submitted(r)]));
  const starred = new Set(student.ranking ?? []);
  const out: RecommendedSlot[] = [];
  for (const { slotId, score } of top) {
    const card = byId.get(slotId);
    const slot = compiled.slots[compiled.slotIndex.get(slotId)!]!;
    if (!card) continue;
    const pair = explainPair(student, slot);
    const items = renderTopReasons(pair.components, { audience: "student" });
    const place = placeNote(student, card);
    const skills = pair.components.find((c) => c.key === "required_skills")!.reason;
    out.push({
      ...card,
      score,
      reasons: [...(place ? [renderExplanation(place, { audience: "student" })] : []), ...items.map((r) => r.text)],
      strengths: [...(place ? [withinReach(place)] : []), ...items.map((r) => r.strength)],
      warnings: pair.warnings.map((w) => renderExplanation(w, { audience: "student" })),
      starred: starred.has(slotId),
      stretch: skills.code === "required_skills" && skills.params.covered.length === 0 ? renderStretch(skills.params.total) : null,
    });
  }
  return { status: "ready", slots: out, starredCount: starred.size };
}

// Students who fit a mentor's slot ------------------------------------------------------------

export type StudentWhoFits = {
  id: string;
  name: string;
  school: string | null;
  program: string | null;
  skills: { name: string; level: number }[];
  score: number;
  /** The strongest reasons, about the student by first name. */
  reasons: string[];
  /** The status's label when the student shares it; null otherwise. */
  authorization: { label: string } | null;
  /** The work-authorization lines as the student allows (mentorView): the status and its steps, or only whether it fits. */
  fit: FitLine[];
  invitedAt: Date | null;
};

export type StudentsWhoFit = {
  slot: { id: string; title: string; status: SlotStatus; open: boolean; organizationName: string; organizationVerified: boolean };
  students: StudentWhoFits[];
};

/**
 * The best `k` students for a slot: students opted in to matching rounds who let verified mentors
 * see their profile, complete for matching, with no live match, eligible for the slot; best first.
 * Empty until the mentor's organization is verified (hidden students are for verified mentors only),
 * and for a draft, whose terms may not be written yet.
 */
async function rankStudentsWhoFit(db: Db, own: OwnSlot, k: number) {
  if (own.organization.verifiedAt === null || own.slot.status === "draft") return { matchSlot: null, top: [], candidates: [] };
  const matchSlot = await loadMatchSlot(db, own.slot);
  // Only students holding one of the slot's required skills can be ranked for it (all, when it requires none).
  const required = Object.keys(matchSlot.requiredSkills);
  const candidates = await loadStudents(db, { forRound: true, visibleToMentors: true, ...(required.length ? { withAnySkill: required } : {}) });
  return { matchSlot, top: recommendStudents(matchSlot, candidates, k), candidates };
}

/**
 * The "students who fit" page of a slot of the mentor's own organization; null when the slot is
 * not the mentor's (the page answers 404). Only students who let verified mentors see them are
 * listed, and a student's work-authorization status never reaches the mentor unless they share it.
 */
export async function studentsWhoFit(db: Db, mentorId: string, slotId: string, { k = 10, now = new Date() }: { k?: number; now?: Date } = {}): Promise<StudentsWhoFit | null> {
  const own = await findOwnSlot(db, { userId: mentorId, slotId, now });
  if (!own) return null;
  const { matchSlot, top, candidates } = await rankStudentsWhoFit(db, own, k);
  const slotView = { id: own.slot.id, title: own.slot.title, status: own.slot.status, open: own.open, organizationName: own.organization.name, organizationVerified: own.organization.verifiedAt !== null };
  if (!matchSlot || top.length === 0) return { slot: slotView, students: [] };

  const ids = top.map((t) => t.studentId);
  const [people, invitations] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        school: studentProfiles.school,
        program: studentProfiles.program,
        shareAuthorization: studentProfiles.shareAuthorization,
        skills: sql<{ name: string; level: number }[]>`coalesce((select json_agg(json_build_object('name', ${skills.name}, 'level', ${studentSkills.level}) order by ${studentSkills.level} desc, ${skills.name}) from ${studentSkills} join ${skills} on ${skills.slug} = ${studentSkills.skillSlug} where ${studentSkills.userId} = ${users.id}), '[]'::json)`,
      })
      .from(users)
      .innerJoin(studentProfiles, eq(studentProfiles.userId, users.id))
      .where(inArray(users.id, ids)),
    invitationsFor(db, slotId, ids),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const chosen = new Set(ids);
  const matchStudents = new Map(candidates.filter((c) => chosen.has(c.id)).map((c) => [c.id, c]));
  const students: StudentWhoFits[] = [];
  for (const { studentId, score } of top) {
    const person = byId.get(studentId);
    const student = matchStudents.get(studentId);
    if (!person || !student) continue;
    const pair = explainPair(student, matchSlot);
    const name = firstName(person.name);
    const view = mentorView(pair, {
      shares: person.shareAuthorization,
      status: student.workAuthorization,
      validFrom: student.authorizationValidFrom,
      validUntil: student.authorizationValidUntil,
    });
    students.push({
      id: person.id,
      name: person.name,
      school: person.school,
      program: person.program,
      skills: person.skills,
      score,
      reasons: renderTopReasons(view.components, { audience: "mentor", name }).map((r) => r.text),
      authorization: view.authorization.shared ? { label: AUTHORIZATION_INFO[view.authorization.status].label } : null,
      fit: mentorFitLines(view, name),
      invitedAt: invitations.get(studentId) ?? null,
    });
  }
  return { slot: slotView, students };
}

/** When each of `studentIds` was invited to apply to the slot, from the audit log. */
async function invitationsFor(db: Db, slotId: string, studentIds: string[]) {
  const rows = await db
    .select({ studentId: sql<string>`${auditLog.detail}->>'studentId'`, at: auditLog.createdAt })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.subjectType, "slot"),
        eq(auditLog.subjectId, slotId),
        eq(auditLog.action, INVITED_ACTION),
        inArray(sql`${auditLog.detail}->>'studentId'`, studentIds),
      ),
    );
  return new Map(rows.map((r) => [r.studentId, r.at]));
}

export type InviteResult =
  | { ok: true; emailId: string }
  | { ok: false; error: "not_found" | "not_open" | "student_not_found" }
  | { ok: false; error: "already_invited"; invitedAt: Date };

/**
 * Emails a student an invitation to apply to a slot of the mentor's organization, with why they
 * fit, and records it in the audit log — at most once per student per slot (invitations to one
 * slot queue on its row). Only a student on the slot's "students who fit" list (the same `k`):
 * anyone else — hidden, not in rounds, not eligible, or no such student — gets the one answer
 * `student_not_found`, so an id reveals nothing.
 */
export async function inviteToApply(
  db: Db,
  mentorId: string,
  slotId: string,
  studentId: string,
  { now = new Date(), k = 10 }: { now?: Date; k?: number } = {},
): Promise<InviteResult> {
  if (!isUuid(studentId)) return { ok: false, error: "student_not_found" };
  return transaction(db, async (tx) => {
    const own = await findOwnSlot(tx, { userId: mentorId, slotId, lock: true, now });
    if (!own) return { ok: false, error: "not_found" };
    if (!own.open) return { ok: false, error: "not_open" };

    // why: an invited student may have dropped down the list since; "already invited" is the truer answer.
    const previous = (await invitationsFor(tx, slotId, [studentId])).get(studentId);
    if (previous) return { ok: false, error: "already_invited", invitedAt: previous };

    const { matchSlot, top, candidates } = await rankStudentsWhoFit(tx, own, k);
    const candidate = top.some((t) => t.studentId === studentId) ? candidates.find((c) => c.id === studentId) : undefined;
    if (!matchSlot || !candidate) return { ok: false, error: "student_not_found" };

    const pair = explainPair(candidate, matchSlot);
    const people = await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, [studentId, mentorId]));
    const student = people.find((p) => p.id === studentId)!;
    const mentor = people.find((p) => p.id === mentorId)!;
    const emailId = await queueEmail(tx, {
      template: "invite-to-apply",
      to: [student.email],
      subject: inviteToApplySubject(own.organization.name, own.slot.title),
      body: createElement(InviteToApply, {
        studentName: firstName(student.name),
        mentorName: mentor.name,
        organizationName: own.organization.name,
        slotTitle: own.slot.title,
        // The email goes to the student: reasons in their own voice.
        reasons: renderTopReasons(pair.components, { audience: "student" }).map((r) => r.text),
        slotUrl: absoluteUrl(`/slots/${slotId}`),
        deadline: formatDay(submitted(own.slot).applicationDeadline),
      }),
      userId: studentId,
    });
    await recordAudit(tx, { actorId: mentorId, action: INVITED_ACTION, subjectType: "slot", subjectId: slotId, detail: { studentId, title: own.slot.title } });
    return { ok: true, emailId };
  });
}
