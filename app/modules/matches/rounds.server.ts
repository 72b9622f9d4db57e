import { count, desc, eq, inArray, sql } from "drizzle-orm";
import { transaction, type Db } from "~db/client.server";
import { matches, matchRounds, users } from "~db/schema";
import { deferredAcceptance } from "~/engine/assign";
import { compileSlots, compileStudents } from "~/engine/compile";
import { explainPair } from "~/engine/recommend";
import type { AuthorizationExplanation } from "~/engine/explanations";
import type { ScoreComponent } from "~/engine/types";
import { DEFAULT_LIST_LENGTH, listOf, type RoundResult } from "~/engine/round";
import { buildPreferencesInThreads, prepareThreads } from "~/modules/engine-adapter/threads";
import { recordAudit } from "~/modules/audit/audit.server";
import { loadOpenSlots, loadStudents } from "~/modules/engine-adapter/instance.server";
import { isUuid } from "~/modules/ids";

/** Rows per multi-row insert: ~10 parameters a row stays far below PostgreSQL's 65,535. */
const INSERT_BATCH = 1000;

// why: one key for "a round is being saved"; two admins pressing the button at once would
// otherwise both load the same students and propose each of them twice.
const ROUND_LOCK = sql`hashtext('steppingstone.matching_round')`;

/** The engine's round stats, plus what was written: `saved` proposals, and `skipped` pairs that had a live match by then. */
export type RoundStats = RoundResult["stats"] & { saved: number; skipped: number };

export type RunRoundResult = { ok: true; roundId: string; stats: RoundStats } | { ok: false; error: "round_running" };

type ProposalRow = { slot_id: string; student_id: string; score: number; reasons: ScoreComponent[]; warnings: AuthorizationExplanation[] };

/**
 * Writes round proposals as one statement per batch, the batch sent as a single JSON parameter.
 * why: building a 1,000-row insert through the query builder (10,000 bound values) cost more
 * than PostgreSQL's work on it; one JSON document per batch keeps a 40,000-proposal round
 * within its budget. A pair that gained a live match since loading (a mentor's proposal) is
 * skipped by the partial unique index: one live match per pair.
 */
async function insertProposals(tx: Db, rows: ProposalRow[], roundId: string, now: Date) {
  const result = await tx.execute(sql`
    insert into ${matches} (slot_id, student_id, source, round_id, score, reasons, warnings, created_at, updated_at)
    select r.slot_id, r.student_id, 'round', ${roundId}::uuid, r.score, r.reasons, r.warnings, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(slot_id uuid, student_id uuid, score int, reasons jsonb, warnings jsonb)
    on conflict do nothing`);
  return result.count;
}

/**
 * Runs a matching round over open slots (their seats left) and opted-in students without a
 * live match, and saves it — the round, a `proposed` match per assignment with its score,
 * components and warnings, and an audit entry — in one transaction. Never proposes a pair that
 * already has a live match; one round at a time.
 */
