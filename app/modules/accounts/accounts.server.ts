import { and, eq, isNull } from "drizzle-orm";
import { createElement, type ReactElement } from "react";
import { transaction, type Db } from "~db/client.server";
import { accountTokens, users, type AccountTokenPurpose } from "~db/schema";
import AccountExists, { accountExistsSubject } from "~emails/account-exists";
import NoAccount, { noAccountSubject } from "~emails/no-account";
import PasswordChanged, { passwordChangedSubject } from "~emails/password-changed";
import ResetPassword, { resetPasswordSubject } from "~emails/reset-password";
import VerifyEmail, { verifyEmailSubject } from "~emails/verify-email";
import { hashPassword, spendPasswordTime, verifyPassword } from "~/auth/password.server";
import { safeRedirectPath } from "~/auth/guards.server";
import { createSession, invalidateUserSessions } from "~/auth/session.server";
import { generateToken, parseToken, secretMatches } from "~/auth/tokens.server";
import { absoluteUrl } from "~/env.server";
import { queueEmail } from "~/mail/outbox.server";
import type { SignupInput } from "./schemas";
import { blockedUntil, LIMITS, recordFailure, resetThrottle, takeAllowance } from "./throttle.server";

const HOUR = 60 * 60 * 1000;
const TOKEN_LIFETIME: Record<AccountTokenPurpose, number> = { verify_email: 24 * HOUR, reset_password: HOUR };

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}


async function issueToken(tx: Db, userId: string, email: string, purpose: AccountTokenPurpose, now: Date) {
  const { id, secretHash, token } = generateToken();
  await tx.insert(accountTokens).values({
    id,
    secretHash,
    userId,
    email,
    purpose,
    expiresAt: new Date(now.getTime() + TOKEN_LIFETIME[purpose]),
  });
  return token;
}

/** The email that carries each kind of account link, and the page the link opens. */
const LINK_EMAILS = {
  verify_email: { template: "verify-email", subject: verifyEmailSubject, path: "/verify-email", body: (name: string, url: string) => createElement(VerifyEmail, { name, verifyUrl: url }) },
  reset_password: { template: "reset-password", subject: resetPasswordSubject, path: "/reset-password", body: (name: string, url: string) => createElement(ResetPassword, { name, resetUrl: url }) },
} satisfies Record<AccountTokenPurpose, { template: string; subject: string; path: string; body: (name: string, url: string) => ReactElement }>;

/** `?redirectTo=` for a page of ours to come back to, or nothing when there is none (or it is not ours). */
function comeBackTo(redirectTo: string | undefined, separator: "?" | "&") {
  const path = safeRedirectPath(redirectTo, "");
  return path ? `${separator}redirectTo=${encodeURIComponent(path)}` : "";
}

/**
 * Issues a link of `purpose` for the account and emails it to `email`, both in the caller's
 * transaction. `redirectTo` (a page of ours only) rides along, so the person ends up there.
 */
async function emailLink(tx: Db, user: { id: string; name: string }, email: string, purpose: AccountTokenPurpose, now: Date, redirectTo?: string) {
  const token = await issueToken(tx, user.id, email, purpose, now);
  const { template, subject, path, body } = LINK_EMAILS[purpose];
  const url = absoluteUrl(`${path}?token=${token}${comeBackTo(redirectTo, "&")}`);
  await queueEmail(tx, { template, to: [email], subject, userId: user.id, body: body(user.name, url) });
}

/** Counts an email-sending request against the client address; false when it has sent too many. */
async function allowEmailFrom(db: Db, ip: string, now: Date) {
  return takeAllowance(db, `email:ip:${ip}`, LIMITS.emailIp, now);
}

async function allowEmailTo(db: Db, email: string, now: Date) {
  return takeAllowance(db, `email:to:${email}`, LIMITS.emailRecipient, now);
}

type RateLimited = { ok: false; error: "rate_limited" };

/**
 * A new verification link for an account not confirmed yet, sent at an admin's request: the
 * same link and email as the public "send it again" form, counted against the same allowance
 * per mailbox (false, and nothing queued, once it is used up). `inTransaction` runs on the same
 * transaction as the email (the admin's audit entry).
 */
export async function sendVerificationLink(db: Db, user: { id: string; name: string; email: string }, now: Date, inTransaction: (tx: Db) => Promise<unknown>) {
  if (!(await allowEmailTo(db, user.email, now))) return false;
  await transaction(db, async (tx) => {
    await emailLink(tx, user, user.email, "verify_email", now);
    await inTransaction(tx);
  });
  return true;
}


