import { and, count, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { createElement } from "react";
import { transaction, type Db } from "~db/client.server";
import { letterDeliveries, matches, organizations, recommendationLetters, slots, users, type UserRole } from "~db/schema";
import LetterDeclined, { letterDeclinedSubject } from "~emails/letter-declined";
import LetterReady, { letterReadySubject } from "~emails/letter-ready";
import LetterRequested, { letterRequestedSubject } from "~emails/letter-requested";
import LetterRevoked, { letterRevokedSubject } from "~emails/letter-revoked";
import LetterWithdrawn, { letterWithdrawnSubject } from "~emails/letter-withdrawn";
import { preparedUploadedPdf } from "~documents/stamp.server";
import { AFTER_START_MATCH_STATUSES } from "~/domain/vocabulary";
import { firstName } from "~/domain/names";
import { absoluteUrl } from "~/env.server";
import { queueEmail } from "~/mail/outbox.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { newVerificationCode } from "~/modules/documents/codes";
import { isUuid } from "~/modules/ids";
import { onePage } from "~/modules/paging";
import { dayIn } from "~/modules/slots/access.server";
import { formatDay } from "~/modules/slots/format";
import { slotMentorRecipients } from "~/modules/slots/slots.server";
import { slotEndDate } from "~/engine/work-authorization";
import { letterPurposeText } from "./labels";
import {
  deliveryState,
  letterPath,
  mayDecline,
  mayReadContent,
  mayRequestLetter,
  mayRevoke,
  maySend,
  mayWithdrawRequest,
  mayWrite,
  MAX_PDF_BYTES,
  writerNameOf,
  type LetterSide,
} from "./rules";
import type { RequestLetterInput, WriterAction } from "./schemas";

// Recommendation letters (issue 14; docs/decisions/017-letters-referrals-and-documents.md): a
// student asks one of the slot's mentors; the mentor writes it in the app or uploads a PDF, marks
// it ready or declines; the student sends it to recipients (deliveries.server.ts). Who reads a
// letter is decided here, in the SQL: its writer (the mentor asked), admins, and the student —
// whose queries never select the text of a letter they waived.

export type Viewer = { id: string; role: UserRole };

const student = alias(users, "letter_student");
const writer = alias(users, "letter_writer");

/** The letters `viewer` may know of: an admin all, a mentor those they were asked to write, a student their own. */
function readerScope(viewer: Viewer): SQL {
  if (viewer.role === "admin") return sql`true`;
  if (viewer.role === "mentor") return eq(recommendationLetters.mentorId, viewer.id);
  return eq(matches.studentId, viewer.id);
}

/** The letters whose TEXT `viewer` may read: as readerScope, but a student only a ready, unrevoked letter they did not waive. */
function contentScope(viewer: Viewer): SQL {
  if (viewer.role !== "student") return readerScope(viewer);
  return and(eq(matches.studentId, viewer.id), eq(recommendationLetters.waived, false), eq(recommendationLetters.state, "ready"), isNull(recommendationLetters.revokedAt))!;
}

const sideOf = (viewer: Viewer): LetterSide => (viewer.role === "admin" ? "admin" : viewer.role === "mentor" ? "writer" : "student");

/** Everything about a letter but its text and PDF: what each of its readers may know. */
const letterFields = {
  id: recommendationLetters.id,
  matchId: recommendationLetters.matchId,
  mentorId: recommendationLetters.mentorId,
  purpose: recommendationLetters.purpose,
  purposeDetail: recommendationLetters.purposeDetail,
  dueDate: recommendationLetters.dueDate,
  waived: recommendationLetters.waived,
  requestNote: recommendationLetters.requestNote,
  state: recommendationLetters.state,
  format: recommendationLetters.format,
  writerName: recommendationLetters.writerName,
  writerTitle: recommendationLetters.writerTitle,
  declineReason: recommendationLetters.declineReason,
  verificationCode: recommendationLetters.verificationCode,
  readyAt: recommendationLetters.readyAt,
  declinedAt: recommendationLetters.declinedAt,
  revokedAt: recommendationLetters.revokedAt,
  createdAt: recommendationLetters.createdAt,
  matchStatus: matches.status,
  slotId: slots.id,
  slotTitle: slots.title,
  startDate: slots.startDate,
  durationWeeks: slots.durationWeeks,
  timezone: slots.timezone,
  organizationId: organizations.id,
  organizationName: organizations.name,
  organizationCity: organizations.city,
  organizationCountry: organizations.country,
  student: { id: student.id, name: student.name, email: student.email },
  mentor: { id: writer.id, name: writer.name, email: writer.email },
};

/** Letters with their match, slot, organization, student and writer: every read of a letter starts here, with its scope. */
export function lettersQuery(db: Db) {
  return db
    .select(letterFields)
    .from(recommendationLetters)
    .innerJoin(matches, eq(matches.id, recommendationLetters.matchId))
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .innerJoin(student, eq(student.id, matches.studentId))
    .leftJoin(writer, eq(writer.id, recommendationLetters.mentorId));
}

export type LetterRow = Awaited<ReturnType<typeof lettersQuery>>[number];
export type LetterRecord = LetterRow & { side: LetterSide };

/**
 * The letter `letterId` as `viewer` may know it (never its text), or null — the same for a letter
 * that does not exist and one that is not theirs. `lock` locks its row for the transaction.
 */
export async function findLetter(db: Db, viewer: Viewer, letterId: string, { lock = false }: { lock?: boolean } = {}): Promise<LetterRecord | null> {
  if (!isUuid(letterId) || !isUuid(viewer.id)) return null;
  const query = lettersQuery(db).where(and(eq(recommendationLetters.id, letterId), readerScope(viewer)));
  const [row] = lock ? await query.for("update", { of: recommendationLetters }) : await query;
  return row ? { ...row, side: sideOf(viewer) } : null;
}

export type LetterContent = { format: "written" | "uploaded" | null; body: string | null; pdf: Buffer | null; pdfName: string | null };

/**
 * The letter's text and PDF, only for a reader who may read them (contentScope, in the query): its
 * writer, admins, and its student when they did not waive it and it is ready. Null otherwise.
 */
export async function readLetterContent(db: Db, viewer: Viewer, letterId: string): Promise<LetterContent | null> {
  if (!isUuid(letterId) || !isUuid(viewer.id)) return null;
  const [row] = await db
    .select({ format: recommendationLetters.format, body: recommendationLetters.body, pdf: recommendationLetters.pdf, pdfName: recommendationLetters.pdfName })
    .from(recommendationLetters)
    .innerJoin(matches, eq(matches.id, recommendationLetters.matchId))
    .where(and(eq(recommendationLetters.id, letterId), contentScope(viewer)));
  return row ?? null;
}

/** "May 4 – Jul 24, 2026"-style dates of the internship, or null for a slot without dates. */
export function internshipDates(slot: { startDate: string | null; durationWeeks: number | null }) {
  if (!slot.startDate || !slot.durationWeeks) return null;
  return `${formatDay(slot.startDate)} – ${formatDay(slotEndDate(slot.startDate, slot.durationWeeks))}`;
}

/** The day `now` is where the internship happens: due dates are days in the slot's time zone, as its reminders are. */
const slotDay = (slot: { timezone: string | null }, now: Date) => dayIn(slot.timezone ?? "UTC", now);

// ——— The student asks ———

/** The internships a student may ask a letter from (under way or completed), each with the slot's mentors. */
export async function requestOptions(db: Db, studentId: string) {
  const rows = await db
    .select({
      matchId: matches.id,
      status: matches.status,
      slotId: slots.id,
      organizationId: slots.organizationId,
      slotTitle: slots.title,
      timezone: slots.timezone,
      organizationName: organizations.name,
    })
    .from(matches)
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .where(and(eq(matches.studentId, studentId), inArray(matches.status, AFTER_START_MATCH_STATUSES)))
    .orderBy(desc(matches.createdAt));
  const options = [];
  for (const row of rows) {
    const mentors = await slotMentorRecipients(db, { id: row.slotId, organizationId: row.organizationId });
    options.push({
      matchId: row.matchId,
      status: row.status,
      slotTitle: row.slotTitle,
      organizationName: row.organizationName,
      timezone: row.timezone,
      mentors: mentors.map((m) => ({ id: m.id, name: m.name })),
    });
  }
  return options;
}
export type RequestOption = Awaited<ReturnType<typeof requestOptions>>[number];

/**
 * "Today" for the request form: the earliest of the days it is in the student's internships' time
 * zones, so the form refuses no date that some internship's day allows; requestLetter then checks
 * the due date against the day of the internship asked (past_due).
 */
export function requestFormToday(options: { timezone: string | null }[], now = new Date()) {
  const days = options.map((o) => slotDay(o, now)).sort();
  return days[0] ?? slotDay({ timezone: null }, now);
}

export type RequestLetterResult = { ok: true; letterId: string } | { ok: false; error: "not_found" | "not_a_mentor" | "duplicate" | "past_due" };

/**
 * A student asks one of the slot's mentors for a letter, from a match under way or completed. The
 * mentor is emailed and the request audited, in one transaction. An identical open request (same
 * mentor, purpose and detail) is refused, so a double click asks once; a due date that is not after
 * today in the slot's time zone too.
 */
export async function requestLetter(db: Db, { studentId, input, now = new Date() }: { studentId: string; input: RequestLetterInput; now?: Date }): Promise<RequestLetterResult> {
  const { matchId, mentorId } = input.ask;
  return transaction(db, async (tx) => {
    const [row] = await tx
      .select({ match: matches, slotTitle: slots.title, timezone: slots.timezone, organizationId: slots.organizationId, organizationName: organizations.name, studentName: users.name })
      .from(matches)
      .innerJoin(slots, eq(slots.id, matches.slotId))
      .innerJoin(organizations, eq(organizations.id, slots.organizationId))
      .innerJoin(users, eq(users.id, matches.studentId))
      .where(and(eq(matches.id, matchId), eq(matches.studentId, studentId)))
      .for("update", { of: matches });
    if (!row || !mayRequestLetter(row.match.status)) return { ok: false, error: "not_found" };
    if (input.dueDate <= slotDay(row, now)) return { ok: false, error: "past_due" };
    const mentor = (await slotMentorRecipients(tx, { id: row.match.slotId, organizationId: row.organizationId })).find((m) => m.id === mentorId);
    if (!mentor) return { ok: false, error: "not_a_mentor" };
    const [open] = await tx
      .select({ id: recommendationLetters.id })
      .from(recommendationLetters)
      .where(
        and(
          eq(recommendationLetters.matchId, matchId),
          eq(recommendationLetters.mentorId, mentorId),
          eq(recommendationLetters.purpose, input.purpose),
          sql`${recommendationLetters.purposeDetail} is not distinct from ${input.purposeDetail}`,
          inArray(recommendationLetters.state, ["requested", "writing"]),
        ),
      );
    if (open) return { ok: false, error: "duplicate" };
    const [letter] = await tx
      .insert(recommendationLetters)
      .values({
        matchId,
        mentorId,
        purpose: input.purpose,
        purposeDetail: input.purposeDetail,
        dueDate: input.dueDate,
        waived: input.waiver === "waive",
        requestNote: input.requestNote,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: recommendationLetters.id });
    await queueEmail(tx, {
      template: "letter-requested",
      to: [mentor.email],
      subject: letterRequestedSubject(row.studentName),
      userId: mentor.id,
      body: createElement(LetterRequested, {
        name: firstName(mentor.name),
        studentName: row.studentName,
        slotTitle: row.slotTitle,
        purpose: letterPurposeText(input),
        dueDay: formatDay(input.dueDate),
        note: input.requestNote,
        waived: input.waiver === "waive",
        letterUrl: absoluteUrl(letterPath(letter!.id)),
      }),
    });
    await recordAudit(tx, { actorId: studentId, action: "letter.requested", subjectType: "match", subjectId: matchId, detail: { letterId: letter!.id, waived: input.waiver === "waive" } });
    return { ok: true, letterId: letter!.id };
  });
}

// ——— Lists and the letter's page ———

export const LETTERS_PAGE_SIZE = 20;

/**
 * One page of the letters on /letters, newest first: a student's own, those a mentor was asked to
 * write, or (admin) all of them. Never their text. A letter is overdue from the day after its due
 * date in the slot's time zone (the day its reminders count to).
 */
export async function listLetters(db: Db, viewer: Viewer, { page = 1, now = new Date() }: { page?: number; now?: Date } = {}) {
  if (!isUuid(viewer.id)) return { rows: [] as LetterListRow[], total: 0, pages: 1 };
  const listed = await onePage(
    lettersQuery(db).where(readerScope(viewer)).orderBy(desc(recommendationLetters.createdAt), desc(recommendationLetters.id)),
    db
      .select({ value: count() })
      .from(recommendationLetters)
      .innerJoin(matches, eq(matches.id, recommendationLetters.matchId))
      .where(readerScope(viewer)),
    { page, size: LETTERS_PAGE_SIZE },
  );
  const rows = listed.rows;
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await db
        .select({
          letterId: letterDeliveries.letterId,
          sent: sql<number>`count(*)::int`,
          opened: sql<number>`(count(*) filter (where ${letterDeliveries.firstViewedAt} is not null))::int`,
        })
        .from(letterDeliveries)
        .where(inArray(letterDeliveries.letterId, ids))
        .groupBy(letterDeliveries.letterId)
    : [];
  return { ...listed, rows: rows.map((r): LetterListRow => listRow(r, counts.find((x) => x.letterId === r.id), now)) };
}

function listRow(r: LetterRow, c: { sent: number; opened: number } | undefined, now: Date) {
  return {
    id: r.id,
    state: r.state,
    revoked: Boolean(r.revokedAt),
    waived: r.waived,
    purpose: letterPurposeText(r),
    dueDate: r.dueDate,
    overdue: (r.state === "requested" || r.state === "writing") && r.dueDate < slotDay(r, now),
    slotTitle: r.slotTitle,
    organizationName: r.organizationName,
    studentName: r.student.name,
    mentorName: writerNameOf(r),
    sent: c?.sent ?? 0,
    opened: c?.opened ?? 0,
  };
}
export type LetterListRow = ReturnType<typeof listRow>;

/**
 * The letter's page as `viewer` may see it, or null (not found or not theirs). Its text is read
 * through readLetterContent (its own scope in SQL), so a student's page of a letter they waived
 * carries none of it — not in the HTML, not in the `.data` answer.
 */
export async function getLetterPage(db: Db, viewer: Viewer, letterId: string, now = new Date()) {
  const letter = await findLetter(db, viewer, letterId);
  if (!letter) return null;
  const side = letter.side;
  const content = mayReadContent(side, letter) ? await readLetterContent(db, viewer, letterId) : null;
  const deliveries =
    side === "writer"
      ? []
      : await db
          .select({
            id: letterDeliveries.id,
            recipientName: letterDeliveries.recipientName,
            recipientEmail: letterDeliveries.recipientEmail,
            sentAt: letterDeliveries.sentAt,
            expiresAt: letterDeliveries.expiresAt,
            firstViewedAt: letterDeliveries.firstViewedAt,
            viewCount: letterDeliveries.viewCount,
          })
          .from(letterDeliveries)
          .where(eq(letterDeliveries.letterId, letter.id))
          .orderBy(desc(letterDeliveries.sentAt));
  const [deliveryCount] =
    side === "writer" ? await db.select({ n: sql<number>`count(*)::int` }).from(letterDeliveries).where(eq(letterDeliveries.letterId, letter.id)) : [{ n: deliveries.length }];
  return {
    side,
    letter: {
      id: letter.id,
      matchId: letter.matchId,
      state: letter.state,
      waived: letter.waived,
      purpose: letterPurposeText(letter),
      dueDate: letter.dueDate,
      requestNote: letter.requestNote,
      format: side === "student" && letter.waived ? null : letter.format,
      writerTitle: letter.writerTitle,
      declineReason: letter.declineReason,
      verificationCode: side === "student" ? null : letter.verificationCode,
      readyAt: letter.readyAt,
      declinedAt: letter.declinedAt,
      revokedAt: letter.revokedAt,
      createdAt: letter.createdAt,
      slotTitle: letter.slotTitle,
      organizationName: letter.organizationName,
      internshipDates: internshipDates(letter),
      studentName: letter.student.name,
      studentFirstName: firstName(letter.student.name),
      mentorName: writerNameOf(letter),
    },
    /** The text (written) or whether there is a PDF (uploaded), for a reader who may read it; null otherwise. */
    content: content ? { format: content.format, body: content.body, pdfName: content.pdfName, hasPdf: Boolean(content.pdf), pdfBytes: content.pdf?.length ?? 0 } : null,
    deliveries: deliveries.map((d) => ({ ...d, state: deliveryState(letter, d, now) })),
    deliveryCount: deliveryCount?.n ?? 0,
    may: {
      write: mayWrite(side, letter),
      decline: mayDecline(side, letter),
      revoke: mayRevoke(side, letter),
      send: maySend(side, letter),
      withdraw: mayWithdrawRequest(side, letter),
    },
  };
}
export type LetterPage = NonNullable<Awaited<ReturnType<typeof getLetterPage>>>;

// ——— The writer acts ———

/** A letter marked ready needs at least this much text: a few sentences. */
export const MIN_READY_BODY = 200;

export type WriterResult =
  | { ok: true; notice: "started" | "saved" | "ready" | "declined" | "revoked" | "uploaded" }
  | { ok: false; error: "not_found" | "admins_read" | "not_writer" | "not_open" | "not_ready" | "too_short" | "no_pdf" };

/** Loads the letter for its writer, locked; the same answer (not_found) for a letter that is not theirs. */
async function writersLetter(tx: Db, viewer: Viewer, letterId: string) {
  return findLetter(tx, viewer, letterId, { lock: true });
}

function refuseNonWriter(letter: LetterRecord | null): WriterResult | null {
  if (!letter) return { ok: false, error: "not_found" };
  if (letter.side === "admin") return { ok: false, error: "admins_read" };
  if (letter.side !== "writer") return { ok: false, error: "not_writer" };
  return null;
}

/**
 * What the writer does on the letter's page: start, save a draft, mark ready (the student is
 * emailed, without the text), decline with a reason (the student is emailed), or revoke a ready
 * letter (every link stops working; the student is emailed). One transaction each, audited.
 */
export async function actOnLetter(db: Db, { viewer, letterId, action, now = new Date() }: { viewer: Viewer; letterId: string; action: WriterAction; now?: Date }): Promise<WriterResult> {
  return transaction(db, async (tx): Promise<WriterResult> => {
    const letter = await writersLetter(tx, viewer, letterId);
    const refused = refuseNonWriter(letter);
    if (refused || !letter) return refused ?? { ok: false, error: "not_found" };
    const audit = (verb: string, detail: Record<string, unknown> = {}) =>
      recordAudit(tx, { actorId: viewer.id, action: `letter.${verb}`, subjectType: "match", subjectId: letter.matchId, detail: { letterId: letter.id, ...detail } });
    const where = eq(recommendationLetters.id, letter.id);

    if (action.intent === "revoke") {
      if (!mayRevoke(letter.side, letter)) return { ok: false, error: "not_ready" };
      await tx.update(recommendationLetters).set({ revokedAt: now, updatedAt: now }).where(where);
      await emailStudent(tx, letter, "revoked");
      await audit("revoked");
      return { ok: true, notice: "revoked" };
    }
    if (!mayWrite(letter.side, letter)) return { ok: false, error: "not_open" };

    switch (action.intent) {
      case "start":
        if (letter.state === "requested") {
          await tx.update(recommendationLetters).set({ state: "writing", updatedAt: now }).where(where);
          await audit("started");
        }
        return { ok: true, notice: "started" };
      case "save":
        await tx
          .update(recommendationLetters)
          .set({ state: "writing", format: "written", body: action.body, writerTitle: action.writerTitle, updatedAt: now })
          .where(where);
        return { ok: true, notice: "saved" };
      case "ready":
        if (action.body.length < MIN_READY_BODY) return { ok: false, error: "too_short" };
        await markReady(tx, letter, { format: "written", body: action.body, pdf: null, pdfName: null, writerTitle: action.writerTitle }, now);
        await audit("ready", { format: "written" });
        return { ok: true, notice: "ready" };
      case "ready_upload": {
        const [stored] = await tx.select({ has: isNotNull(recommendationLetters.pdf) }).from(recommendationLetters).where(where);
        if (!stored?.has) return { ok: false, error: "no_pdf" };
        await markReady(tx, letter, { format: "uploaded", body: null, writerTitle: action.writerTitle }, now);
        await audit("ready", { format: "uploaded" });
        return { ok: true, notice: "ready" };
      }
      case "decline":
        await tx.update(recommendationLetters).set({ state: "declined", declineReason: action.declineReason, declinedAt: now, updatedAt: now }).where(where);
        await emailStudent(tx, { ...letter, declineReason: action.declineReason }, "declined");
        await audit("declined");
        return { ok: true, notice: "declined" };
    }
  });
}

async function markReady(
  tx: Db,
  letter: LetterRecord,
  values: { format: "written" | "uploaded"; body: string | null; pdf?: null; pdfName?: null; writerTitle: string },
  now: Date,
) {
  const writerName = writerNameOf({ writerName: null, mentor: letter.mentor });
  await tx
    .update(recommendationLetters)
    .set({ ...values, state: "ready", writerName, verificationCode: newVerificationCode(), readyAt: now, updatedAt: now })
    .where(eq(recommendationLetters.id, letter.id));
  await emailStudent(tx, { ...letter, writerName }, "ready");
}

/** Tells the student what became of their letter — never its text. */
async function emailStudent(tx: Db, letter: LetterRecord, what: "ready" | "declined" | "revoked") {
  const common = {
    name: firstName(letter.student.name),
    mentorName: writerNameOf(letter),
    slotTitle: letter.slotTitle,
    purpose: letterPurposeText(letter),
    letterUrl: absoluteUrl(letterPath(letter.id)),
  };
  const [template, subject, body] =
    what === "ready"
      ? (["letter-ready", letterReadySubject(common.mentorName), createElement(LetterReady, { ...common, waived: letter.waived })] as const)
      : what === "declined"
        ? (["letter-declined", letterDeclinedSubject(common.mentorName), createElement(LetterDeclined, { ...common, reason: letter.declineReason ?? "" })] as const)
        : (["letter-revoked", letterRevokedSubject(common.mentorName), createElement(LetterRevoked, common)] as const);
  await queueEmail(tx, { template, subject, body, to: [letter.student.email], userId: letter.student.id });
}

export type UploadProblem = "empty" | "too_large" | "not_pdf" | "unreadable" | "encrypted" | "unstampable";

/** A code and address of the right shape, for the trial stamp of an upload. */
const TRIAL_VERIFICATION = { code: "AAAA-AAAA-AAAA-AAAA", url: "https://steppingstone.example/verify/AAAA-AAAA-AAAA-AAAA" };

/**
 * Whether `bytes` are a PDF we can serve: by its first bytes (%PDF-), its size, pdf-lib reading it,
 * and a trial stamp and save — so a PDF that reads but cannot be stamped is refused here, at upload,
 * and never fails on a recipient's link.
 */
export async function checkPdf(bytes: Uint8Array): Promise<UploadProblem | null> {
  if (bytes.length === 0) return "empty";
  if (bytes.length > MAX_PDF_BYTES) return "too_large";
  if (Buffer.from(bytes.subarray(0, 5)).toString("latin1") !== "%PDF-") return "not_pdf";
  const { PDFDocument } = await import("pdf-lib");
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    if (doc.getPageCount() === 0) return "unreadable";
  } catch (error) {
    return error instanceof Error && /encrypt/i.test(error.message) ? "encrypted" : "unreadable";
  }
  try {
    await preparedUploadedPdf(bytes, TRIAL_VERIFICATION);
  } catch {
    return "unstampable";
  }
  return null;
}

