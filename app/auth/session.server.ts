import { and, desc, eq, ne } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { sessions, users, type Session, type User } from "~db/schema";
import { generateToken, parseToken, secretMatches } from "./tokens.server";

const DAY = 24 * 60 * 60 * 1000;
/** Signed out after this long without a request. */
export const SESSION_INACTIVITY_MS = 14 * DAY;
/** Signed out this long after logging in, however active. */
export const SESSION_MAX_AGE_MS = 60 * DAY;
// why: writing last_active_at on every request would turn every page view into a write.
const ACTIVITY_WRITE_INTERVAL_MS = 60 * 60 * 1000;

export type SessionUser = Pick<User, "id" | "email" | "name" | "role" | "emailVerifiedAt">;
export type SessionValidation = { session: Session; user: SessionUser } | null;

/** Starts a session with a fresh token; the token is returned once and never stored. */
export async function createSession(db: Db, userId: string, userAgent?: string | null) {
  const { id, secretHash, token } = generateToken();
  const [session] = await db
    .insert(sessions)
    .values({ id, secretHash, userId, userAgent: userAgent?.slice(0, 300) ?? null })
    .returning();
  return { token, session: session! };
}

/** The session and its user for a cookie token, or null when unknown, expired or the user is suspended. */
export async function validateSessionToken(db: Db, token: string | null | undefined, now = new Date()) {
  const parsed = parseToken(token);
  if (!parsed) return null;
  const [row] = await db
    .select({
      session: sessions,
      user: { id: users.id, email: users.email, name: users.name, role: users.role, emailVerifiedAt: users.emailVerifiedAt, suspendedAt: users.suspendedAt },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, parsed.id));
  if (!row || !secretMatches(row.session.secretHash, parsed.secret)) return null;

  const expired =
    now.getTime() - row.session.lastActiveAt.getTime() >= SESSION_INACTIVITY_MS ||
    now.getTime() - row.session.createdAt.getTime() >= SESSION_MAX_AGE_MS;
  if (expired || row.user.suspendedAt) {
    await db.delete(sessions).where(eq(sessions.id, row.session.id));
    return null;
  }
  if (now.getTime() - row.session.lastActiveAt.getTime() >= ACTIVITY_WRITE_INTERVAL_MS) {
    await db.update(sessions).set({ lastActiveAt: now }).where(eq(sessions.id, row.session.id));
    row.session.lastActiveAt = now;
  }
  const { suspendedAt: _suspended, ...user } = row.user;
  return { session: row.session, user } satisfies SessionValidation;
}

export async function invalidateSession(db: Db, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, or every one but `exceptSessionId`. */
export async function invalidateUserSessions(db: Db, userId: string, exceptSessionId?: string) {
  await db
    .delete(sessions)
    .where(exceptSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId)) : eq(sessions.userId, userId));
}

/** The user's own sessions, most recently active first (authorization is the `userId` filter). */
export async function listUserSessions(db: Db, userId: string) {
  return db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastActiveAt: sessions.lastActiveAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.lastActiveAt));
}
