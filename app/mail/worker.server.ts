import type PgBoss from "pg-boss";
import { getDb } from "~db/client.server";
import { getEnv } from "~/env.server";
import { QUEUES } from "~/jobs/queue.server";
import { startReminderSweep } from "~/jobs/reminders.worker.server";
import { deliverEmail, DELIVERY_JOB } from "./outbox.server";
import { sharedSendRate, type SendRate } from "./send-rate.server";
import { configuredTransport, SEND_TIMEOUT_MS, type EmailTransport } from "./transport.server";

// why: a pg-boss 10 worker sleeps one polling interval after every fetch, even with jobs
// waiting, so one worker delivers about two emails a second; each work() call is its own loop.
// The shared send rate, not the number of loops, decides how fast emails leave.
const EMAIL_WORKERS = 4;

/** The pace every sender through Resend shares (EMAIL_SEND_RATE); other transports reach no provider and need none. */
export function configuredSendRate(transport: EmailTransport): SendRate | undefined {
  return transport.name === "resend" ? sharedSendRate(getDb(), { provider: "resend", perSecond: getEnv().EMAIL_SEND_RATE }) : undefined;
}

/**
 * Gives the delivery queue its job options, for jobs queued without them, and moves the
 * delivery jobs an older release queued (with pg-boss's 15-minute default) to the new expiry.
 */
async function applyDeliveryJobOptions(boss: PgBoss) {
  await boss.updateQueue(QUEUES.deliverEmail, { name: QUEUES.deliverEmail, ...DELIVERY_JOB });
  await boss.getDb().executeSql(
    `update pgboss.job set expire_in = make_interval(secs => $2)
     where name = $1 and state in ('created', 'retry', 'active') and expire_in > make_interval(secs => $2)`,
    [QUEUES.deliverEmail, DELIVERY_JOB.expireInSeconds],
  );
}

/** Registers the job handlers of this process: email delivery and the reminders sweep. */
export async function startWorkers(boss: PgBoss, transport: EmailTransport = configuredTransport(), rate: SendRate | undefined = configuredSendRate(transport)) {
  await applyDeliveryJobOptions(boss);
  for (let i = 0; i < EMAIL_WORKERS; i++) {
    await boss.work<{ emailId: string }>(
      QUEUES.deliverEmail,
      // One job per fetch: a failed email must fail (and retry) alone.
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 0.5 },
      async ([job]) => {
        if (!job) return;
        const fetchedAt = Date.now();
        const delivery = await deliverEmail(getDb(), job.data.emailId, transport, {
          finalAttempt: job.retryCount >= job.retryLimit,
          rate,
          // A turn later than this would leave the request too little of the job's expiry.
          notAfter: fetchedAt + job.expireInSeconds * 1000 - SEND_TIMEOUT_MS - 5_000,
        });
        if ("retryInSeconds" in delivery) {
          // why: failing the job would use up a retry for a wait the provider asked for; a new job
          // carries the retries this one has left and starts when the provider is ready.
          await boss.send(QUEUES.deliverEmail, job.data, {
            ...DELIVERY_JOB,
            retryLimit: job.retryLimit - job.retryCount,
            startAfter: delivery.retryInSeconds,
          });
        }
      },
    );
  }
  await startReminderSweep(boss);
}
