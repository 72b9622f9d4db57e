import { readFile } from "node:fs/promises";
import { studentProfiles, studentSkills } from "~db/schema";
import { expect, header, loadError, submitLogin, test } from "./fixtures";

test("a student downloads their data, then deletes their account", async ({ page, db, makeUser, login, expectConsoleError }) => {
  expectConsoleError(loadError(400, "/account"));
  expectConsoleError(loadError(401, "/login"));
  const student = await makeUser({ name: "Inês Duarte" });
  await db.insert(studentProfiles).values({ userId: student.id, school: "McGill University", workAuthorization: "ca_study_permit", country: "CA", city: "Montréal" });
  await db.insert(studentSkills).values([
    { userId: student.id, skillSlug: "python", level: 3 },
    { userId: student.id, skillSlug: "sql", level: 2 },
  ]);
  await login(student);

  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Your data" })).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download your data (JSON)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^steppingstone-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile(await download.path(), "utf8"));
  expect(data.account.email).toBe(student.email);
  expect(data.skills).toEqual([
    { slug: "python", name: "Python", level: 3 },
    { slug: "sql", name: "SQL", level: 2 },
  ]);
  expect(data.studentProfile.school).toBe("McGill University");
  expect(JSON.stringify(data)).not.toContain(student.passwordHash);

  // A wrong password deletes nothing.
  const deleteCard = page.locator("section").filter({ has: page.getByRole("heading", { name: "Delete your account" }) });
  await expect(deleteCard).toContainText("Your profile, skills, projects and work authorization");
  await deleteCard.getByLabel("Your password").fill("not my password at all");
  await deleteCard.getByRole("button", { name: "Delete my account forever" }).click();
  await expect(deleteCard.getByText("That is not your password. Nothing was deleted.")).toBeVisible();
  await expect(deleteCard.getByLabel("Your password")).toHaveAttribute("aria-invalid", "true");
  await expect(header(page).getByRole("link", { name: /Inês Duarte/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

  // The right one deletes the account and signs the browser out.
  await deleteCard.getByLabel("Your password").fill(student.password);
  await deleteCard.getByRole("button", { name: "Delete my account forever" }).click();
  await expect(page).toHaveURL("/?notice=account-deleted");
  await expect(page.getByRole("status")).toContainText("Your account is deleted, and you are signed out everywhere.");
  await expect(header(page).getByRole("link", { name: "Log in" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount/);

  await submitLogin(page, { email: student.email, password: student.password });
  await expect(page.getByRole("alert")).toContainText("That email and password do not match an account.");
  await expect(header(page).getByRole("link", { name: "Log in" })).toBeVisible();
});

test("the data file is a private download, and signed-out visitors are sent to log in", async ({ page, makeUser, login, playwright, baseURL }) => {
  const mentor = await makeUser({ role: "mentor", name: "Rafael Souza" });
  await login(mentor);

  const response = await page.request.get("/account/export");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="steppingstone-data-\d{4}-\d{2}-\d{2}\.json"$/);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(response.headers()["content-type"]).toContain("application/json");
  const data = await response.json();
  expect(data.account).toMatchObject({ email: mentor.email, role: "mentor" });
  expect(data.studentProfile).toBeNull();
  // The mentorship's parts are there for a mentor who has not mentored yet: empty, and explained.
  expect(data.mentoring).toEqual({ goals: [], checkInReplies: [], messages: [], feedback: [], lettersYouWereAskedFor: [], referralsYouWereAskedFor: [], documentsYouSigned: [] });
  expect(data.reminders).toEqual([]);
  expect(data.emailPreferences).toMatchObject({ cadence: "each" });
  for (const key of ["mentoring", "reminders", "emailPreferences"]) expect(data.about).toContain(`${key}:`);

  const anonymous = await playwright.request.newContext({ baseURL });
  try {
    const signedOut = await anonymous.get("/account/export", { maxRedirects: 0 });
    expect(signedOut.status()).toBe(302);
    expect(signedOut.headers()["location"]).toBe("/login?redirectTo=%2Faccount%2Fexport");
  } finally {
    await anonymous.dispose();
  }
});

test("deleting an account works without JavaScript", async ({ browser, clientIp, makeUser, login, expectConsoleError }) => {
  expectConsoleError(loadError(400, "/account"));
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  const page = await context.newPage();
  const mentor = await makeUser({ role: "mentor", name: "Olu Adebayo" });
  await login(mentor, context);

  await page.goto("/account");
  await page.getByLabel("Your password").fill("a wrong guess entirely");
  await page.getByRole("button", { name: "Delete my account forever" }).click();
  await expect(page.getByText("That is not your password. Nothing was deleted.")).toBeVisible();
  await expect(page.getByLabel("Your password")).toBeFocused();

  await page.getByLabel("Your password").fill(mentor.password);
  await page.getByRole("button", { name: "Delete my account forever" }).click();
  await expect(page).toHaveURL("/?notice=account-deleted");
  await expect(page.getByText("Your account is deleted")).toBeVisible();
  await context.close();
});
