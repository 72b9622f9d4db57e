import { count, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { sessions, users } from "~db/schema";
import {
  deliveryJobs,
  emailsTo,
  KNOWN_PASSWORD,
  linkIn,
  makeUser,
  tokenFromOnlyEmail,
  uniqueEmail,
  uniqueIp,
} from "~db/test/factories";
import { moduleTestDb } from "~db/test/module-db";
import { accountExistsSubject } from "~emails/account-exists";
import { noAccountSubject } from "~emails/no-account";
import { passwordChangedSubject } from "~emails/password-changed";
import { resetPasswordSubject } from "~emails/reset-password";
import { verifyEmailSubject } from "~emails/verify-email";
import { createSession, validateSessionToken } from "~/auth/session.server";
import { generateToken } from "~/auth/tokens.server";
import {
  changePassword,
  checkResetToken,
  logIn,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  signUp,
  verifyEmail,
} from "./accounts.server";
import type { SignupInput } from "./schemas";

const db = moduleTestDb({ queue: true });

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
const NEW_PASSWORD = "a brand new passphrase";

function signupInput(overrides: Partial<SignupInput> = {}): SignupInput {
  return { name: "Amara Obi", email: uniqueEmail("signup"), password: "my own good passphrase", role: "student", ...overrides };
}

async function findUsers(email: string) {
  return db.select().from(users).where(eq(users.email, email));
}

async function sessionCount(userId: string) {
  const [row] = await db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId));
  return row!.n;
}

const logInAs = (email: string, password: string, now?: Date, ip = uniqueIp()) =>
  logIn(db, { email, password }, { ip, userAgent: "vitest" }, now);

