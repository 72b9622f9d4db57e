import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { issuedDocuments, matches, organizations, recommendationLetters, slots, users } from "~db/schema";
import { blockedUntil, recordFailure } from "~/modules/accounts/throttle.server";
import { parseVerificationCode } from "./codes";
import { parseContent } from "./content";
import { DOCUMENT_KIND_LABELS, RECOMMENDATION_LETTER_LABEL } from "./labels";

// The public check of a verification code (/verify/:code, no account): whether a document is
// authentic, for whom, from which organization, what kind, issued when — nothing else (no hours,
// no text, no email address). It covers issued verification letters and certificates, and ready
// recommendation letters (a revoked one of either says so). Codes carry 80 random bits; guessing is refused
// besides: an address whose lookups find nothing VERIFY_LIMIT.limit times in the window is blocked,
// for every code, until the block ends.

const MINUTE = 60_000;

/** Ten codes that match nothing within an hour block the address for an hour. */
export const VERIFY_LIMIT = { limit: 10, windowMs: 60 * MINUTE, blockMs: 60 * MINUTE } as const;

/** The throttle row of a client address's lookups. */
export const verifyThrottleKey = (clientIp: string) => `verify:ip:${clientIp}`;

export type VerifiedDocument = { kindLabel: string; studentName: string; organizationName: string; issuedAt: string };

export type VerifyResult =
  | ({ state: "authentic" } & VerifiedDocument)
  | ({ state: "revoked"; revokedAt: string } & VerifiedDocument)
  /** Not a code, or no document has it. */
  | { state: "not_found" }
  /** This address tried too many codes that match nothing. */
  | { state: "throttled"; until: string };

/**
 * What /verify says of `input` for `clientIp`: a document found by its code (an issued letter or
 * certificate, or a ready recommendation letter), or not found. A well-formed code that finds
 * nothing counts against the address; a blocked address is refused every lookup.
 */
export async function verifyCode(db: Db, input: string, { clientIp, now = new Date() }: { clientIp: string; now?: Date }): Promise<VerifyResult> {
  const key = verifyThrottleKey(clientIp);
  const blocked = await blockedUntil(db, [key], now);
  if (blocked) return { state: "throttled", until: blocked.toISOString() };
  const code = parseVerificationCode(input);
  // why: a malformed code cannot match a document, so it is no guess; it is only a typo.
  if (!code) return { state: "not_found" };
  const found = (await findIssuedDocument(db, code)) ?? (await findRecommendationLetter(db, code));
  if (found) return found;
  await recordFailure(db, key, VERIFY_LIMIT, now);
  const nowBlocked = await blockedUntil(db, [key], now);
  return nowBlocked ? { state: "throttled", until: nowBlocked.toISOString() } : { state: "not_found" };
}

/** What /verify says of a document found: authentic, or revoked and when — never why (the reason is its people's). */
const verdict = (found: VerifiedDocument, revokedAt: Date | null): VerifyResult =>
  revokedAt ? { state: "revoked", revokedAt: revokedAt.toISOString(), ...found } : { state: "authentic", ...found };

async function findIssuedDocument(db: Db, code: string): Promise<VerifyResult | null> {
  const [row] = await db
    .select({ kind: issuedDocuments.kind, content: issuedDocuments.content, issuedAt: issuedDocuments.issuedAt, revokedAt: issuedDocuments.revokedAt })
    .from(issuedDocuments)
    .where(and(eq(issuedDocuments.verificationCode, code), isNotNull(issuedDocuments.issuedAt)));
  if (!row) return null;
  // The names as the document prints them: what the reader compares with the paper.
  const content = parseContent(row.content);
  if (!content) return null;
  return verdict({ kindLabel: DOCUMENT_KIND_LABELS[row.kind], studentName: content.studentName, organizationName: content.organization.name, issuedAt: row.issuedAt!.toISOString() }, row.revokedAt);
}

async function findRecommendationLetter(db: Db, code: string): Promise<VerifyResult | null> {
  const [row] = await db
    .select({ readyAt: recommendationLetters.readyAt, revokedAt: recommendationLetters.revokedAt, studentName: users.name, organizationName: organizations.name })
    .from(recommendationLetters)
    .innerJoin(matches, eq(matches.id, recommendationLetters.matchId))
    .innerJoin(users, eq(users.id, matches.studentId))
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .where(and(eq(recommendationLetters.verificationCode, code), eq(recommendationLetters.state, "ready"), isNotNull(recommendationLetters.readyAt)));
  if (!row) return null;
  return verdict({ kindLabel: RECOMMENDATION_LETTER_LABEL, studentName: row.studentName, organizationName: row.organizationName, issuedAt: row.readyAt!.toISOString() }, row.revokedAt);
}
