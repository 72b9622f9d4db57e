import type { Db } from "~db/client.server";
import { auditLog } from "~db/schema";

export type AuditEntry = {
  actorId: string | null;
  /** What happened, as `area.verb`: `organization.verified`, `slot.sent_back`. */
  action: string;
  subjectType: "organization" | "slot" | "user" | "match" | "match_round" | "application" | "export";
  subjectId: string;
  detail?: Record<string, unknown>;
};

/** Records a decision; call it on the same transaction as the change it describes. Never put work-authorization data in `detail`. */
export async function recordAudit(tx: Db, entry: AuditEntry) {
  await recordAuditEntry(tx, entry);
}

/** recordAudit, returning the new entry's id (an export's download reads its entry). */
export async function recordAuditEntry(tx: Db, entry: AuditEntry): Promise<number> {
  const [row] = await tx.insert(auditLog).values({ ...entry, detail: entry.detail ?? null }).returning({ id: auditLog.id });
  return row!.id;
}
