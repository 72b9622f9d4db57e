import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { issuedDocuments, recommendationLetters, throttle } from "~db/schema";
import { uniqueIp } from "~db/test/factories";
import { makeMentorship } from "~db/test/mentorship-factories";
import { moduleTestDb } from "~db/test/module-db";
import { newVerificationCode } from "./codes";
import { generateDocument, signDocument } from "./documents.server";
import { VERIFY_LIMIT, verifyCode, verifyThrottleKey } from "./verify.server";

const db = moduleTestDb({ queue: true });

async function issuedLetter() {
  const made = await makeMentorship(db, { status: "completed" });
  const { documentId } = (await generateDocument(db, { viewer: { id: made.student.id, role: "student" }, matchId: made.match.id, kind: "experience_verification" })) as {
    documentId: string;
  };
  const [{ updatedAt }] = (await db.select({ updatedAt: issuedDocuments.updatedAt }).from(issuedDocuments).where(eq(issuedDocuments.id, documentId))) as [{ updatedAt: Date }];
  const signed = (await signDocument(db, {
    viewer: { id: made.mentor.id, role: "mentor" },
    matchId: made.match.id,
    documentId,
    input: { duties: "Built things.", signerName: "Priya Raman", signerTitle: "Research engineer", confirm: "on", revision: updatedAt.toISOString() },
  })) as { code: string };
  return { ...made, documentId, code: signed.code };
}

describe("/verify/:code", () => {
  test("an issued document says authentic, for whom, from which organization, what kind, issued when — and nothing else", async () => {
    const { code, student, organization } = await issuedLetter();
    const result = await verifyCode(db, code.toLowerCase().replaceAll("-", " "), { clientIp: uniqueIp() });
    expect(result).toEqual({ state: "authentic", kindLabel: "Experience verification letter", studentName: student.name, organizationName: organization.name, issuedAt: expect.any(String) });
    // Nothing of the content: no hours, duties, signer or addresses in the answer.
    expect(JSON.stringify(result)).not.toMatch(/hours|Built things|Priya|@/i);
  });

  test("a document waiting for its signature has no code; a code nobody holds is not found", async () => {
    const made = await makeMentorship(db);
    await generateDocument(db, { viewer: { id: made.student.id, role: "student" }, matchId: made.match.id, kind: "experience_verification" });
    expect(await verifyCode(db, newVerificationCode(), { clientIp: uniqueIp() })).toEqual({ state: "not_found" });
  });

  test("a ready recommendation letter is authentic; a revoked one says it was revoked; one not ready is not found", async () => {
    const { match, mentor, student, organization } = await makeMentorship(db, { status: "completed" });
    const readyAt = new Date("2026-09-02T12:00:00Z");
    const letter = (code: string, values: Partial<typeof recommendationLetters.$inferInsert> = {}) =>
      db.insert(recommendationLetters).values({
        matchId: match.id,
        mentorId: mentor.id,
        purpose: "jobs",
        dueDate: "2026-12-01",
        waived: true,
        state: "ready",
        format: "written",
        body: "Confidential words.",
        verificationCode: code,
        readyAt,
        ...values,
      });
    const ready = newVerificationCode();
    const revoked = newVerificationCode();
    await letter(ready);
    await letter(revoked, { revokedAt: new Date("2026-10-01T12:00:00Z") });
    const ip = uniqueIp();
    const found = await verifyCode(db, ready, { clientIp: ip });
    expect(found).toEqual({ state: "authentic", kindLabel: "Recommendation letter", studentName: student.name, organizationName: organization.name, issuedAt: readyAt.toISOString() });
    expect(JSON.stringify(found)).not.toContain("Confidential");
    expect(await verifyCode(db, revoked, { clientIp: ip })).toMatchObject({ state: "revoked", revokedAt: "2026-10-01T12:00:00.000Z", studentName: student.name });
  });

  test("an address whose codes keep matching nothing is blocked for every code; other addresses are not; typos are no guesses", async () => {
    const { code } = await issuedLetter();
    const guesser = uniqueIp();
    const now = new Date();
    // Malformed input cannot match a document, so it does not count.
    for (let i = 0; i < VERIFY_LIMIT.limit + 2; i++) expect(await verifyCode(db, "not-a-code", { clientIp: guesser, now })).toEqual({ state: "not_found" });
    for (let i = 0; i < VERIFY_LIMIT.limit - 1; i++) expect(await verifyCode(db, newVerificationCode(), { clientIp: guesser, now })).toEqual({ state: "not_found" });
    const last = await verifyCode(db, newVerificationCode(), { clientIp: guesser, now });
    expect(last).toEqual({ state: "throttled", until: new Date(now.getTime() + VERIFY_LIMIT.blockMs).toISOString() });
    // Blocked: even a real code is refused, until the block ends.
    expect((await verifyCode(db, code, { clientIp: guesser, now })).state).toBe("throttled");
    expect((await verifyCode(db, code, { clientIp: uniqueIp(), now })).state).toBe("authentic");
    expect((await verifyCode(db, code, { clientIp: guesser, now: new Date(now.getTime() + VERIFY_LIMIT.blockMs + 1000) })).state).toBe("authentic");
    await db.delete(throttle).where(eq(throttle.key, verifyThrottleKey(guesser)));
  });
});
