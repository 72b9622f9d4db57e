import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase, decodeHex } from "@oslojs/encoding";

function randomString(bytes: number) {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

export function hashSecret(secret: string) {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

/** A new `<id>.<secret>` token: a 120-bit id to find the row, a 256-bit secret of which only the hash is stored. */
export function generateToken() {
  const id = randomString(15);
  const secret = randomString(32);
  return { id, secret, token: `${id}.${secret}`, secretHash: hashSecret(secret) };
}

export function parseToken(token: string | null | undefined) {
  if (!token) return null;
  const parts = token.split(".");
  if (parts.length !== 2 || !/^[a-z2-7]{24}$/.test(parts[0]!) || !/^[a-z2-7]{52}$/.test(parts[1]!)) return null;
  return { id: parts[0]!, secret: parts[1]! };
}

/** Compares the stored hash with the presented secret's hash in constant time. */
export function secretMatches(storedHash: string, secret: string) {
  return constantTimeEqual(decodeHex(storedHash), decodeHex(hashSecret(secret)));
}
