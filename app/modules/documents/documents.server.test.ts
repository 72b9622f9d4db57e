import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditLog, checkIns, issuedDocuments, mentorshipGoals, organizations, slotMentors, users, type User } from "~db/schema";
import { emailsTo, makeUser, uniqueIp } from "~db/test/factories";
import { makeMentorship } from "~db/test/mentorship-factories";
import { moduleTestDb } from "~db/test/module-db";
import { addMentor, makeOrganization, makeStudent } from "~db/test/slot-factories";
import { loader as pdfLoader } from "~/routes/matches.$matchId_.documents.$documentId[.]pdf";
import { findMentorship } from "~/modules/mentorship/access.server";
import { parseVerificationCode } from "./codes";
import { parseContent } from "./content";
import { findDocumentPdf, generateDocument, getDocumentsPage, revokeDocument, signDocument } from "./documents.server";
import { verifyCode } from "./verify.server";
import { documentsForExport, documentsSignedForExport } from "./export.server";

const db = moduleTestDb({ queue: true });

const as = (user: Pick<User, "id" | "role">) => ({ id: user.id, role: user.role });
const signature = { duties: "Built the import pipeline, with tests.", signerName: "Priya Raman", signerTitle: "Research engineer", confirm: "on" as const };

/** A match with its people: the student, two mentors of the slot's organization, a mentor of another, another student, an admin. */
async function cast(options: Parameters<typeof makeMentorship>[1] = {}) {
  const made = await makeMentorship(db, { secondMentor: true, ...options });
  const { mentor: otherOrgMentor } = await makeOrganization(db);
  const otherStudent = await makeStudent(db);
  const admin = await makeUser(db, { role: "admin", name: "An Admin" });
  return { ...made, otherOrgMentor, otherStudent, admin };
}

async function revisionOf(documentId: string) {
  const [row] = await db.select({ updatedAt: issuedDocuments.updatedAt }).from(issuedDocuments).where(eq(issuedDocuments.id, documentId));
  return row!.updatedAt.toISOString();
}

