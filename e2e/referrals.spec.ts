import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { checkIns, matches, matchOutcomes, organizations, referrals } from "~db/schema";
import { makeMatch } from "~db/test/match-factories";
import { makeMentorship } from "~db/test/mentorship-factories";
import { addDays, makeStudent } from "~db/test/slot-factories";
import { dayIn } from "~/modules/slots/access.server";
import { expect, loadError, openEmail, test } from "./fixtures";

// Referrals (/referrals) and the record of promises kept on a public slot page. The access matrix
// and the nudges are in app/modules/referrals/referrals.server.test.ts; the arithmetic in
// app/modules/promises. Every journey makes its own people; no student is opted into matching.

/**
 * An active internship whose organization has a name of its own, with two mentors. Its slot is open
 * (the public sees only open slots) with its deadline long past, so no matching round takes it.
 */
async function internship(db: Db) {
  const made = await makeMentorship(db, { secondMentor: true, slot: { status: "open", applicationDeadline: addDays(dayIn("America/New_York", new Date()), -40) } });
  const name = `Referral Lab ${randomBytes(3).toString("hex")}`;
  await db.update(organizations).set({ name }).where(eq(organizations.id, made.organization.id));
  return { ...made, organizationName: name };
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a student asks for a referral (a bad link keeps what was typed), the mentor records it, the student follows it up and the mentor sees it", async ({ page, db, login, browser, clientIp, expectConsoleError }) => {
    const { student, mentor, organizationName } = await internship(db);
    // why: without JavaScript the refused form comes back as the 400 page itself, which Chromium logs.
    expectConsoleError(loadError(400, "/referrals"));
    const company = `Northwind ${randomBytes(3).toString("hex")}`;
    await login(student);
    await page.goto("/referrals");
    const form = page.getByRole("form", { name: "Ask for a referral" });
    await form.getByLabel("Whom do you ask?").selectOption({ label: `Test Mentor (${organizationName})` });
    await form.getByLabel("Company").fill(company);
    await form.getByLabel("Role").fill("Junior data engineer");
    await form.getByLabel("Link to the posting").fill("careers page");
    await form.getByLabel("A short note (optional)").fill("The team builds importers like ours.");
    await form.getByRole("button", { name: "Send the request" }).click();
    await expect(form.getByText("Paste the posting's address as it appears in your browser, starting with https://")).toBeVisible();
    await expect(form.getByLabel("Company")).toHaveValue(company);
    await expect(form.getByLabel("A short note (optional)")).toHaveValue("The team builds importers like ours.");
    expect(await db.select().from(referrals).where(eq(referrals.company, company))).toEqual([]);

    await form.getByLabel("Link to the posting").fill("https://careers.northwind.example/jobs/1234");
    await form.getByRole("button", { name: "Send the request" }).click();
    await expect(page.getByText("Your request is sent: the mentor was emailed.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: `Junior data engineer at ${company}` })).toBeVisible();
    await expect(page.getByText("Waiting for the mentor", { exact: true })).toBeVisible();
    const referralUrl = new URL(page.url()).pathname;

    // The mentor follows the email's link and records how and when they referred.
    const mentorContext = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
    const mentorPage = await mentorContext.newPage();
    await login(mentor, mentorContext);
    const email = await openEmail(mentorPage, { to: mentor.email, subject: `${student.name} asks you for a referral at ${company}` });
    await expect(email.getByText("https://careers.northwind.example/jobs/1234")).toBeVisible();
    await mentorPage.goto(referralUrl);
    const accept = mentorPage.getByRole("form", { name: "Record the referral" });
    await accept.getByLabel("By email to a recruiter or hiring manager").check();
    await accept.getByLabel("Details (optional, unless “Another way”)").fill("Sent to Sam, the hiring manager.");
    await accept.getByRole("button", { name: "I referred them" }).click();
    await expect(mentorPage.getByText("Thank you: the referral is recorded, and the student was emailed.")).toBeVisible();
    await expect(mentorPage.getByText("Sent to Sam, the hiring manager.")).toBeVisible();

    // The student records the interview; the mentor sees it.
    await page.goto(referralUrl);
    await expect(page.getByText(/Test Mentor referred you on .+, by email to a recruiter\./)).toBeVisible();
    const outcome = page.getByRole("form", { name: "What came of the referral" });
    await outcome.getByLabel("Interviewing").check();
    await outcome.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Saved: the other side sees it on this page, and is emailed when the outcome changes.")).toBeVisible();
    await page.screenshot({ path: "test-results-referrals/referral-student.png", fullPage: true });

    // The mentor is emailed the news, and reads it on the referral's page.
    const news = await openEmail(mentorPage, { to: mentor.email, subject: `Referral at ${company}: Interviewing — from ${student.name}` });
    await expect(news.getByText(`${student.name} recorded what came of the referral you made for Junior data engineer at ${company}: Interviewing.`)).toBeVisible();
    await mentorPage.goto(referralUrl);
    await expect(mentorPage.getByText(`recorded by ${student.name}`, { exact: false })).toBeVisible();
    await expect(mentorPage.getByText("Interviewing", { exact: true }).first()).toBeVisible();
    await mentorContext.close();
  });
});

