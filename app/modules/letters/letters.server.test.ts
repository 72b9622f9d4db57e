import { and, eq } from "drizzle-orm";
import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { describe, expect, test } from "vitest";
import { transaction } from "~db/client.server";
import { auditLog, emails, letterDeliveries, letterViews, recommendationLetters } from "~db/schema";
import { emailsTo, linkIn, makeUser } from "~db/test/factories";
import { makeMentorship } from "~db/test/mentorship-factories";
import { moduleTestDb } from "~db/test/module-db";
import { addMentor, makeOrganization, makeStudent } from "~db/test/slot-factories";
import { addDays } from "~/modules/mentorship/weeks";
import { deliveredLetter, openDelivery, recordView, sendLetter } from "./deliveries.server";
import {
  actOnLetter,
  checkPdf,
  declineLettersOfDeletedMentor,
  findLetter,
  getLetterPage,
  LETTERS_PAGE_SIZE,
  listLetters,
  MENTOR_GONE_REASON,
  readLetterContent,
  requestFormToday,
  requestLetter,
  uploadLetterPdf,
  withdrawLetterRequest,
  type Viewer,
} from "./letters.server";
import { letterPdf } from "./pdf.server";
import { DELIVERIES_PER_DAY, DELIVERY_LINK_DAYS } from "./rules";
import { askValue, requestLetterSchema, SendLetterSchema } from "./schemas";

const db = moduleTestDb({ queue: true });

const SECRET_PHRASE = "quietly-brilliant-otter";
const BODY = `I am glad to recommend this student, who built our sensor import pipeline with tests. ${SECRET_PHRASE}.\n\nThey presented it to the team and took questions with care; I would hire them again without hesitation, and I recommend them warmly.`;
const today = new Date().toISOString().slice(0, 10);

/** The token of the recipient's link in an email's text. */
function tokenIn(text: string) {
  const found = /\/letter\/([a-z2-7]{24}\.[a-z2-7]{52})/.exec(text);
  if (!found) throw new Error("No recipient link in the email");
  return found[1]!;
}

const as = (user: { id: string; role: "student" | "mentor" | "admin" }): Viewer => ({ id: user.id, role: user.role });

async function askFor(m: Awaited<ReturnType<typeof makeMentorship>>, { waiver = "waive" as "waive" | "keep", purpose = "graduate_school", purposeDetail = "MSc Computer Science" } = {}) {
  const input = requestLetterSchema(today).parse({
    ask: askValue(m.match.id, m.mentor.id),
    purpose,
    purposeDetail,
    dueDate: addDays(today, 30),
    requestNote: "Mention the pipeline, please.",
    waiver,
  });
  const result = await requestLetter(db, { studentId: m.student.id, input });
  if (!result.ok) throw new Error(result.error);
  return result.letterId;
}

async function readyLetter(m: Awaited<ReturnType<typeof makeMentorship>>, waiver: "waive" | "keep" = "waive") {
  const letterId = await askFor(m, { waiver });
  const mentor = as(m.mentor);
  expect(await actOnLetter(db, { viewer: mentor, letterId, action: { intent: "start" } })).toEqual({ ok: true, notice: "started" });
  expect(await actOnLetter(db, { viewer: mentor, letterId, action: { intent: "ready", writerTitle: "Research engineer", body: BODY } })).toEqual({
    ok: true,
    notice: "ready",
  });
  return letterId;
}

const send = (m: Awaited<ReturnType<typeof makeMentorship>>, letterId: string, email = `admissions-${crypto.randomUUID().slice(0, 8)}@example.edu`, now?: Date) =>
  sendLetter(db, { viewer: as(m.student), letterId, input: SendLetterSchema.parse({ intent: "send", recipientName: "Graduate Admissions", recipientEmail: email }), now });

