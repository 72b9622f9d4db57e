import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { emails, emailSendRate } from "~db/schema";
import { makeQueuedEmail, uniqueEmail } from "~db/test/factories";
import { moduleTestDb } from "~db/test/module-db";
import { deliverEmail } from "./outbox.server";
import { sharedSendRate } from "./send-rate.server";
import { logTransport, resendTransport } from "./transport.server";

// The production path, end to end: deliverEmail → resendTransport → the resend SDK → HTTP.
// The HTTP side is a local fake of Resend's API, so the test sees exactly what Resend would.

const db = moduleTestDb({ queue: true });
const FROM = "Steppingstone <hello@example.org>";

type Received = { method: string; path: string; headers: IncomingHttpHeaders; body: Record<string, unknown> };
const received: Received[] = [];
/** Replies for the next requests, in order; when empty the fake accepts the email. */
const replies: { status: number; body: unknown; headers?: Record<string, string> }[] = [];
let accepted = 0;

const fakeResend = createServer((request, response) => {
  let raw = "";
  request.setEncoding("utf8");
  request.on("data", (chunk: string) => (raw += chunk));
  request.on("end", () => {
    received.push({ method: request.method!, path: request.url!, headers: request.headers, body: JSON.parse(raw || "{}") });
    const reply = replies.shift() ?? { status: 200, body: { id: `re_msg_${++accepted}` } };
    response.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
    response.end(JSON.stringify(reply.body));
  });
});
let baseUrl = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => fakeResend.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(fakeResend.address() as AddressInfo).port}`;
});
afterAll(async () => {
  fakeResend.closeAllConnections();
  await new Promise((resolve) => fakeResend.close(resolve));
});

/** A Resend transport talking to the fake. The SDK reads RESEND_BASE_URL once, in its constructor. */
function transportToFake() {
  const previous = process.env.RESEND_BASE_URL;
  process.env.RESEND_BASE_URL = baseUrl;
  try {
    return resendTransport("re_test_key", FROM);
  } finally {
    if (previous === undefined) delete process.env.RESEND_BASE_URL;
    else process.env.RESEND_BASE_URL = previous;
  }
}

const requestsFor = (emailId: string) => received.filter((r) => r.headers["idempotency-key"] === `email/${emailId}`);

async function emailRow(id: string) {
  const [row] = await db.select().from(emails).where(eq(emails.id, id));
  return row!;
}

test("an email goes to Resend's POST /emails with the API key, the message and the row id as idempotency key", async () => {
  const to = uniqueEmail();
  const emailId = await makeQueuedEmail(db, { to: [to], subject: "Welcome aboard" });
  const queued = await emailRow(emailId);
  const transport = transportToFake();
  expect(transport.name).toBe("resend");

  expect(await deliverEmail(db, emailId, transport, { finalAttempt: false })).toEqual({ delivered: true });

  const [request, ...more] = requestsFor(emailId);
  expect(more).toHaveLength(0);
  expect(request).toMatchObject({ method: "POST", path: "/emails" });
  expect(request!.headers.authorization).toBe("Bearer re_test_key");
  expect(request!.headers["content-type"]).toBe("application/json");
  expect(request!.body).toMatchObject({ from: FROM, to: [to], subject: "Welcome aboard", html: queued.html, text: queued.text });
  expect(request!.body.html).toContain("Hello from a test");

  const sent = await emailRow(emailId);
  expect(sent).toMatchObject({ status: "sent", transport: "resend", attempts: 1, lastError: null, html: null, text: null });
  expect(sent.providerMessageId).toMatch(/^re_msg_\d+$/);
});

test("an email with reply-to addresses (an introduction) asks Resend to direct replies to them; others name none", async () => {
  const people = [uniqueEmail("student"), uniqueEmail("mentor")];
  const introduced = await makeQueuedEmail(db, { to: people, replyTo: people });
  const plain = await makeQueuedEmail(db);
  const transport = transportToFake();

  await deliverEmail(db, introduced, transport, { finalAttempt: false });
  await deliverEmail(db, plain, transport, { finalAttempt: false });

  expect(requestsFor(introduced)[0]!.body).toMatchObject({ from: FROM, to: people, reply_to: people });
  expect(requestsFor(plain)[0]!.body).not.toHaveProperty("reply_to");
});

test("after a 500 from Resend the retry sends the same idempotency key, so Resend sends the email once", async () => {
  const emailId = await makeQueuedEmail(db);
  const transport = transportToFake();
  replies.push({ status: 500, body: { statusCode: 500, name: "internal_server_error", message: "An unexpected error occurred." } });

  await expect(deliverEmail(db, emailId, transport, { finalAttempt: false })).rejects.toThrow(/internal_server_error/);
  expect(await emailRow(emailId)).toMatchObject({ status: "queued", attempts: 1 });
  expect((await emailRow(emailId)).html).toContain("Hello from a test");

  expect(await deliverEmail(db, emailId, transport, { finalAttempt: false })).toEqual({ delivered: true });

  const keys = requestsFor(emailId).map((r) => r.headers["idempotency-key"]);
  expect(keys).toEqual([`email/${emailId}`, `email/${emailId}`]);
  expect(await emailRow(emailId)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
});

test("a validation error from Resend is recorded on the email, and the last attempt marks it failed", async () => {
  const emailId = await makeQueuedEmail(db);
  const transport = transportToFake();
  const refusal = { statusCode: 422, name: "validation_error", message: "Invalid `to` field. The email address needs to follow the `email@example.com` format." };
  replies.push({ status: 422, body: refusal }, { status: 422, body: refusal });

  await expect(deliverEmail(db, emailId, transport, { finalAttempt: false })).rejects.toThrow(/validation_error/);
  expect(await emailRow(emailId)).toMatchObject({
    status: "queued",
    attempts: 1,
    lastError: `Resend refused the email: validation_error: ${refusal.message}`,
  });

  await expect(deliverEmail(db, emailId, transport, { finalAttempt: true })).rejects.toThrow();
  expect(await emailRow(emailId)).toMatchObject({ status: "failed", attempts: 2, sentAt: null });
});

test("a 429 from Resend is no attempt: the email waits for retry-after, then goes with the same idempotency key; the announced limit is shared", async () => {
  const emailId = await makeQueuedEmail(db);
  const transport = transportToFake();
  const provider = `test-${randomBytes(6).toString("hex")}`;
  const waits: number[] = [];
  const rate = sharedSendRate(db, { provider, perSecond: 10, sleep: async (ms) => void waits.push(ms) });
  replies.push({
    status: 429,
    body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests. You can only make 4 requests per second." },
    headers: { "ratelimit-limit": "4", "ratelimit-remaining": "0", "ratelimit-reset": "1", "retry-after": "12" },
  });

  expect(await deliverEmail(db, emailId, transport, { finalAttempt: true, rate })).toEqual({ delivered: true });

  expect(requestsFor(emailId).map((r) => r.headers["idempotency-key"])).toEqual([`email/${emailId}`, `email/${emailId}`]);
  expect(await emailRow(emailId)).toMatchObject({ status: "sent", attempts: 1, lastError: null });
  expect(Math.max(...waits)).toBeGreaterThan(8_000);
  const [pace] = await db.select().from(emailSendRate).where(eq(emailSendRate.provider, provider));
  expect(pace!.providerPerSecond).toBe(4);
});

test("a used-up daily quota (a 429 too) is an ordinary failure: it counts as an attempt and the job retries later", async () => {
  const emailId = await makeQueuedEmail(db);
  const transport = transportToFake();
  replies.push({
    status: 429,
    body: { statusCode: 429, name: "daily_quota_exceeded", message: "You have reached your daily email sending quota." },
    headers: { "retry-after": "40000" },
  });

  await expect(deliverEmail(db, emailId, transport, { finalAttempt: false })).rejects.toThrow(/daily_quota_exceeded/);
  expect(await emailRow(emailId)).toMatchObject({ status: "queued", attempts: 1 });
});

test("when Resend cannot be reached the error is recorded and the email stays queued", async () => {
  const emailId = await makeQueuedEmail(db);
  const previous = process.env.RESEND_BASE_URL;
  // A port nothing listens on: the connection is refused.
  const unreachable = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  process.env.RESEND_BASE_URL = `http://127.0.0.1:${unreachable}`;
  const transport = resendTransport("re_test_key", FROM);
  if (previous === undefined) delete process.env.RESEND_BASE_URL;
  else process.env.RESEND_BASE_URL = previous;

  await expect(deliverEmail(db, emailId, transport, { finalAttempt: false })).rejects.toThrow(/Resend refused the email/);
  expect(await emailRow(emailId)).toMatchObject({ status: "queued", attempts: 1, lastError: expect.stringContaining("application_error") });
});

test("the log transport (EMAIL_TRANSPORT=log) delivers nothing and logs the email without its recipients or body", async () => {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "info").mockImplementation((line: string) => void lines.push(line));
  try {
    const result = await logTransport.send({ id: "e1", to: ["amara@example.org"], replyTo: [], subject: "Confirm your address", html: "<p>secret link</p>", text: "secret link" });
    expect(result).toEqual({ providerMessageId: null });
  } finally {
    spy.mockRestore();
  }
  expect(lines).toEqual(['email e1 not delivered (EMAIL_TRANSPORT=log): "Confirm your address" to 1 recipient']);
});
