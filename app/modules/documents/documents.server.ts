import { and, asc, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { createElement } from "react";
import { transaction, type Db } from "~db/client.server";
import { checkIns, issuedDocuments, mentorshipGoals, organizations, users, type IssuedDocument } from "~db/schema";
import DocumentIssuedEmail, { documentIssuedSubject } from "~emails/document-issued";
import DocumentRevokedEmail, { documentRevokedSubject } from "~emails/document-revoked";
import DocumentToSignEmail, { documentToSignSubject } from "~emails/document-to-sign";
import { organizationKind } from "~/domain/labels";
import { DOCUMENT_KINDS } from "~/domain/vocabulary";
import { firstName } from "~/domain/names";
import { absoluteUrl } from "~/env.server";
import { queueEmail } from "~/mail/outbox.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { isUuid } from "~/modules/ids";
import { findMentorship, type Mentorship, type Viewer } from "~/modules/mentorship/access.server";
import { weekOf } from "~/modules/mentorship/weeks";
import { organizationPlace } from "~/modules/organizations/place";
import { dayIn } from "~/modules/slots/access.server";
import { describePlace } from "~/modules/slots/format";
import { newVerificationCode, verifyPath } from "./codes";
import {
  documentHours,
  documentPeriod,
  draftDuties,
  hoursStatement,
  longDay,
  parseContent,
  serializeContent,
  unprintableCharacters,
  type DocumentContent,
  type DocumentKind,
} from "./content";
import { A_DOCUMENT_KIND, DOCUMENT_KIND_WORDS } from "./labels";
import { mayGenerateDocument, mayRevokeDocument, maySignDocument } from "./rules";
import type { SignDocumentInput } from "./schemas";

// A match's verification letters and certificates of completion (issue 14): the student generates
// one from the match's facts; it waits for a signature; a mentor of the slot reviews it (and may
// correct the duties) and signs with their typed name and title — only then is it issued, with a
// verification code anyone can check at /verify/:code. Readers are the mentorship space's
// (findMentorship): the student, the slot's organization's mentors, admins; the same "not found"
// for everyone else. Only the slot's mentors (Mentorship.mentors: the named ones, or every member
// when none is named) sign: a colleague who did not supervise the intern does not certify their hours.

export const documentsPath = (matchId: string) => `/matches/${matchId}/documents`;
export const documentPdfPath = (matchId: string, documentId: string) => `/matches/${matchId}/documents/${documentId}.pdf`;

export type DocumentState = "awaiting_signature" | "issued";

export type DocumentView = {
  id: string;
  kind: DocumentKind;
  state: DocumentState;
  content: DocumentContent;
  /** The hours as the document states them; null on a certificate. */
  hoursLines: string[] | null;
  /** When the text under review was generated (the sign form's revision). */
  revision: string;
  createdAt: string;
  requestedByName: string | null;
  signer: { name: string; title: string; signedAt: string } | null;
  verification: { code: string; url: string } | null;
  issuedAt: string | null;
  /** An issued document revoked: when, by whom (a mentor's name; "a Steppingstone admin" to all but admins; null when the account is gone) and why. */
  revoked: { at: string; byName: string | null; reason: string } | null;
  pdfPath: string;
};

export type DocumentsPage = {
  /** Newest first. */
  documents: DocumentView[];
  mayGenerate: Record<DocumentKind, boolean>;
  maySign: boolean;
  /** Whether the reader may revoke an issued document (mayRevokeDocument). */
  mayRevoke: boolean;
  /** Who may sign (the slot's mentors), named to every reader. */
  signers: string[];
  /** The reader's name, to fill the signature's name in (a mentor may type it otherwise). */
  viewerName: string;
  /** Characters of the student's name the PDFs cannot print (the font has no such glyphs). */
  unprintableInName: string[];
};

const requester = alias(users, "requester");
const revoker = alias(users, "revoker");

/** Whether the reader is one of the slot's mentors (the named ones, or every member when none is named): those sign. */
const isSlotMentor = (m: Mentorship) => m.side === "mentor" && m.mentors.some((mentor) => mentor.id === m.viewerId);

function viewOf(row: IssuedDocument, requestedByName: string | null, revokedByName: string | null, matchId: string): DocumentView | null {
  const content = parseContent(row.content);
  if (!content) return null;
  const issued = row.issuedAt !== null && row.verificationCode !== null;
  return {
    id: row.id,
    kind: row.kind,
    state: issued ? "issued" : "awaiting_signature",
    content,
    hoursLines: content.kind === "experience_verification" && content.hours ? hoursStatement(content.hours, content.studentName) : null,
    revision: row.updatedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    requestedByName,
    signer: row.signedAt && row.signerName ? { name: row.signerName, title: row.signerTitle ?? "", signedAt: row.signedAt.toISOString() } : null,
    verification: issued ? { code: row.verificationCode!, url: absoluteUrl(verifyPath(row.verificationCode!)) } : null,
    issuedAt: row.issuedAt?.toISOString() ?? null,
    revoked: row.revokedAt ? { at: row.revokedAt.toISOString(), byName: revokedByName, reason: row.revocationReason ?? "" } : null,
    pdfPath: documentPdfPath(matchId, row.id),
  };
}

/** The documents tab of a mentorship as its reader sees it: every document of the match, and what the reader may do. */
export async function getDocumentsPage(db: Db, m: Mentorship): Promise<DocumentsPage> {
  const rows = await db
    .select({ document: issuedDocuments, requestedByName: requester.name, revokedByName: revoker.name, revokedByRole: revoker.role })
    .from(issuedDocuments)
    .leftJoin(requester, eq(requester.id, issuedDocuments.requestedBy))
    .leftJoin(revoker, eq(revoker.id, issuedDocuments.revokedBy))
    .where(eq(issuedDocuments.matchId, m.match.id))
    .orderBy(desc(issuedDocuments.createdAt));
  const [viewer] = await db.select({ name: users.name }).from(users).where(eq(users.id, m.viewerId));
  const who = { side: m.side, status: m.match.status };
  return {
    // why: admins act in the platform's name; students and mentors are not told which admin (as in a match's history).
    documents: rows
      .map((r) => viewOf(r.document, r.requestedByName, r.revokedByRole === "admin" && m.side !== "admin" ? "a Steppingstone admin" : r.revokedByName, m.match.id))
      .filter((d): d is DocumentView => d !== null),
    mayGenerate: Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind, mayGenerateDocument(who, kind)])) as Record<DocumentKind, boolean>,
    maySign: maySignDocument(who, isSlotMentor(m)),
    mayRevoke: mayRevokeDocument(who, isSlotMentor(m)),
    signers: m.mentors.map((mentor) => mentor.name),
    viewerName: viewer?.name ?? "",
    unprintableInName: unprintableCharacters(m.student.name),
  };
}