describe("who reads a letter (the access matrix, in the query)", () => {
  test("writer, admin and the student (state only when waived, text when not); never another student, a colleague of the same organization, or another organization's mentor", async () => {
    const m = await makeMentorship(db, { secondMentor: true });
    const waived = await readyLetter(m, "waive");
    const open = await readyLetter(m, "keep");
    const admin = await makeUser(db, { role: "admin" });
    const otherStudent = await makeStudent(db);
    const { mentor: otherOrgMentor } = await makeOrganization(db);
    const colleague = m.secondMentor!;

    const matrix = async (letterId: string) => {
      const row = async (viewer: Viewer) => {
        const page = await getLetterPage(db, viewer, letterId);
        return { page: page?.side ?? null, content: (await readLetterContent(db, viewer, letterId))?.body?.includes(SECRET_PHRASE) ?? false, text: JSON.stringify(page).includes(SECRET_PHRASE) };
      };
      return {
        writer: await row(as(m.mentor)),
        admin: await row(as(admin)),
        student: await row(as(m.student)),
        otherStudent: await row(as(otherStudent)),
        colleague: await row(as(colleague)),
        otherOrgMentor: await row(as(otherOrgMentor)),
        // A student's id with a mentor's role (a stale session) does not make them the writer.
        studentAsMentor: await row({ id: m.student.id, role: "mentor" }),
      };
    };
    const none = { page: null, content: false, text: false };
    expect(await matrix(waived)).toEqual({
      writer: { page: "writer", content: true, text: true },
      admin: { page: "admin", content: true, text: true },
      student: { page: "student", content: false, text: false },
      otherStudent: none,
      colleague: none,
      otherOrgMentor: none,
      studentAsMentor: none,
    });
    expect((await matrix(open)).student).toEqual({ page: "student", content: true, text: true });

    // The PDF follows the same scope: none for the waived letter's student.
    const record = (await findLetter(db, as(m.student), waived))!;
    expect(await readLetterContent(db, as(m.student), waived)).toBeNull();
    expect(record).not.toHaveProperty("body");
    // Not found and not yours are the same null; a malformed id too.
    expect(await getLetterPage(db, as(m.student), crypto.randomUUID())).toBeNull();
    expect(await getLetterPage(db, as(m.student), "not-a-uuid")).toBeNull();
  });

  test("lists show each reader only their letters; a waived letter's text reaches neither its student's list nor their page's data", async () => {
    const m = await makeMentorship(db, { secondMentor: true });
    const waived = await readyLetter(m, "waive");
    const kept = await readyLetter(m, "keep");
    const ids = async (viewer: Viewer) => (await listLetters(db, viewer)).rows.map((l) => l.id).sort();
    expect(await ids(as(m.student))).toEqual([waived, kept].sort());
    expect(await ids(as(m.mentor))).toEqual([waived, kept].sort());
    expect(await ids(as(m.secondMentor!))).toEqual([]);
    const studentList = (await listLetters(db, as(m.student))).rows;
    expect(studentList.find((l) => l.id === waived)).toMatchObject({ waived: true, state: "ready" });
    expect(JSON.stringify(studentList)).not.toContain(SECRET_PHRASE);
    // The page's data of the waived letter carries none of it; that of the letter they kept does, so the check can see it.
    expect(JSON.stringify(await getLetterPage(db, as(m.student), waived))).not.toContain(SECRET_PHRASE);
    expect(JSON.stringify(await getLetterPage(db, as(m.student), kept))).toContain(SECRET_PHRASE);
  });

  test(`a long list pages: newest first, ${LETTERS_PAGE_SIZE} a page`, async () => {
    const m = await makeMentorship(db);
    const base = Date.now();
    await db.insert(recommendationLetters).values(
      Array.from({ length: LETTERS_PAGE_SIZE + 1 }, (_, i) => ({
        matchId: m.match.id,
        mentorId: m.mentor.id,
        purpose: "jobs" as const,
        purposeDetail: `Job ${i}`,
        dueDate: addDays(today, 30),
        waived: false,
        createdAt: new Date(base - (LETTERS_PAGE_SIZE - i) * 60_000),
      })),
    );
    const first = await listLetters(db, as(m.student));
    expect(first).toMatchObject({ total: LETTERS_PAGE_SIZE + 1, pages: 2 });
    expect(first.rows).toHaveLength(LETTERS_PAGE_SIZE);
    expect(first.rows[0]!.purpose).toBe(`Job applications: Job ${LETTERS_PAGE_SIZE}`);
    const second = await listLetters(db, as(m.mentor), { page: 2 });
    expect(second.rows.map((r) => r.purpose)).toEqual(["Job applications: Job 0"]);
  });

  test("a student waived letter's text never reaches them: not in the ready email, not in the recipient's email, not through their own address", async () => {
    const m = await makeMentorship(db);
    const letterId = await readyLetter(m, "waive");
    const studentMail = await emailsTo(db, m.student.email);
    expect(studentMail.map((e) => e.subject)).toContain("Your recommendation letter from Test Mentor is ready to send");
    for (const mail of studentMail) expect(`${mail.html}${mail.text}`).not.toContain(SECRET_PHRASE);
    expect(await send(m, letterId, m.student.email.toUpperCase())).toEqual({ ok: false, error: "own_address" });
    const [local, domain] = m.student.email.split("@");
    expect(await send(m, letterId, `${local}+schools@${domain}`)).toEqual({ ok: false, error: "own_address" });
    const recipient = `dean-${crypto.randomUUID().slice(0, 8)}@example.edu`;
    expect((await send(m, letterId, recipient)).ok).toBe(true);
    const [delivery] = await emailsTo(db, recipient);
    expect(`${delivery!.html}${delivery!.text}`).not.toContain(SECRET_PHRASE);
    expect(delivery!.text).toContain("The letter is confidential");
    // The recipient reads the program the student named, not the kind of purpose.
    expect(delivery!.text).toContain("It is for MSc Computer Science.");
    expect((await openDelivery(db, tokenIn(delivery!.text ?? ""))) as { view: { purpose: string } }).toMatchObject({ view: { purpose: "MSc Computer Science" } });
  });
});

