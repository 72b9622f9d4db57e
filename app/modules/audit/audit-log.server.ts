import { and, count, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "~db/client.server";
import { auditLog, organizations, slots, users } from "~db/schema";
import { onePage } from "~/modules/paging";

export const AUDIT_PAGE_SIZE = 30;

const actor = alias(users, "actor");
const subjectUser = alias(users, "subject_user");

/**
 * One page of the audit log, newest first: who acted (their name and role today, or null once
 * the account is gone) and the subject's current name where it still exists.
 */
export async function listAuditLog(db: Db, { page }: { page: number }) {
  return onePage(
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
        subjectName: sql<string | null>`coalesce(${organizations.name}, ${slots.title}, ${subjectUser.name})`,
      })
      .from(auditLog)
      .leftJoin(actor, eq(actor.id, auditLog.actorId))
      // why: subject_id is text (it names rows of several tables), so compare as text, never cast it.
      .leftJoin(organizations, and(eq(auditLog.subjectType, "organization"), sql`${organizations.id}::text = ${auditLog.subjectId}`))
      .leftJoin(slots, and(eq(auditLog.subjectType, "slot"), sql`${slots.id}::text = ${auditLog.subjectId}`))
      .leftJoin(subjectUser, and(eq(auditLog.subjectType, "user"), sql`${subjectUser.id}::text = ${auditLog.subjectId}`))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id)),
    db.select({ value: count() }).from(auditLog),
    { page, size: AUDIT_PAGE_SIZE },
  );
}