/** What a document of `kind` says of this match today: the organization, the role, the dates, the pay, the duties and (for a letter) the hours of each week. */
export async function buildContent(tx: Db, m: Mentorship, kind: DocumentKind, now: Date): Promise<DocumentContent> {
  const [organization] = await tx.select().from(organizations).where(eq(organizations.id, m.organization.id));
  const written = await tx
    .select({ week: checkIns.week, hoursWorked: checkIns.hoursWorked, mentorHoursReceived: checkIns.mentorHoursReceived, mentorHoursGiven: checkIns.mentorHoursGiven })
    .from(checkIns)
    .where(eq(checkIns.matchId, m.match.id))
    .orderBy(asc(checkIns.week));
  const goalsDone = await tx
    .select({ title: mentorshipGoals.title })
    .from(mentorshipGoals)
    .where(and(eq(mentorshipGoals.matchId, m.match.id), eq(mentorshipGoals.state, "done"), isNotNull(mentorshipGoals.doneConfirmedAt)))
    .orderBy(asc(mentorshipGoals.position), asc(mentorshipGoals.createdAt));
  const slot = m.slot;
  const status = m.match.status === "completed" ? "completed" : "active";
  const period = documentPeriod(m.dates, {
    status,
    today: dayIn(slot.timezone, now),
    completedDay: m.match.completedAt ? dayIn(slot.timezone, m.match.completedAt) : null,
    lastWrittenWeek: written.at(-1)?.week ?? 0,
  });
  return {
    version: 1,
    kind,
    studentName: m.student.name,
    organization: {
      name: organization!.name,
      kindLine: organizationKind(organization!),
      address: organization!.address,
      place: organizationPlace(organization!),
      website: organization!.website,
    },
    mentorNames: m.mentors.map((mentor) => mentor.name),
    role: slot.title,
    arrangement: describePlace(slot),
    startDate: slot.startDate,
    endDate: period.endDate,
    asOf: dayIn(slot.timezone, now),
    compensation: slot.compensation,
    academic: slot.academicProgram || slot.academicSchool ? { program: slot.academicProgram, school: slot.academicSchool } : null,
    duties: draftDuties({
      project: slot.project,
      learningPlan: slot.learningPlan,
      goalsDone: goalsDone.map((g) => g.title),
      // Under way: only the plan's weeks that have begun are duties so far.
      throughWeek: period.endDate === null ? weekOf(m.dates, dayIn(slot.timezone, now)) : null,
    }),
    hours: kind === "experience_verification" ? documentHours(m.dates, written, period.weeks, slot.hoursPerWeek) : null,
  };
}

