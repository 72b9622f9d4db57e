import { eq } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { closeDb, getDb } from "~db/client.server";
import { emails } from "~db/schema";
import { deliveryJobs, makeQueuedEmail, startTestQueue, uniqueEmail } from "~db/test/factories";
import { QUEUES, stopQueue } from "~/jobs/queue.server";
import type { EmailTransport, OutgoingEmail } from "./transport.server";
import { startWorkers } from "./worker.server";

const db = getDb();
let boss: PgBoss;

// A transport that refuses addresses starting with "bounce-" and records everything it is given.
const calls: OutgoingEmail[] = [];
const transport: EmailTransport = {
  name: "mailbox",
  async send(email) {
    calls.push(email);
    if (email.to.some((to) => to.startsWith("bounce-"))) throw new Error("mailbox unavailable");
    return { providerMessageId: `worker-${calls.length}` };
  },
};

beforeAll(async () => {
  boss = await startTestQueue();
  // why: the test database is shared by every test file, and the others leave delivery jobs behind;
  // the worker takes one job per polling interval, so a backlog would delay this file's emails.
  await boss.purgeQueue(QUEUES.deliverEmail);
  await startWorkers(boss, transport);
});
afterAll(async () => {
  await stopQueue();
  await closeDb();
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

test("when sending fails, the worker records the error and leaves the job to be retried later", async () => {
  const emailId = await makeQueuedEmail(db, { to: [uniqueEmail("bounce")] });

  await vi.waitFor(async () => expect((await emailRow(emailId)).attempts).toBe(1), { timeout: 10_000, interval: 100 });

  expect(await emailRow(emailId)).toMatchObject({ status: "queued", lastError: "mailbox unavailable" });
  await vi.waitFor(async () => expect(await deliveryJobs(db, emailId)).toMatchObject([{ state: "retry" }]), { timeout: 5_000, interval: 100 });
});