describe("signUp", () => {
  test("creates an unverified account and queues exactly one email with a verification link", async () => {
    const email = uniqueEmail("new");
    const input = signupInput({ email: `  ${email.toUpperCase()} `, role: "mentor" });

    expect(await signUp(db, input, { ip: uniqueIp() })).toEqual({ ok: true });

    const [user, ...others] = await findUsers(email);
    expect(others).toHaveLength(0);
    expect(user).toMatchObject({ email, name: "Amara Obi", role: "mentor", emailVerifiedAt: null });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user!.passwordHash).not.toContain(input.password);

    const sent = await emailsTo(db, email);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ template: "verify-email", subject: verifyEmailSubject, to: [email], userId: user!.id, status: "queued" });
    expect(linkIn(sent[0]!, "/verify-email").searchParams.get("token")).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{52}$/);
    expect(await deliveryJobs(db, sent[0]!.id)).toMatchObject([{ name: "deliver-email", state: "created" }]);
  });

  test("signing up again with a registered address gives the same answer, makes no account and sends an account-exists email", async () => {
    const email = uniqueEmail("twice");
    const first = await signUp(db, signupInput({ email, name: "First Owner", password: "the first passphrase" }), { ip: uniqueIp() });
    const second = await signUp(db, signupInput({ email: email.toUpperCase(), name: "Someone Else", password: "an intruder passphrase" }), {
      ip: uniqueIp(),
    });

    expect(second).toEqual(first);
    const found = await findUsers(email);
    expect(found).toHaveLength(1);
    expect(found[0]!.name).toBe("First Owner");

    const sent = await emailsTo(db, email);
    expect(sent.map((e) => e.template)).toEqual(["verify-email", "account-exists"]);
    expect(sent[1]!.subject).toBe(accountExistsSubject);
    expect(linkIn(sent[1]!, "/login")).toBeTruthy();
    expect(() => linkIn(sent[1]!, "/verify-email")).toThrow();

    // The second signup did not replace the password: the first one is still the right one.
    expect(await logInAs(email, "the first passphrase")).toEqual({ ok: false, error: "unverified" });
    expect(await logInAs(email, "an intruder passphrase")).toEqual({ ok: false, error: "invalid_credentials" });
  });

  test("the confirmation link carries a page of ours to come back to (an invitation), and nothing else", async () => {
    const invited = uniqueEmail("invited");
    await signUp(db, signupInput({ email: invited, role: "mentor", redirectTo: "/organization/join?token=abc.def" }), { ip: uniqueIp() });
    const [sent] = await emailsTo(db, invited);
    expect(linkIn(sent!, "/verify-email").searchParams.get("redirectTo")).toBe("/organization/join?token=abc.def");

    for (const away of ["https://evil.example/x", "//evil.example/x", "/\\evil.example", "organization/join"]) {
      const email = uniqueEmail("away");
      await signUp(db, signupInput({ email, redirectTo: away }), { ip: uniqueIp() });
      const [mail] = await emailsTo(db, email);
      expect(linkIn(mail!, "/verify-email").searchParams.has("redirectTo"), away).toBe(false);
    }

    // Someone who already has an account is sent to log in, and on to the same page.
    await signUp(db, signupInput({ email: invited, redirectTo: "/organization/join?token=abc.def" }), { ip: uniqueIp() });
    const again = await emailsTo(db, invited);
    expect(linkIn(again[1]!, "/login").searchParams.get("redirectTo")).toBe("/organization/join?token=abc.def");
  });

  test("the verification link works once, then says it was used", async () => {
    const input = signupInput();
    await signUp(db, input, { ip: uniqueIp() });
    const token = await tokenFromOnlyEmail(db, input.email, "/verify-email");

    expect(await verifyEmail(db, token)).toEqual({ ok: true, email: input.email });
    expect((await findUsers(input.email))[0]!.emailVerifiedAt).toBeInstanceOf(Date);
    expect((await logInAs(input.email, input.password)).ok).toBe(true);

    expect(await verifyEmail(db, token)).toEqual({ ok: false, error: "used_link" });
  });

  test("the verification link expires 24 hours after signup", async () => {
    const input = signupInput();
    const signedUpAt = new Date();
    await signUp(db, input, { ip: uniqueIp() }, signedUpAt);
    const token = await tokenFromOnlyEmail(db, input.email, "/verify-email");

    expect(await verifyEmail(db, token, later(signedUpAt, 24 * HOUR))).toEqual({ ok: false, error: "expired_link" });
    expect((await findUsers(input.email))[0]!.emailVerifiedAt).toBeNull();

    expect(await verifyEmail(db, token, later(signedUpAt, 24 * HOUR - MINUTE))).toMatchObject({ ok: true });
  });

  test("a garbled, unknown or wrong-purpose link verifies nothing", async () => {
    const input = signupInput();
    await signUp(db, input, { ip: uniqueIp() });
    const token = await tokenFromOnlyEmail(db, input.email, "/verify-email");
    const [id, secret] = token.split(".") as [string, string];
    const wrongSecret = `${id}.${secret.slice(0, -1)}${secret.endsWith("a") ? "b" : "a"}`;

    for (const bad of ["garbage", "", `${token}x`, generateToken().token, wrongSecret]) {
      expect(await verifyEmail(db, bad), bad).toEqual({ ok: false, error: "invalid_link" });
    }
    // A password-reset link for the same account is no verification link.
    await requestPasswordReset(db, input.email, { ip: uniqueIp() });
    const sent = await emailsTo(db, input.email);
    const resetToken = linkIn(sent.at(-1)!, "/reset-password").searchParams.get("token")!;
    expect(await verifyEmail(db, resetToken)).toEqual({ ok: false, error: "invalid_link" });

    expect((await findUsers(input.email))[0]!.emailVerifiedAt).toBeNull();
    // None of that used up the real link.
    expect(await verifyEmail(db, token)).toMatchObject({ ok: true });
  });

  test("resendVerification sends a new working link to an unverified address only, answering the same for any address", async () => {
    const unverified = await makeUser(db, { emailVerifiedAt: null });
    const verified = await makeUser(db);
    const stranger = uniqueEmail("stranger");

    expect(await resendVerification(db, unverified.email.toUpperCase(), { ip: uniqueIp() })).toEqual({ ok: true });
    expect(await verifyEmail(db, await tokenFromOnlyEmail(db, unverified.email, "/verify-email"))).toMatchObject({ ok: true });

    expect(await resendVerification(db, verified.email, { ip: uniqueIp() })).toEqual({ ok: true });
    expect(await resendVerification(db, stranger, { ip: uniqueIp() })).toEqual({ ok: true });
    expect(await emailsTo(db, verified.email)).toHaveLength(0);
    expect(await emailsTo(db, stranger)).toHaveLength(0);
  });
});

