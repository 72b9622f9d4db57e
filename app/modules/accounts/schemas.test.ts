import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isCommonPassword } from "./common-passwords";
import { ChangePasswordSchema, ForgotPasswordSchema, LoginSchema, ResetPasswordSchema, SignupSchema } from "./schemas";

const goodSignup = { name: "Amara Obi", email: "amara@example.org", password: "river otter lantern", role: "student" };
const goodReset = { token: "abc.def", password: "river otter lantern", confirmPassword: "river otter lantern" };

/** The messages of a failed parse, by field. */
function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false);
  const byField: Record<string, string[]> = {};
  for (const issue of result.error!.issues) (byField[issue.path.join(".")] ??= []).push(issue.message);
  return byField;
}

describe("SignupSchema", () => {
  test("accepts a good signup", () => {
    expect(SignupSchema.safeParse(goodSignup)).toEqual({ success: true, data: goodSignup });
  });

  test("lower-cases and trims the email, trims the name", () => {
    const result = SignupSchema.parse({ ...goodSignup, email: "  Amara.Obi@Example.ORG ", name: "  Amara  " });
    expect(result.email).toBe("amara.obi@example.org");
    expect(result.name).toBe("Amara");
  });

  test.each(["password123", "PASSWORD123", "Password123", "qwerty123", "aaaaaaaaaa"])("refuses the common password %j", (password) => {
    expect(errorsOf(SignupSchema.safeParse({ ...goodSignup, password })).password?.[0]).toMatch(/common/);
  });

  test("refuses passwords under 8 and over 128 characters, and accepts both limits", () => {
    expect(errorsOf(SignupSchema.safeParse({ ...goodSignup, password: "k7#qz!p" })).password).toEqual(["Use at least 8 characters"]);
    expect(errorsOf(SignupSchema.safeParse({ ...goodSignup, password: "k7#qz!pw".repeat(16) + "x" })).password).toEqual([
      "Use at most 128 characters",
    ]);
    expect(SignupSchema.safeParse({ ...goodSignup, password: "k7#qz!pw" }).success).toBe(true);
    expect(SignupSchema.safeParse({ ...goodSignup, password: "k7#qz!pw".repeat(16) }).success).toBe(true);
  });

  test.each(["", "amara", "amara@", "@example.org", "amara@@example.org", "amara example@example.org", `${"a".repeat(250)}@example.org`])(
    "refuses the email %j",
    (email) => {
      expect(errorsOf(SignupSchema.safeParse({ ...goodSignup, email })).email).toHaveLength(1);
    },
  );

  test("refuses a missing name, an unknown role and an admin role", () => {
    expect(errorsOf(SignupSchema.safeParse({ ...goodSignup, name: "   " })).name).toEqual(["Enter your name"]);
    expect(errorsOf(SignupSchema.safeParse({ ...goodSignup, role: "admin" })).role).toHaveLength(1);
    expect(errorsOf(SignupSchema.safeParse({ ...goodSignup, role: undefined })).role).toHaveLength(1);
  });
});

describe("ResetPasswordSchema and ChangePasswordSchema", () => {
  test("accept a good new password typed twice", () => {
    expect(ResetPasswordSchema.safeParse(goodReset).success).toBe(true);
    expect(ChangePasswordSchema.safeParse({ currentPassword: "old one", password: goodReset.password, confirmPassword: goodReset.password }).success).toBe(true);
  });

  test("refuse a confirmation that does not match, on the confirmation field", () => {
    expect(errorsOf(ResetPasswordSchema.safeParse({ ...goodReset, confirmPassword: "river otter lanterns" })).confirmPassword).toEqual([
      "The two passwords do not match",
    ]);
    expect(
      errorsOf(ChangePasswordSchema.safeParse({ currentPassword: "old one", password: goodReset.password, confirmPassword: "other" })).confirmPassword,
    ).toEqual(["The two passwords do not match"]);
  });

  test("apply the same password rules as signup", () => {
    for (const password of ["password123", "short", "xy".repeat(65)]) {
      expect(errorsOf(ResetPasswordSchema.safeParse({ ...goodReset, password, confirmPassword: password })).password, password).toHaveLength(1);
    }
  });
});

describe("every parser of user input", () => {
  const schemas = { SignupSchema, LoginSchema, ForgotPasswordSchema, ResetPasswordSchema, ChangePasswordSchema };

  test("answers any input with a result, never an exception", () => {
    for (const [name, schema] of Object.entries(schemas)) {
      fc.assert(
        fc.property(fc.anything(), (input) => {
          expect(typeof schema.safeParse(input).success, name).toBe("boolean");
        }),
        { numRuns: 200 },
      );
      fc.assert(
        fc.property(
          fc.record({ name: fc.string(), email: fc.string(), password: fc.string({ unit: "binary" }), confirmPassword: fc.string(), role: fc.string(), token: fc.string(), currentPassword: fc.string() }),
          (input) => {
            expect(typeof schema.safeParse(input).success, name).toBe("boolean");
          },
        ),
        { numRuns: 200 },
      );
    }
  });

  // zod counts Unicode code points, so "characters" are code points: an emoji is one.
  test("a password is accepted exactly when it has 8–128 characters and is not a common one", () => {
    fc.assert(
      fc.property(fc.oneof(
          fc.string({ unit: "binary", maxLength: 140 }),
          fc.string({ minLength: 120, maxLength: 136 }),
          fc.constantFrom("password123", "12345678", "a".repeat(8)),
        ), (password) => {
        const accepted = SignupSchema.safeParse({ ...goodSignup, password }).success;
        const characters = [...password].length;
        expect(accepted).toBe(characters >= 8 && characters <= 128 && !isCommonPassword(password));
      }),
      { numRuns: 500 },
    );
  });

  // An address as people type it: letters, digits and . _ + - before the @, dotted labels after.
  const localPart = fc.stringMatching(/^[a-z0-9](?:[a-z0-9._+-]{0,20}[a-z0-9])?$/).filter((s) => !s.includes(".."));
  const domain = fc.stringMatching(/^(?:[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?\.){1,3}[a-z]{2,6}$/);

  test("a typical address, in any case and with space around it, is accepted trimmed and in lower case", () => {
    fc.assert(
      fc.property(localPart, domain, fc.constantFrom("", " ", "\t", "  "), fc.boolean(), (local, host, pad, shout) => {
        const typed = `${local}@${host}`;
        const result = ForgotPasswordSchema.safeParse({ email: `${pad}${shout ? typed.toUpperCase() : typed}${pad}` });
        expect(result.success).toBe(true);
        expect(result.data?.email).toBe(typed);
      }),
      { numRuns: 300 },
    );
  });

  test("text without an @, or with a space inside the address, is refused", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string().filter((s) => !s.includes("@")), fc.tuple(localPart, domain).map(([l, h]) => `${l} x@${h}`)), (typed) => {
        expect(ForgotPasswordSchema.safeParse({ email: typed }).success).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
