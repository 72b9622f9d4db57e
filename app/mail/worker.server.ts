import type PgBoss from "pg-boss";
import { getDb } from "~db/client.server";
import { QUEUES } from "~/jobs/queue.server";
import { deliverEmail } from "./outbox.server";
import { configuredTransport, type EmailTransport } from "./transport.server";

/** Registers the job handlers of this process: today, email delivery. */
export async function startWorkers(boss: PgBoss, transport: EmailTransport = configuredTransport()) {
  await boss.work<{ emailId: string }>(
    QUEUES.deliverEmail,
    { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 0.5 },
    async ([job]) => {
      if (!job) return;
      await deliverEmail(getDb(), job.data.emailId, transport, { finalAttempt: job.retryCount >= job.retryLimit });
    },
  );
}
