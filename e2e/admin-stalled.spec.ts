import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Locator, Page } from "@playwright/test";
import { checkIns, users } from "~db/schema";
import { makeMentorship } from "~db/test/mentorship-factories";
import { addDays } from "~db/test/slot-factories";
import { stalledNudgeSubject } from "~emails/stalled-nudge";
import { dayIn } from "~/modules/slots/access.server";
import { expect, loadError, openEmail, test } from "./fixtures";

const DAY = 86_400_000;

/** The stalled list's row naming `name`, following "Next" (longest silent first, so others may come before it). */
async function rowOf(page: Page, name: string): Promise<Locator> {
  await page.goto("/admin/stalled");
  for (let n = 1; n <= 20; n++) {
    await expect(page.getByRole("heading", { level: 1, name: "Stalled matches" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: name });
    if (await row.isVisible()) return row;
    const next = page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next" });
    if (!(await next.isVisible())) break;
    await next.click();
    await expect(page).toHaveURL(new RegExp(`page=${n + 1}`));
  }
  throw new Error(`${name} is not on the stalled list`);
}

/** How many emails to `to` with `subject` the local mailbox holds (its first page, newest first). */
async function mailCount(page: Page, to: string, subject: string) {
  await page.goto("/dev/mailbox");
  await expect(page.getByRole("heading", { name: "Local mailbox" })).toBeVisible();
  return page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).count();
}

test("an admin sees a match silent for 20 days with its last activity, nudges both sides once, and the row says so", async ({ page, db, login, makeUser, context, expectConsoleError }) => {
  const now = new Date();
  // why: a two-week internship that ended ten days ago, so none of the sweep's reminders (check-ins,
  // replies, feedback rounds) is due for it: the background sweep writes nothing about this match
  // while other journeys, or the fuzz that counts rows, run.
  const made = await makeMentorship(db, {
    startedDaysAgo: 30,
    durationWeeks: 2,
    slot: { applicationDeadline: addDays(dayIn("America/New_York", now), -40), title: `Soil moisture sensors ${randomBytes(3).toString("hex")}` },
    match: { confirmedAt: new Date(now.getTime() - 33 * DAY), startedAt: new Date(now.getTime() - 30 * DAY) },
  });
  const studentName = `Nadia Haddad ${randomBytes(2).toString("hex")}`;
  await db.update(users).set({ name: studentName }).where(eq(users.id, made.student.id));
  await db.update(users).set({ name: "Tomás Rivera" }).where(eq(users.id, made.mentor.id));
  // Week 2's check-in, written 20 days ago and never answered: the last sign of life.
  await db.insert(checkIns).values({
    matchId: made.match.id,
    week: 2,
    done: "Calibrated the first sensors.",
    next: "Write the importer.",
    hoursWorked: 18,
    mentorHoursReceived: 1,
    late: false,
    submittedAt: new Date(now.getTime() - 20 * DAY),
  });
  const admin = await makeUser({ role: "admin", name: "Ruth Admin" });
  await login(admin);

  const row = await rowOf(page, studentName);
  await expect(row).toContainText(made.slot.title);
  await expect(row).toContainText("Internship under way");
  await expect(row).toContainText("Check-in written");
  await expect(row).toContainText(/20 days|21 days/);
  await expect(row).toContainText("Never");
  await page.screenshot({ path: "/tmp/reminders-stalled.png", fullPage: true });

  // A second tab, opened before the nudge, still shows the button.
  const stale = await context.newPage();
  const staleRow = await rowOf(stale, studentName);

  await row.getByRole("button", { name: /Nudge both sides/ }).click();
  await expect(page.getByText(/Nudged: the student and the mentors were emailed/)).toBeVisible();
  const nudged = await rowOf(page, studentName);
  await expect(nudged.getByText("Nudged today")).toBeVisible();
  await expect(nudged.getByRole("button", { name: /Nudge both sides/ })).toHaveCount(0);
  await page.screenshot({ path: "/tmp/reminders-stalled-nudged.png", fullPage: true });

  // The same day, the stale tab's button sends nothing more.
  expectConsoleError(loadError(409, "/admin/stalled"));
  await staleRow.getByRole("button", { name: /Nudge both sides/ }).click();
  await expect(stale.getByText("Both sides were already nudged today")).toBeVisible();
  await stale.close();

  const subject = stalledNudgeSubject(made.slot.title);
  const studentEmail = await openEmail(page, { to: made.student.email, subject });
  await expect(studentEmail.getByText(/it has been 2[01] days since the last check-in or message/)).toBeVisible();
  await expect(studentEmail.getByRole("link", { name: "Open the match" })).toHaveAttribute("href", new RegExp(`/matches/${made.match.id}$`));
  const mentorEmail = await openEmail(page, { to: made.mentor.email, subject });
  await expect(mentorEmail.getByText(/reply to this email/)).toBeVisible();
  expect(await mailCount(page, made.student.email, subject)).toBe(1);
  expect(await mailCount(page, made.mentor.email, subject)).toBe(1);

  await page.goto("/admin/audit");
  await expect(page.getByRole("row").filter({ hasText: "Match: nudged both sides (stalled)" }).filter({ hasText: studentName })).toContainText("Ruth Admin");
});

test("the stalled list is the admins': a mentor gets 403", async ({ page, login, makeUser, baseURL, expectConsoleError }) => {
  expectConsoleError(loadError(403, "/admin/stalled"));
  const mentor = await makeUser({ role: "mentor" });
  await login(mentor);
  const response = await page.goto("/admin/stalled");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("Error 403")).toBeVisible();
  expect((await page.request.post("/admin/stalled", { form: { intent: "nudge", matchId: "00000000-0000-4000-8000-000000000000" }, headers: { Origin: baseURL! } })).status()).toBe(403);
});
