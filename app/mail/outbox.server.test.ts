import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { createElement } from "react";
import { describe, expect, test } from "vitest";
import { transaction } from "~db/client.server";
import { emails } from "~db/schema";
import { deliveryJobs, fakeTransport, makeQueuedEmail, uniqueEmail } from "~db/test/factories";
import { moduleTestDb } from "~db/test/module-db";
import { MAINTENANCE_INTERVAL_SECONDS } from "~/jobs/queue.server";
import { deliverEmail, DELIVERY_JOB, queueEmail } from "./outbox.server";
import { sharedSendRate } from "./send-rate.server";
import type { EmailTransport, SendResult } from "./transport.server";

const db = moduleTestDb({ queue: true });

async function emailRow(id: string) {
  const [row] = await db.select().from(emails).where(eq(emails.id, id));
  return row;
}

describe("queueEmail", () => {
  test("an email queued in a transaction that fails is neither stored nor scheduled", async () => {
    let emailId: string | undefined;

    await expect(
      transaction(db, async (tx) => {
        emailId = await queueEmail(tx, {
          template: "test",
          to: [uniqueEmail()],
          subject: "Never sent",
          body: createElement("p", null, "You should not read this"),
        });
        throw new Error("the change that caused the email failed");
      }),
    ).rejects.toThrow("the change that caused the email failed");

    expect(emailId).toBeDefined();
    expect(await emailRow(emailId!)).toBeUndefined();
    expect(await deliveryJobs(db, emailId!)).toEqual([]);
  });

  test("an email queued in a transaction that commits is stored, rendered and scheduled once with retries", async () => {
    const to = uniqueEmail();
    const emailId = await transaction(db, (tx) =>
      queueEmail(tx, { template: "test", to: [to], subject: "Hello", body: createElement("p", null, "Hello there, reader") }),
    );

    expect(await emailRow(emailId)).toMatchObject({ to: [to], subject: "Hello", status: "queued", attempts: 0, sentAt: null });
    expect((await emailRow(emailId))!.html).toContain("Hello there, reader");
    expect((await emailRow(emailId))!.text).toContain("Hello there, reader");
    expect(await deliveryJobs(db, emailId)).toMatchObject([{ name: "deliver-email", state: "created", retry_limit: DELIVERY_JOB.retryLimit }]);
  });

  test("a delivery job in flight counts as lost after a minute, so an email whose worker died goes within about two minutes", async () => {
    const emailId = await makeQueuedEmail(db);

    const [job] = await db.execute<{ expire_seconds: number }>(
      sql`select extract(epoch from expire_in)::int as expire_seconds from pgboss.job where data->>'emailId' = ${emailId}`,
    );
    expect(job!.expire_seconds).toBe(60);
    // Expiry, then pg-boss's next look for expired jobs, then the first retry's longest delay.
    expect(DELIVERY_JOB.expireInSeconds + MAINTENANCE_INTERVAL_SECONDS + 2 * DELIVERY_JOB.retryDelay).toBeLessThanOrEqual(130);
  });
});