/**
 * The writer uploads their letter as a PDF (checked by checkPdf): it is kept as the letter's draft,
 * to mark ready with one more click. A refused file changes nothing. Only the writer's file is
 * parsed: anyone else is refused before a byte of it is read.
 */
export async function uploadLetterPdf(
  db: Db,
  { viewer, letterId, bytes, fileName, writerTitle, now = new Date() }: { viewer: Viewer; letterId: string; bytes: Uint8Array; fileName: string; writerTitle: string; now?: Date },
): Promise<WriterResult | { ok: false; error: UploadProblem }> {
  const before = await findLetter(db, viewer, letterId);
  const refusedBefore = refuseNonWriter(before);
  if (refusedBefore || !before) return refusedBefore ?? { ok: false, error: "not_found" };
  if (!mayWrite(before.side, before)) return { ok: false, error: "not_open" };
  const problem = await checkPdf(bytes);
  if (problem) return { ok: false, error: problem };
  return transaction(db, async (tx) => {
    // why: checked again under the row's lock: the letter may have been marked ready or declined while the file was checked.
    const letter = await writersLetter(tx, viewer, letterId);
    const refused = refuseNonWriter(letter);
    if (refused || !letter) return refused ?? { ok: false, error: "not_found" };
    if (!mayWrite(letter.side, letter)) return { ok: false, error: "not_open" };
    const name = fileName.replace(/[\\/]/g, "_").slice(0, 200) || "letter.pdf";
    await tx
      .update(recommendationLetters)
      .set({ state: "writing", format: "uploaded", pdf: Buffer.from(bytes), pdfName: name, writerTitle, updatedAt: now })
      .where(eq(recommendationLetters.id, letter.id));
    return { ok: true, notice: "uploaded" };
  });
}