export type GenerateDocumentResult =
  | { ok: true; documentId: string; regenerated: boolean; /** What signDocument's `revision` must be to sign this text. */ revision: string }
  | { ok: false; error: "not_found" | "not_allowed" };

/**
 * The student generates a document of `kind` from the match as it is now; it waits for a mentor's
 * signature. At most one of each kind waits at a time: generating again replaces its text (the
 * mentors were told the first time). The slot's mentors are emailed to review and sign it.
 */
export async function generateDocument(
  db: Db,
  { viewer, matchId, kind, now = new Date() }: { viewer: Viewer; matchId: string; kind: DocumentKind; now?: Date },
): Promise<GenerateDocumentResult> {
  return transaction(db, async (tx) => {
    const m = await findMentorship(tx, viewer, matchId, { now, lock: true });
    if (!m) return { ok: false, error: "not_found" };
    if (!mayGenerateDocument({ side: m.side, status: m.match.status }, kind)) return { ok: false, error: "not_allowed" };
    const content = serializeContent(await buildContent(tx, m, kind, now));
    const [waiting] = await tx
      .select({ id: issuedDocuments.id })
      .from(issuedDocuments)
      .where(and(eq(issuedDocuments.matchId, m.match.id), eq(issuedDocuments.kind, kind), isNull(issuedDocuments.issuedAt)));
    if (waiting) {
      await tx.update(issuedDocuments).set({ content, requestedBy: viewer.id, updatedAt: now }).where(eq(issuedDocuments.id, waiting.id));
      await recordAudit(tx, { actorId: viewer.id, action: "document.regenerated", subjectType: "match", subjectId: m.match.id, detail: { kind, documentId: waiting.id } });
      return { ok: true, documentId: waiting.id, regenerated: true, revision: now.toISOString() };
    }
    const [created] = await tx
      .insert(issuedDocuments)
      .values({ matchId: m.match.id, kind, content, requestedBy: viewer.id, createdAt: now, updatedAt: now })
      .returning({ id: issuedDocuments.id });
    await recordAudit(tx, { actorId: viewer.id, action: "document.generated", subjectType: "match", subjectId: m.match.id, detail: { kind, documentId: created!.id } });
    for (const mentor of m.mentors) {
      await queueEmail(tx, {
        template: "document-to-sign",
        to: [mentor.email],
        subject: documentToSignSubject(m.student.name, kind),
        body: createElement(DocumentToSignEmail, {
          name: firstName(mentor.name),
          studentName: m.student.name,
          aDocument: A_DOCUMENT_KIND[kind],
          slotTitle: m.slot.title,
          documentsUrl: absoluteUrl(documentsPath(m.match.id)),
        }),
        userId: mentor.id,
      });
    }
    return { ok: true, documentId: created!.id, regenerated: false, revision: now.toISOString() };
  });
}