describe("deliverEmail", () => {
  test("a failed send is recorded and the email stays queued for the retry; the last attempt marks it failed", async () => {
    const emailId = await makeQueuedEmail(db);
    const transport = fakeTransport({ fail: "connection reset by provider" });

    await expect(deliverEmail(db, emailId, transport, { finalAttempt: false })).rejects.toThrow("connection reset by provider");
    expect(await emailRow(emailId)).toMatchObject({ status: "queued", attempts: 1, lastError: "connection reset by provider", sentAt: null });

    await expect(deliverEmail(db, emailId, transport, { finalAttempt: true })).rejects.toThrow("connection reset by provider");
    expect(await emailRow(emailId)).toMatchObject({ status: "failed", attempts: 2, lastError: "connection reset by provider", sentAt: null });

    // A late job for a failed email sends nothing.
    const working = fakeTransport();
    expect(await deliverEmail(db, emailId, working, { finalAttempt: false })).toEqual({ delivered: false });
    expect(working.calls).toHaveLength(0);
  });

  test("a retry after a failure sends the email and clears the error", async () => {
    const emailId = await makeQueuedEmail(db);
    const transport = fakeTransport({ fail: "timeout" });
    await expect(deliverEmail(db, emailId, transport, { finalAttempt: false })).rejects.toThrow();

    transport.fail = undefined;
    expect(await deliverEmail(db, emailId, transport, { finalAttempt: false })).toEqual({ delivered: true });

    expect(await emailRow(emailId)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  test("a sent email is never sent again", async () => {
    const to = uniqueEmail();
    const emailId = await makeQueuedEmail(db, { to: [to], subject: "Only once" });
    const transport = fakeTransport();

    expect(await deliverEmail(db, emailId, transport, { finalAttempt: false })).toEqual({ delivered: true });
    expect(await deliverEmail(db, emailId, transport, { finalAttempt: false })).toEqual({ delivered: false });

    expect(transport.calls).toHaveLength(1);
    expect(transport.calls[0]).toMatchObject({ id: emailId, to: [to], subject: "Only once" });
    expect(transport.calls[0]!.html).toContain("Hello from a test");
    expect(await emailRow(emailId)).toMatchObject({ status: "sent", attempts: 1, transport: "mailbox", providerMessageId: "fake-1" });
    expect((await emailRow(emailId))!.sentAt).toBeInstanceOf(Date);
  });

  test("replies go where the email says: the reply-to addresses reach the transport; without them, none", async () => {
    const people = [uniqueEmail("student"), uniqueEmail("mentor")];
    const introduced = await makeQueuedEmail(db, { to: people, replyTo: people });
    const plain = await makeQueuedEmail(db);
    const transport = fakeTransport();

    await deliverEmail(db, introduced, transport, { finalAttempt: false });
    await deliverEmail(db, plain, transport, { finalAttempt: false });

    expect(transport.calls[0]).toMatchObject({ id: introduced, to: people, replyTo: people });
    expect(transport.calls[1]).toMatchObject({ id: plain, replyTo: [] });
    expect((await emailRow(plain))!.replyTo).toBeNull();
  });

  test("the local mailbox keeps the body after sending, so it can be read at /dev/mailbox", async () => {
    const emailId = await makeQueuedEmail(db);

    await deliverEmail(db, emailId, fakeTransport({ name: "mailbox" }), { finalAttempt: false });

    expect((await emailRow(emailId))!.html).toContain("Hello from a test");
    expect((await emailRow(emailId))!.text).toContain("Hello from a test");
  });

  test("after Resend has the email, its body (with one-time links) is deleted; a failed send keeps it for the retry", async () => {
    const emailId = await makeQueuedEmail(db);
    const resend = fakeTransport({ name: "resend", fail: "503 from Resend" });

    await expect(deliverEmail(db, emailId, resend, { finalAttempt: false })).rejects.toThrow();
    expect((await emailRow(emailId))!.html).toContain("Hello from a test");

    resend.fail = undefined;
    await deliverEmail(db, emailId, resend, { finalAttempt: false });
    expect(await emailRow(emailId)).toMatchObject({ status: "sent", transport: "resend", html: null, text: null });
    expect(resend.calls.at(-1)!.html).toContain("Hello from a test");
  });

  test("each attempt is counted before it starts, so one cut short by a crash still shows", async () => {
    const emailId = await makeQueuedEmail(db);
    const attemptsDuringSend: number[] = [];
    const transport: EmailTransport = {
      name: "mailbox",
      async send() {
        attemptsDuringSend.push((await emailRow(emailId))!.attempts);
        return { providerMessageId: null };
      },
    };

    await deliverEmail(db, emailId, transport, { finalAttempt: false });

    expect(attemptsDuringSend).toEqual([1]);
    expect(await emailRow(emailId)).toMatchObject({ status: "sent", attempts: 1 });
  });

  test("a 429 uses up no attempt: the email waits as long as the provider said, then goes", async () => {
    const emailId = await makeQueuedEmail(db);
    const replies: SendResult[] = [{ rateLimited: true, limits: { retryAfterSeconds: 20 } }, { providerMessageId: "after-the-wait" }];
    const transport: EmailTransport = { name: "resend", send: async () => replies.shift()! };
    const waits: number[] = [];
    const rate = sharedSendRate(db, { provider: `test-${randomBytes(6).toString("hex")}`, perSecond: 5, sleep: async (ms) => void waits.push(ms) });

    expect(await deliverEmail(db, emailId, transport, { finalAttempt: true, rate })).toEqual({ delivered: true });

    expect(replies).toEqual([]);
    expect(await emailRow(emailId)).toMatchObject({ status: "sent", attempts: 1, providerMessageId: "after-the-wait" });
    // The second request waited for the retry-after (less the moments the test itself took).
    expect(Math.max(...waits)).toBeGreaterThan(15_000);
  });

  test("without a shared rate, a 429 uses up no attempt and says when to try again", async () => {
    const emailId = await makeQueuedEmail(db);
    const transport: EmailTransport = { name: "resend", send: async () => ({ rateLimited: true, limits: { retryAfterSeconds: 7 } }) };

    expect(await deliverEmail(db, emailId, transport, { finalAttempt: true })).toEqual({ delivered: false, retryInSeconds: 7 });

    expect(await emailRow(emailId)).toMatchObject({ status: "queued", attempts: 0, lastError: null });
  });

  test("when no turn comes before the job would expire, nothing is sent and no attempt is used", async () => {
    const emailId = await makeQueuedEmail(db);
    const transport = fakeTransport();
    const rate = sharedSendRate(db, { provider: `test-${randomBytes(6).toString("hex")}`, perSecond: 5, sleep: async () => {} });
    await rate.observe({ retryAfterSeconds: 90 }, { refused: true });

    const delivery = await deliverEmail(db, emailId, transport, { finalAttempt: false, rate, notAfter: Date.now() + 30_000 });

    expect(delivery).toMatchObject({ delivered: false, retryInSeconds: expect.any(Number) });
    expect("retryInSeconds" in delivery && delivery.retryInSeconds).toBeGreaterThan(60);
    expect(transport.calls).toHaveLength(0);
    expect(await emailRow(emailId)).toMatchObject({ status: "queued", attempts: 0 });
  });

  test("an unknown email id sends nothing", async () => {
    const transport = fakeTransport();
    expect(await deliverEmail(db, "00000000-0000-4000-8000-000000000000", transport, { finalAttempt: true })).toEqual({ delivered: false });
    expect(transport.calls).toHaveLength(0);
  });
});