describe("logIn", () => {
  test("a wrong password or an unknown address is refused alike, without a session", async () => {
    const user = await makeUser(db);

    expect(await logInAs(user.email, "not the password")).toEqual({ ok: false, error: "invalid_credentials" });
    expect(await logInAs(uniqueEmail("nobody"), KNOWN_PASSWORD)).toEqual({ ok: false, error: "invalid_credentials" });
    expect(await sessionCount(user.id)).toBe(0);
  });

  test("an unverified account is told so and gets no session", async () => {
    const user = await makeUser(db, { emailVerifiedAt: null });

    expect(await logInAs(user.email, KNOWN_PASSWORD)).toEqual({ ok: false, error: "unverified" });
    expect(await sessionCount(user.id)).toBe(0);
  });

  test("a suspended account gets no session", async () => {
    const user = await makeUser(db, { suspendedAt: new Date() });

    expect(await logInAs(user.email, KNOWN_PASSWORD)).toEqual({ ok: false, error: "suspended" });
    expect(await sessionCount(user.id)).toBe(0);
  });

  test("the right password starts a session whose token signs the user in", async () => {
    const user = await makeUser(db);

    const result = await logInAs(`  ${user.email.toUpperCase()}`, KNOWN_PASSWORD);

    expect(result).toMatchObject({ ok: true, userId: user.id });
    if (!result.ok) throw new Error("unreachable");
    expect((await validateSessionToken(db, result.token))?.user.id).toBe(user.id);
    expect(await sessionCount(user.id)).toBe(1);
  });

  test("ten wrong passwords in a row block the account for ten minutes, even with the right password", async () => {
    const user = await makeUser(db);
    const t0 = new Date();

    for (let i = 1; i <= 9; i++) {
      expect(await logInAs(user.email, `wrong ${i}`, t0), `attempt ${i}`).toEqual({ ok: false, error: "invalid_credentials" });
    }
    const retryAt = later(t0, 10 * MINUTE);
    expect(await logInAs(user.email, "wrong 10", t0)).toEqual({ ok: false, error: "throttled", retryAt });

    expect(await logInAs(user.email, KNOWN_PASSWORD, later(t0, 9 * MINUTE))).toEqual({ ok: false, error: "throttled", retryAt });
    expect(await sessionCount(user.id)).toBe(0);

    expect(await logInAs(user.email, KNOWN_PASSWORD, retryAt)).toMatchObject({ ok: true });
  });

  test("a successful login resets the count of wrong passwords", async () => {
    const user = await makeUser(db);
    const t0 = new Date();

    for (let i = 1; i <= 9; i++) expect((await logInAs(user.email, "wrong", t0)).ok).toBe(false);
    expect(await logInAs(user.email, KNOWN_PASSWORD, t0)).toMatchObject({ ok: true });
    for (let i = 1; i <= 9; i++) {
      expect(await logInAs(user.email, "wrong", t0), `attempt ${i} after success`).toEqual({ ok: false, error: "invalid_credentials" });
    }
    expect(await logInAs(user.email, "wrong", t0)).toMatchObject({ ok: false, error: "throttled" });
  });
});

