import { and, count, desc, eq, sql, type AnyColumn } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "~db/client.server";
import { applications, auditLog, matches, matchRounds, organizations, slots, users } from "~db/schema";
import { onePage } from "~/modules/paging";
import type { AuditEntry } from "./audit.server";

export const AUDIT_PAGE_SIZE = 30;

const actor = alias(users, "actor");
const subjectUser = alias(users, "subject_user");
const matchSlot = alias(slots, "match_slot");
const matchStudent = alias(users, "match_student");
const applicationSlot = alias(slots, "application_slot");
const applicationStudent = alias(users, "application_student");

type SubjectType = AuditEntry["subjectType"];

/** Joins the row whose `id` an entry of `type` names. why: subject_id is text (it names rows of several tables), so compare as text, never cast it. */
const subjectIs = (type: SubjectType, id: AnyColumn) => and(eq(auditLog.subjectType, type), sql`${id}::text = ${auditLog.subjectId}`);

/** Actions whose reason lives on the match (closing_reason), not in the entry: free text kept with what it closed. */
const REASON_ON_THE_MATCH = new Set(["match.rejected", "match.not_proceeding"]);

/** Reasons the system records as codes, in words. */
const REASON_CODES: Record<string, string> = {
  mentor_deleted_account: "The slot's last mentor deleted their account",
  last_member_deleted_account: "The last member deleted their account",
};

/** What an entry is about, as the admin reads it: its name today and its page, or `exists: false` once it is gone. */
export type AuditSubject = { exists: boolean; name: string | null; href: string | null; roundAt: Date | null };

type SubjectRow = {
  subjectType: string;
  subjectId: string;
  organizationName: string | null;
  slotTitle: string | null;
  userName: string | null;
  matchStudent: string | null;
  matchSlot: string | null;
  applicationStudent: string | null;
  applicationSlot: string | null;
  applicationSlotId: string | null;
  roundAt: Date | null;
};

const pair = (student: string | null, slot: string | null) => (student && slot ? `${student} · ${slot}` : null);

function subjectOf(row: SubjectRow): AuditSubject {
  const gone: AuditSubject = { exists: false, name: null, href: null, roundAt: null };
  const found = (name: string | null, href: string | null): AuditSubject => (name === null ? gone : { exists: true, name, href, roundAt: null });
  switch (row.subjectType as SubjectType) {
    case "organization":
      return found(row.organizationName, null);
    case "slot":
      return found(row.slotTitle, `/slots/${row.subjectId}`);
    case "user":
      // The account's page in People: every role has one.
      return found(row.userName, `/admin/users/${row.subjectId}`);
    case "match":
      return found(pair(row.matchStudent, row.matchSlot), `/matches/${row.subjectId}`);
    case "application":
      return found(pair(row.applicationStudent, row.applicationSlot), row.applicationSlotId ? `/slots/${row.applicationSlotId}` : null);
    case "match_round":
      return row.roundAt ? { exists: true, name: null, href: `/admin/matches?round=${row.subjectId}`, roundAt: row.roundAt } : gone;
    case "export":
      // why: a file handed to an admin, not a row: nothing to link to; its title is in the entry's detail.
      return { exists: true, name: null, href: null, roundAt: null };
    default:
      return gone;
  }
}

/** The reason an entry records, in words: in its detail, or on the match it closed. */
function reasonOf(action: string, detail: Record<string, unknown> | null, matchReason: string | null): string | null {
  if (REASON_ON_THE_MATCH.has(action)) return matchReason;
  const reason = detail?.reason;
  if (typeof reason !== "string" || !reason) return null;
  return REASON_CODES[reason] ?? reason;
}

/**
 * One page of the audit log, newest first: who acted (their name and role today, or null once
 * the account is gone), the subject's current name and page where it still exists — any kind of
 * subject the log records — and the reason given, if any.
 */
export async function listAuditLog(db: Db, { page }: { page: number }) {
  const listed = await onePage(
    db
      .select({
        id: auditLog.id,
        action: auditLog.action,
        subjectType: auditLog.subjectType,
        subjectId: auditLog.subjectId,
        detail: auditLog.detail,
        createdAt: auditLog.createdAt,
        actorName: actor.name,
        actorRole: actor.role,
        organizationName: organizations.name,
        slotTitle: slots.title,
        userName: subjectUser.name,
        matchStudent: matchStudent.name,
        matchSlot: matchSlot.title,
        matchReason: matches.closingReason,
        applicationStudent: applicationStudent.name,
        applicationSlot: applicationSlot.title,
        applicationSlotId: applicationSlot.id,
        roundAt: matchRounds.createdAt,
      })
      .from(auditLog)
      .leftJoin(actor, eq(actor.id, auditLog.actorId))
      .leftJoin(organizations, subjectIs("organization", organizations.id))
      .leftJoin(slots, subjectIs("slot", slots.id))
      .leftJoin(subjectUser, subjectIs("user", subjectUser.id))
      .leftJoin(matches, subjectIs("match", matches.id))
      .leftJoin(matchSlot, eq(matchSlot.id, matches.slotId))
      .leftJoin(matchStudent, eq(matchStudent.id, matches.studentId))
      .leftJoin(applications, subjectIs("application", applications.id))
      .leftJoin(applicationSlot, eq(applicationSlot.id, applications.slotId))
      .leftJoin(applicationStudent, eq(applicationStudent.id, applications.studentId))
      .leftJoin(matchRounds, subjectIs("match_round", matchRounds.id))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id)),
    db.select({ value: count() }).from(auditLog),
    { page, size: AUDIT_PAGE_SIZE },
  );
  return {
    ...listed,
    rows: listed.rows.map((row) => ({
      id: row.id,
      action: row.action,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      detail: row.detail,
      createdAt: row.createdAt,
      actorName: row.actorName,
      actorRole: row.actorRole,
      subject: subjectOf(row),
      reason: reasonOf(row.action, row.detail, row.matchReason),
    })),
  };
}
