import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { users } from "~db/schema";
import { makeMentorship } from "~db/test/mentorship-factories";
import { addDays } from "~db/test/slot-factories";
import { expect, loadError, openEmail, test } from "./fixtures";

// Issue 13, items 2–3: the student's week (a check-in, a missed week written late, the hours) and
// the mentor's (the email, a reply with the time given), under production's policy.

const newYorkToday = () =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/New_York",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());

const top = async (locator: ReturnType<Page["getByRole"]>) => (await locator.boundingBox())!.y;

async function fillCheckIn(page: Page, form: ReturnType<Page["getByRole"]>, values: { done: string; next: string; hours: string; mentor: string }) {
  await form.getByLabel("What you did").fill(values.done);
  await form.getByLabel("What is next").fill(values.next);
  await form.getByLabel("Hours worked").fill(values.hours);
  await form.getByLabel("Mentor time received (hours)").fill(values.mentor);
}

test("the student's week and the mentor's: a check-in with its hours, a missed week written late, the mentor's reply, an email each way", async ({
  page,
  db,
  login,
  newDevice,
}) => {
  // why: a dozen pages and two mailbox visits; alone it takes about half the default timeout.
  test.slow();
  const tag = randomBytes(3).toString("hex");
  // Started 15 days ago in the slot's zone: this is week 3, and weeks 1 and 2 were due already.
  const { student, mentor, match } = await makeMentorship(db, {
    startedDaysAgo: 15,
    slot: {
      applicationDeadline: addDays(newYorkToday(), -60),
      title: `River sensors ${tag}`,
    },
  });
  await db
    .update(users)
    .set({ name: `Amara Okafor ${tag}` })
    .where(eq(users.id, student.id));
  await db
    .update(users)
    .set({ name: `Priya Raman ${tag}` })
    .where(eq(users.id, mentor.id));
  const studentName = `Amara Okafor ${tag}`;
  const mentorName = `Priya Raman ${tag}`;
  const url = `/matches/${match.id}/check-ins`;

  // The student writes this week's check-in.
  await login(student);
  await page.goto(url);
  await expect(page.getByRole("link", { name: "Check-ins & hours" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { name: "This week's check-in" })).toBeVisible();
  await expect(page.getByText("The hours chart appears with the first check-in")).toBeVisible();
  const write = page.getByRole("form", { name: "Write a check-in" });
  await expect(write.getByLabel("Week", { exact: true })).toHaveValue("3");
  // The weeks still missing are said above the form, the form above the hours.
  await expect(page.getByText("No check-in yet for weeks 1 and 2.")).toBeVisible();
  expect(await top(write)).toBeLessThan(await top(page.getByRole("heading", { name: "Hours", exact: true })));
  await fillCheckIn(page, write, {
    done: "Finished the CSV importer and its tests.",
    next: "Unit conversion for the gauges.",
    hours: "22,25",
    mentor: "2",
  });
  await write.getByRole("button", { name: "Send the check-in" }).click();
  // Hours keep one decimal (a decimal comma reads as a point); what was typed stays.
  await expect(write.getByText("Use at most one decimal, like 7.5")).toBeVisible();
  await expect(write.getByLabel("What you did")).toHaveValue("Finished the CSV importer and its tests.");
  await write.getByLabel("Hours worked").fill("22");
  await write.getByRole("button", { name: "Send the check-in" }).click();
  await expect(
    page.getByRole("status").filter({
      hasText: "Your check-in is saved, and your mentors were emailed.",
    }),
  ).toBeVisible();
  // The form starts afresh for the next week, defaulting to the latest still missing.
  await expect(write.getByLabel("What you did")).toHaveValue("");
  await expect(write.getByLabel("Week", { exact: true })).toHaveValue("2");

  const week3 = page.getByRole("article", { name: "Week 3", exact: true });
  await expect(week3.getByRole("definition").filter({ hasText: "Finished the CSV importer and its tests." })).toBeVisible();
  await expect(week3.getByText("22 hours worked · 2 hours of mentor time received")).toBeVisible();
  await expect(week3.getByText("late", { exact: true })).toHaveCount(0);
  await expect(week3.getByText("Waiting for a mentor's reply.")).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("row", { name: /^Week 3/ })).toContainText("22 h");
  await expect(table.getByRole("row", { name: /^Week 3/ })).toContainText("2 h");
  await expect(table.getByRole("row", { name: /^Week 2/ })).toContainText("No check-in");
  await expect(
    page.getByRole("img", {
      name: /^Hours worked per week\. Average 22 hours a week over 1 week \(20 promised\)/,
    }),
  ).toBeVisible();
  await expect(page.getByText(/No check-in for week 2 \(due \w{3} \d{1,2} \w{3}\)/)).toBeVisible();

  // A missed earlier week, written now: marked late.
  await expect(page.getByRole("heading", { name: "Write a missed check-in" })).toBeVisible();
  await write.getByLabel("Week", { exact: true }).selectOption("1");
  await fillCheckIn(page, write, {
    done: "Set up the project and read the codebase.",
    next: "The importer.",
    hours: "18,5",
    mentor: "3",
  });
  await write.getByRole("button", { name: "Send the check-in" }).click();
  await expect(page.getByRole("status").filter({ hasText: "marked late" })).toBeVisible();
  const week1 = page.getByRole("article", { name: "Week 1", exact: true });
  await expect(week1.getByText("late", { exact: true })).toBeVisible();
  await expect(table.getByRole("row", { name: /^Week 1/ })).toContainText("18.5 h");
  await expect(page.getByText("Average 20.3 hours a week over 2 weeks (20 promised); 1 of 2 weeks at 20 hours or more (the post-completion OPT minimum).")).toBeVisible();

  // The mentor is emailed, follows the link, and replies with the time they gave.
  const mentorPage = await newDevice();
  await login(mentor, mentorPage.context());
  const email = await openEmail(mentorPage, {
    to: mentor.email,
    subject: `${studentName} wrote the check-in for week 3`,
  });
  await expect(email.getByText("Finished the CSV importer and its tests.")).toBeVisible();
  await expect(email.getByText("What is next")).toBeVisible();
  await expect(email.getByText("Unit conversion for the gauges.")).toBeVisible();
  await expect(email.getByText("Hours worked: 22 hours")).toBeVisible();
  await expect(email.getByText("Mentor time received: 2 hours")).toBeVisible();
  const link = await email.getByRole("link", { name: "Read and reply" }).getAttribute("href");
  expect(new URL(link!).pathname).toBe(url);
  await mentorPage.goto(new URL(link!).pathname);
  await expect(mentorPage.getByRole("form", { name: "Write a check-in" })).toHaveCount(0);
  // What waits for the mentor comes first: both unanswered check-ins, with their reply forms, above the hours.
  await expect(
    mentorPage.getByRole("heading", {
      name: "2 check-ins wait for your reply",
    }),
  ).toBeVisible();
  expect(await top(mentorPage.getByRole("form", { name: "Reply to week 1" }))).toBeLessThan(await top(mentorPage.getByRole("heading", { name: "Hours", exact: true })));
  const reply = mentorPage.getByRole("form", { name: "Reply to week 3" });
  await reply.getByLabel("Your reply").fill("Good progress on the importer. Let's pair on the conversion on Thursday.");
  await reply.getByLabel("Mentor time you gave this week (hours)").fill("2.5");
  await reply.getByRole("button", { name: "Send the reply" }).click();
  await expect(mentorPage.getByRole("status").filter({ hasText: "Your reply is saved, and the student was emailed." })).toBeVisible();
  await expect(mentorPage.getByRole("article", { name: "Week 3", exact: true }).getByText(`Reply from ${mentorName}`)).toBeVisible();
  await expect(
    mentorPage.getByRole("heading", {
      name: "1 check-in waits for your reply",
    }),
  ).toBeVisible();

  // The student reads the reply, on the page and by email; the week can no longer be changed.
  const studentEmail = await openEmail(page, {
    to: student.email,
    subject: `${mentorName} replied to your check-in for week 3`,
  });
  await expect(studentEmail.getByText("Let's pair on the conversion on Thursday.")).toBeVisible();
  await page.goto(url);
  await expect(week3.getByText(`Reply from ${mentorName}`)).toBeVisible();
  await expect(week3.getByText("Mentor time given this week: 2.5 hours")).toBeVisible();
  await expect(week3.getByText("Change this check-in")).toHaveCount(0);
  await expect(week1.getByText("Change this check-in")).toBeVisible();
  await expect(table.getByRole("row", { name: /^Week 3/ })).toContainText("2.5 h");
});