/**
 * Answers the same whether or not the address has an account (no enumeration): a new address
 * gets a verification link, a registered one an email saying so. Both links carry
 * `input.redirectTo` when it is a page of ours (an invitation to join an organization).
 */
export async function signUp(db: Db, input: SignupInput, context: { ip: string }, now = new Date()): Promise<{ ok: true } | RateLimited> {
  if (!(await allowEmailFrom(db, context.ip, now))) return { ok: false, error: "rate_limited" };
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const mayEmail = await allowEmailTo(db, email, now);

  await transaction(db, async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ email, name: input.name, role: input.role, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!mayEmail) return;
    if (created) {
      await emailLink(tx, { id: created.id, name: input.name }, email, "verify_email", now, input.redirectTo);
    } else {
      const [existing] = await tx.select().from(users).where(eq(users.email, email));
      await queueEmail(tx, {
        template: "account-exists",
        to: [email],
        subject: accountExistsSubject,
        userId: existing!.id,
        body: createElement(AccountExists, { name: existing!.name, loginUrl: absoluteUrl(`/login${comeBackTo(input.redirectTo, "?")}`), resetUrl: absoluteUrl("/forgot-password") }),
      });
    }
  });
  return { ok: true };
}

type TokenError = "invalid_link" | "expired_link" | "used_link";

/** Finds a live token and marks it used in `tx`; a token works once and only before it expires. */
async function consumeToken(tx: Db, rawToken: string, purpose: AccountTokenPurpose, now: Date) {
  const parsed = parseToken(rawToken);
  if (!parsed) return { ok: false as const, error: "invalid_link" as TokenError };
  const [row] = await tx
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.id, parsed.id), eq(accountTokens.purpose, purpose)))
    .for("update");
  if (!row || !secretMatches(row.secretHash, parsed.secret)) return { ok: false as const, error: "invalid_link" as TokenError };
  if (row.usedAt) return { ok: false as const, error: "used_link" as TokenError };
  if (row.expiresAt <= now) return { ok: false as const, error: "expired_link" as TokenError };
  await tx.update(accountTokens).set({ usedAt: now }).where(eq(accountTokens.id, row.id));
  return { ok: true as const, token: row };
}

/** Confirms the address the link was sent to, if it is still the account's address. */
export async function verifyEmail(db: Db, rawToken: string, now = new Date()) {
  return transaction(db, async (tx) => {
    const consumed = await consumeToken(tx, rawToken, "verify_email", now);
    if (!consumed.ok) return consumed;
    const [user] = await tx
      .update(users)
      .set({ emailVerifiedAt: now, updatedAt: now })
      .where(and(eq(users.id, consumed.token.userId), eq(users.email, consumed.token.email)))
      .returning({ email: users.email });
    if (!user) return { ok: false as const, error: "invalid_link" as TokenError };
    return { ok: true as const, email: user.email };
  });
}

/**
 * Sends a new verification link when `email` belongs to an account not confirmed yet; answers
 * the same either way, so it reveals nothing about which addresses have accounts.
 */
export async function resendVerification(db: Db, rawEmail: string, context: { ip: string }, now = new Date()): Promise<{ ok: true } | RateLimited> {
  if (!(await allowEmailFrom(db, context.ip, now))) return { ok: false, error: "rate_limited" };
  const email = normalizeEmail(rawEmail);
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user || user.emailVerifiedAt || !(await allowEmailTo(db, email, now))) return { ok: true };
  await transaction(db, (tx) => emailLink(tx, user, user.email, "verify_email", now));
  return { ok: true };
}

export type LoginResult =
  | { ok: true; token: string; userId: string }
  | { ok: false; error: "invalid_credentials" | "unverified" | "suspended" }
  | { ok: false; error: "throttled"; retryAt: Date };

/**
 * Checks the password and starts a fresh session. Ten consecutive failures on an account, or
 * many from one address, block further tries for ten minutes — without checking the password.
 */
