import { eq } from "drizzle-orm";
import { outcomeFollowUps } from "~db/schema";
import type { Db } from "~db/client.server";
import { makeMentorship } from "~db/test/mentorship-factories";
import { addDays } from "~db/test/slot-factories";
import { createFollowUp } from "~/modules/mentorship/outcomes.server";
import { dayIn } from "~/modules/slots/access.server";
import { expect, loadError, test } from "./fixtures";

// The feedback rounds and the outcome: each side's answers private unless shared, the student's
// record at completion, and the one-click "where are you now?" link without logging in.

/** A 12-week internship `startedDaysAgo` days in, with an application deadline before its start. */
function mentorship(db: Db, options: { startedDaysAgo: number; status?: "active" | "completed"; offers?: ("recommendation_letter" | "referral")[] }) {
  const today = dayIn("America/New_York", new Date());
  return makeMentorship(db, {
    status: options.status ?? "active",
    startedDaysAgo: options.startedDaysAgo,
    durationWeeks: 12,
    slot: { applicationDeadline: addDays(today, -options.startedDaysAgo - 7), ...(options.offers ? { offers: options.offers } : {}) },
  });
}

test("the student's unshared feedback stays from the mentor; the mentor's shared answers reach the student", async ({ page, db, login, newDevice }) => {
  // The midpoint round of a 12-week internship opens on day 42: three days ago.
  const { student, mentor, match } = await mentorship(db, { startedDaysAgo: 45 });
  await login(student);
  await page.goto(`/matches/${match.id}/feedback`);
  const midpoint = page.getByRole("region", { name: "Midpoint feedback" });
  await expect(midpoint.getByText("Open", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Final feedback" }).getByText(/^Opens on /)).toBeVisible();

  const form = midpoint.getByRole("form", { name: "Your midpoint feedback" });
  await form.getByRole("group", { name: "Does your mentor answer your questions?" }).getByLabel("Usually").check();
  await form.getByRole("group", { name: "Does your mentor help when you are stuck?" }).getByLabel("Sometimes").check();
  await form.getByRole("group", { name: "Do you meet as you agreed?" }).getByLabel("Rarely").check();
  await form.getByLabel("How many hours of support do you get in a usual week?").fill("1.5");
  await form.getByRole("group", { name: "How fast do replies to your questions come?" }).getByLabel("Within a week").check();
  await form.getByLabel("Anything else? (optional)").fill("We skipped three weekly calls in a row.");
  await expect(form.getByLabel(`Share my answers with ${mentor.name}`)).not.toBeChecked();
  await form.getByRole("button", { name: "Send my feedback" }).click();
  await expect(page.getByText("Thank you: your feedback is saved.")).toBeVisible();
  await expect(page.getByText("You answered this round")).toBeVisible();
  // The form keeps the answers for editing while the round is open.
  await expect(form.getByLabel("Anything else? (optional)")).toHaveValue("We skipped three weekly calls in a row.");

  const mentorPage = await newDevice();
  await login(mentor, mentorPage.context());
  await mentorPage.goto(`/matches/${match.id}/feedback`);
  const mentorRound = mentorPage.getByRole("region", { name: "Midpoint feedback" });
  await expect(mentorRound.getByText(/answers show here if they choose to share them with the mentors/)).toBeVisible();
  await expect(mentorPage.getByText("We skipped three weekly calls in a row.")).toHaveCount(0);
  // Not in the page's data either (the HTML carries the loader's data).
  expect(await mentorPage.content()).not.toContain("We skipped three weekly calls");

  const mentorForm = mentorRound.getByRole("form", { name: "The mentors' midpoint feedback" });
  await mentorForm.getByRole("button", { name: "Send the feedback" }).click();
  // Without answers the form says what is missing and saves nothing.
  await expect(mentorForm.getByText("Choose how the student's progress looks")).toBeVisible();
  await mentorForm.getByRole("group", { name: "How is the student progressing against the plan?" }).getByLabel("A little behind").check();
  await mentorForm.getByRole("group", { name: "Does communication with the student work well?" }).getByLabel("Usually").check();
  await mentorForm.getByRole("group", { name: "Is the internship on track to meet its goals?" }).getByLabel("Partly").check();
  await mentorForm.getByLabel("Anything else? (optional)").fill("The importer took longer than planned.");
  await mentorForm.getByLabel(/^Share these answers with /).check();
  await mentorForm.getByRole("button", { name: "Send the feedback" }).click();
  await expect(mentorPage.getByText("Thank you: your feedback is saved.")).toBeVisible();

  await page.reload();
  const shared = page.getByRole("region", { name: "Midpoint feedback" });
  await expect(shared.getByText("The importer took longer than planned.")).toBeVisible();
  await expect(shared.getByText("A little behind")).toBeVisible();
});

test("on a completed internship the student records the outcome, and the mentor reads it", async ({ page, db, login, newDevice }) => {
  const { student, mentor, match } = await mentorship(db, { startedDaysAgo: 90, status: "completed", offers: ["recommendation_letter", "referral"] });
  await login(student);
  await page.goto(`/matches/${match.id}/outcome`);
  const form = page.getByRole("form", { name: "The internship's outcome" });
  await form.getByRole("button", { name: "Record the outcome" }).click();
  await expect(form.getByText("Choose whether you got a return offer (or are still waiting to hear)")).toBeVisible();

  await form.getByRole("group", { name: "Recommendation letter" }).getByLabel("Yes").check();
  await form.getByRole("group", { name: "Referral" }).getByLabel("No").check();
  await form.getByRole("group", { name: "Did you get a return offer?" }).getByLabel("Still waiting to hear").check();
  await form.getByRole("button", { name: "Record the outcome" }).click();
  await expect(page.getByText("Thank you: the outcome is recorded.")).toBeVisible();

  const mentorPage = await newDevice();
  await login(mentor, mentorPage.context());
  await mentorPage.goto(`/matches/${match.id}/outcome`);
  const record = mentorPage.getByRole("definition");
  await expect(record.filter({ hasText: "Not delivered" })).toHaveCount(1);
  await expect(record.filter({ hasText: /^Delivered$/ })).toHaveCount(1);
  await expect(mentorPage.getByText("Still waiting to hear")).toBeVisible();
  await expect(mentorPage.getByRole("form", { name: "The internship's outcome" })).toHaveCount(0);
});

test("a follow-up link records the answer with one click without logging in; a click on another answer changes it; the mentor never sees it", async ({
  page,
  db,
  login,
  request,
  newDevice,
  expectConsoleError,
}) => {
  const { student, mentor, match } = await mentorship(db, {
    startedDaysAgo: 90,
    status: "completed",
  });
  const { token } = (await createFollowUp(db, match.id, 3, new Date()))!;
  const answerOf = async () => (await db.select().from(outcomeFollowUps).where(eq(outcomeFollowUps.matchId, match.id)))[0]!;

  // A link scanner, a request without a user agent, and a HEAD see the page and record nothing.
  const scanned = await request.get(`/follow-up/${token}?answer=paid_internship`, {
    headers: {
      "User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    },
  });
  expect(scanned.status()).toBe(200);
  expect(await scanned.text()).toContain("Where are you now?");
  expect(
    (
      await request.get(`/follow-up/${token}?answer=paid_internship`, {
        headers: { "User-Agent": "" },
      })
    ).status(),
  ).toBe(200);
  expect((await request.head(`/follow-up/${token}?answer=paid_internship`)).status()).toBe(200);
  expect((await answerOf()).answer).toBeNull();

  await page.goto(`/follow-up/${token}?answer=paid_internship`);
  await expect(page.getByRole("heading", { name: "Thank you" })).toBeVisible();
  await expect(page.getByText("Your answer is recorded")).toBeVisible();
  await expect(page.getByText("Only you and the Steppingstone admins see this answer.")).toBeVisible();
  await page.getByLabel("At which organization? (optional)").fill("Shopify");
  await page.getByRole("button", { name: "Add the organization" }).click();
  await expect(page.getByText("In a paid internship — Shopify.")).toBeVisible();
  expect(await answerOf()).toMatchObject({
    answer: "paid_internship",
    organizationName: "Shopify",
    secretHash: expect.stringMatching(/^[0-9a-f]{64}$/),
  });
  await page.screenshot({
    path: "/tmp/followup-fix-answered.png",
    fullPage: true,
  });

  // A second click, on another answer, changes it (a scanner's first click is corrected this way).
  await page.goto(`/follow-up/${token}?answer=full_time_offer`);
  await expect(page.getByText("Changed to “I have a full-time offer”")).toBeVisible();
  expect(await answerOf()).toMatchObject({
    answer: "full_time_offer",
    organizationName: "Shopify",
  });
  // The page's own buttons change it too.
  await page.getByText("Not right? Change your answer").click();
  await page.getByRole("button", { name: "In a paid internship" }).click();
  await expect(page.getByText("Changed to “In a paid internship”")).toBeVisible();
  expect((await answerOf()).answer).toBe("paid_internship");

  // A garbled link, or one with the right id and a wrong secret: a page that says so, answered 404, even after the answer.
  expectConsoleError(loadError(404, /\/follow-up\/[^ ]+/));
  await page.goto(`/follow-up/${token.slice(0, -3)}?answer=studying`);
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  const [tokenId] = token.split(".");
  const wrong = await request.get(`/follow-up/${tokenId}.${"a".repeat(52)}`, {
    headers: { "User-Agent": "Mozilla/5.0 Chrome/120.0" },
  });
  expect(wrong.status()).toBe(404);
  expect(await wrong.text()).not.toContain("Shopify");
  expect((await answerOf()).answer).toBe("paid_internship");

  // The student's outcome page shows the answer, says who sees it, and changes it.
  await login(student);
  await page.goto(`/matches/${match.id}/outcome`);
  await expect(page.getByText("At 3 months: a paid internship at Shopify")).toBeVisible();
  await expect(page.getByText("Only you and the Steppingstone admins see this answer.")).toBeVisible();
  await page.getByText("Change your answer at 3 months").click();
  const form = page.getByRole("form", { name: "Your answer at 3 months" });
  await form.getByLabel("Studying").check();
  await form.getByLabel("At which organization? (optional)").fill("University of Waterloo");
  await form.getByRole("button", { name: "Save my answer" }).click();
  await expect(page.getByText("Thank you: your answer is saved.")).toBeVisible();
  await expect(page.getByText("At 3 months: studying at University of Waterloo")).toBeVisible();
  await page.screenshot({
    path: "/tmp/followup-fix-outcome.png",
    fullPage: true,
  });

  // The mentor reads that the answers are private, and their page carries none of them.
  const mentorPage = await newDevice();
  await login(mentor, mentorPage.context());
  await mentorPage.goto(`/matches/${match.id}/outcome`);
  await expect(mentorPage.getByText(/The answers are private: only .+ and the Steppingstone admins see them\./)).toBeVisible();
  expect(await mentorPage.content()).not.toContain("University of Waterloo");
  await expect(mentorPage.getByRole("form", { name: "Your answer at 3 months" })).toHaveCount(0);
});

test("a follow-up link expires: 30 days after sending if unanswered, and it says so", async ({ page, db, expectConsoleError }) => {
  const { match } = await mentorship(db, {
    startedDaysAgo: 90,
    status: "completed",
  });
  const { token } = (await createFollowUp(db, match.id, 6, new Date(Date.now() - 31 * 86_400_000)))!;
  expectConsoleError(loadError(410, /\/follow-up\/[^ ]+/));
  await page.goto(`/follow-up/${token}?answer=studying`);
  await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Open the outcome page" })).toHaveAttribute("href", `/matches/${match.id}/outcome`);
  expect((await db.select().from(outcomeFollowUps).where(eq(outcomeFollowUps.matchId, match.id)))[0]!.answer).toBeNull();
  await page.screenshot({
    path: "/tmp/followup-fix-expired.png",
    fullPage: true,
  });
});
