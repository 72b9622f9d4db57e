import { sql } from "drizzle-orm";
import { beforeEach, expect, test, vi } from "vitest";
import { moduleTestDb } from "~db/test/module-db";
import { SWEEP_EVERY_SECONDS } from "~/modules/mentorship/schedule";
import { getQueue, QUEUES } from "./queue.server";
import { applySweepQueue, handleSweepJob, queueSweep, startReminderSweep } from "./reminders.worker.server";

const db = moduleTestDb({ queue: true });

/** The sweep jobs waiting to run, with how many seconds until each may start. */
async function waitingSweeps() {
  return [
    ...(await db.execute<{ starts_in: number }>(
      sql`select extract(epoch from start_after - now())::int as starts_in from pgboss.job where name = ${QUEUES.reminderSweep} and state = 'created'`,
    )),
  ];
}

// why: a stand-in step, so no test here sweeps the database that other test files share.
const step = vi.fn(async () => 0);

beforeEach(async () => {
  await applySweepQueue(getQueue());
  await getQueue().purgeQueue(QUEUES.reminderSweep);
});

test("starting twice (a restart, or a second worker process) leaves one sweep waiting, an interval away", async () => {
  await startReminderSweep(getQueue(), { steps: { step } });
  await startReminderSweep(getQueue(), { steps: { step } });

  const waiting = await waitingSweeps();
  expect(waiting).toHaveLength(1);
  expect(waiting[0]!.starts_in).toBeGreaterThan(SWEEP_EVERY_SECONDS - 10);
  expect(await queueSweep(getQueue(), 0)).toBeNull();
  expect(await waitingSweeps()).toHaveLength(1);
});

test("a sweep job runs the steps with its clock and queues the next run, once", async () => {
  const now = new Date("2026-06-08T16:00:00Z");

  expect(await handleSweepJob(getQueue(), db, now, { step })).toEqual({ step: 0 });
  expect(step).toHaveBeenCalledWith(db, now);
  const [next] = await waitingSweeps();
  expect(next!.starts_in).toBeGreaterThan(SWEEP_EVERY_SECONDS - 10);
  expect(next!.starts_in).toBeLessThanOrEqual(SWEEP_EVERY_SECONDS);

  await handleSweepJob(getQueue(), db, now, { step });
  expect(await waitingSweeps()).toHaveLength(1);
});

test("a sweep whose steps fail still queues the next run", async () => {
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  await handleSweepJob(getQueue(), db, new Date(), {
    broken: async () => {
      throw new Error("boom");
    },
  });
  expect(await waitingSweeps()).toHaveLength(1);
  error.mockRestore();
});
