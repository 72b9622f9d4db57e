import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { createDb, transaction } from "~db/client.server";
import { auditLog, matches, matchRounds } from "~db/schema";
import { makeUser } from "~db/test/factories";
import { deleteRounds, makeMatch, makeMatchableStudent } from "~db/test/match-factories";
import { makeOrganization, makeSkill, makeSlot } from "~db/test/slot-factories";
import { moduleTestDb } from "~db/test/module-db";
import { runMatchingRound } from "./rounds.server";

const db = moduleTestDb();
const roundIds: string[] = [];
// why: a round proposes for every opted-in student in the shared test database; its proposals
// must not follow other test files around.
afterAll(() => deleteRounds(db, roundIds));

const [{ version }] = (await db.execute<{ version: string }>(sql`select version() as version`)) as unknown as [{ version: string }];
// why: the embedded database serializes connections, so a transaction held open on one connection
// blocks the other outright; the lock test needs a real server.
const embedded = /PGlite/.test(version);

async function round(adminId: string, options: { listLength?: number } = {}) {
  const result = await runMatchingRound(db, adminId, options);
  if (!result.ok) throw new Error(`round refused: ${result.error}`);
  roundIds.push(result.roundId);
  return result;
}

const proposalsFor = (studentIds: string[]) => db.select().from(matches).where(and(inArray(matches.studentId, studentIds), eq(matches.status, "proposed")));

describe("runMatchingRound", () => {
  test("saves the round and a proposal per assignment, with score, every component, warnings and an audit entry", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const skill = await makeSkill(db);
    const { organization } = await makeOrganization(db);
    const slot = await makeSlot(db, organization, {
      skills: [[skill.slug, 2, true]],
      acceptedAuthorizations: ["us_citizen_pr", "us_f1_cpt"],
      paperwork: ["cpt_offer_letter"],
    });
    const student = await makeMatchableStudent(db, { skills: [[skill.slug, 3]], stars: [slot.id], workAuthorization: "us_f1_cpt" });

    const result = await round(admin.id);
    expect(result.stats.saved).toBeGreaterThanOrEqual(1);
    expect(result.stats.skipped).toBe(0);

    const [proposal] = await proposalsFor([student.id]);
    expect(proposal).toMatchObject({ slotId: slot.id, source: "round", roundId: result.roundId, status: "proposed", applicationId: null });
    expect(proposal!.score).toBeGreaterThan(50);
    expect(proposal!.reasons.map((r) => r.key)).toEqual(["required_skills", "nice_skills", "goals", "time_zone", "dates_and_hours"]);
    // Stored as codes, not sentences: each page words them for its reader.
    expect(proposal!.reasons[0]!.reason).toEqual({ code: "required_skills", params: { total: 1, covered: [skill.slug], below: [], missing: [] } });
    expect(proposal!.reasons[0]).not.toHaveProperty("label");
    expect(proposal!.warnings).toEqual([{ code: "cpt_dso_authorization", params: {} }]);

    const [saved] = await db.select().from(matchRounds).where(eq(matchRounds.id, result.roundId));
    expect(saved).toMatchObject({ runBy: admin.id, listLength: 50 });
    expect(saved!.stats).toMatchObject({ saved: result.stats.saved, students: result.stats.students, slots: result.stats.slots });

    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.subjectType, "match_round"), eq(auditLog.subjectId, result.roundId)));
    expect(entry).toMatchObject({ actorId: admin.id, action: "match_round.run" });
    expect(JSON.stringify(entry!.detail)).not.toMatch(/us_f1|cpt|curricular/i);
  });

  test("only opted-in students without a live match are proposed; a student's ended match does not hold them back", async () => {
    const admin = await makeUser(db, { role: "admin" });
    // A skill of this test's own: only its students have it, so only they list its slot.
    const skill = await makeSkill(db);
    const skills: [string, number][] = [[skill.slug, 3]];
    const { organization } = await makeOrganization(db);
    const slot = await makeSlot(db, organization, { seats: 5, skills: [[skill.slug, 2, true]] });
    const elsewhere = await makeSlot(db, organization);
    const optedIn = await makeMatchableStudent(db, { stars: [slot.id], skills });
    const optedOut = await makeMatchableStudent(db, { stars: [slot.id], skills, inMatching: false });
    const introducedElsewhere = await makeMatchableStudent(db, { stars: [slot.id], skills });
    await makeMatch(db, { slotId: elsewhere.id, studentId: introducedElsewhere.id, status: "introduced" });
    const endedHere = await makeMatchableStudent(db, { stars: [slot.id], skills });
    await makeMatch(db, { slotId: slot.id, studentId: endedHere.id, status: "not_proceeding" });

    await round(admin.id);

    const proposed = await proposalsFor([optedIn.id, optedOut.id, introducedElsewhere.id, endedHere.id]);
    expect(proposed.map((m) => m.studentId).sort()).toEqual([optedIn.id, endedHere.id].sort());
    expect(proposed.every((m) => m.slotId === slot.id)).toBe(true);
  });

  test("respects the seats left: seats held by live matches are not offered again", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const skill = await makeSkill(db);
    const { organization } = await makeOrganization(db);
    const slot = await makeSlot(db, organization, { seats: 2, skills: [[skill.slug, 2, true]] });
    const holder = await makeMatchableStudent(db, { inMatching: false });
    await makeMatch(db, { slotId: slot.id, studentId: holder.id, status: "interviewing" });
    const strong = await makeMatchableStudent(db, { stars: [slot.id], skills: [[skill.slug, 4]] });
    const other = await makeMatchableStudent(db, { stars: [slot.id], skills: [[skill.slug, 2]] });

    await round(admin.id);
    // A second round finds nothing new for them: a proposal holds its seat and its student.
    await round(admin.id);

    const here = (await db.select().from(matches).where(and(eq(matches.slotId, slot.id), eq(matches.status, "proposed")))).map((m) => m.studentId);
    expect(here).toHaveLength(1);
    expect([strong.id, other.id]).toContain(here[0]);
  });

  test.skipIf(embedded)("one round at a time: a second admin is told a round is running", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const other = createDb(process.env.DATABASE_URL!, { max: 1 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const holding = transaction(other, async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('steppingstone.matching_round'))`);
      locked();
      await held;
    });
    try {
      await lockTaken;
      expect(await runMatchingRound(db, admin.id)).toEqual({ ok: false, error: "round_running" });
    } finally {
      release();
      await holding;
      await other.$client.end({ timeout: 5 });
    }
  });
});
