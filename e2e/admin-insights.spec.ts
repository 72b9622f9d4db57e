import { randomInt } from "node:crypto";
import { inArray } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { users } from "~db/schema";
import { makeApplication, makeMatchableStudent } from "~db/test/match-factories";
import { makeOrganization, makeSlot } from "~db/test/slot-factories";
import { expect, loadError, test } from "./fixtures";

// An admin reads the program's funnel on /admin/insights from data this test makes: students who
// signed up on a day in 2005 that no other account has (the demo data and other journeys sign up
// today), so the funnel of that one day is this test's alone.

/** The funnel's table (opened from "Show the table"): a step's row as [students, from the step before, from sign-up]. */
async function funnelRow(page: Page, step: string) {
  const table = page.getByRole("table", { name: "Students at each step of the program" });
  if (!(await table.isVisible())) await page.getByText("Show the table").click();
  await expect(table).toBeVisible();
  const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: step }) });
  return row.getByRole("cell").allTextContents();
}

const funnelChart = (page: Page) => page.getByRole("img", { name: /^Students at each step of the program/ });

test("an admin opens the insights from the overview, reads the funnel of students a test signed up, narrows it by the slot's kind, and sees too few hidden", async ({
  page,
  db,
  login,
  makeUser,
}) => {
  const day = `2005-${String(randomInt(1, 13)).padStart(2, "0")}-${String(randomInt(1, 29)).padStart(2, "0")}`;
  const admin = await makeUser({ role: "admin", name: "Ruth Admin" });
  await login(admin);

  // Before: nobody signed up that day.
  await page.goto(`/admin/insights?from=${day}&to=${day}`);
  await expect(page.getByRole("heading", { level: 1, name: "Program insights" })).toBeVisible();
  await expect(page.getByText("No student signed up in this range")).toBeVisible();

  // Eight students sign up that day: five apply to a startup's slot, two to a nonprofit's, one
  // never writes a profile.
  const { organization: startup } = await makeOrganization(db, { type: "startup" });
  const { organization: nonprofit } = await makeOrganization(db, { type: "nonprofit" });
  const startupSlot = await makeSlot(db, startup);
  const nonprofitSlot = await makeSlot(db, nonprofit);
  const applicants = [];
  for (let i = 0; i < 7; i++) applicants.push(await makeMatchableStudent(db, { name: `Cohort Student ${i + 1}` }));
  for (const [i, student] of applicants.entries()) await makeApplication(db, { slotId: (i < 5 ? startupSlot : nonprofitSlot).id, studentId: student.id });
  const noProfile = await makeUser({ role: "student", name: "Cohort Student 8" });
  await db
    .update(users)
    .set({ createdAt: new Date(`${day}T15:00:00Z`) })
    .where(
      inArray(
        users.id,
        [...applicants, noProfile].map((s) => s.id),
      ),
    );

  // From the overview's card to the insights, then the test's day.
  await page.goto("/admin");
  await page.getByRole("link", { name: "Open insights" }).click();
  await expect(page).toHaveURL(/\/admin\/insights$/);
  await expect(funnelChart(page)).toBeVisible();
  await page.getByLabel("From", { exact: true }).fill(day);
  await page.getByLabel("To", { exact: true }).fill(day);
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`from=${day}&to=${day}`));

  await expect(funnelChart(page)).toBeVisible();
  expect(await funnelRow(page, "Signed up")).toEqual(["8", "—", "—"]);
  expect(await funnelRow(page, "Profile ready for matching")).toEqual(["7", "88%", "88%"]);
  expect(await funnelRow(page, "Applied or proposed in a round")).toEqual(["7", "100%", "88%"]);
  expect(await funnelRow(page, "Proposed a match")).toEqual(["0", "—", "—"]);
  // The chart says the same, to a screen reader as in its bars.
  await expect(funnelChart(page)).toHaveAccessibleName(/Signed up: 8\. Profile ready for matching: 7, 88% of the step before\. Applied or proposed in a round: 7, 100% of the step before\./);
  await expect(page.getByText("Showing:").locator("..")).toContainText(/2005/);
  await expect(page.getByRole("link", { name: "Export these as CSV" }).first()).toHaveAttribute("href", `/admin/exports?from=${day}&to=${day}`);

  // Narrowed to startups in the address: the cohort stays, the applications are the startup's five.
  await page.goto(`/admin/insights?from=${day}&to=${day}&organizationType=startup`);
  await expect(page.getByLabel("Kind of organization", { exact: true })).toHaveValue("startup");
  expect(await funnelRow(page, "Signed up")).toEqual(["8", "—", "—"]);
  expect(await funnelRow(page, "Applied or proposed in a round")).toEqual(["5", "71%", "63%"]);
  await expect(page.getByRole("link", { name: "Export these as CSV" }).first()).toHaveAttribute("href", `/admin/exports?from=${day}&to=${day}&organizationType=startup`);

  // The nonprofit's two applicants are too few to show.
  await page.getByLabel("Kind of organization", { exact: true }).selectOption("nonprofit");
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/organizationType=nonprofit/);
  expect(await funnelRow(page, "Applied or proposed in a round")).toEqual(["fewer than 5", "—", "—"]);
  await expect(funnelChart(page)).toHaveAccessibleName(/Applied or proposed in a round: fewer than 5\./);
});

