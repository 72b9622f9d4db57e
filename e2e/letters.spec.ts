import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { letterDeliveries, users } from "~db/schema";
import { makeMentorship } from "~db/test/mentorship-factories";
import { addMentor, makeOrganization, makeStudent } from "~db/test/slot-factories";
import { expect, loadError, openEmail, test } from "./fixtures";

// Recommendation letters: asked, written, marked ready, sent to a recipient by a link of their own,
// opened, revoked — and a confidential letter's text never reaching its student. The access matrix
// and the edge cases are module tests (app/modules/letters/*.server.test.ts).

const SECRET = `otter-${randomBytes(4).toString("hex")}`;
const BODY = `I am glad to recommend this student, who built our sensor import pipeline with tests and documentation. ${SECRET}\n\nThey presented the work to the whole team and answered every question with care. I recommend them warmly and without reservation.`;

async function internship(db: Parameters<typeof makeMentorship>[0]) {
  const tag = randomBytes(3).toString("hex");
  // why: makeMentorship's slot is filled (no round proposes it) and its student is not in matching.
  const m = await makeMentorship(db, { status: "completed", slot: { title: `River sensors ${tag}` } });
  await db.update(users).set({ name: `Amara Okafor ${tag}` }).where(eq(users.id, m.student.id));
  await db.update(users).set({ name: `Priya Raman ${tag}` }).where(eq(users.id, m.mentor.id));
  return { ...m, studentName: `Amara Okafor ${tag}`, mentorName: `Priya Raman ${tag}`, slotTitle: `River sensors ${tag}` };
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("a confidential letter: asked, written, ready, sent, opened by its recipient without an account, never read by its student, then revoked", async ({
  page,
  db,
  login,
  newDevice,
  expectConsoleError,
}) => {
  test.slow();
  expectConsoleError(loadError(410, /\/letter\/[a-z2-7.]+/));
  const m = await internship(db);

  // The student asks, waiving the right to read it.
  await login(m.student);
  await page.goto(`/letters?match=${m.match.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Recommendation letters" })).toBeVisible();
  await page.getByRole("radio", { name: new RegExp(m.mentorName) }).check();
  await page.getByRole("radio", { name: "Graduate school" }).check();
  await page.getByLabel("Which school, program or kind of job?").fill("MSc Computer Science, University of Toronto");
  await page.getByLabel("Needed by").fill(inDays(40));
  await page.getByRole("radio", { name: /I waive my right to read it/ }).check();
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Request sent." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `Your letter from ${m.mentorName}` })).toBeVisible();
  const letterPath = new URL(page.url()).pathname;

  // The mentor is emailed, starts, writes and marks it ready.
  const mentorPage = await newDevice();
  await login(m.mentor, mentorPage.context());
  const request = await openEmail(mentorPage, { to: m.mentor.email, subject: `${m.studentName} asks you for a recommendation letter` });
  await expect(request.getByText(`${m.studentName} waived the right to read it`)).toBeVisible();
  await mentorPage.goto(letterPath);
  await mentorPage.getByRole("button", { name: "Start writing" }).click();
  await mentorPage.getByLabel("Your title").first().fill("Research engineer");
  await mentorPage.getByLabel("The letter", { exact: true }).fill(BODY);
  await mentorPage.getByRole("button", { name: /^Mark ready and tell/ }).click();
  await expect(mentorPage.getByRole("status").filter({ hasText: "The letter is ready." })).toBeVisible();

  // The student is told without the text, sees "Confidential", and sends it.
  await page.goto(letterPath);
  await expect(page.getByRole("heading", { name: "Confidential" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(SECRET);
  const recipient = `admissions-${randomBytes(4).toString("hex")}@example.edu`;
  await page.getByLabel("Recipient's name").fill("Graduate Admissions");
  await page.getByLabel("Recipient's email").fill(recipient);
  await page.getByLabel("Message (optional)").fill("Application ID 2027-4411");
  await page.getByRole("button", { name: "Send the letter" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent." })).toBeVisible();
  const delivery = page.getByRole("listitem", { name: "Graduate Admissions" });
  await expect(delivery).toContainText("Sent — not opened yet");

  // Not through the .data request either, nor the PDF.
  const data = await page.request.get(`${letterPath}.data`);
  expect(data.status()).toBe(200);
  expect(await data.text()).not.toContain(SECRET);
  expect((await page.request.get(`${letterPath}/pdf`)).status()).toBe(404);

  // The recipient opens the link without an account; the PDF opens; the view is recorded.
  const recipientPage = await newDevice();
  const email = await openEmail(recipientPage, { to: recipient, subject: `Recommendation letter for ${m.studentName} from ${m.mentorName}` });
  await expect(email.getByText("Application ID 2027-4411")).toBeVisible();
  const link = await email.getByRole("link", { name: "Open the letter" }).getAttribute("href");
  const opened = await recipientPage.goto(link!);
  // The link is a credential: the page is not cached and hands no referrer on.
  expect(opened!.headers()["cache-control"]).toBe("private, no-store");
  expect(opened!.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(recipientPage.getByRole("heading", { level: 1, name: `For ${m.studentName}` })).toBeVisible();
  await expect(recipientPage.getByText(`From ${m.mentorName}, Research engineer`)).toBeVisible();
  const pdfHref = await recipientPage.getByRole("link", { name: "Open the letter (PDF)" }).getAttribute("href");
  const pdf = await recipientPage.request.get(pdfHref!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  expect((await PDFDocument.load(bytes)).getPageCount()).toBeGreaterThan(0);
  // A link on the page does not hand the recipient's address (their credential) to the next page (the page's data request, not its scripts').
  const [toVerify] = await Promise.all([recipientPage.waitForRequest((r) => /^\/verify\/[A-Z2-7-]+(\.data)?$/.test(new URL(r.url()).pathname)), recipientPage.getByRole("link", { name: /^\/verify\// }).click()]);
  expect((await toVerify.allHeaders())["referer"] ?? "").not.toContain("/letter/");
  await page.reload();
  await expect(delivery).toContainText("Opened");
  await expect(delivery).toContainText("1 view");

  // Thirty days on, the link has expired before the school read it again: the student sends it
  // again to the same recipient, filled in for them, and the recipient gets a new link.
  await db.update(letterDeliveries).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(letterDeliveries.recipientEmail, recipient));
  await page.reload();
  await expect(delivery).toContainText("Link expired");
  await page.getByRole("link", { name: "Send again to Graduate Admissions" }).click();
  await expect(page.getByText("Filled in from the link to Graduate Admissions that expired.")).toBeVisible();
  await expect(page.getByLabel("Recipient's name")).toHaveValue("Graduate Admissions");
  await expect(page.getByLabel("Recipient's email")).toHaveValue(recipient);
  await page.getByRole("button", { name: "Send the letter" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent." })).toBeVisible();
  const sentTo = page.getByRole("listitem", { name: "Graduate Admissions" });
  await expect(sentTo).toHaveCount(2);
  await expect(sentTo.first()).toContainText("Sent — not opened yet");
  await expect(sentTo.nth(1)).toContainText("Link expired");
  await expect(page.getByLabel("Recipient's email")).toHaveValue("");

  // The mentor revokes: the link says so plainly (410), the student sees it.
  await mentorPage.reload();
  await mentorPage.locator("summary", { hasText: "Revoke the letter" }).click();
  await mentorPage.getByLabel("I want to revoke this letter").check();
  await mentorPage.getByRole("button", { name: "Revoke the letter" }).click();
  await expect(mentorPage.getByRole("status").filter({ hasText: "The letter is revoked" })).toBeVisible();
  await recipientPage.goto(link!);
  await expect(recipientPage.getByRole("heading", { name: "This letter was revoked" })).toBeVisible();
  await expect(recipientPage.getByText(`${m.mentorName} revoked this letter, so the link no longer opens it.`)).toBeVisible();
  expect((await recipientPage.request.get(link!)).status()).toBe(410);
  await page.reload();
  await expect(page.getByText("This letter was revoked")).toBeVisible();
  await expect(sentTo.first()).toContainText("Letter revoked");
});

test("nobody else reads a letter: another student, another organization's mentor, a colleague of the writer (404); signed out goes to log in; a wrong link is a 404; its student withdraws it", async ({
  page,
  db,
  login,
  newDevice,
  expectConsoleError,
}) => {
  expectConsoleError(loadError(404, /\/letters\/[0-9a-f-]{36}/));
  expectConsoleError(loadError(404, /\/letter\/[a-z2-7.]+/));
  const m = await internship(db);
  await login(m.student);
  await page.goto(`/letters?match=${m.match.id}`);
  await page.getByRole("radio", { name: "Job applications" }).check();
  await page.getByLabel("Needed by").fill(inDays(20));
  await page.getByRole("radio", { name: /I keep my right to read it/ }).check();
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Request sent." })).toBeVisible();
  const letterPath = new URL(page.url()).pathname;

  const other = await newDevice();
  const colleague = await addMentor(db, m.organization, `Colleague ${randomBytes(2).toString("hex")}`);
  for (const outsider of [await makeStudent(db), (await makeOrganization(db)).mentor, colleague]) {
    await login(outsider, other.context());
    const response = await other.goto(letterPath);
    expect(response!.status()).toBe(404);
    expect((await other.request.get(`${letterPath}.data`)).status()).toBe(404);
  }
  await other.context().clearCookies();
  await other.goto(letterPath);
  await expect(other).toHaveURL(/\/login\?redirectTo=/);
  const wrong = await other.goto(`/letter/${"a".repeat(24)}.${"b".repeat(52)}`);
  expect(wrong!.status()).toBe(404);
  await expect(other.getByRole("heading", { name: "This link is not valid" })).toBeVisible();

  // Asked by mistake: the student withdraws it, and finds where verification letters are.
  await page.locator("summary", { hasText: "Withdraw the request" }).click();
  await page.getByLabel("I want to withdraw this request").check();
  await page.getByRole("button", { name: "Withdraw the request" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Request withdrawn." })).toBeVisible();
  await expect(page.getByRole("list", { name: "Letters" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: `Documents of “${m.slotTitle}”` })).toHaveAttribute("href", `/matches/${m.match.id}/documents`);
});

test("bad input keeps what was typed and changes nothing, without JavaScript too; an upload that is not a PDF is refused plainly, a PDF is stamped and sent", async ({
  browser,
  db,
  login,
  newDevice,
  expectConsoleError,
}) => {
  test.slow();
  expectConsoleError(loadError(400, /\/letters(\/[0-9a-f-]{36})?/));
  const m = await internship(db);
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": `10.9.${Math.floor(Math.random() * 250)}.7` } });
  const page = await context.newPage();
  await login(m.student, context);
  await page.goto(`/letters?match=${m.match.id}`);
  await page.getByRole("radio", { name: "A named program" }).check();
  await page.getByLabel("A note to your mentor (optional)").fill("Mention the river dashboard.");
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page.getByText("Name the program, school or scholarship")).toBeVisible();
  await expect(page.getByText("Choose whether you waive your right to read the letter")).toBeVisible();
  await expect(page.getByLabel("A note to your mentor (optional)")).toHaveValue("Mention the river dashboard.");
  await expect(page.getByRole("list", { name: "Letters" })).toHaveCount(0);
  await page.getByLabel("Which school, program or kind of job?").fill("Fulbright Foreign Student Program");
  await page.getByLabel("Needed by").fill(inDays(25));
  await page.getByRole("radio", { name: /I waive my right to read it/ }).check();
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page.getByText("Request sent.")).toBeVisible();
  const letterPath = new URL(page.url()).pathname;

  // The mentor uploads: a text file is refused with a clear message; a PDF is kept, marked ready.
  const mentorPage = await newDevice();
  await login(m.mentor, mentorPage.context());
  await mentorPage.goto(letterPath);
  await mentorPage.getByRole("button", { name: "Start writing" }).click();
  const upload = mentorPage.getByRole("heading", { name: "Or upload a PDF" }).locator("..");
  await upload.getByLabel("Your title").fill("Lab director");
  await upload.getByLabel("The letter as a PDF").setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: Buffer.from("Dear committee, this is not a PDF.") });
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(mentorPage.getByText("This file is not a PDF. Export or print your letter as a PDF")).toBeVisible();
  await expect(upload.getByLabel("Your title")).toHaveValue("Lab director");
  const doc = await PDFDocument.create();
  doc.addPage([612, 792]).drawText(`Dear committee. ${SECRET}`, { x: 72, y: 700, size: 12 });
  await upload.getByLabel("The letter as a PDF").setInputFiles({ name: "my-letter.pdf", mimeType: "application/pdf", buffer: Buffer.from(await doc.save()) });
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(mentorPage.getByText("PDF uploaded.")).toBeVisible();
  await mentorPage.getByRole("button", { name: /^Mark the uploaded letter ready/ }).click();
  await expect(mentorPage.getByRole("status").filter({ hasText: "The letter is ready." })).toBeVisible();
  const stamped = await mentorPage.request.get(`${letterPath}/pdf`);
  expect(stamped.headers()["content-type"]).toBe("application/pdf");
  expect((await stamped.body()).length).toBeGreaterThan((await doc.save()).length);

  // The student's own address is refused (a confidential letter would reach them that way).
  await page.goto(letterPath);
  await page.getByLabel("Recipient's name").fill("Me");
  await page.getByLabel("Recipient's email").fill(m.student.email);
  await page.getByRole("button", { name: "Send the letter" }).click();
  await expect(page.getByText("That is your own address.")).toBeVisible();
  await expect(page.getByLabel("Recipient's name")).toHaveValue("Me");
  await context.close();
});
