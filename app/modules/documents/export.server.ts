import { asc, eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { issuedDocuments, matches, slots } from "~db/schema";
import { parseContent } from "./content";

// The documents in a person's data export (app/modules/privacy; the lead wires these in): the
// student's every document, with what it says; a mentor's signatures, without the student's facts.

/** Every document of the student's matches: what it says (as generated, or as signed), its state, who signed it, its code, and whether and why it was revoked. */
export async function documentsForExport(db: Db, studentId: string) {
  const rows = await db
    .select({ document: issuedDocuments, slotTitle: slots.title })
    .from(issuedDocuments)
    .innerJoin(matches, eq(matches.id, issuedDocuments.matchId))
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .where(eq(matches.studentId, studentId))
    .orderBy(asc(issuedDocuments.createdAt));
  return rows.map(({ document: d, slotTitle }) => ({
    id: d.id,
    matchId: d.matchId,
    slotTitle,
    kind: d.kind,
    state: d.revokedAt ? "revoked" : d.issuedAt ? "issued" : "awaiting_signature",
    content: parseContent(d.content),
    signerName: d.signerName,
    signerTitle: d.signerTitle,
    signedAt: d.signedAt,
    verificationCode: d.verificationCode,
    issuedAt: d.issuedAt,
    revokedAt: d.revokedAt,
    revocationReason: d.revocationReason,
    createdAt: d.createdAt,
  }));
}

/** The documents a mentor signed: their typed name and title, when, and which internship — not the student's facts. */
export async function documentsSignedForExport(db: Db, mentorId: string) {
  return db
    .select({
      id: issuedDocuments.id,
      kind: issuedDocuments.kind,
      slotTitle: slots.title,
      signerName: issuedDocuments.signerName,
      signerTitle: issuedDocuments.signerTitle,
      signedAt: issuedDocuments.signedAt,
    })
    .from(issuedDocuments)
    .innerJoin(matches, eq(matches.id, issuedDocuments.matchId))
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .where(eq(issuedDocuments.signedBy, mentorId))
    .orderBy(asc(issuedDocuments.signedAt));
}