/**
 * The mentorship of match `matchId` as `viewer` may see it and its document `documentId`, both
 * locked for the rest of the transaction; null when either is not there or not the viewer's.
 */
async function lockDocument(tx: Db, viewer: Viewer, matchId: string, documentId: string, now: Date) {
  const m = await findMentorship(tx, viewer, matchId, { now, lock: true });
  if (!m || !isUuid(documentId)) return null;
  const [row] = await tx
    .select()
    .from(issuedDocuments)
    .where(and(eq(issuedDocuments.id, documentId), eq(issuedDocuments.matchId, m.match.id)))
    .for("update");
  return row ? { m, row } : null;
}

export type SignDocumentResult =
  | { ok: true; code: string }
  | { ok: false; error: "not_found" | "not_allowed" | "already_issued" | "changed" | "unreadable" };

/**
 * One of the slot's mentors (Mentorship.mentors) signs a generated document: the duties as they corrected them, their typed
 * name and title, and the time. Only then is it issued — a new verification code and issuedAt —
 * and the student emailed. Signs only the text the mentor reviewed (`revision`); never twice.
 */
export async function signDocument(
  db: Db,
  { viewer, matchId, documentId, input, now = new Date() }: { viewer: Viewer; matchId: string; documentId: string; input: Omit<SignDocumentInput, "intent" | "documentId">; now?: Date },
): Promise<SignDocumentResult> {
  return transaction(db, async (tx) => {
    const found = await lockDocument(tx, viewer, matchId, documentId, now);
    if (!found) return { ok: false, error: "not_found" };
    const { m, row } = found;
    if (!maySignDocument({ side: m.side, status: m.match.status }, isSlotMentor(m))) return { ok: false, error: "not_allowed" };
    if (row.issuedAt) return { ok: false, error: "already_issued" };
    if (row.updatedAt.toISOString() !== input.revision) return { ok: false, error: "changed" };
    const content = parseContent(row.content);
    if (!content) return { ok: false, error: "unreadable" };
    const code = newVerificationCode();
    await tx
      .update(issuedDocuments)
      .set({
        content: serializeContent({ ...content, duties: input.duties }),
        signedBy: viewer.id,
        signerName: input.signerName,
        signerTitle: input.signerTitle,
        signedAt: now,
        verificationCode: code,
        issuedAt: now,
        updatedAt: now,
      })
      .where(eq(issuedDocuments.id, row.id));
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "document.signed",
      subjectType: "match",
      subjectId: m.match.id,
      detail: { kind: row.kind, documentId: row.id, dutiesChanged: input.duties !== content.duties },
    });
    await queueEmail(tx, {
      template: "document-issued",
      to: [m.student.email],
      subject: documentIssuedSubject(row.kind),
      body: createElement(DocumentIssuedEmail, {
        name: m.student.firstName,
        signerName: input.signerName,
        documentWords: DOCUMENT_KIND_WORDS[row.kind],
        slotTitle: m.slot.title,
        code,
        verifyUrl: absoluteUrl(verifyPath(code)),
        documentsUrl: absoluteUrl(documentsPath(m.match.id)),
      }),
      userId: m.student.id,
    });
    return { ok: true, code };
  });
}

export type RevokeDocumentResult = { ok: true } | { ok: false; error: "not_found" | "not_allowed" | "not_issued" | "already_revoked" };

/**
 * One of the slot's mentors or an admin revokes an issued document, with a reason: /verify then
 * says it was revoked (not why), its PDF is no longer served, and the student is emailed the
 * reason. Never twice; a document waiting for a signature is not issued, so there is nothing to revoke.
 */