// ——— The student takes a request back ———

export type WithdrawResult = { ok: true } | { ok: false; error: "not_found" | "not_student" | "not_open" };

/**
 * The student withdraws a request made by mistake, while it is asked for or being written (not
 * once ready: then only its writer revokes it). The letter is deleted, with any draft — as a
 * withdrawn referral is: nothing of it is left for anyone to act on — the mentor is emailed, and
 * the audit log keeps that it was asked and withdrawn. One transaction.
 */
export async function withdrawLetterRequest(db: Db, { viewer, letterId }: { viewer: Viewer; letterId: string }): Promise<WithdrawResult> {
  return transaction(db, async (tx): Promise<WithdrawResult> => {
    const letter = await findLetter(tx, viewer, letterId, { lock: true });
    if (!letter) return { ok: false, error: "not_found" };
    if (letter.side !== "student") return { ok: false, error: "not_student" };
    if (!mayWithdrawRequest(letter.side, letter)) return { ok: false, error: "not_open" };
    await tx.delete(recommendationLetters).where(eq(recommendationLetters.id, letter.id));
    if (letter.mentor) {
      await queueEmail(tx, {
        template: "letter-withdrawn",
        to: [letter.mentor.email],
        subject: letterWithdrawnSubject(letter.student.name),
        userId: letter.mentor.id,
        body: createElement(LetterWithdrawn, {
          name: firstName(letter.mentor.name),
          studentName: letter.student.name,
          slotTitle: letter.slotTitle,
          purpose: letterPurposeText(letter),
          draftDeleted: letter.state === "writing",
          lettersUrl: absoluteUrl("/letters"),
        }),
      });
    }
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "letter.withdrawn",
      subjectType: "match",
      subjectId: letter.matchId,
      detail: { letterId: letter.id, mentorId: letter.mentorId, state: letter.state },
    });
    return { ok: true };
  });
}

/** The reason a letter's student reads when its mentor's account was deleted before answering. */
export const MENTOR_GONE_REASON = "Your mentor deleted their Steppingstone account before writing this letter. Ask another mentor of the internship.";

/**
 * For account deletion (call in its transaction, before the user row goes): the letters `mentorId`
 * was asked for and had not finished are declined with a reason that says so, their drafts erased,
 * and each student is emailed; ready letters stay, under the name the mentor signed. Returns how many.
 */
export async function declineLettersOfDeletedMentor(tx: Db, mentorId: string, now = new Date()): Promise<number> {
  const open = await lettersQuery(tx).where(and(eq(recommendationLetters.mentorId, mentorId), inArray(recommendationLetters.state, ["requested", "writing"])));
  for (const letter of open) {
    await tx
      .update(recommendationLetters)
      .set({ state: "declined", declineReason: MENTOR_GONE_REASON, declinedAt: now, body: null, pdf: null, pdfName: null, format: null, updatedAt: now })
      .where(eq(recommendationLetters.id, letter.id));
    await emailStudent(tx, { ...letter, side: "writer", declineReason: MENTOR_GONE_REASON }, "declined");
  }
  return open.length;
}
