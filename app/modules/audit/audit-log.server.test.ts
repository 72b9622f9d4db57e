import { describe, expect, test } from "vitest";
import { auditLog, matchRounds } from "~db/schema";
import { makeApplication, makeMatch, makeMatchableStudent } from "~db/test/match-factories";
import { moduleTestDb } from "~db/test/module-db";
import { makeOrganization, makeSlot } from "~db/test/slot-factories";
import type { AuditEntry } from "./audit.server";
import { listAuditLog } from "./audit-log.server";

const db = moduleTestDb();

/** Records `entries` and reads them back from the log's pages, in the order given (other files write to the log meanwhile). */
async function recordAndList(entries: Omit<AuditEntry, "actorId">[]) {
  const ids = (await db.insert(auditLog).values(entries.map((e) => ({ ...e, actorId: null, detail: e.detail ?? null }))).returning({ id: auditLog.id })).map((r) => r.id);
  const found = new Map<number, Awaited<ReturnType<typeof listAuditLog>>["rows"][number]>();
  for (let page = 1; found.size < ids.length; page++) {
    const { rows, pages } = await listAuditLog(db, { page });
    for (const row of rows) if (ids.includes(row.id)) found.set(row.id, row);
    if (page >= pages) break;
  }
  return ids.map((id) => found.get(id)!);
}

describe("listAuditLog", () => {
  test("names every kind of subject that exists, with the admin's page for it, and says which are gone", async () => {
    const { organization, mentor } = await makeOrganization(db, { name: "Willow Lab" });
    const slot = await makeSlot(db, organization, { title: "River sensors intern" });
    const student = await makeMatchableStudent(db, { name: "Ada Osei" });
    const match = await makeMatch(db, { slotId: slot.id, studentId: student.id, status: "rejected", closingReason: "The hours do not fit her term." });
    const application = await makeApplication(db, { slotId: slot.id, studentId: student.id });
    const [round] = await db.insert(matchRounds).values({ listLength: 3, stats: { proposals: 0 } }).returning();

    const rows = await recordAndList([
      { action: "organization.verified", subjectType: "organization", subjectId: organization.id },
      { action: "slot.sent_back", subjectType: "slot", subjectId: slot.id, detail: { title: slot.title, reason: "Add a learning plan." } },
      { action: "account.deleted", subjectType: "user", subjectId: student.id },
      { action: "account.deleted", subjectType: "user", subjectId: mentor.id },
      { action: "match.rejected", subjectType: "match", subjectId: match.id },
      { action: "application.submitted", subjectType: "application", subjectId: application.id },
      { action: "match_round.run", subjectType: "match_round", subjectId: round!.id },
      { action: "match.approved", subjectType: "match", subjectId: "00000000-0000-4000-8000-000000000000" },
      { action: "slot.closed", subjectType: "slot", subjectId: slot.id, detail: { reason: "mentor_deleted_account" } },
    ]);

    expect(rows.map((r) => [r.subject.name, r.subject.href, r.subject.exists])).toEqual([
      ["Willow Lab", null, true],
      ["River sensors intern", `/slots/${slot.id}`, true],
      ["Ada Osei", `/admin/users/${student.id}`, true],
      ["Test Mentor", `/admin/users/${mentor.id}`, true],
      ["Ada Osei · River sensors intern", `/matches/${match.id}`, true],
      ["Ada Osei · River sensors intern", `/slots/${slot.id}`, true],
      [null, `/admin/matches?round=${round!.id}`, true],
      [null, null, false],
      ["River sensors intern", `/slots/${slot.id}`, true],
    ]);
    expect(rows[6]!.subject.roundAt).toEqual(round!.createdAt);
  });

  test("shows the reason: the entry's own, the one kept on a rejected match, and a code in words", async () => {
    const { organization } = await makeOrganization(db);
    const slot = await makeSlot(db, organization);
    const student = await makeMatchableStudent(db);
    const match = await makeMatch(db, { slotId: slot.id, studentId: student.id, status: "rejected", closingReason: "The hours do not fit her term." });

    const rows = await recordAndList([
      { action: "slot.sent_back", subjectType: "slot", subjectId: slot.id, detail: { title: slot.title, reason: "Add a learning plan." } },
      { action: "match.rejected", subjectType: "match", subjectId: match.id, detail: { slotId: slot.id } },
      { action: "slot.closed", subjectType: "slot", subjectId: slot.id, detail: { reason: "mentor_deleted_account" } },
      { action: "slot.opened", subjectType: "slot", subjectId: slot.id },
    ]);
    expect(rows.map((r) => r.reason)).toEqual(["Add a learning plan.", "The hours do not fit her term.", "The slot's last mentor deleted their account", null]);
  });
});