export async function revokeDocument(
  db: Db,
  { viewer, matchId, documentId, reason, now = new Date() }: { viewer: Viewer; matchId: string; documentId: string; reason: string; now?: Date },
): Promise<RevokeDocumentResult> {
  return transaction(db, async (tx) => {
    const found = await lockDocument(tx, viewer, matchId, documentId, now);
    if (!found) return { ok: false, error: "not_found" };
    const { m, row } = found;
    if (!mayRevokeDocument({ side: m.side }, isSlotMentor(m))) return { ok: false, error: "not_allowed" };
    if (!row.issuedAt || !row.verificationCode) return { ok: false, error: "not_issued" };
    if (row.revokedAt) return { ok: false, error: "already_revoked" };
    await tx.update(issuedDocuments).set({ revokedAt: now, revokedBy: viewer.id, revocationReason: reason, updatedAt: now }).where(eq(issuedDocuments.id, row.id));
    // why: not the reason, which is about the student and stays with the document (deleted with it).
    await recordAudit(tx, { actorId: viewer.id, action: "document.revoked", subjectType: "match", subjectId: m.match.id, detail: { kind: row.kind, documentId: row.id } });
    await queueEmail(tx, {
      template: "document-revoked",
      to: [m.student.email],
      subject: documentRevokedSubject(row.kind),
      body: createElement(DocumentRevokedEmail, {
        name: m.student.firstName,
        // why: only the slot's mentors and admins get here (mayRevokeDocument), and the mentors are named on the mentorship.
        revokedBy: m.side === "admin" ? "A Steppingstone admin" : (m.mentors.find((mentor) => mentor.id === viewer.id)?.name ?? "A mentor of the slot"),
        documentWords: DOCUMENT_KIND_WORDS[row.kind],
        slotTitle: m.slot.title,
        code: row.verificationCode,
        reason,
        documentsUrl: absoluteUrl(documentsPath(m.match.id)),
      }),
      userId: m.student.id,
    });
    return { ok: true };
  });
}

const signedAtWords = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "short", timeZone: "UTC", hourCycle: "h23" });

/** The props a document's PDF is drawn from: what it says, who signed and when, and its code; a draft has neither signature nor code. */
export type DocumentPdf = {
  kind: DocumentKind;
  filename: string;
  /** A revoked document's PDF is not served: when it was revoked (the UTC day, as /verify says it). */
  revokedOn: string | null;
  props: {
    content: DocumentContent;
    signature: { name: string; title: string; signedAt: string } | null;
    issuedOn: string | null;
    verification: { code: string; url: string } | null;
  };
};

/** A document of the match for its PDF, as `viewer` may read it (the mentorship space's readers), or null — the same for not found and not theirs. */
export async function findDocumentPdf(db: Db, viewer: Viewer, matchId: string, documentId: string, now = new Date()): Promise<DocumentPdf | null> {
  if (!isUuid(documentId)) return null;
  const m = await findMentorship(db, viewer, matchId, { now });
  if (!m) return null;
  const [row] = await db
    .select()
    .from(issuedDocuments)
    .where(and(eq(issuedDocuments.id, documentId), eq(issuedDocuments.matchId, m.match.id)));
  if (!row) return null;
  const content = parseContent(row.content);
  if (!content) return null;
  const issued = row.issuedAt && row.verificationCode && row.signedAt && row.signerName;
  const slug = `${content.kind === "experience_verification" ? "experience-verification" : "certificate-of-completion"}-${content.studentName}`;
  return {
    kind: row.kind,
    filename: `${issued ? slug : `DRAFT-${slug}`}.pdf`,
    revokedOn: row.revokedAt ? longDay(row.revokedAt.toISOString().slice(0, 10)) : null,
    props: {
      content,
      signature: issued ? { name: row.signerName!, title: row.signerTitle ?? "", signedAt: `${signedAtWords.format(row.signedAt!)} UTC` } : null,
      // why: the UTC day, as /verify says it and as the signature's time is given.
      issuedOn: issued ? longDay(row.issuedAt!.toISOString().slice(0, 10)) : null,
      verification: issued ? { code: row.verificationCode!, url: absoluteUrl(verifyPath(row.verificationCode!)) } : null,
    },
  };
}
