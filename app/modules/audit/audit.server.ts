import type { Db } from "~db/client.server";
import { auditLog } from "~db/schema";

export type AuditEntry = {
  actorId: string | null;
  /** What happened, as `area.verb`: `organization.verified`, `slot.sent_back`. */
  action: string;
  subjectType: "organization" | "slot" | "user" | "match" | "match_round" | "application";
  subjectId: string;
  detail?: Record<string, unknown>;
};

/** Records a decision; call it on the same transaction as the change it describes. Never put work-authorization data in `detail`. */
export async function recordAudit(tx: Db, entry: AuditEntry) {
  await tx.insert(auditLog).values({ ...entry, detail: entry.detail ?? null });
}
