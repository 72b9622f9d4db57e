import type PgBoss from "pg-boss";
import { getDb, type Db } from "~db/client.server";
import { getEnv } from "~/env.server";
import { runReminderSweep, SWEEP_STEPS, type SweepStep } from "~/modules/mentorship/sweep.server";
import { QUEUES } from "./queue.server";

// The reminders sweep on the job queue (docs/decisions/016-the-mentorship-space.md). pg-boss's
// cron scheduler stays off (startQueue: `schedule: false`); instead each sweep job queues the next
// with `startAfter`. The queue's "short" policy lets at most one sweep wait at a time, so a restart,
// a second process or a retried job never piles up sweeps: a second send is simply refused.

/** At most one sweep waiting; a lost run is not retried, the next one (queued first) covers it. */
export const SWEEP_QUEUE = { policy: "short", retryLimit: 0, expireInSeconds: 10 * 60 } as const;
const SWEEP_KEY = "reminder-sweep";

/** Queues a sweep in `afterSeconds` unless one is already waiting; the job's id, or null when one was. */
export function queueSweep(boss: PgBoss, afterSeconds: number) {
  return boss.send(QUEUES.reminderSweep, {}, { singletonKey: SWEEP_KEY, startAfter: afterSeconds, retryLimit: 0, expireInSeconds: SWEEP_QUEUE.expireInSeconds });
}

/**
 * One sweep job: first queues the next run (so a crash in this one does not end the chain), then
 * runs every step at `now`.
 */
export async function handleSweepJob(boss: PgBoss, db: Db, now: Date, steps: Record<string, SweepStep> = SWEEP_STEPS, every = getEnv().REMINDER_SWEEP_SECONDS) {
  await queueSweep(boss, every);
  return runReminderSweep(db, now, steps);
}

/** Gives the sweep's queue its policy (a queue startQueue created is "standard"). */
export function applySweepQueue(boss: PgBoss) {
  return boss.updateQueue(QUEUES.reminderSweep, { name: QUEUES.reminderSweep, ...SWEEP_QUEUE });
}

/**
 * Gives the sweep's queue its policy, queues a sweep unless one is waiting, and registers the
 * handler. Called by every process that runs workers (startWorkers). The first sweep runs one
 * interval after start, like every other: a process restarted again and again still sweeps every
 * REMINDER_SWEEP_SECONDS (by default SWEEP_EVERY_SECONDS), since the waiting sweep keeps its time.
 */
export async function startReminderSweep(boss: PgBoss, { steps = SWEEP_STEPS, every = getEnv().REMINDER_SWEEP_SECONDS }: { steps?: Record<string, SweepStep>; every?: number } = {}) {
  await applySweepQueue(boss);
  await queueSweep(boss, every);
  await boss.work(QUEUES.reminderSweep, { batchSize: 1, pollingIntervalSeconds: 5 }, async ([job]) => {
    if (!job) return;
    const result = await handleSweepJob(boss, getDb(), new Date(), steps, every);
    const written = Object.entries(result).filter(([, n]) => n !== 0);
    if (written.length) console.log(`[sweep] ${written.map(([name, n]) => `${name}: ${n ?? "failed"}`).join(", ")}`);
  });
}