export async function runMatchingRound(
  db: Db,
  adminId: string | null,
  { listLength = DEFAULT_LIST_LENGTH, now = new Date() }: { listLength?: number; now?: Date } = {},
): Promise<RunRoundResult> {
  return transaction(db, async (tx) => {
    const [lock] = await tx.execute<{ locked: boolean }>(sql`select pg_try_advisory_xact_lock(${ROUND_LOCK}) as locked`);
    if (!lock?.locked) return { ok: false, error: "round_running" };

    // Loaded inside the transaction and under the lock, so what the round sees is what it saves
    // against. Both queries go at once; the slots compile while PostgreSQL answers the second.
    const loadingSlots = loadOpenSlots(tx, now, { forRound: true });
    const loadingStudents = loadStudents(tx, { forRound: true });
    // why: when the slots fail, that error is the one thrown; the students' must not go unhandled.
    loadingStudents.catch(() => {});
    const slotList = await loadingSlots;
    const slotTables = compileSlots(slotList);
    const studentList = await loadingStudents;

    // The engine's steps without its offline output (the full preference lists): a round on
    // the platform needs only the assignments, and building those lists costs more than the
    // assignment itself at 50,000 students.
    prepareThreads(studentList.length, slotList.length);
    const c = compileStudents(slotTables, studentList);
    const { prefs } = await buildPreferencesInThreads(c, listLength);
    const { assigned, proposals } = deferredAcceptance({ ...prefs, seats: c.tSeats });

    const [round] = await tx
      .insert(matchRounds)
      .values({ runBy: adminId, listLength, stats: {}, createdAt: now })
      .returning({ id: matchRounds.id });
    const roundId = round!.id;

    // Each batch is sent as soon as it is explained, so PostgreSQL writes one batch while the
    // next is explained (postgres.js pipelines a connection's queries).
    const inserts: Promise<number>[] = [];
    let batch: ProposalRow[] = [];
    const send = () => {
      const insert = insertProposals(tx, batch, roundId, now);
      // why: if a later step throws, the transaction is rolled back and these fail too; the
      // error that matters is the one thrown, not an unhandled rejection.
      insert.catch(() => {});
      inserts.push(insert);
      batch = [];
    };
    let assignedCount = 0;
    let scoreSum = 0;
    let gotFirstChoice = 0;
    for (let s = 0; s < c.S; s++) {
      const t = assigned[s]!;
      if (t < 0) continue;
      // why: compiling numbers slots by skill bucket, so index t is the compiled order, not slotList's.
      const student = c.instance.students[s]!;
      const slot = c.instance.slots[t]!;
      const pair = explainPair(student, slot);
      if (!pair.eligible) throw new Error(`The round assigned an ineligible pair (student ${student.id}, slot ${slot.id})`);
      assignedCount++;
      scoreSum += pair.score;
      if (listOf(prefs, s)[0] === t) gotFirstChoice++;
      batch.push({ slot_id: slot.id, student_id: student.id, score: pair.score, reasons: pair.components, warnings: pair.warnings });
      if (batch.length === INSERT_BATCH) send();
    }
    if (batch.length) send();
    const saved = (await Promise.all(inserts)).reduce((sum, n) => sum + n, 0);

    const seats = slotList.reduce((sum, slot) => sum + slot.seats, 0);
    const stats: RoundStats = {
      students: c.S,
      slots: c.T,
      seats,
      assigned: assignedCount,
      unassigned: c.S - assignedCount,
      seatsLeft: seats - assignedCount,
      proposals,
      averageScore: assignedCount ? Math.round((scoreSum / assignedCount) * 10) / 10 : 0,
      gotFirstChoice,
      saved,
      skipped: assignedCount - saved,
    };
    await tx.update(matchRounds).set({ stats }).where(eq(matchRounds.id, roundId));
    await recordAudit(tx, {
      actorId: adminId,
      action: "match_round.run",
      subjectType: "match_round",
      subjectId: roundId,
      detail: { listLength, students: stats.students, slots: stats.slots, proposals: saved, skipped: stats.skipped },
    });
    return { ok: true, roundId, stats };
  });
}

/** The latest rounds, newest first, with who ran them and what became of their proposals so far. */
export async function listRecentRounds(db: Db, { limit = 5 }: { limit?: number } = {}) {
  const rounds = await db
    .select({ id: matchRounds.id, createdAt: matchRounds.createdAt, listLength: matchRounds.listLength, stats: matchRounds.stats, runBy: users.name })
    .from(matchRounds)
    .leftJoin(users, eq(users.id, matchRounds.runBy))
    .orderBy(desc(matchRounds.createdAt), desc(matchRounds.id))
    .limit(limit);
  if (!rounds.length) return [];
  const outcomes = await db
    .select({ roundId: matches.roundId, status: matches.status, value: count() })
    .from(matches)
    .where(inArray(matches.roundId, rounds.map((r) => r.id)))
    .groupBy(matches.roundId, matches.status);
  return rounds.map((round) => {
    const byStatus = outcomes.filter((o) => o.roundId === round.id);
    const waiting = byStatus.find((o) => o.status === "proposed")?.value ?? 0;
    const rejected = byStatus.find((o) => o.status === "rejected")?.value ?? 0;
    const approved = byStatus.reduce((n, o) => n + o.value, 0) - waiting - rejected;
    return { ...round, stats: round.stats as Partial<RoundStats>, waiting, approved, rejected };
  });
}

/** One round's summary (for the line that reports it), or null. */
export async function getRound(db: Db, roundId: string) {
  if (!isUuid(roundId)) return null;
  const [round] = await db.select().from(matchRounds).where(eq(matchRounds.id, roundId));
  return round ? { ...round, stats: round.stats as Partial<RoundStats> } : null;
}
