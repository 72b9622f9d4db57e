import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { checkIns, organizations, users } from "~db/schema";
import { makeMentorship } from "~db/test/mentorship-factories";
import { newVerificationCode } from "~/modules/documents/codes";
import { VERIFY_LIMIT } from "~/modules/documents/verify.server";
import { expect, loadError, openEmail, test } from "./fixtures";

// Verification letters: the student generates one from a completed internship, a mentor of the
// slot reviews and signs it (here without JavaScript), the student downloads the PDF with its
// code, and anyone checks the code at /verify without an account. Guessing codes is refused.

test("the student generates a verification letter, the mentor signs it, the PDF carries its code, /verify says it is authentic; revoked, /verify says so and the PDF is gone", async ({
  page,
  db,
  login,
  browser,
  clientIp,
  baseURL,
  expectConsoleError,
}) => {
  test.slow();
  expectConsoleError(loadError(400, /\/matches\/[0-9a-f-]{36}\/documents/));
  const suffix = randomBytes(3).toString("hex");
  // why: completed, and its slot filled (not open), so no matching round another journey runs touches it.
  const { match, student, mentor, organization } = await makeMentorship(db, { status: "completed", startedDaysAgo: 30, durationWeeks: 4, slot: { title: `Sensor pipeline ${suffix}` } });
  await db.update(organizations).set({ address: "77 Massachusetts Avenue" }).where(eq(organizations.id, organization.id));
  await db.update(users).set({ name: `Łucja Nguyễn ${suffix}` }).where(eq(users.id, student.id));
  await db.update(users).set({ name: "Priya Raman" }).where(eq(users.id, mentor.id));
  await db.insert(checkIns).values([1, 2, 4].map((week) => ({ matchId: match.id, week, done: "Work", next: "More", hoursWorked: 22, mentorHoursReceived: 2, late: false })));

  // The student generates the letter from the Documents tab.
  await login(student);
  await page.goto(`/matches/${match.id}`);
  await page.getByRole("navigation", { name: "This match" }).getByRole("link", { name: "Documents" }).click();
  await page.getByRole("form", { name: "Experience verification letter" }).getByRole("button", { name: "Generate the letter" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Generated. The slot's mentors are emailed" })).toBeVisible();
  const card = page.getByRole("region", { name: "Experience verification letter" });
  await expect(card).toContainText("Waiting for a mentor's signature");
  await expect(card).toContainText("Over the 3 weeks with hours recorded");
  await expect(card).toContainText("No hours were recorded for 1 of the 4 weeks of the period (week 3)");
  await expect(card.getByRole("link", { name: /Preview the draft/ })).toBeVisible();

  // The mentor follows the email and signs without JavaScript: first without confirming (refused, what was typed kept), then for real.
  const mentorContext = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  await login(mentor, mentorContext);
  const mentorPage = await mentorContext.newPage();
  const email = await openEmail(mentorPage, { to: mentor.email, subject: `Łucja Nguyễn ${suffix} asks you to sign an experience verification letter` });
  const href = await email.getByRole("link", { name: "Review and sign" }).getAttribute("href");
  await mentorPage.goto(href!);
  const sign = mentorPage.getByRole("form", { name: "Review and sign" });
  await sign.getByLabel("Duties").fill("Built the sensor import pipeline, with tests.\nPresented the gauge dashboard to the lab.");
  await sign.getByLabel("Your title").fill("Research engineer");
  await sign.getByRole("button", { name: "Sign and issue" }).click();
  await expect(sign.getByText("Confirm that the facts are right before you sign")).toBeVisible();
  await expect(sign.getByLabel("Your title")).toHaveValue("Research engineer");
  await sign.getByLabel("I confirm that this document is accurate to the best of my knowledge").check();
  await sign.getByRole("button", { name: "Sign and issue" }).click();
  await expect(mentorPage.getByRole("status").filter({ hasText: "Signed and issued." })).toBeVisible();
  await mentorContext.close();

  // The student downloads the PDF: a PDF whose text carries the code and the absolute /verify address.
  await page.reload();
  await expect(card).toContainText("Issued");
  await expect(card).toContainText("Signed by Priya Raman, Research engineer");
  const code = (await card.locator(".font-mono").first().textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
  const pdfHref = await card.getByRole("link", { name: "Download the PDF" }).getAttribute("href");
  const response = await page.request.get(pdfHref!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const bytes = await response.body();
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  expect(text.replace(/\s+/g, " ")).toContain(`Verification code ${code}.`);
  expect(text).toContain(`${baseURL}/verify/${code}`);
  expect(text).toContain(`Łucja Nguyễn ${suffix}`);
  expect(text.replace(/\s+/g, " ")).toContain("77 Massachusetts Avenue, Boston, United States");

  // Anyone, signed out, checks the code: authentic, for whom, from whom — no hours, no duties.
  const visitor = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(`/verify/${code}`);
  await expect(visitorPage.getByRole("heading", { name: "This experience verification letter is authentic" })).toBeVisible();
  await expect(visitorPage.getByText(`Łucja Nguyễn ${suffix}`)).toBeVisible();
  await expect(visitorPage.locator("main")).not.toContainText(/hours|sensor import|Priya/i);
  expect(await visitorPage.locator('meta[name="robots"]').getAttribute("content")).toBe("noindex");
  // The signed-out visitor cannot open the PDF.
  const denied = await visitor.request.get(pdfHref!, { maxRedirects: 0 });
  expect(denied.status()).toBe(302);

  // The mentor finds a fact wrong and revokes the letter: a reason is asked for first. Then /verify
  // says it was revoked (not why), its PDF is no longer served, and the student is emailed why.
  const revoker = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  await login(mentor, revoker);
  const revokerPage = await revoker.newPage();
  await revokerPage.goto(`/matches/${match.id}/documents`);
  const mentorCard = revokerPage.getByRole("region", { name: "Experience verification letter" });
  await mentorCard.getByText("Revoke this document…").click();
  const revoke = mentorCard.getByRole("form", { name: "Revoke this document" });
  await revoke.getByRole("button", { name: "Revoke the document" }).click();
  await expect(revoke.getByText(/^Say why it is revoked/)).toBeVisible();
  await revoke.getByLabel("Why it is revoked").fill("The end date was wrong: the internship ended two weeks earlier.");
  await revoke.getByRole("button", { name: "Revoke the document" }).click();
  await expect(revokerPage.getByRole("status").filter({ hasText: "Revoked." })).toBeVisible();
  await expect(mentorCard).toContainText("Revoked");
  await expect(mentorCard).toContainText("Why: The end date was wrong");
  await expect(mentorCard.getByRole("link", { name: "Download the PDF" })).toHaveCount(0);
  await revoker.close();
  const gone = await page.request.get(pdfHref!);
  expect([gone.status(), await gone.text()]).toEqual([410, expect.stringContaining("was revoked on")]);
  await visitorPage.goto(`/verify/${code}`);
  await expect(visitorPage.getByRole("heading", { name: "This experience verification letter was revoked" })).toBeVisible();
  await expect(visitorPage.locator("main")).not.toContainText(/end date|two weeks/i);
  await visitor.close();
  const revokedEmail = await openEmail(page, { to: student.email, subject: "Your experience verification letter was revoked" });
  await expect(revokedEmail.getByText(/The end date was wrong: the internship ended two weeks earlier/)).toBeVisible();
});

test("a code typed at /verify that matches nothing is not found; a malformed one is refused; too many tries answer 429", async ({ page, expectConsoleError }) => {
  expectConsoleError(loadError(400, "/verify"));
  expectConsoleError(loadError(404, /\/verify\/[A-Z2-7-]+/));
  expectConsoleError(loadError(429, /\/verify\/[A-Z2-7-]+/));
  await page.goto("/verify");
  const form = page.getByRole("form", { name: "Check a verification code" });
  await form.getByLabel("Verification code").fill("not a code");
  await form.getByRole("button", { name: "Check" }).click();
  await expect(form.getByText(/A verification code has 16 letters and digits/)).toBeVisible();

  // Typed in lower case without dashes, it is found as the code it is — and matches nothing.
  const unknown = newVerificationCode();
  await form.getByLabel("Verification code").fill(unknown.toLowerCase().replaceAll("-", ""));
  await form.getByRole("button", { name: "Check" }).click();
  await expect(page).toHaveURL(new RegExp(`/verify/${unknown}$`));
  await expect(page.getByRole("heading", { name: "No document has this code" })).toBeVisible();

  // More codes that match nothing from the same address: then every lookup is refused for a while.
  for (let i = 1; i < VERIFY_LIMIT.limit - 1; i++) expect((await page.request.get(`/verify/${newVerificationCode()}`)).status()).toBe(404);
  const last = await page.request.get(`/verify/${newVerificationCode()}`);
  expect(last.status()).toBe(429);
  expect(Number(last.headers()["retry-after"])).toBeGreaterThan(0);
  await page.goto(`/verify/${newVerificationCode()}`);
  await expect(page.getByRole("heading", { name: "Too many codes tried" })).toBeVisible();
});

test("/dev/documents lists every document, and each opens as a PDF rendered from its preview props", async ({ page }) => {
  await page.goto("/dev/documents");
  await expect(page.getByRole("heading", { name: "Documents", level: 1 })).toBeVisible();
  const links = page.getByRole("main").getByRole("link");
  await expect(links.filter({ hasText: "experience-verification-letter" })).toBeVisible();
  await expect(links.filter({ hasText: "completion-certificate" })).toBeVisible();
  for (const href of await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")!))) {
    const response = await page.request.get(href);
    expect(response.headers()["content-type"], href).toBe("application/pdf");
    expect((await response.body()).subarray(0, 5).toString(), href).toBe("%PDF-");
  }
});
