import { render } from "@react-email/render";
import { and, eq, sql } from "drizzle-orm";
import type { ReactElement } from "react";
import type { Db } from "~db/client.server";
import { emails } from "~db/schema";
import { enqueue, QUEUES } from "~/jobs/queue.server";
import type { EmailTransport } from "./transport.server";

/** Eight retries after the first try, waits doubling from about 30 s: two to four hours in all. */
export const DELIVERY_RETRY = { retryLimit: 8, retryDelay: 30, retryBackoff: true } as const;

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
  await enqueue(tx, QUEUES.deliverEmail, { emailId: row!.id }, DELIVERY_RETRY);
  return row!.id;
}

/**
 * Sends one queued email through `transport`; never sends an email twice (a sent row is
 * skipped, and Resend gets the row id as idempotency key). A failure is recorded and
 * rethrown so the job retries; after the last attempt the email is marked failed.
 */
export async function deliverEmail(db: Db, emailId: string, transport: EmailTransport, { finalAttempt }: { finalAttempt: boolean }) {
  const [email] = await db.select().from(emails).where(eq(emails.id, emailId));
  if (!email || email.status !== "queued") return { delivered: false as const };
  try {
    const result = await transport.send({
      id: email.id,
      to: email.to,
      replyTo: email.replyTo ?? [],
      subject: email.subject,
      html: email.html ?? "",
      text: email.text ?? "",
    });
    await db
      .update(emails)
      .set({
        status: "sent",
        sentAt: new Date(),
        transport: transport.name,
        attempts: sql`${emails.attempts} + 1`,
        lastError: null,
        providerMessageId: result.providerMessageId,
        // why: the body carries one-time links; once Resend has it we keep only the log entry.
        ...(transport.name === "resend" ? { html: null, text: null } : {}),
      })
      .where(and(eq(emails.id, emailId), eq(emails.status, "queued")));
    return { delivered: true as const };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .update(emails)
      .set({
        attempts: sql`${emails.attempts} + 1`,
        lastError: message.slice(0, 1000),
        transport: transport.name,
        ...(finalAttempt ? { status: "failed" as const } : {}),
      })
      .where(eq(emails.id, emailId));
    throw error;
  }
}
