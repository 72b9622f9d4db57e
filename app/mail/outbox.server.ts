import { render } from "@react-email/render";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { ReactElement } from "react";
import type { Db } from "~db/client.server";
import { emails, users } from "~db/schema";
import { enqueue, QUEUES } from "~/jobs/queue.server";
import type { SendRate } from "./send-rate.server";
import type { EmailTransport } from "./transport.server";

/**
 * The delivery job. Eight retries after the first try, waits doubling from about 30 s: two to
 * four hours in all. A job still running after a minute counts as lost (its worker died) and is
 * retried: waiting for a turn and one request to Resend fit well inside that minute.
 */
export const DELIVERY_JOB = { retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 60 } as const;

export type QueuedEmail = {
  template: string;
  to: string[];
  subject: string;
  body: ReactElement;
  /** Where replies go instead of the no-reply sender (an introduction: everyone it introduces). */
  replyTo?: string[];
  /** The account the email is about; its queued emails are deleted with it. */
  userId?: string | null;
};

/**
 * Writes the email and its delivery job on `tx`: nothing is sent unless the change that
 * caused it commits. Call inside `transaction()`.
 */
export async function queueEmail(tx: Db, email: QueuedEmail) {
  const [html, text] = await Promise.all([render(email.body), render(email.body, { plainText: true })]);
  const [row] = await tx
    .insert(emails)
    .values({ template: email.template, to: email.to, replyTo: email.replyTo?.length ? email.replyTo : null, subject: email.subject, html, text, userId: email.userId ?? null })
    .returning({ id: emails.id });
  await enqueue(tx, QUEUES.deliverEmail, { emailId: row!.id }, DELIVERY_JOB);
  return row!.id;
}

/** Why an email was not sent: every address it was for belongs to a suspended account. */
export const RECIPIENT_SUSPENDED = "recipient suspended: nothing is sent to a suspended account";

/** The addresses among `to` (lower-cased) that belong to suspended accounts. */
async function suspendedRecipients(db: Db, to: string[]) {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(inArray(users.email, to.map((address) => address.toLowerCase())), isNotNull(users.suspendedAt)));
  return new Set(rows.map((r) => r.email));
}

export type Delivery =
  | { delivered: true }
  | { delivered: false }
  /** The provider's rate allows no request before the job would expire: deliver again in `retryInSeconds`, no attempt used. */
  | { delivered: false; retryInSeconds: number };

/**
 * Sends one queued email through `transport`; never sends an email twice (a sent row is
 * skipped, and Resend gets the row id as idempotency key). Each attempt is counted when it
 * starts, before its turn and its request, so one cut short by a crash still shows. A failure is recorded and rethrown so the
 * job retries; after the last attempt the email is marked failed. A 429 is no attempt: the
 * email waits its turn in `rate` (every sender's shared pace) and goes again.
 */
export async function deliverEmail(
  db: Db,
  emailId: string,
  transport: EmailTransport,
  { finalAttempt, rate, notAfter }: { finalAttempt: boolean; rate?: SendRate; notAfter?: number },
): Promise<Delivery> {
  const [email] = await db.select().from(emails).where(eq(emails.id, emailId));
  if (!email || email.status !== "queued") return { delivered: false };
  const queued = and(eq(emails.id, emailId), eq(emails.status, "queued"));
  // Nothing is sent to a suspended account: its address leaves the email, and an email left
  // with nobody to go to ends as failed, saying why.
  const suspended = await suspendedRecipients(db, email.to);
  if (suspended.size > 0) {
    const remaining = email.to.filter((address) => !suspended.has(address.toLowerCase()));
    if (remaining.length === 0) {
      await db.update(emails).set({ status: "failed", lastError: RECIPIENT_SUSPENDED }).where(queued);
      return { delivered: false };
    }
    await db.update(emails).set({ to: remaining }).where(queued);
    email.to = remaining;
  }
  const giveBack = () => db.update(emails).set({ attempts: sql`${emails.attempts} - 1` }).where(eq(emails.id, emailId));
  for (;;) {
    const counted = await db
      .update(emails)
      .set({ attempts: sql`${emails.attempts} + 1`, transport: transport.name })
      .where(queued)
      .returning({ id: emails.id });
    if (counted.length === 0) return { delivered: false };
    if (rate) {
      // why: counted before the wait, so only one read stands between the turn and the request
      // (a delay that varies there bunches requests into the provider's window), and a crash while
      // waiting shows as the attempt pg-boss also counts when the job expires.
      const turn = await rate.take({ notAfter });
      if (!turn.ok) {
        await giveBack();
        return { delivered: false, retryInSeconds: Math.ceil(turn.waitMs / 1000) };
      }
    }

    let result: Awaited<ReturnType<EmailTransport["send"]>>;
    try {
      result = await transport.send({
        id: email.id,
        to: email.to,
        replyTo: email.replyTo ?? [],
        subject: email.subject,
        html: email.html ?? "",
        text: email.text ?? "",
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db
        .update(emails)
        .set({ lastError: message.slice(0, 1000), ...(finalAttempt ? { status: "failed" as const } : {}) })
        .where(eq(emails.id, emailId));
      throw error;
    }

    if ("rateLimited" in result) {
      // The provider refused the request for its rate alone and never looked at the email.
      await giveBack();
      if (!rate) return { delivered: false, retryInSeconds: Math.max(1, Math.ceil(result.limits.retryAfterSeconds ?? 1)) };
      await rate.observe(result.limits, { refused: true });
      continue;
    }
    if (rate && result.limits) await rate.observe(result.limits);
    await db
      .update(emails)
      .set({
        status: "sent",
        sentAt: new Date(),
        lastError: null,
        providerMessageId: result.providerMessageId,
        // why: the body carries one-time links; once Resend has it we keep only the log entry.
        ...(transport.name === "resend" ? { html: null, text: null } : {}),
      })
      .where(queued);
    return { delivered: true };
  }
}
