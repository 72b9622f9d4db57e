import PgBoss from "pg-boss";
import type { Db } from "~db/client.server";

export const QUEUES = { deliverEmail: "deliver-email", reminderSweep: "reminder-sweep" } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

// why: shared through globalThis so the Remix bundle and the tsx-loaded server use one instance.
const holder = globalThis as typeof globalThis & { __steppingstoneBoss?: PgBoss };

/**
 * How often pg-boss looks for jobs whose worker died (one instance does it for all, whichever
 * runs first). With a one-minute job expiry, an email in flight at a crash is retried within
 * about 70 s, then goes after the first retry delay (30–60 s): about two minutes in all, where
 * pg-boss's defaults (15-minute expiry, checked every 2 minutes) took up to 18.
 */
export const MAINTENANCE_INTERVAL_SECONDS = 10;

/** Starts pg-boss on `url` (creating its schema and our queues). Web processes and workers both call it. */
export async function startQueue(url: string, options: { supervise?: boolean } = {}) {
  if (holder.__steppingstoneBoss) return holder.__steppingstoneBoss;
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    supervise: options.supervise ?? true,
    maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS,
    schedule: false,
  });
  boss.on("error", (error) => console.error("[jobs]", error));
  await boss.start();
  for (const name of Object.values(QUEUES)) await boss.createQueue(name);
  holder.__steppingstoneBoss = boss;
  return boss;
}

export function getQueue(): PgBoss {
  const boss = holder.__steppingstoneBoss;
  if (!boss) throw new Error("The job queue was not started (startQueue)");
  return boss;
}

export async function stopQueue() {
  const boss = holder.__steppingstoneBoss;
  holder.__steppingstoneBoss = undefined;
  await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
}

// why: postgres.js cannot bind a plain object; pg-boss passes job data and options as objects.
function toParameter(value: unknown) {
  return value !== null && typeof value === "object" && !(value instanceof Date) && !Array.isArray(value)
    ? JSON.stringify(value)
    : value;
}

/**
 * Queues a job on the connection of `tx`, so it commits or rolls back with the change that
 * caused it. `tx` must be a handle from `transaction()` for that guarantee.
 */
export async function enqueue(tx: Db, name: QueueName, data: object, options: PgBoss.SendOptions = {}) {
  const executeSql = async (text: string, values: unknown[]) => ({
    rows: await tx.$client.unsafe(text, values.map(toParameter) as never[]),
  });
  return getQueue().send(name, data, { ...options, db: { executeSql } });
}
