import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { emails, matchMessages, users } from "~db/schema";
import type { Db } from "~db/client.server";
import { makeMentorship } from "~db/test/mentorship-factories";
import { addDays } from "~db/test/slot-factories";
import { expect, loadError, openEmail, test } from "./fixtures";

// Issue 13, item 4: the thread on a match — a message emailed to the other side, a reply, the
// hour between two emails to one person, and who may read it — and the reminders' cadence on /account.

const newYorkToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

/** An active match between Amara Okafor and Lin Chen (names tagged, so the mailbox finds this test's emails). */
async function pair(db: Db) {
  const tag = randomBytes(3).toString("hex");
  const made = await makeMentorship(db, { slot: { applicationDeadline: addDays(newYorkToday(), -60), title: `River sensors ${tag}` } });
  const studentName = `Amara Okafor ${tag}`;
  const mentorName = `Lin Chen ${tag}`;
  await db.update(users).set({ name: studentName }).where(eq(users.id, made.student.id));
  await db.update(users).set({ name: mentorName }).where(eq(users.id, made.mentor.id));
  return { ...made, studentName, mentorName, slotTitle: `River sensors ${tag}`, url: `/matches/${made.match.id}/messages` };
}

const messageEmailsTo = async (db: Db, address: string) =>
  (await db.select({ subject: emails.subject }).from(emails).where(and(eq(emails.template, "match-messages"), sql`${address} = any(${emails.to})`))).map((e) => e.subject);