test("the check-ins are the pair's own: a student of another match gets 404", async ({ page, db, login, expectConsoleError }) => {
  expectConsoleError(loadError(404, /\/matches\/[0-9a-f-]{36}\/check-ins/));
  const { match } = await makeMentorship(db, {
    startedDaysAgo: 8,
    slot: { applicationDeadline: addDays(newYorkToday(), -60) },
  });
  const other = await makeMentorship(db, {
    startedDaysAgo: 8,
    slot: { applicationDeadline: addDays(newYorkToday(), -60) },
  });
  await login(other.student);
  expect((await page.goto(`/matches/${other.match.id}/check-ins`))?.status()).toBe(200);
  const response = await page.goto(`/matches/${match.id}/check-ins`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
});

test("without JavaScript a refused check-in answers 400 and keeps what was typed; before the start the page says when check-ins begin", async ({
  browser,
  db,
  login,
  expectConsoleError,
}) => {
  expectConsoleError(loadError(400, /\/matches\/[0-9a-f-]{36}\/check-ins/));
  const { student, match } = await makeMentorship(db, {
    startedDaysAgo: 2,
    slot: { applicationDeadline: addDays(newYorkToday(), -60) },
  });
  const context = await browser.newContext({ javaScriptEnabled: false });
  await login(student, context);
  const page = await context.newPage();
  await page.goto(`/matches/${match.id}/check-ins`);
  const write = page.getByRole("form", { name: "Write a check-in" });
  await write.getByLabel("What you did").fill("Read the onboarding guide.");
  await write.getByLabel("Hours worked").fill("12");
  await write.getByLabel("Mentor time received (hours)").fill("1");
  const answered = page.waitForResponse((r) => r.request().method() === "POST");
  await write.getByRole("button", { name: "Send the check-in" }).click();
  expect((await answered).status()).toBe(400);
  await expect(write.getByText("Say what you plan to do next")).toBeVisible();
  await expect(write.getByLabel("What you did")).toHaveValue("Read the onboarding guide.");
  await expect(write.getByLabel("Hours worked")).toHaveValue("12");
  await write.getByLabel("What is next").fill("Set up the development database.");
  await write.getByRole("button", { name: "Send the check-in" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your check-in is saved" })).toBeVisible();
  await context.close();

  const early = await makeMentorship(db, {
    startedDaysAgo: -5,
    slot: { applicationDeadline: addDays(newYorkToday(), -60) },
  });
  const earlyContext = await browser.newContext();
  await login(early.student, earlyContext);
  const earlyPage = await earlyContext.newPage();
  await earlyPage.goto(`/matches/${early.match.id}/check-ins`);
  await expect(earlyPage.getByText(/^Check-ins start on \w{3} \d{1,2}, \d{4}, week 1\.$/)).toBeVisible();
  await expect(earlyPage.getByRole("form", { name: "Write a check-in" })).toHaveCount(0);
  await earlyContext.close();
});
