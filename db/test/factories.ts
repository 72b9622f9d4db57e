import { randomBytes } from "node:crypto";
import { asc, sql } from "drizzle-orm";
import { createElement } from "react";
import { hashPassword } from "~/auth/password.server";
import { startQueue } from "~/jobs/queue.server";
import { queueEmail } from "~/mail/outbox.server";
import type { EmailTransport, OutgoingEmail } from "~/mail/transport.server";
import { transaction, type Db } from "../client.server";
import { emails, organizationMembers, organizations, users, type Email, type Organization, type User } from "../schema";

// Test-only helpers: each call makes exactly what it says, with unique values, so tests in
// one shared database never see each other's rows.

/** The password of every user made by makeUser unless a test gives another one. */
export const KNOWN_PASSWORD = "correct horse battery staple";

const suffix = () => randomBytes(6).toString("hex");

export function uniqueEmail(prefix = "user") {
  return `${prefix}-${suffix()}@example.org`;
}

/** A client address of its own, so throttle counts of one test never reach another. */
export function uniqueIp() {
  const hex = randomBytes(4).toString("hex");
  return `2001:db8::${hex.slice(0, 4)}:${hex.slice(4)}`;
}

// why: argon2id at OWASP cost takes tens of milliseconds; hashing each password once keeps tests fast.
const hashes = new Map<string, Promise<string>>();
function cachedHash(password: string) {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
}

type UserOverrides = Partial<typeof users.$inferInsert> & { password?: string };

/** A verified student with a unique email and KNOWN_PASSWORD (or `overrides.password`). */
export async function makeUser(db: Db, overrides: UserOverrides = {}): Promise<User & { password: string }> {
  const { password = KNOWN_PASSWORD, ...values } = overrides;
  const [user] = await db
    .insert(users)
    .values({
      email: uniqueEmail(),
      name: "Test Student",
      role: "student",
      emailVerifiedAt: new Date(),
      passwordHash: await cachedHash(password),
      ...values,
    })
    .returning();
  return { ...user!, password };
}

/**
 * Starts the app's pg-boss instance on the test database (queueEmail needs it).
 * Stop it with stopQueue() in afterAll.
 */
export function startTestQueue() {
  // why: without supervision pg-boss runs no maintenance in the background, so jobs stay as the
  // test left them and nothing is still querying when the file ends.
  return startQueue(process.env.DATABASE_URL!, { supervise: false });
}

/** Emails queued to `address`, oldest first. */
export function emailsTo(db: Db, address: string): Promise<Email[]> {
  return db
    .select()
    .from(emails)
    .where(sql`${address} = any(${emails.to})`)
    .orderBy(asc(emails.createdAt), asc(emails.id));
}

/**
 * The link to `path` (e.g. "/verify-email") in an email's text or html; throws when there is none.
 * Use `.searchParams.get("token")` for the token it carries.
 */
export function linkIn(email: Pick<Email, "text" | "html">, path: string): URL {
  const body = `${email.text ?? ""}\n${(email.html ?? "").replaceAll("&amp;", "&")}`;
  for (const match of body.matchAll(/https?:\/\/[^\s"'<>()[\]]+/g)) {
    const url = new URL(match[0]);
    if (url.pathname === path) return url;
  }
  throw new Error(`No ${path} link in the email`);
}

/** The token of the only `path` link in the only email to `address`. */
export async function tokenFromOnlyEmail(db: Db, address: string, path: string) {
  const sent = await emailsTo(db, address);
  if (sent.length !== 1) throw new Error(`Expected one email to ${address}, found ${sent.length}`);
  return linkIn(sent[0]!, path).searchParams.get("token")!;
}

/** pg-boss jobs that would deliver the email `emailId`. */
export async function deliveryJobs(db: Db, emailId: string) {
  const result = await db.execute<{ id: string; name: string; state: string; retry_limit: number }>(
    sql`select id, name, state, retry_limit from pgboss.job where data->>'emailId' = ${emailId}`,
  );
  return [...result];
}

/** Queues a plain test email in its own transaction and returns its id. Needs startTestQueue(). */
export function makeQueuedEmail(db: Db, overrides: { to?: string[]; replyTo?: string[]; subject?: string } = {}) {
  return transaction(db, (tx) =>
    queueEmail(tx, {
      template: "test",
      to: overrides.to ?? [uniqueEmail("recipient")],
      replyTo: overrides.replyTo,
      subject: overrides.subject ?? "A test email",
      body: createElement("p", null, "Hello from a test"),
    }),
  );
}

/** A transport that records what it was asked to send; it fails with `fail` while that is set. */
export function fakeTransport(options: { name?: EmailTransport["name"]; fail?: string } = {}) {
  const transport: EmailTransport & { calls: OutgoingEmail[]; fail: string | undefined } = {
    name: options.name ?? "mailbox",
    calls: [],
    fail: options.fail,
    async send(email) {
      transport.calls.push(email);
      if (transport.fail) throw new Error(transport.fail);
      return { providerMessageId: `fake-${transport.calls.length}` };
    },
  };
  return transport;
}

/** A verified mentor (makeUser with role "mentor"). */
export function makeMentor(db: Db, overrides: UserOverrides = {}) {
  return makeUser(db, { name: "Test Mentor", email: uniqueEmail("mentor"), role: "mentor", ...overrides });
}

/**
 * An organization with a unique name and slug, unverified unless `verifiedAt` is given, whose
 * members are `members` (mentors, each in no other organization).
 */
export async function makeOrganization(
  db: Db,
  { members = [], ...overrides }: Partial<typeof organizations.$inferInsert> & { members?: Pick<User, "id">[] } = {},
): Promise<Organization> {
  const id = suffix();
  const [organization] = await db
    .insert(organizations)
    .values({
      name: `Test Organization ${id}`,
      slug: `test-organization-${id}`,
      type: "startup",
      size: "1-10",
      country: "US",
      description: "A test organization that builds things for tests.",
      ...overrides,
    })
    .returning();
  if (members.length) await db.insert(organizationMembers).values(members.map((m) => ({ organizationId: organization!.id, userId: m.id })));
  return organization!;
}