test("only the student, the mentor asked and admins open a referral: the slot's other mentor and another student get the same 404 as for none", async ({
  page,
  db,
  login,
  makeUser,
  newDevice,
  expectConsoleError,
}) => {
  const { student, mentor, secondMentor, match } = await internship(db);
  const [referral] = await db
    .insert(referrals)
    .values({ matchId: match.id, mentorId: mentor.id, company: "Contoso", role: "Analyst", postingUrl: "https://contoso.example/jobs/9" })
    .returning();
  const path = `/referrals/${referral!.id}`;
  const admin = await makeUser({ role: "admin" });
  const otherStudent = await makeUser({ role: "student" });

  expectConsoleError(loadError(404, path));
  for (const reader of [secondMentor!, otherStudent]) {
    const other = await newDevice();
    await login(reader, other.context());
    expect((await other.goto(path))!.status()).toBe(404);
    expect((await other.request.get(`${path}.data`)).status()).toBe(404);
    expect((await other.goto("/referrals/00000000-0000-4000-8000-000000000000"))!.status()).toBe(404);
    await other.goto("/referrals");
    await expect(other.getByRole("heading", { name: "No referrals yet" })).toBeVisible();
  }
  expectConsoleError(loadError(404, "/referrals/00000000-0000-4000-8000-000000000000"));

  await login(admin);
  await page.goto(path);
  await expect(page.getByText("You read this as an admin: only the student and the mentor asked change it.")).toBeVisible();
  await expect(page.getByRole("form")).toHaveCount(0);

  const studentPage = await newDevice();
  await login(student, studentPage.context());
  await studentPage.goto("/referrals");
  await expect(studentPage.getByRole("link", { name: /Analyst at Contoso/ })).toBeVisible();
});

test("a slot page shows its organization's promises kept once 3 internships are complete, and says plainly that it will before", async ({ page, db }) => {
  const { slot, mentor, match } = await internship(db);
  await page.goto(`/slots/${slot.id}`);
  const record = page.getByRole("region", { name: "Promises kept" });
  await expect(record.getByText(/No record yet\. .* once 3 of its internships are complete/)).toBeVisible();

  // Three completed internships: one with a referral made and the project delivered, one "not delivered", one unanswered.
  const done = [match.id];
  await db.update(matches).set({ status: "completed", completedAt: new Date() }).where(eq(matches.id, match.id));
  for (let i = 0; i < 2; i++) done.push((await makeMatch(db, { slotId: slot.id, studentId: (await makeStudent(db)).id, status: "completed", completedAt: new Date() })).id);
  await db.insert(referrals).values({ matchId: done[0]!, mentorId: mentor.id, company: "Acme", role: "Intern", state: "accepted", method: "internal_tool", referredOn: "2026-10-01" });
  await db.insert(matchOutcomes).values([
    { matchId: done[0]!, benefits: { recommendation_letter: true }, returnOffer: "no" },
    { matchId: done[1]!, benefits: { recommendation_letter: false, referral: true }, returnOffer: "pending" },
  ]);
  for (const [i, week, hours] of [[0, 1, 3], [0, 2, 3], [1, 1, 2]] as const)
    await db.insert(checkIns).values({ matchId: done[i]!, week, done: "Work.", next: "More.", hoursWorked: 20, mentorHoursReceived: hours, late: false });

  // why: signed out, the slot's page is shared for up to PAGE_CACHE_SECONDS, and the completions
  // above were written to the database, not sent to the server (which would have emptied it).
  await expect(async () => {
    await page.goto(`/slots/${slot.id}`);
    await expect(record.getByText("3 of 4")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(record.getByText(/promises kept across 3 completed internships/)).toBeVisible();
  await expect(record.getByText("2 more promises not known yet, counted neither way.")).toBeVisible();
  await expect(record.getByRole("listitem").filter({ hasText: "Recommendation letter" })).toHaveText(/1 of 2 kept/);
  await expect(record.getByRole("listitem").filter({ hasText: "Referral" })).toHaveText(/2 of 2 kept/);
  await expect(record.getByText(/Mentor time: 8 hours of 108 hours promised \(7%\)/)).toBeVisible();
  await page.screenshot({ path: "test-results-referrals/promises-slot.png", fullPage: true });
});