export async function logIn(
  db: Db,
  input: { email: string; password: string },
  context: { ip: string; userAgent?: string | null },
  now = new Date(),
): Promise<LoginResult> {
  const email = normalizeEmail(input.email);
  const accountKey = `login:account:${email}`;
  const ipKey = `login:ip:${context.ip}`;
  const until = await blockedUntil(db, [accountKey, ipKey], now);
  if (until) return { ok: false, error: "throttled", retryAt: until };

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : (await spendPasswordTime(input.password), false);
  if (!user || !valid) {
    await recordFailure(db, accountKey, LIMITS.loginAccount, now);
    await recordFailure(db, ipKey, LIMITS.loginIp, now);
    const blocked = await blockedUntil(db, [accountKey, ipKey], now);
    return blocked ? { ok: false, error: "throttled", retryAt: blocked } : { ok: false, error: "invalid_credentials" };
  }
  await resetThrottle(db, accountKey);
  if (user.suspendedAt) return { ok: false, error: "suspended" };
  if (!user.emailVerifiedAt) return { ok: false, error: "unverified" };
  const { token } = await createSession(db, user.id, context.userAgent);
  return { ok: true, token, userId: user.id };
}

/** Emails a one-hour reset link, or — for an address without an account — an email saying so. */
export async function requestPasswordReset(db: Db, rawEmail: string, context: { ip: string }, now = new Date()): Promise<{ ok: true } | RateLimited> {
  if (!(await allowEmailFrom(db, context.ip, now))) return { ok: false, error: "rate_limited" };
  const email = normalizeEmail(rawEmail);
  if (!(await allowEmailTo(db, email, now))) return { ok: true };
  await transaction(db, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, email));
    if (!user) {
      await queueEmail(tx, {
        template: "no-account",
        to: [email],
        subject: noAccountSubject,
        body: createElement(NoAccount, { signupUrl: absoluteUrl("/signup") }),
      });
      return;
    }
    await emailLink(tx, user, email, "reset_password", now);
  });
  return { ok: true };
}

/** Whether a reset link can still be used, without using it (to show the form or say why not). */
export async function checkResetToken(db: Db, rawToken: string, now = new Date()) {
  const parsed = parseToken(rawToken);
  if (!parsed) return { ok: false as const, error: "invalid_link" as TokenError };
  const [row] = await db
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.id, parsed.id), eq(accountTokens.purpose, "reset_password")));
  if (!row || !secretMatches(row.secretHash, parsed.secret)) return { ok: false as const, error: "invalid_link" as TokenError };
  if (row.usedAt) return { ok: false as const, error: "used_link" as TokenError };
  if (row.expiresAt <= now) return { ok: false as const, error: "expired_link" as TokenError };
  return { ok: true as const };
}

/**
 * Sets a new password from a reset link: the link is used up, every session of the account
 * ends, and a fresh one starts for this browser. The link also proves the address.
 */
export async function resetPassword(
  db: Db,
  input: { token: string; password: string },
  context: { userAgent?: string | null },
  now = new Date(),
) {
  const passwordHash = await hashPassword(input.password);
  const result = await transaction(db, async (tx) => {
    const consumed = await consumeToken(tx, input.token, "reset_password", now);
    if (!consumed.ok) return consumed;
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: now })
      .where(eq(users.id, consumed.token.userId))
      .returning();
    if (user!.email === consumed.token.email && !user!.emailVerifiedAt) {
      await tx.update(users).set({ emailVerifiedAt: now }).where(eq(users.id, user!.id));
    }
    await tx
      .update(accountTokens)
      .set({ usedAt: now })
      .where(and(eq(accountTokens.userId, user!.id), eq(accountTokens.purpose, "reset_password"), isNull(accountTokens.usedAt)));
    await invalidateUserSessions(tx, user!.id);
    return { ok: true as const, user: user! };
  });
  if (!result.ok) return result;
  if (result.user.suspendedAt) return { ok: true as const, token: null };
  const { token } = await createSession(db, result.user.id, context.userAgent);
  return { ok: true as const, token };
}

/** Changes the password of a signed-in user who knows the current one; other devices are signed out. */
export async function changePassword(
  db: Db,
  input: { userId: string; sessionId: string; currentPassword: string; password: string },
) {
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false as const, error: "wrong_password" as const };
  }
  const passwordHash = await hashPassword(input.password);
  await transaction(db, async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, user.id));
    await invalidateUserSessions(tx, user.id, input.sessionId);
    await queueEmail(tx, {
      template: "password-changed",
      to: [user.email],
      subject: passwordChangedSubject,
      userId: user.id,
      body: createElement(PasswordChanged, { name: user.name, resetUrl: absoluteUrl("/forgot-password") }),
    });
  });
  return { ok: true as const };
}
