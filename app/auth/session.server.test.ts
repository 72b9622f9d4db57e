import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { closeDb, getDb } from "~db/client.server";
import { sessions, users } from "~db/schema";
import { makeUser } from "~db/test/factories";
import {
  createSession,
  invalidateSession,
  invalidateUserSessions,
  validateSessionToken,
} from "./session.server";
import { hashSecret } from "./tokens.server";

const db = getDb();
afterAll(() => closeDb());

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
// The product's promises, written out rather than imported, so changing them fails a test.
const SESSION_INACTIVITY_MS = 14 * DAY;
const SESSION_MAX_AGE_MS = 60 * DAY;

async function sessionRow(id: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row;
}

describe("session tokens", () => {
  test("the cookie token is <id>.<secret> with a 120-bit id and a 256-bit secret, fresh every time", async () => {
    const user = await makeUser(db);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => createSession(db, user.id)));

    for (const { token, session } of tokens) {
      // base32 (a–z, 2–7) carries 5 bits a character: 24 chars = 120 bits, 52 chars ≥ 256 bits.
      expect(token).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{52}$/);
      expect(token.split(".")[0]).toBe(session.id);
    }
    const all = tokens.map((t) => t.token);
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(all.map((t) => t.split(".")[1])).size).toBe(all.length);
  });

  test("the database keeps only the SHA-256 of the secret, never the secret", async () => {
    const user = await makeUser(db);
    const { token, session } = await createSession(db, user.id, "Firefox");
    const [id, secret] = token.split(".") as [string, string];

    const [raw] = await db.execute<{ row: string }>(sql`select s::text as row from sessions s where s.id = ${id}`);
    expect(raw!.row).not.toContain(secret);
    expect(session.secretHash).toBe(hashSecret(secret));
    expect(session.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(session.userAgent).toBe("Firefox");
  });

  test("validating a token returns its user and session, without the password hash", async () => {
    const user = await makeUser(db, { name: "Ada Lovelace", role: "mentor" });
    const { token, session } = await createSession(db, user.id);

    const result = await validateSessionToken(db, token);
    expect(result?.session.id).toBe(session.id);
    expect(result?.user).toEqual({
      id: user.id,
      email: user.email,
      name: "Ada Lovelace",
      role: "mentor",
      emailVerifiedAt: user.emailVerifiedAt,
    });
    expect(result?.user).not.toHaveProperty("passwordHash");
  });

  test("a tampered or malformed token is refused, and the real one keeps working", async () => {
    const user = await makeUser(db);
    const { token } = await createSession(db, user.id);
    const [id, secret] = token.split(".") as [string, string];
    const flipped = secret.at(-1) === "a" ? "b" : "a";

    expect(await validateSessionToken(db, `${id}.${secret.slice(0, -1)}${flipped}`)).toBeNull();
    expect(await validateSessionToken(db, `${id}.${secret.toUpperCase()}`)).toBeNull();
    expect(await validateSessionToken(db, id)).toBeNull();
    expect(await validateSessionToken(db, `${id}.${secret}.x`)).toBeNull();
    expect(await validateSessionToken(db, "")).toBeNull();
    expect(await validateSessionToken(db, null)).toBeNull();
    // A guessed secret must not sign the real owner out.
    expect(await validateSessionToken(db, token)).not.toBeNull();
  });
});

describe("session expiry", () => {
  test("a session ends after 14 days without a request, and is deleted", async () => {
    const user = await makeUser(db);
    const { token, session } = await createSession(db, user.id);
    const start = session.lastActiveAt;

    expect(await validateSessionToken(db, token, later(start, SESSION_INACTIVITY_MS - MINUTE))).not.toBeNull();
    // That request counted as activity: 14 days after it, not after the start, is the limit.
    expect(await validateSessionToken(db, token, later(start, 2 * SESSION_INACTIVITY_MS - 2 * MINUTE))).not.toBeNull();

    const idleUntil = later(start, 2 * SESSION_INACTIVITY_MS - 2 * MINUTE + SESSION_INACTIVITY_MS);
    expect(await validateSessionToken(db, token, idleUntil)).toBeNull();
    expect(await sessionRow(session.id)).toBeUndefined();
  });

  test("a session ends 60 days after login however active it was", async () => {
    const user = await makeUser(db);
    const { token, session } = await createSession(db, user.id);

    for (let day = 10; day < 60; day += 10) {
      expect(await validateSessionToken(db, token, later(session.createdAt, day * DAY)), `day ${day}`).not.toBeNull();
    }
    expect(await validateSessionToken(db, token, later(session.createdAt, SESSION_MAX_AGE_MS - MINUTE))).not.toBeNull();
    expect(await validateSessionToken(db, token, later(session.createdAt, SESSION_MAX_AGE_MS))).toBeNull();
    expect(await sessionRow(session.id)).toBeUndefined();
  });

  test("a suspended user's sessions are refused and deleted", async () => {
    const user = await makeUser(db);
    const { token, session } = await createSession(db, user.id);
    expect(await validateSessionToken(db, token)).not.toBeNull();

    await db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, user.id));

    expect(await validateSessionToken(db, token)).toBeNull();
    expect(await sessionRow(session.id)).toBeUndefined();
  });
});

describe("ending sessions", () => {
  test("invalidateSession ends that session only", async () => {
    const user = await makeUser(db);
    const a = await createSession(db, user.id);
    const b = await createSession(db, user.id);

    await invalidateSession(db, a.session.id);

    expect(await validateSessionToken(db, a.token)).toBeNull();
    expect(await validateSessionToken(db, b.token)).not.toBeNull();
  });

  test("invalidateUserSessions ends every session of that user and nobody else's", async () => {
    const user = await makeUser(db);
    const other = await makeUser(db);
    const mine = [await createSession(db, user.id), await createSession(db, user.id), await createSession(db, user.id)];
    const theirs = await createSession(db, other.id);

    await invalidateUserSessions(db, user.id);

    for (const { token } of mine) expect(await validateSessionToken(db, token)).toBeNull();
    expect(await validateSessionToken(db, theirs.token)).not.toBeNull();
  });

  test("invalidateUserSessions with an exception keeps that one session", async () => {
    const user = await makeUser(db);
    const kept = await createSession(db, user.id);
    const ended = [await createSession(db, user.id), await createSession(db, user.id)];

    await invalidateUserSessions(db, user.id, kept.session.id);

    expect(await validateSessionToken(db, kept.token)).not.toBeNull();
    for (const { token } of ended) expect(await validateSessionToken(db, token)).toBeNull();
  });
});