describe("the access matrix of a match's documents", () => {
  test("only the student generates; only a mentor of the slot signs; the student, the slot's mentors and admins read the PDF; others get not found", async () => {
    const c = await cast();
    const generate = (user: Pick<User, "id" | "role">) => generateDocument(db, { viewer: as(user), matchId: c.match.id, kind: "experience_verification" });
    expect(await generate(c.mentor)).toEqual({ ok: false, error: "not_allowed" });
    expect(await generate(c.admin)).toEqual({ ok: false, error: "not_allowed" });
    expect(await generate(c.otherOrgMentor)).toEqual({ ok: false, error: "not_found" });
    expect(await generate(c.otherStudent)).toEqual({ ok: false, error: "not_found" });
    expect(await db.select().from(issuedDocuments).where(eq(issuedDocuments.matchId, c.match.id))).toHaveLength(0);

    const generated = await generate(c.student);
    expect(generated).toMatchObject({ ok: true, regenerated: false });
    const documentId = (generated as { documentId: string }).documentId;

    const sign = async (user: Pick<User, "id" | "role">) =>
      signDocument(db, { viewer: as(user), matchId: c.match.id, documentId, input: { ...signature, revision: await revisionOf(documentId) } });
    expect(await sign(c.student)).toEqual({ ok: false, error: "not_allowed" });
    expect(await sign(c.admin)).toEqual({ ok: false, error: "not_allowed" });
    expect(await sign(c.otherOrgMentor)).toEqual({ ok: false, error: "not_found" });
    expect(await sign(c.otherStudent)).toEqual({ ok: false, error: "not_found" });

    // Before signing: a draft for its readers (no code), nothing for the others.
    const readers = [c.student, c.mentor, c.secondMentor!, c.admin];
    const outsiders = [c.otherOrgMentor, c.otherStudent];
    for (const reader of readers) expect((await findDocumentPdf(db, as(reader), c.match.id, documentId))?.props.verification).toBeNull();
    for (const outsider of outsiders) expect(await findDocumentPdf(db, as(outsider), c.match.id, documentId)).toBeNull();

    // The second mentor of the slot signs.
    const signed = await sign(c.secondMentor!);
    expect(signed.ok).toBe(true);
    const code = (signed as { code: string }).code;
    expect(parseVerificationCode(code)).toBe(code);
    for (const reader of readers) expect((await findDocumentPdf(db, as(reader), c.match.id, documentId))?.props.verification?.code).toBe(code);
    for (const outsider of outsiders) expect(await findDocumentPdf(db, as(outsider), c.match.id, documentId)).toBeNull();
    // Another match's id with this document's id is not found either, even for an admin.
    const other = await makeMentorship(db);
    expect(await findDocumentPdf(db, as(c.admin), other.match.id, documentId)).toBeNull();
    expect(await findDocumentPdf(db, as(c.admin), c.match.id, "not-a-uuid")).toBeNull();

    // The page: a reader sees the documents; the form rules follow the sides.
    const pageOf = async (user: Pick<User, "id" | "role">) => getDocumentsPage(db, (await findMentorship(db, as(user), c.match.id))!);
    expect((await pageOf(c.student)).mayGenerate).toEqual({ experience_verification: true, completion_certificate: false });
    expect((await pageOf(c.mentor)).maySign).toBe(true);
    expect(await pageOf(c.admin)).toMatchObject({ maySign: false, mayGenerate: { experience_verification: false } });
    expect((await pageOf(c.admin)).documents.map((d) => d.verification?.code)).toEqual([code]);
  });

  test("signed out, the PDF's address sends to the login page; a stranger's is the same 404 as none", async () => {
    const c = await cast({ status: "completed" });
    const generated = await generateDocument(db, { viewer: as(c.student), matchId: c.match.id, kind: "completion_certificate" });
    const documentId = (generated as { documentId: string }).documentId;
    const params = { matchId: c.match.id, documentId };
    const thrown = await pdfLoader({ request: new Request(`http://localhost/matches/${c.match.id}/documents/${documentId}.pdf`), params, context: { cspNonce: "", clientIp: "" } }).catch(
      (e: unknown) => e,
    );
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(302);
    expect((thrown as Response).headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("generating and signing", () => {
  test("the letter carries the organization, the dates, the pay, the hours of each week from the check-ins and the duties; the mentors are emailed", async () => {
    // Day 24 of the internship: weeks 1–3 have ended.
    const c = await cast({ startedDaysAgo: 23, slot: { title: "Data pipeline intern", project: "Build the sensor import pipeline." } });
    await db.update(organizations).set({ address: "77 Massachusetts Avenue" }).where(eq(organizations.id, c.organization.id));
    await db.insert(checkIns).values([
      { matchId: c.match.id, week: 1, done: "a", next: "b", hoursWorked: 22, mentorHoursReceived: 2, late: false },
      { matchId: c.match.id, week: 3, done: "a", next: "b", hoursWorked: 19.5, mentorHoursReceived: 2, late: false },
    ]);
    await db.insert(mentorshipGoals).values({ matchId: c.match.id, title: "Ship the importer", targetWeek: 2, state: "done", source: "added", doneConfirmedAt: new Date() });
    const result = await generateDocument(db, { viewer: as(c.student), matchId: c.match.id, kind: "experience_verification" });
    expect(result.ok).toBe(true);
    const [row] = await db.select().from(issuedDocuments).where(eq(issuedDocuments.matchId, c.match.id));
    expect(row).toMatchObject({ kind: "experience_verification", issuedAt: null, verificationCode: null, requestedBy: c.student.id });
    const content = parseContent(row!.content)!;
    expect(content).toMatchObject({
      studentName: c.student.name,
      organization: { name: c.organization.name, address: "77 Massachusetts Avenue", place: "Boston, United States" },
      role: "Data pipeline intern",
      startDate: c.slot.startDate,
      endDate: null,
      compensation: "unpaid",
      mentorNames: expect.arrayContaining([c.mentor.name, c.secondMentor!.name]),
    });
    expect(content.hours!.weeks.map((w) => w.hours)).toEqual([22, null, 19.5]);
    expect(content.duties.split("\n")).toEqual([
      "Build the sensor import pipeline.",
      "Weeks 1–2: set up the project and ship a first fix.",
      "Weeks 3–6: build the import pipeline with tests.",
      // Weeks 7–12 have not begun (the internship is in week 4): not a duty yet.
      "Completed: Ship the importer",
    ]);
    for (const mentor of [c.mentor, c.secondMentor!]) {
      const mail = await emailsTo(db, mentor.email);
      expect(mail.map((m) => m.subject)).toEqual([`${c.student.name} asks you to sign an experience verification letter`]);
      expect(mail[0]!.text).toContain(`/matches/${c.match.id}/documents`);
    }
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, c.match.id), eq(auditLog.action, "document.generated")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: c.student.id, subjectType: "match" });
  });

  test("a certificate waits for completion; generating again replaces the text waiting for a signature without emailing the mentors again", async () => {
    const active = await cast();
    expect(await generateDocument(db, { viewer: as(active.student), matchId: active.match.id, kind: "completion_certificate" })).toEqual({ ok: false, error: "not_allowed" });

    const c = await cast({ status: "completed" });
    const first = await generateDocument(db, { viewer: as(c.student), matchId: c.match.id, kind: "completion_certificate" });
    const later = new Date(Date.now() + 60_000);
    const again = await generateDocument(db, { viewer: as(c.student), matchId: c.match.id, kind: "completion_certificate", now: later });
    expect(again).toEqual({ ok: true, documentId: (first as { documentId: string }).documentId, regenerated: true, revision: later.toISOString() });
    const rows = await db.select().from(issuedDocuments).where(eq(issuedDocuments.matchId, c.match.id));
    expect(rows).toHaveLength(1);
    expect(parseContent(rows[0]!.content)?.hours).toBeNull();
    expect(rows[0]!.updatedAt.toISOString()).toBe(later.toISOString());
    expect(await emailsTo(db, c.mentor.email)).toHaveLength(1);
  });

  test("signing records the typed name, title and time, takes the corrected duties, issues a code once, and emails the student", async () => {
    const c = await cast({ status: "completed" });
    const { documentId, revision } = (await generateDocument(db, { viewer: as(c.student), matchId: c.match.id, kind: "experience_verification" })) as {
      documentId: string;
      revision: string;
    };
    expect(revision).toBe(await revisionOf(documentId));

    // A stale review (the student generated again since) is refused and changes nothing.
    expect(await signDocument(db, { viewer: as(c.mentor), matchId: c.match.id, documentId, input: { ...signature, revision: "2020-01-01T00:00:00.000Z" } })).toEqual({
      ok: false,
      error: "changed",
    });
    expect((await db.select().from(issuedDocuments).where(eq(issuedDocuments.id, documentId)))[0]!.signedAt).toBeNull();

    const now = new Date("2026-09-01T14:05:00Z");
    const signed = await signDocument(db, { viewer: as(c.mentor), matchId: c.match.id, documentId, input: { ...signature, revision }, now });
    expect(signed.ok).toBe(true);
    const [row] = await db.select().from(issuedDocuments).where(eq(issuedDocuments.id, documentId));
    expect(row).toMatchObject({ signedBy: c.mentor.id, signerName: "Priya Raman", signerTitle: "Research engineer", signedAt: now, issuedAt: now, verificationCode: (signed as { code: string }).code });
    expect(parseContent(row!.content)?.duties).toBe(signature.duties);

    expect(await signDocument(db, { viewer: as(c.secondMentor!), matchId: c.match.id, documentId, input: { ...signature, revision: row!.updatedAt.toISOString() } })).toEqual({
      ok: false,
      error: "already_issued",
    });
    const mail = await emailsTo(db, c.student.email);
    expect(mail.map((m) => m.subject)).toEqual(["Your experience verification letter is signed"]);
    expect(mail[0]!.text).toContain(`/verify/${row!.verificationCode}`);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, c.match.id), eq(auditLog.action, "document.signed")));
    expect(audit.map((a) => a.actorId)).toEqual([c.mentor.id]);

    // Generating again after issue starts a new document; the issued one stays as signed.
    const next = await generateDocument(db, { viewer: as(c.student), matchId: c.match.id, kind: "experience_verification" });
    expect(next).toMatchObject({ ok: true, regenerated: false });
    expect((next as { documentId: string }).documentId).not.toBe(documentId);
  });

  test("only the slot's named mentors sign: a colleague in the organization reads it, sees who may sign, and is refused with nothing changed", async () => {
    const c = await cast();
    await db.insert(slotMentors).values({ slotId: c.slot.id, userId: c.mentor.id });
    const { documentId } = (await generateDocument(db, { viewer: as(c.student), matchId: c.match.id, kind: "experience_verification" })) as { documentId: string };
    // Only the named mentor is asked to sign.
    expect(await emailsTo(db, c.mentor.email)).toHaveLength(1);
    expect(await emailsTo(db, c.secondMentor!.email)).toHaveLength(0);

    const colleague = c.secondMentor!;
    const page = await getDocumentsPage(db, (await findMentorship(db, as(colleague), c.match.id))!);
    expect(page).toMatchObject({ maySign: false, signers: [c.mentor.name] });
    expect(page.documents.map((d) => d.id)).toEqual([documentId]);
    expect((await getDocumentsPage(db, (await findMentorship(db, as(c.mentor), c.match.id))!)).maySign).toBe(true);

    const before = (await db.select().from(issuedDocuments).where(eq(issuedDocuments.id, documentId)))[0]!;
    const refused = await signDocument(db, { viewer: as(colleague), matchId: c.match.id, documentId, input: { ...signature, revision: before.updatedAt.toISOString() } });
    expect(refused).toEqual({ ok: false, error: "not_allowed" });
    expect((await db.select().from(issuedDocuments).where(eq(issuedDocuments.id, documentId)))[0]).toEqual(before);
    expect(await emailsTo(db, c.student.email)).toHaveLength(0);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.subjectId, c.match.id), eq(auditLog.action, "document.signed")))).toEqual([]);

    const signed = await signDocument(db, { viewer: as(c.mentor), matchId: c.match.id, documentId, input: { ...signature, revision: before.updatedAt.toISOString() } });
    expect(signed.ok).toBe(true);
  });

  test("with no mentor named on the slot, every member of the organization is its mentor and may sign, one who joined after it was generated too", async () => {
    const c = await cast();
    const { documentId } = (await generateDocument(db, { viewer: as(c.student), matchId: c.match.id, kind: "experience_verification" })) as { documentId: string };
    const newcomer = await addMentor(db, c.organization, "New Colleague");
    const result = await signDocument(db, { viewer: as(newcomer), matchId: c.match.id, documentId, input: { ...signature, revision: await revisionOf(documentId) } });
    expect(result.ok).toBe(true);
  });
});