describe("the writer's side", () => {
  test("only the mentor asked writes: start, a draft the student cannot see, too short refused with nothing changed, ready with a code and an email", async () => {
    const m = await makeMentorship(db, { secondMentor: true });
    const letterId = await askFor(m, { waiver: "keep" });
    const [request] = await emailsTo(db, m.mentor.email);
    expect(request!.subject).toBe("Test Student asks you for a recommendation letter");
    expect(linkIn(request!, `/letters/${letterId}`).pathname).toBe(`/letters/${letterId}`);
    expect(await emailsTo(db, m.secondMentor!.email)).toEqual([]);

    expect(await actOnLetter(db, { viewer: as(m.secondMentor!), letterId, action: { intent: "start" } })).toEqual({ ok: false, error: "not_found" });
    expect(await actOnLetter(db, { viewer: as(m.student), letterId, action: { intent: "start" } })).toEqual({ ok: false, error: "not_writer" });
    const admin = await makeUser(db, { role: "admin" });
    expect(await actOnLetter(db, { viewer: as(admin), letterId, action: { intent: "start" } })).toEqual({ ok: false, error: "admins_read" });

    const mentor = as(m.mentor);
    await actOnLetter(db, { viewer: mentor, letterId, action: { intent: "start" } });
    await actOnLetter(db, { viewer: mentor, letterId, action: { intent: "save", writerTitle: "Lead", body: `Draft ${SECRET_PHRASE}` } });
    // A draft is the writer's: the student (who kept the right to read) does not read it yet.
    expect((await getLetterPage(db, as(m.student), letterId))!.content).toBeNull();
    expect((await getLetterPage(db, mentor, letterId))!.content!.body).toContain(SECRET_PHRASE);

    expect(await actOnLetter(db, { viewer: mentor, letterId, action: { intent: "ready", writerTitle: "Lead", body: "Too short." } })).toEqual({ ok: false, error: "too_short" });
    const [draft] = await db.select().from(recommendationLetters).where(eq(recommendationLetters.id, letterId));
    expect(draft).toMatchObject({ state: "writing", body: `Draft ${SECRET_PHRASE}`, verificationCode: null });

    await actOnLetter(db, { viewer: mentor, letterId, action: { intent: "ready", writerTitle: "Research engineer", body: BODY } });
    const [ready] = await db.select().from(recommendationLetters).where(eq(recommendationLetters.id, letterId));
    expect(ready).toMatchObject({ state: "ready", format: "written", writerName: "Test Mentor", writerTitle: "Research engineer" });
    expect(ready!.verificationCode).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    // Ready is final: no more edits, no decline.
    expect(await actOnLetter(db, { viewer: mentor, letterId, action: { intent: "decline", declineReason: "Changed my mind" } })).toEqual({ ok: false, error: "not_open" });
    const actions = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.subjectType, "match"), eq(auditLog.subjectId, m.match.id)));
    expect(actions.map((a) => a.action).sort()).toEqual(["letter.ready", "letter.requested", "letter.started"]);
    // The PDF carries the letterhead's text and opens in pdf-lib.
    const pdf = await letterPdf((await findLetter(db, mentor, letterId))!, (await readLetterContent(db, mentor, letterId))!);
    expect(Buffer.from(pdf!.subarray(0, 5)).toString()).toBe("%PDF-");
  });

  test("declining needs a reason; the student is emailed it", async () => {
    const m = await makeMentorship(db);
    const letterId = await askFor(m);
    expect(await actOnLetter(db, { viewer: as(m.mentor), letterId, action: { intent: "decline", declineReason: "I am on leave until March." } })).toEqual({
      ok: true,
      notice: "declined",
    });
    const mail = (await emailsTo(db, m.student.email)).find((e) => e.subject === "Test Mentor cannot write your recommendation letter");
    expect(mail!.text).toContain("I am on leave until March.");
    expect((await getLetterPage(db, as(m.student), letterId))!.letter.declineReason).toBe("I am on leave until March.");
  });

  test("an uploaded PDF is checked by its bytes, size and readability; a good one is stamped with the code on every page", async () => {
    const m = await makeMentorship(db);
    const letterId = await askFor(m);
    const mentor = as(m.mentor);
    const upload = (bytes: Uint8Array) => uploadLetterPdf(db, { viewer: mentor, letterId, bytes, fileName: "letter.pdf", writerTitle: "Lead" });
    expect(await upload(new Uint8Array())).toEqual({ ok: false, error: "empty" });
    expect(await upload(new TextEncoder().encode("<html>not a pdf</html>"))).toEqual({ ok: false, error: "not_pdf" });
    expect(await upload(new TextEncoder().encode("%PDF-1.7 but then garbage"))).toEqual({ ok: false, error: "unreadable" });
    expect(await checkPdf(new Uint8Array(5 * 1024 * 1024 + 1).fill(37))).toBe("too_large");
    const [untouched] = await db.select({ pdf: recommendationLetters.pdf, state: recommendationLetters.state }).from(recommendationLetters).where(eq(recommendationLetters.id, letterId));
    expect(untouched).toEqual({ pdf: null, state: "requested" });

    const doc = await PDFDocument.create();
    doc.addPage([612, 792]);
    doc.addPage([612, 792]);
    expect(await upload(await doc.save())).toEqual({ ok: true, notice: "uploaded" });
    expect(await actOnLetter(db, { viewer: mentor, letterId, action: { intent: "ready_upload", writerTitle: "Lead" } })).toEqual({ ok: true, notice: "ready" });
    const letter = (await findLetter(db, mentor, letterId))!;
    const stamped = await letterPdf(letter, (await readLetterContent(db, mentor, letterId))!);
    const reread = await PDFDocument.load(stamped!);
    expect(reread.getPageCount()).toBe(2);
    expect(stamped!.length).toBeGreaterThan((await doc.save()).length);
  });

  test("only the writer's file is read: anyone else's upload is refused before it is parsed", async () => {
    const m = await makeMentorship(db, { secondMentor: true });
    const letterId = await askFor(m);
    const garbage = new TextEncoder().encode("<html>not a pdf</html>");
    const upload = (viewer: Viewer) => uploadLetterPdf(db, { viewer, letterId, bytes: garbage, fileName: "x.pdf", writerTitle: "Lead" });
    expect(await upload(as(m.secondMentor!))).toEqual({ ok: false, error: "not_found" });
    expect(await upload(as(await makeStudent(db)))).toEqual({ ok: false, error: "not_found" });
    expect(await upload(as(m.student))).toEqual({ ok: false, error: "not_writer" });
    expect(await upload(as(await makeUser(db, { role: "admin" })))).toEqual({ ok: false, error: "admins_read" });
    // The writer's own garbage is read, and refused as what it is.
    expect(await upload(as(m.mentor))).toEqual({ ok: false, error: "not_pdf" });
  });

  test("a PDF that opens but cannot be stamped is refused at upload, not on the recipient's link", async () => {
    const m = await makeMentorship(db);
    const letterId = await askFor(m);
    const doc = await PDFDocument.create();
    doc.addPage([612, 792]).node.delete(PDFName.of("MediaBox"));
    const bytes = await doc.save();
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
    expect(await checkPdf(bytes)).toBe("unstampable");
    expect(await uploadLetterPdf(db, { viewer: as(m.mentor), letterId, bytes, fileName: "letter.pdf", writerTitle: "Lead" })).toEqual({ ok: false, error: "unstampable" });
    const [row] = await db.select({ pdf: recommendationLetters.pdf }).from(recommendationLetters).where(eq(recommendationLetters.id, letterId));
    expect(row!.pdf).toBeNull();
  });

  test("an uploaded PDF is served without what would run when it opens: no /OpenAction, /AA or document JavaScript, in the preview and once stamped", async () => {
    const m = await makeMentorship(db);
    const letterId = await askFor(m);
    const mentor = as(m.mentor);
    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    const js = doc.context.obj({ S: "JavaScript", JS: "app.alert('hi')" });
    doc.catalog.set(PDFName.of("OpenAction"), js);
    doc.catalog.set(PDFName.of("AA"), doc.context.obj({ WC: js }));
    doc.catalog.set(PDFName.of("Names"), doc.context.obj({ JavaScript: doc.context.obj({ Names: ["hello", js] }), Dests: doc.context.obj({}) }));
    page.node.set(PDFName.of("AA"), doc.context.obj({ O: js }));
    const bytes = await doc.save();
    const armed = (pdf: Uint8Array) => PDFDocument.load(pdf).then((d) => ({
      openAction: d.catalog.has(PDFName.of("OpenAction")),
      aa: d.catalog.has(PDFName.of("AA")),
      javaScript: d.catalog.lookupMaybe(PDFName.of("Names"), PDFDict)?.has(PDFName.of("JavaScript")) ?? false,
      pageAa: d.getPages()[0]!.node.has(PDFName.of("AA")),
      dests: d.catalog.lookupMaybe(PDFName.of("Names"), PDFDict)?.has(PDFName.of("Dests")) ?? false,
    }));
    expect(await armed(bytes)).toEqual({ openAction: true, aa: true, javaScript: true, pageAa: true, dests: true });
    expect(await uploadLetterPdf(db, { viewer: mentor, letterId, bytes, fileName: "letter.pdf", writerTitle: "Lead" })).toEqual({ ok: true, notice: "uploaded" });
    const disarmed = { openAction: false, aa: false, javaScript: false, pageAa: false, dests: true };
    const preview = await letterPdf((await findLetter(db, mentor, letterId))!, (await readLetterContent(db, mentor, letterId))!);
    expect(await armed(preview!)).toEqual(disarmed);
    await actOnLetter(db, { viewer: mentor, letterId, action: { intent: "ready_upload", writerTitle: "Lead" } });
    const stamped = await letterPdf((await findLetter(db, mentor, letterId))!, (await readLetterContent(db, mentor, letterId))!);
    expect(await armed(stamped!)).toEqual(disarmed);
  });

  test("revoking stops every link (410, not 500), tells the student, and can be done once", async () => {
    const m = await makeMentorship(db);
    const letterId = await readyLetter(m, "keep");
    const sent = await send(m, letterId);
    expect(sent.ok).toBe(true);
    const [delivery] = await db.select().from(letterDeliveries).where(eq(letterDeliveries.letterId, letterId));
    const email = (await db.select().from(emails).where(eq(emails.id, delivery!.emailId!)))[0]!;
    const token = tokenIn(email.text ?? "");
    expect((await openDelivery(db, token)).state).toBe("open");

    expect(await actOnLetter(db, { viewer: as(m.mentor), letterId, action: { intent: "revoke", confirm: "on" } })).toEqual({ ok: true, notice: "revoked" });
    expect((await openDelivery(db, token)).state).toBe("revoked");
    expect(await deliveredLetter(db, delivery!.id)).toBeNull();
    expect((await emailsTo(db, m.student.email)).map((e) => e.subject)).toContain("Test Mentor revoked your recommendation letter");
    expect(await actOnLetter(db, { viewer: as(m.mentor), letterId, action: { intent: "revoke", confirm: "on" } })).toEqual({ ok: false, error: "not_ready" });
    expect(await send(m, letterId)).toEqual({ ok: false, error: "not_ready" });
    // The student who kept the right to read no longer gets the revoked letter's text.
    expect(await readLetterContent(db, as(m.student), letterId)).toBeNull();
    expect((await getLetterPage(db, as(m.student), letterId))!.deliveries.map((d) => d.state)).toEqual(["revoked"]);
  });
});