describe("password reset", () => {
  test("a known address gets a reset link; an unknown one gets a no-account email and the same answer", async () => {
    const user = await makeUser(db);
    const stranger = uniqueEmail("stranger");

    const known = await requestPasswordReset(db, user.email, { ip: uniqueIp() });
    const unknown = await requestPasswordReset(db, stranger, { ip: uniqueIp() });

    expect(known).toEqual({ ok: true });
    expect(unknown).toEqual(known);

    const [resetEmail, ...moreToUser] = await emailsTo(db, user.email);
    expect(moreToUser).toHaveLength(0);
    expect(resetEmail).toMatchObject({ template: "reset-password", subject: resetPasswordSubject, userId: user.id });
    expect(linkIn(resetEmail!, "/reset-password").searchParams.get("token")).toBeTruthy();

    const [noAccount, ...moreToStranger] = await emailsTo(db, stranger);
    expect(moreToStranger).toHaveLength(0);
    expect(noAccount).toMatchObject({ template: "no-account", subject: noAccountSubject, userId: null });
    expect(() => linkIn(noAccount!, "/reset-password")).toThrow();
    expect(linkIn(noAccount!, "/signup")).toBeTruthy();
    expect(await findUsers(stranger)).toHaveLength(0);
  });

  test("resetting sets the new password, ends every existing session and signs this browser in", async () => {
    const user = await makeUser(db);
    const laptop = await createSession(db, user.id);
    const phone = await createSession(db, user.id);
    await requestPasswordReset(db, user.email, { ip: uniqueIp() });
    const token = await tokenFromOnlyEmail(db, user.email, "/reset-password");
    expect(await checkResetToken(db, token)).toEqual({ ok: true });

    const result = await resetPassword(db, { token, password: NEW_PASSWORD }, { userAgent: "vitest" });

    expect(result).toMatchObject({ ok: true, token: expect.any(String) });
    if (!result.ok || !result.token) throw new Error("unreachable");
    expect(await validateSessionToken(db, laptop.token)).toBeNull();
    expect(await validateSessionToken(db, phone.token)).toBeNull();
    expect((await validateSessionToken(db, result.token))?.user.id).toBe(user.id);

    expect(await logInAs(user.email, KNOWN_PASSWORD)).toEqual({ ok: false, error: "invalid_credentials" });
    expect(await logInAs(user.email, NEW_PASSWORD)).toMatchObject({ ok: true });

    expect(await checkResetToken(db, token)).toEqual({ ok: false, error: "used_link" });
    expect(await resetPassword(db, { token, password: "yet another passphrase" }, {})).toEqual({ ok: false, error: "used_link" });
    expect(await logInAs(user.email, NEW_PASSWORD)).toMatchObject({ ok: true });
  });

  test("using one reset link makes the older ones useless", async () => {
    const user = await makeUser(db);
    await requestPasswordReset(db, user.email, { ip: uniqueIp() });
    await requestPasswordReset(db, user.email, { ip: uniqueIp() });
    const [older, newer] = (await emailsTo(db, user.email)).map((e) => linkIn(e, "/reset-password").searchParams.get("token")!);

    expect(await resetPassword(db, { token: newer!, password: NEW_PASSWORD }, {})).toMatchObject({ ok: true });
    expect(await resetPassword(db, { token: older!, password: "an attacker passphrase" }, {})).toEqual({ ok: false, error: "used_link" });
    expect(await logInAs(user.email, NEW_PASSWORD)).toMatchObject({ ok: true });
  });

  test("the reset link expires after one hour and then changes nothing", async () => {
    const user = await makeUser(db);
    const requestedAt = new Date();
    await requestPasswordReset(db, user.email, { ip: uniqueIp() }, requestedAt);
    const token = await tokenFromOnlyEmail(db, user.email, "/reset-password");

    expect(await checkResetToken(db, token, later(requestedAt, HOUR))).toEqual({ ok: false, error: "expired_link" });
    expect(await resetPassword(db, { token, password: NEW_PASSWORD }, {}, later(requestedAt, HOUR))).toEqual({
      ok: false,
      error: "expired_link",
    });
    expect(await logInAs(user.email, KNOWN_PASSWORD)).toMatchObject({ ok: true });

    expect(await resetPassword(db, { token, password: NEW_PASSWORD }, {}, later(requestedAt, HOUR - MINUTE))).toMatchObject({ ok: true });
  });

  test("resetting from the link also confirms a never-verified address", async () => {
    const user = await makeUser(db, { emailVerifiedAt: null });
    await requestPasswordReset(db, user.email, { ip: uniqueIp() });
    const token = await tokenFromOnlyEmail(db, user.email, "/reset-password");

    expect(await resetPassword(db, { token, password: NEW_PASSWORD }, {})).toMatchObject({ ok: true, token: expect.any(String) });
    expect(await logInAs(user.email, NEW_PASSWORD)).toMatchObject({ ok: true });
  });
});

