import type PgBoss from "pg-boss";
import { getDb } from "~db/client.server";
import { QUEUES } from "~/jobs/queue.server";
import { deliverEmail } from "./outbox.server";
import { configuredTransport, type EmailTransport } from "./transport.server";

// why: a pg-boss 10 worker sleeps one polling interval after every fetch, even with jobs
// waiting, so one worker delivers about two emails a second; each work() call is its own loop.
const EMAIL_WORKERS = 4;

/** Registers the job handlers of this process: today, email delivery. */
export async function startWorkers(boss: PgBoss, transport: EmailTransport = configuredTransport()) {
  for (let i = 0; i < EMAIL_WORKERS; i++) {
    await boss.work<{ emailId: string }>(
      QUEUES.deliverEmail,
      // One job per fetch: a failed email must fail (and retry) alone.
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 0.5 },
      async ([job]) => {
        if (!job) return;
        await deliverEmail(getDb(), job.data.emailId, transport, { finalAttempt: job.retryCount >= job.retryLimit });
      },
    );
  }
}