test("values the page does not know are said and left out, with no error", async ({ page, login, makeUser }) => {
  await login(await makeUser({ role: "admin" }));
  const response = await page.goto("/admin/insights?from=2005-03-01&to=2005-02-30&organizationType=castle&compensation=gold&country=Narnia");
  expect(response?.status()).toBe(200);
  const notice = page.getByRole("status").filter({ hasText: "Part of this address was not understood" });
  await expect(notice).toContainText('The end date "2005-02-30" is not a day written YYYY-MM-DD');
  await expect(notice).toContainText('"castle" is not a kind of organization we know');
  await expect(notice).toContainText('"gold" is not a kind of pay we know');
  await expect(notice).toContainText('"NARNIA" is not a two-letter country code');
  // What it could read is in force, and the form shows it.
  await expect(page.getByText("Showing:").locator("..")).toContainText("From Mar 1, 2005");
  await expect(page.getByLabel("From", { exact: true })).toHaveValue("2005-03-01");
  await expect(page.getByLabel("Kind of organization", { exact: true })).toHaveValue("");
  await expect(funnelChart(page)).toBeVisible();
});

test("without JavaScript the charts, their tables and the filters all work", async ({ browser, login, makeUser }) => {
  const admin = await makeUser({ role: "admin" });
  const context = await browser.newContext({ javaScriptEnabled: false });
  await login(admin, context);
  const page = await context.newPage();
  await page.goto("/admin/insights");
  await expect(funnelChart(page)).toHaveAccessibleName(/Signed up: [\d,]+\./);
  await expect(page.getByRole("img", { name: /^Paid work within 6 months, by pay/ }).or(page.getByText("No internship in this view has been completed yet").first())).toBeVisible();
  const signedUp = (await funnelRow(page, "Signed up"))[0]!;
  expect(signedUp).toMatch(/^\d[\d,]*$/);
  await expect(funnelChart(page)).toHaveAccessibleName(new RegExp(`Signed up: ${signedUp}\\.`));
  await page.screenshot({ path: "/tmp/inspage-insights-nojs.png", fullPage: true });

  await page.getByLabel("Pay", { exact: true }).selectOption("unpaid");
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/compensation=unpaid/);
  await expect(page.getByLabel("Pay", { exact: true })).toHaveValue("unpaid");
  await expect(page.getByText("Showing:").locator("..")).toContainText("Unpaid");
  await expect(funnelChart(page)).toBeVisible();
  await context.close();
});

test("the insights are the admins': a student and a mentor get 403, someone signed out is sent to log in", async ({ page, login, makeUser, expectConsoleError, browser }) => {
  expectConsoleError(loadError(403, "/admin/insights"));
  for (const role of ["student", "mentor"] as const) {
    const context = await browser.newContext();
    await login(await makeUser({ role }), context);
    const other = await context.newPage();
    const response = await other.goto("/admin/insights?organizationType=startup");
    expect(response?.status(), role).toBe(403);
    await expect(other.getByText("Error 403")).toBeVisible();
    await context.close();
  }
  await page.goto("/admin/insights");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Finsights/);
});