describe("asking for a letter", () => {
  test("only from an internship under way or completed, only of the slot's mentors, not twice for the same purpose", async () => {
    const confirmed = await makeMentorship(db, { status: "confirmed" });
    await expect(askFor(confirmed)).rejects.toThrow("not_found");
    const m = await makeMentorship(db, { status: "completed" });
    const { mentor: stranger } = await makeOrganization(db);
    const input = requestLetterSchema(today).parse({ ask: askValue(m.match.id, stranger.id), purpose: "jobs", dueDate: addDays(today, 10), waiver: "keep" });
    expect(await requestLetter(db, { studentId: m.student.id, input })).toEqual({ ok: false, error: "not_a_mentor" });
    const other = await makeStudent(db);
    expect(await requestLetter(db, { studentId: other.id, input: { ...input, ask: { matchId: m.match.id, mentorId: m.mentor.id } } })).toEqual({ ok: false, error: "not_found" });
    await askFor(m);
    await expect(askFor(m)).rejects.toThrow("duplicate");
    await askFor(m, { purposeDetail: "PhD Ecology" });
  });

  test("the form refuses a past due date, a missing waiver choice, a program without its name, and a mentor not from the list", () => {
    const schema = requestLetterSchema(today);
    const errors = (values: Record<string, string>) => {
      const r = schema.safeParse(values);
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    const ask = askValue(crypto.randomUUID(), crypto.randomUUID());
    expect(errors({ ask, purpose: "jobs", dueDate: today, waiver: "keep" })).toEqual({ dueDate: "Choose a date after today: your mentor needs time to write" });
    expect(errors({ ask, purpose: "program", dueDate: addDays(today, 5) })).toEqual({
      waiver: "Choose whether you waive your right to read the letter",
      purposeDetail: "Name the program, school or scholarship",
    });
    expect(errors({ ask: "x.y", purpose: "jobs", dueDate: addDays(today, 5), waiver: "keep" })).toEqual({ ask: "Choose one of the mentors listed" });
  });
});

describe("delivery", () => {
  test(`each recipient gets a link of their own that records views, expires ${DELIVERY_LINK_DAYS} days after it was sent (410) and refuses a wrong secret (404)`, async () => {
    const m = await makeMentorship(db);
    const letterId = await readyLetter(m, "waive");
    const sentAt = new Date();
    await send(m, letterId, `a-${crypto.randomUUID().slice(0, 6)}@example.edu`, sentAt);
    await send(m, letterId, `b-${crypto.randomUUID().slice(0, 6)}@example.edu`, sentAt);
    const deliveries = await db.select().from(letterDeliveries).where(eq(letterDeliveries.letterId, letterId));
    expect(deliveries).toHaveLength(2);
    // Only the id and the hash of the secret are stored.
    const email = (await db.select().from(emails).where(eq(emails.id, deliveries[0]!.emailId!)))[0]!;
    const token = tokenIn(email.text ?? "");
    const [tokenId, secret] = token.split(".");
    const mine = deliveries.find((d) => d.tokenId === tokenId)!;
    expect(mine.secretHash).not.toContain(secret!);
    expect(secret!.length * 5).toBeGreaterThanOrEqual(128);

    const opened = await openDelivery(db, token);
    expect(opened.state).toBe("open");
    expect(await openDelivery(db, `${tokenId}.${"a".repeat(52)}`)).toEqual({ state: "invalid" });
    expect(await openDelivery(db, "nonsense")).toEqual({ state: "invalid" });

    // A link scanner's fetch is not a view; a person's is.
    const chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
    expect(await recordView(db, mine.id, { method: "GET", userAgent: "Googlebot/2.1" })).toBe(false);
    expect(await recordView(db, mine.id, { method: "GET", userAgent: chrome })).toBe(true);
    expect(await recordView(db, mine.id, { method: "GET", userAgent: chrome })).toBe(true);
    const [after] = await db.select().from(letterDeliveries).where(eq(letterDeliveries.id, mine.id));
    expect(after!.viewCount).toBe(2);
    expect(after!.firstViewedAt).not.toBeNull();
    expect(await db.select().from(letterViews).where(eq(letterViews.deliveryId, mine.id))).toHaveLength(2);

    const page = (await getLetterPage(db, as(m.student), letterId))!;
    expect(page.deliveries.map((d) => d.state).sort()).toEqual(["opened", "sent"]);
    // The link works until DELIVERY_LINK_DAYS after it was sent, and not a minute after.
    const justBefore = new Date(sentAt.getTime() + DELIVERY_LINK_DAYS * 86_400_000 - 60_000);
    expect((await openDelivery(db, token, justBefore)).state).toBe("open");
    expect(await deliveredLetter(db, mine.id, justBefore)).not.toBeNull();
    const later = new Date(sentAt.getTime() + DELIVERY_LINK_DAYS * 86_400_000 + 60_000);
    expect((await openDelivery(db, token, later)).state).toBe("expired");
    expect(await deliveredLetter(db, mine.id, later)).toBeNull();
    expect((await getLetterPage(db, as(m.student), letterId, later))!.deliveries.map((d) => d.state)).toEqual(["expired", "expired"]);
  });

  test(`at most ${DELIVERIES_PER_DAY} deliveries a day per student, across letters`, async () => {
    const m = await makeMentorship(db);
    const letterId = await readyLetter(m, "keep");
    const now = new Date();
    await db.insert(letterDeliveries).values(
      Array.from({ length: DELIVERIES_PER_DAY }, (_, i) => ({
        letterId,
        recipientName: `R${i}`,
        recipientEmail: `r${i}@example.edu`,
        tokenId: crypto.randomUUID(),
        secretHash: "x",
        sentAt: new Date(now.getTime() - 3_600_000),
        expiresAt: new Date(now.getTime() + 86_400_000),
      })),
    );
    expect(await send(m, letterId, undefined, now)).toEqual({ ok: false, error: "daily_limit" });
    expect((await send(m, letterId, undefined, new Date(now.getTime() + 23 * 3_600_000 + 3_600_000 + 60_000))).ok).toBe(true);
  });

  test("a colleague of the writer cannot send it; only the student", async () => {
    const m = await makeMentorship(db);
    const colleague = await addMentor(db, m.organization, "Colleague");
    const letterId = await readyLetter(m);
    const input = SendLetterSchema.parse({ intent: "send", recipientName: "X Y", recipientEmail: "x@example.edu" });
    expect(await sendLetter(db, { viewer: as(colleague), letterId, input })).toEqual({ ok: false, error: "not_found" });
    expect(await sendLetter(db, { viewer: as(m.mentor), letterId, input })).toEqual({ ok: false, error: "not_student" });
  });
});

describe("the student withdraws a request", () => {
  test("while asked for or being written: the request is deleted, the mentor emailed, the withdrawal audited; not once ready, and only by its student", async () => {
    const m = await makeMentorship(db, { secondMentor: true });
    const asked = await askFor(m, { purposeDetail: "MSc Ecology" });
    const writing = await askFor(m, { purposeDetail: "PhD Hydrology" });
    await actOnLetter(db, { viewer: as(m.mentor), letterId: writing, action: { intent: "save", writerTitle: "Lead", body: "Half a draft" } });
    const ready = await readyLetter(m, "keep");

    expect(await withdrawLetterRequest(db, { viewer: as(m.mentor), letterId: asked })).toEqual({ ok: false, error: "not_student" });
    expect(await withdrawLetterRequest(db, { viewer: as(await makeStudent(db)), letterId: asked })).toEqual({ ok: false, error: "not_found" });
    expect(await withdrawLetterRequest(db, { viewer: as(m.student), letterId: ready })).toEqual({ ok: false, error: "not_open" });
    expect(await withdrawLetterRequest(db, { viewer: as(m.student), letterId: asked })).toEqual({ ok: true });
    expect(await withdrawLetterRequest(db, { viewer: as(m.student), letterId: writing })).toEqual({ ok: true });

    const left = await db.select({ id: recommendationLetters.id }).from(recommendationLetters).where(eq(recommendationLetters.matchId, m.match.id));
    expect(left.map((r) => r.id)).toEqual([ready]);
    expect((await listLetters(db, as(m.mentor))).rows.map((r) => r.id)).toEqual([ready]);
    const told = (await emailsTo(db, m.mentor.email)).filter((e) => e.subject === "Test Student withdrew their request for a recommendation letter");
    expect(told.map((e) => e.text?.includes("MSc Ecology") ?? false).sort()).toEqual([false, true]);
    expect(told.some((e) => e.text?.includes("anything you had written for it on Steppingstone is deleted"))).toBe(true);
    expect(await emailsTo(db, m.secondMentor!.email)).toEqual([]);
    const audits = await db.select({ action: auditLog.action, detail: auditLog.detail }).from(auditLog).where(and(eq(auditLog.subjectId, m.match.id), eq(auditLog.action, "letter.withdrawn")));
    expect(audits.map((a) => (a.detail as { letterId: string }).letterId).sort()).toEqual([asked, writing].sort());
  });
});

describe("due dates are days where the internship is", () => {
  test("a due date must be after today in the slot's time zone, and a letter is overdue from the day after it there", async () => {
    // 11:00 UTC on Jan 10 is already Jan 11 on Kiritimati (UTC+14) and still Jan 10 in Pago Pago (UTC-11).
    const now = new Date("2027-01-10T11:00:00Z");
    const ahead = await makeMentorship(db, { slot: { timezone: "Pacific/Kiritimati" } });
    const behind = await makeMentorship(db, { slot: { timezone: "Pacific/Pago_Pago" } });
    expect(requestFormToday([{ timezone: "Pacific/Kiritimati" }, { timezone: "Pacific/Pago_Pago" }], now)).toBe("2027-01-10");
    const ask = (m: typeof ahead, dueDate: string) =>
      requestLetter(db, {
        studentId: m.student.id,
        now,
        input: requestLetterSchema("2027-01-09").parse({ ask: askValue(m.match.id, m.mentor.id), purpose: "jobs", dueDate, waiver: "keep" }),
      });
    expect(await ask(ahead, "2027-01-11")).toEqual({ ok: false, error: "past_due" });
    expect((await ask(behind, "2027-01-11")).ok).toBe(true);
    expect((await ask(ahead, "2027-01-12")).ok).toBe(true);

    // Due Jan 11: overdue on Kiritimati from its Jan 12, in Pago Pago not yet.
    const later = new Date("2027-01-11T11:00:00Z");
    const overdue = async (m: typeof ahead) => (await listLetters(db, as(m.student), { now: later })).rows.map((r) => [r.dueDate, r.overdue]);
    expect(await overdue(behind)).toEqual([["2027-01-11", false]]);
    await db.update(recommendationLetters).set({ dueDate: "2027-01-11" }).where(eq(recommendationLetters.matchId, ahead.match.id));
    expect(await overdue(ahead)).toEqual([["2027-01-11", true]]);
  });
});

// The export of letters is tested with the rest of the export (app/modules/privacy/after-internship-export.server.test.ts).
describe("account deletion", () => {
  test("a mentor's deletion declines the letters they had not finished (draft erased, student told); a ready letter stays", async () => {
    const m = await makeMentorship(db);
    const ready = await readyLetter(m, "keep");
    const draft = await askFor(m, { purposeDetail: "PhD" });
    await actOnLetter(db, { viewer: as(m.mentor), letterId: draft, action: { intent: "save", writerTitle: "Lead", body: "Half a draft" } });
    expect(await transaction(db, (tx) => declineLettersOfDeletedMentor(tx, m.mentor.id))).toBe(1);
    const rows = await db.select().from(recommendationLetters).where(eq(recommendationLetters.matchId, m.match.id));
    expect(rows.find((r) => r.id === draft)).toMatchObject({ state: "declined", body: null, declineReason: MENTOR_GONE_REASON });
    expect(rows.find((r) => r.id === ready)).toMatchObject({ state: "ready" });
    expect((await emailsTo(db, m.student.email)).filter((e) => e.subject === "Test Mentor cannot write your recommendation letter")).toHaveLength(1);
  });
});