describe("changePassword", () => {
  test("a wrong current password changes nothing", async () => {
    const user = await makeUser(db);
    const here = await createSession(db, user.id);
    const elsewhere = await createSession(db, user.id);

    const result = await changePassword(db, { userId: user.id, sessionId: here.session.id, currentPassword: "a wrong guess", password: NEW_PASSWORD });

    expect(result).toEqual({ ok: false, error: "wrong_password" });
    expect(await validateSessionToken(db, here.token)).not.toBeNull();
    expect(await validateSessionToken(db, elsewhere.token)).not.toBeNull();
    expect(await logInAs(user.email, NEW_PASSWORD)).toEqual({ ok: false, error: "invalid_credentials" });
    expect(await logInAs(user.email, KNOWN_PASSWORD)).toMatchObject({ ok: true });
    expect(await emailsTo(db, user.email)).toHaveLength(0);
  });

  test("the right current password sets the new one, keeps this session, ends the others and emails the user", async () => {
    const user = await makeUser(db);
    const here = await createSession(db, user.id);
    const elsewhere = await createSession(db, user.id);

    const result = await changePassword(db, { userId: user.id, sessionId: here.session.id, currentPassword: KNOWN_PASSWORD, password: NEW_PASSWORD });

    expect(result).toEqual({ ok: true });
    expect(await validateSessionToken(db, here.token)).not.toBeNull();
    expect(await validateSessionToken(db, elsewhere.token)).toBeNull();
    expect(await logInAs(user.email, KNOWN_PASSWORD)).toEqual({ ok: false, error: "invalid_credentials" });
    expect(await logInAs(user.email, NEW_PASSWORD)).toMatchObject({ ok: true });

    const sent = await emailsTo(db, user.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ template: "password-changed", subject: passwordChangedSubject, userId: user.id });
    expect(linkIn(sent[0]!, "/forgot-password")).toBeTruthy();
  });
});

describe("email rate limits", () => {
  test("one mailbox gets at most five account emails an hour; the form answers the same", async () => {
    const user = await makeUser(db);

    for (let i = 1; i <= 6; i++) {
      expect(await requestPasswordReset(db, user.email, { ip: uniqueIp() }), `request ${i}`).toEqual({ ok: true });
    }

    expect(await emailsTo(db, user.email)).toHaveLength(5);
  });

  test("one client address can trigger at most twenty emails an hour, then is told to wait", async () => {
    const ip = uniqueIp();
    const addresses = Array.from({ length: 21 }, () => uniqueEmail("flood"));

    for (const address of addresses.slice(0, 20)) {
      expect(await requestPasswordReset(db, address, { ip }), address).toEqual({ ok: true });
    }
    expect(await requestPasswordReset(db, addresses[20]!, { ip })).toEqual({ ok: false, error: "rate_limited" });
    expect(await emailsTo(db, addresses[20]!)).toHaveLength(0);

    // Signing up counts against the same allowance.
    const input = signupInput();
    expect(await signUp(db, input, { ip })).toEqual({ ok: false, error: "rate_limited" });
    expect(await findUsers(input.email)).toHaveLength(0);
    // Another address is not affected.
    expect(await requestPasswordReset(db, addresses[20]!, { ip: uniqueIp() })).toEqual({ ok: true });
  });
});