describe("the data export", () => {
  test("the student's export holds each document with what it says; the signer's holds their signature, not the student's facts", async () => {
    const c = await cast({ status: "completed" });
    const { documentId } = (await generateDocument(db, { viewer: as(c.student), matchId: c.match.id, kind: "experience_verification" })) as { documentId: string };
    await signDocument(db, { viewer: as(c.mentor), matchId: c.match.id, documentId, input: { ...signature, revision: await revisionOf(documentId) } });
    const mine = await documentsForExport(db, c.student.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: documentId, state: "issued", signerName: "Priya Raman", content: { studentName: c.student.name, duties: signature.duties } });
    expect(await documentsForExport(db, c.otherStudent.id)).toEqual([]);
    const signed = await documentsSignedForExport(db, c.mentor.id);
    expect(signed).toEqual([{ id: documentId, kind: "experience_verification", slotTitle: c.slot.title, signerName: "Priya Raman", signerTitle: "Research engineer", signedAt: expect.any(Date) }]);
    expect(await documentsSignedForExport(db, c.secondMentor!.id)).toEqual([]);
  });
});

test("the page warns when the student's name has letters the PDFs cannot print, and only then", async () => {
  const c = await cast();
  const pageOf = async () => getDocumentsPage(db, (await findMentorship(db, as(c.mentor), c.match.id))!);
  expect((await pageOf()).unprintableInName).toEqual([]);
  await db.update(users).set({ name: "李明 Ming Li" }).where(eq(users.id, c.student.id));
  expect((await pageOf()).unprintableInName).toEqual(["李", "明"]);
});

