import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { beforeAll, expect, test, vi } from "vitest";
import { emails } from "~db/schema";
import { deliveryJobs, makeQueuedEmail, uniqueEmail } from "~db/test/factories";
import { moduleTestDb } from "~db/test/module-db";
import { getQueue, QUEUES } from "~/jobs/queue.server";
import { DELIVERY_JOB } from "./outbox.server";
import { sharedSendRate, type SendRate } from "./send-rate.server";
import type { EmailTransport, OutgoingEmail } from "./transport.server";
import { startWorkers } from "./worker.server";

const db = moduleTestDb({ queue: true });
let boss: PgBoss;

// A transport that refuses addresses starting with "bounce-", answers the first request for an
// address starting with "busy-" with a 429, and records everything it is given.
const calls: OutgoingEmail[] = [];
const transport: EmailTransport = {
  name: "mailbox",
  async send(email) {
    calls.push(email);
    if (email.to.some((to) => to.startsWith("bounce-"))) throw new Error("mailbox unavailable");
    if (email.to.some((to) => to.startsWith("busy-")) && calls.filter((c) => c.id === email.id).length === 1) {
      return { rateLimited: true, limits: { retryAfterSeconds: 2 } };
    }
    return { providerMessageId: `worker-${calls.length}` };
  },
};

// The shared pace, with waits counted instead of slept; `declineNext` makes the next turn come too late for the job.
const shared = sharedSendRate(db, { provider: `test-${randomBytes(6).toString("hex")}`, perSecond: 50, sleep: async () => {} });
let declineNext = false;
const rate: SendRate = {
  take: (options) => (declineNext ? ((declineNext = false), Promise.resolve({ ok: false, waitMs: 90_000 })) : shared.take(options)),
  observe: (limits, options) => shared.observe(limits, options),
};
let olderReleaseJob: string | null = null;

async function job(emailId: string) {
  const rows = await db.execute<{ state: string; retry_count: number; retry_limit: number; starts_in: number }>(
    sql`select state, retry_count, retry_limit, extract(epoch from start_after - now())::int as starts_in
        from pgboss.job where data->>'emailId' = ${emailId} order by created_on`,
  );
  return [...rows];
}

beforeAll(async () => {
  boss = getQueue();
  // why: the test database is shared by every test file, and the others leave delivery jobs behind;
  // the worker takes one job per polling interval, so a backlog would delay this file's emails.
  await boss.purgeQueue(QUEUES.deliverEmail);
  // A delivery job as an older release queued it: pg-boss's default 15-minute expiry, due in an hour.
  olderReleaseJob = await boss.send(QUEUES.deliverEmail, { emailId: "00000000-0000-4000-8000-000000000000" }, { startAfter: 3600 });
  await startWorkers(boss, transport, rate);
});

async function emailRow(id: string) {
  const [row] = await db.select().from(emails).where(eq(emails.id, id));
  return row!;
}

test("the worker delivers a queued email and completes its job", async () => {
  const to = uniqueEmail();
  const emailId = await makeQueuedEmail(db, { to: [to], subject: "Delivered by the worker" });

  await vi.waitFor(async () => expect((await emailRow(emailId)).status).toBe("sent"), { timeout: 10_000, interval: 100 });

  expect(calls.filter((c) => c.id === emailId)).toMatchObject([{ to: [to], subject: "Delivered by the worker" }]);
  expect(await emailRow(emailId)).toMatchObject({ attempts: 1, transport: "mailbox", providerMessageId: expect.stringMatching(/^worker-/) });
  await vi.waitFor(async () => expect(await deliveryJobs(db, emailId)).toMatchObject([{ state: "completed" }]), { timeout: 5_000, interval: 100 });
});

test("a 429 neither fails the job nor uses up an attempt: the email goes after the wait", async () => {
  const emailId = await makeQueuedEmail(db, { to: [uniqueEmail("busy")] });

  await vi.waitFor(async () => expect((await emailRow(emailId)).status).toBe("sent"), { timeout: 10_000, interval: 100 });

  expect(calls.filter((c) => c.id === emailId)).toHaveLength(2);
  expect(await emailRow(emailId)).toMatchObject({ attempts: 1, lastError: null });
  await vi.waitFor(async () => expect(await job(emailId)).toMatchObject([{ state: "completed", retry_count: 0 }]), { timeout: 5_000, interval: 100 });
});

test("when the provider's next turn comes too late for the job, a new job takes over then, with the retries left, and no attempt is used", async () => {
  declineNext = true;
  const emailId = await makeQueuedEmail(db);

  await vi.waitFor(async () => expect(await job(emailId)).toHaveLength(2), { timeout: 10_000, interval: 100 });

  const [first, next] = await job(emailId);
  expect(first).toMatchObject({ state: "completed" });
  expect(next).toMatchObject({ state: "created", retry_count: 0, retry_limit: DELIVERY_JOB.retryLimit });
  expect(next!.starts_in).toBeGreaterThan(60);
  expect(calls.filter((c) => c.id === emailId)).toHaveLength(0);
  expect(await emailRow(emailId)).toMatchObject({ status: "queued", attempts: 0 });
});

test("delivery jobs count as lost after a minute: the queue says so, and jobs an older release queued are moved to it", async () => {
  const [queue] = await db.execute<{ expire_seconds: number }>(sql`select expire_seconds from pgboss.queue where name = ${QUEUES.deliverEmail}`);
  expect(queue!.expire_seconds).toBe(60);
  const [older] = await db.execute<{ expire_seconds: number }>(sql`select extract(epoch from expire_in)::int as expire_seconds from pgboss.job where id = ${olderReleaseJob}`);
  expect(older!.expire_seconds).toBe(60);
});

test("when sending fails, the worker records the error and leaves the job to be retried later", async () => {
  const emailId = await makeQueuedEmail(db, { to: [uniqueEmail("bounce")] });

  // The attempt is counted before the send starts; the error is written when it fails.
  await vi.waitFor(async () => expect((await emailRow(emailId)).lastError).toBe("mailbox unavailable"), { timeout: 10_000, interval: 100 });

  expect(await emailRow(emailId)).toMatchObject({ status: "queued", attempts: 1 });
  await vi.waitFor(async () => expect(await deliveryJobs(db, emailId)).toMatchObject([{ state: "retry" }]), { timeout: 5_000, interval: 100 });
});
