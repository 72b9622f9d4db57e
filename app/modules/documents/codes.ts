import { encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";

// Verification codes (docs/decisions/017-letters-referrals-and-documents.md): printed on every
// issued document and delivered letter, checked at the public /verify/:code. 80 random bits,
// written as four groups of four base32 characters so a person can type one from paper.

const GROUPS = 4;
const CODE = /^[A-Z2-7]{16}$/;

/** A new code, e.g. "K7QM-2XPA-D4TR-W6NB" — 10 random bytes (80 bits) in base32. */
export function newVerificationCode() {
  const raw = encodeBase32UpperCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)));
  return formatVerificationCode(raw);
}

/** The code as stored and printed: four dash-separated groups of four. */
export function formatVerificationCode(raw: string) {
  return Array.from({ length: GROUPS }, (_, i) => raw.slice(i * 4, i * 4 + 4)).join("-");
}

/** A code as a person typed it (any case, with or without dashes or spaces) in its stored form, or null if it cannot be one. */
export function parseVerificationCode(input: string | null | undefined) {
  if (!input) return null;
  const raw = input.toUpperCase().replace(/[\s-]/g, "");
  return CODE.test(raw) ? formatVerificationCode(raw) : null;
}

/** Where a code is checked (a path; the documents print it absolute). */
export const verifyPath = (code: string) => `/verify/${code}`;