describe("revoking an issued document", () => {
  const reason = "The end date was wrong: the internship ended two weeks earlier.";

  test("a slot's mentor revokes it with a reason: /verify says revoked (not why), the PDF is withheld, the student is emailed why; never a draft, the student, an outsider, or twice", async () => {
    const c = await cast();
    const generated = await generateDocument(db, { viewer: as(c.student), matchId: c.match.id, kind: "experience_verification" });
    const documentId = (generated as { documentId: string }).documentId;
    const revoke = (user: Pick<User, "id" | "role">) => revokeDocument(db, { viewer: as(user), matchId: c.match.id, documentId, reason });
    expect(await revoke(c.mentor)).toEqual({ ok: false, error: "not_issued" });

    const signed = await signDocument(db, { viewer: as(c.mentor), matchId: c.match.id, documentId, input: { ...signature, revision: await revisionOf(documentId) } });
    const code = (signed as { code: string }).code;
    expect(await revoke(c.student)).toEqual({ ok: false, error: "not_allowed" });
    expect(await revoke(c.otherOrgMentor)).toEqual({ ok: false, error: "not_found" });
    expect(await revoke(c.otherStudent)).toEqual({ ok: false, error: "not_found" });
    expect(await verifyCode(db, code, { clientIp: uniqueIp() })).toMatchObject({ state: "authentic" });

    expect(await revoke(c.secondMentor!)).toEqual({ ok: true });
    expect(await revoke(c.admin)).toEqual({ ok: false, error: "already_revoked" });

    const verified = await verifyCode(db, code, { clientIp: uniqueIp() });
    expect(verified).toMatchObject({ state: "revoked", studentName: c.student.name });
    expect(JSON.stringify(verified)).not.toContain("end date");
    expect((await findDocumentPdf(db, as(c.student), c.match.id, documentId))?.revokedOn).toMatch(/\d{4}$/);

    const page = await getDocumentsPage(db, (await findMentorship(db, as(c.student), c.match.id))!);
    expect(page.documents[0]).toMatchObject({ state: "issued", revoked: { byName: c.secondMentor!.name, reason } });
    expect(page.mayRevoke).toBe(false);
    expect((await getDocumentsPage(db, (await findMentorship(db, as(c.mentor), c.match.id))!)).mayRevoke).toBe(true);

    const [email] = (await emailsTo(db, c.student.email)).filter((e) => e.subject === "Your experience verification letter was revoked");
    expect(email?.text).toContain(reason);
    expect(email?.text).toContain(c.secondMentor!.name);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, c.match.id), eq(auditLog.action, "document.revoked")));
    expect(audit).toMatchObject({ actorId: c.secondMentor!.id, detail: { documentId } });
    expect(JSON.stringify(audit!.detail)).not.toContain("end date");
  });

  test("an admin may revoke too, and the student and mentors are told an admin did, not which", async () => {
    const c = await cast();
    const generated = await generateDocument(db, { viewer: as(c.student), matchId: c.match.id, kind: "experience_verification" });
    const documentId = (generated as { documentId: string }).documentId;
    await signDocument(db, { viewer: as(c.mentor), matchId: c.match.id, documentId, input: { ...signature, revision: await revisionOf(documentId) } });
    expect(await revokeDocument(db, { viewer: as(c.admin), matchId: c.match.id, documentId, reason })).toEqual({ ok: true });
    const [email] = (await emailsTo(db, c.student.email)).filter((e) => e.subject.endsWith("was revoked"));
    expect(email?.text).toContain("A Steppingstone admin revoked");
    // The student and the mentors are not told which admin; admins are.
    const revokedBy = async (user: Pick<User, "id" | "role">) => (await getDocumentsPage(db, (await findMentorship(db, as(user), c.match.id))!)).documents[0]!.revoked?.byName;
    expect([await revokedBy(c.student), await revokedBy(c.mentor), await revokedBy(c.admin)]).toEqual(["a Steppingstone admin", "a Steppingstone admin", c.admin.name]);
  });
});