test("the student writes, the mentor gets the email and replies; a second message within the hour sends no second email; another organization's mentor gets a 404", async ({
  page,
  db,
  login,
  newDevice,
  expectConsoleError,
}) => {
  test.slow();
  const { student, mentor, studentName, mentorName, slotTitle, url } = await pair(db);
  expectConsoleError(loadError(404, url));

  await login(student);
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: slotTitle })).toBeVisible();
  await expect(page.getByRole("link", { name: "Messages" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No messages yet.")).toBeVisible();
  const write = page.getByRole("form", { name: "Write a message" });
  await expect(write.getByText(`${mentorName} gets an email (at most one an hour).`)).toBeVisible();
  await write.getByLabel("Your message").fill("Hi Lin!\nI pushed the importer to a branch.");
  await write.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent." })).toBeVisible();
  const mine = page.getByRole("article", { name: /^Your message/ });
  await expect(mine).toContainText("You");
  await expect(mine).toContainText("Hi Lin!\nI pushed the importer to a branch.");
  await expect(write.getByLabel("Your message")).toHaveValue("");

  // The mentor finds the email, with the message and the thread's address.
  const mentorPage = await newDevice();
  await login(mentor, mentorPage.context());
  const email = await openEmail(mentorPage, { to: mentor.email, subject: `New message from Amara about ${slotTitle}` });
  await expect(email.getByText("I pushed the importer to a branch.")).toBeVisible();
  await expect(email.getByRole("link", { name: "Open the thread" })).toHaveAttribute("href", new RegExp(`${url}$`));

  // The mentor reads it on the thread and replies.
  await mentorPage.goto(url);
  const theirs = mentorPage.getByRole("article", { name: new RegExp(`^Message from ${studentName}`) });
  await expect(theirs).toContainText("I pushed the importer to a branch.");
  await expect(theirs).toContainText("student");
  const reply = mentorPage.getByRole("form", { name: "Write a message" });
  await expect(reply.getByText(`${studentName} gets an email (at most one an hour).`)).toBeVisible();
  await reply.getByLabel("Your message").fill("Thanks, Amara. I will look at the tests tomorrow.");
  await reply.getByRole("button", { name: "Send" }).click();
  await expect(mentorPage.getByRole("article", { name: /^Your message/ })).toContainText("I will look at the tests tomorrow.");
  await openEmail(mentorPage, { to: student.email, subject: `New message from Lin about ${slotTitle}` });

  // The student's second message, within the hour of Lin's email: it waits for the hourly batch.
  await page.reload();
  await expect(page.getByRole("article", { name: new RegExp(`^Message from ${mentorName}`) })).toContainText("I will look at the tests tomorrow.");
  await write.getByLabel("Your message").fill("Also: the March files have another header.");
  await write.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("article", { name: /^Your message/ })).toHaveCount(2);
  expect(await messageEmailsTo(db, mentor.email)).toEqual([`New message from Amara about ${slotTitle}`]);
  await mentorPage.goto(url);
  await expect(mentorPage.getByRole("list", { name: "The thread, oldest first" }).getByRole("listitem")).toHaveCount(3);

  // A mentor of another organization: the same 404 as for a match that does not exist.
  const outsider = await pair(db);
  const outsiderPage = await newDevice();
  await login(outsider.mentor, outsiderPage.context());
  expect((await outsiderPage.goto(outsider.url))?.status()).toBe(200);
  expect((await outsiderPage.goto(url))?.status()).toBe(404);
  await expect(outsiderPage.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
});

test("without JavaScript a refused message answers 400 and keeps the text; a closed match's thread is read-only", async ({ browser, db, login, expectConsoleError }) => {
  expectConsoleError(loadError(400, /\/matches\/[0-9a-f-]{36}\/messages/));
  const { student, mentor, url } = await pair(db);
  const context = await browser.newContext({ javaScriptEnabled: false });
  await login(student, context);
  const page = await context.newPage();
  await page.goto(url);
  const write = page.getByRole("form", { name: "Write a message" });
  // A control character pasted in: refused, and the rest of the text stays to send again.
  await write.getByLabel("Your message").fill("Can we meet\u0007 on Monday?");
  const answered = page.waitForResponse((r) => r.request().method() === "POST");
  await write.getByRole("button", { name: "Send" }).click();
  expect((await answered).status()).toBe(400);
  await expect(write.getByText(/invisible control character/)).toBeVisible();
  await expect(write.getByLabel("Your message")).toHaveValue("Can we meet on Monday?");
  await write.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent." })).toBeVisible();
  await expect(page.getByRole("article", { name: /^Your message/ })).toContainText("Can we meet on Monday?");
  expect(await messageEmailsTo(db, mentor.email)).toHaveLength(1);
  await context.close();

  const closed = await makeMentorship(db, { status: "not_proceeding", slot: { applicationDeadline: addDays(newYorkToday(), -60) } });
  const closedContext = await browser.newContext();
  await login(closed.student, closedContext);
  const closedPage = await closedContext.newPage();
  await closedPage.goto(`/matches/${closed.match.id}/messages`);
  await expect(closedPage.getByText("This match is not going ahead, so the thread is closed.")).toBeVisible();
  await expect(closedPage.getByRole("form", { name: "Write a message" })).toHaveCount(0);
  await closedContext.close();
});

test("an admin reads the thread and cannot write on it", async ({ page, db, login, makeUser }) => {
  const { student, mentor, match, url } = await pair(db);
  const studentPage = page;
  await login(student);
  await studentPage.goto(url);
  await studentPage.getByLabel("Your message").fill("Hello from the student.");
  await studentPage.getByRole("button", { name: "Send" }).click();
  await expect(studentPage.getByRole("status").filter({ hasText: "Sent." })).toBeVisible();

  const admin = await makeUser({ role: "admin" });
  await login(admin);
  await page.goto(url);
  await expect(page.getByRole("article", { name: /^Message from Amara Okafor/ })).toContainText("Hello from the student.");
  await expect(page.getByText("You are reading as an admin")).toBeVisible();
  await expect(page.getByRole("form", { name: "Write a message" })).toHaveCount(0);

  // A long thread shows its newest 50; the earlier ones are a click away.
  const later = Date.now() + 60_000;
  await db.insert(matchMessages).values(Array.from({ length: 52 }, (_, i) => ({ matchId: match.id, authorId: mentor.id, body: `Update ${i + 1}`, createdAt: new Date(later + i * 1000) })));
  await page.goto(url);
  const thread = page.getByRole("list", { name: "The thread, oldest first" }).getByRole("listitem");
  await expect(thread).toHaveCount(50);
  await expect(thread.first()).toContainText("Update 3");
  await page.getByRole("link", { name: "Show earlier messages (3 more)" }).click();
  await expect(thread).toHaveCount(53);
  await expect(thread.first()).toContainText("Hello from the student.");
});

test("on the account page a person chooses each reminder as it comes or one weekly digest, and the choice stays", async ({ page, makeUser, login }) => {
  const user = await makeUser();
  await login(user);
  await page.goto("/account");
  const reminders = page.getByRole("group", { name: "How reminders reach you" });
  await expect(reminders.getByRole("radio", { name: /Each email as it comes/ })).toBeChecked();
  await reminders.getByRole("radio", { name: /One weekly digest on Mondays/ }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved. From now on: One weekly digest on Mondays.")).toBeVisible();
  await page.reload();
  await expect(reminders.getByRole("radio", { name: /One weekly digest on Mondays/ })).toBeChecked();
  await reminders.getByRole("radio", { name: /Each email as it comes/ }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved. From now on: Each email as it comes.")).toBeVisible();
  await page.reload();
  await expect(reminders.getByRole("radio", { name: /Each email as it comes/ })).toBeChecked();
});
