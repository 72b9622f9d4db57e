import { eq } from "drizzle-orm";
import { createElement } from "react";
import { extractText, getDocumentProxy } from "unpdf";
import { expect, test } from "vitest";
import { checkIns, issuedDocuments, organizations, users } from "~db/schema";
import { makeMentorship } from "~db/test/mentorship-factories";
import { moduleTestDb } from "~db/test/module-db";
import CompletionCertificateDocument from "~documents/completion-certificate";
import ExperienceVerificationLetterDocument from "~documents/experience-verification-letter";
import { renderPdf } from "~documents/render.server";
import { absoluteUrl } from "~/env.server";
import { findDocumentPreview, listDocumentPreviews } from "./catalogue.server";
import { findDocumentPdf, generateDocument, signDocument } from "./documents.server";

const db = moduleTestDb({ queue: true });

async function textOf(pdf: Buffer) {
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

test("an issued letter's PDF prints the student's name in any Latin script, the hours and the duties, the signature, and its code with the absolute /verify address", async () => {
  const made = await makeMentorship(db, { status: "completed", startedDaysAgo: 30, durationWeeks: 4 });
  await db.update(users).set({ name: "Nguyễn Thị Łucja" }).where(eq(users.id, made.student.id));
  await db.update(organizations).set({ address: "77 Massachusetts Avenue" }).where(eq(organizations.id, made.organization.id));
  await db.insert(checkIns).values([1, 2, 3].map((week) => ({ matchId: made.match.id, week, done: "a", next: "b", hoursWorked: 20 + week, mentorHoursReceived: 1, late: false })));
  const student = { id: made.student.id, role: "student" as const };
  const { documentId } = (await generateDocument(db, { viewer: student, matchId: made.match.id, kind: "experience_verification" })) as { documentId: string };

  const draft = await findDocumentPdf(db, student, made.match.id, documentId);
  const draftText = await textOf(await renderPdf(createElement(ExperienceVerificationLetterDocument, draft!.props)));
  expect(draftText).toContain("DRAFT — not signed");
  expect(draftText).not.toContain("Verification code");
  expect(draft!.filename).toMatch(/^DRAFT-experience-verification-/);

  const [row] = await db.select().from(issuedDocuments).where(eq(issuedDocuments.id, documentId));
  const { code } = (await signDocument(db, {
    viewer: { id: made.mentor.id, role: "mentor" },
    matchId: made.match.id,
    documentId,
    input: { duties: "Built the sensor importer, with tests.", signerName: "Priya Raman", signerTitle: "Research engineer", confirm: "on", revision: row!.updatedAt.toISOString() },
  })) as { code: string };
  const issued = await findDocumentPdf(db, student, made.match.id, documentId);
  const text = await textOf(await renderPdf(createElement(ExperienceVerificationLetterDocument, issued!.props)));
  expect(text).toContain("Nguyễn Thị Łucja");
  expect(text).toContain("Address 77 Massachusetts Avenue, Boston, United States");
  expect(text).toContain(`Verification code ${code}.`);
  expect(text).toContain(absoluteUrl(`/verify/${code}`));
  expect(text).toContain("worked 66 hours in total: an average of 22 hours a week");
  expect(text).toContain("No hours were recorded for 1 of the 4 weeks of the period (week 4)");
  // The heading stays with its first duty (no page break between them).
  expect(text).toContain("DUTIES • Built the sensor importer, with tests.");
  expect(text).toMatch(/Signed electronically on .* UTC Priya Raman Research engineer/);
  expect(text).not.toContain("DRAFT");
});

test("a certificate is the same document without hours", async () => {
  const text = await textOf(await renderPdf(createElement(CompletionCertificateDocument, CompletionCertificateDocument.PreviewProps)));
  expect(text).toContain("Certificate of completion");
  expect(text).toContain("This certifies that Nguyễn Thị Lan completed an internship");
  expect(text).toContain("Address 66 Chancellors Circle, Winnipeg, Canada");
  expect(text).not.toMatch(/hours/i);
  expect(text).toContain("Verification code M3RT-8KQW-2ZPA-X7NC.");
});

test("/dev/documents lists every document of documents/ with preview props, and each renders from them", async () => {
  const previews = await listDocumentPreviews();
  expect(previews.map((p) => p.name)).toEqual(expect.arrayContaining(["completion-certificate", "experience-verification-letter", "recommendation-letter"]));
  // The kit and the shared parts are no documents.
  expect(previews.map((p) => p.name)).not.toContain("kit");
  expect(previews.map((p) => p.name)).not.toContain("experience-parts");
  for (const preview of previews) {
    const pdf = await renderPdf(createElement(preview.component, preview.previewProps));
    expect(pdf.subarray(0, 5).toString(), preview.name).toBe("%PDF-");
  }
  expect(await findDocumentPreview("../kit")).toBeNull();
});
