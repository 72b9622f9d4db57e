import { eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { studentProfiles, studentSkills } from "~db/schema";
import { AUTHORIZATION_INFO } from "~/domain/work-authorization";
import { renderStatusStep } from "~/messages/render";
import { expect, loadError, test } from "./fixtures";

const main = (page: Page) => page.getByRole("main");

test("a student builds a complete profile", async ({ page, makeUser, login }) => {
  const student = await makeUser({ name: "Amara Obi" });
  await login(student);
  await page.goto("/profile");
  await expect(page.getByRole("heading", { name: "Your profile is 0% complete" })).toBeVisible();
  await expect(page.getByRole("list", { name: "What is missing" }).getByText("your school")).toBeVisible();

  // About you
  await page.getByLabel("School").fill("University of Waterloo");
  await page.getByLabel("Program").fill("Computer Science");
  await page.getByLabel("Degree").selectOption({ label: "Bachelor's" });
  await page.getByLabel("Graduation date").fill("2027-04-30");
  await page.getByLabel("Relevant coursework").fill("Data Structures, Databases");
  await page.getByLabel("Languages you speak").fill("English, Yoruba");

  // Skills: an alias is fine
  await page.getByLabel("Skill 1", { exact: true }).fill("js");
  await page.getByLabel("Your level for skill 1").selectOption("3");
  await page.getByLabel("Skill 2", { exact: true }).fill("PostgreSQL");
  await page.getByLabel("Your level for skill 2").selectOption({ label: "2 · Used in projects" });
  await expect(page.getByLabel("Skill 4", { exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Add another skill" }).click();
  await expect(page.getByLabel("Skill 4", { exact: true })).toBeFocused();

  // Projects and links
  await page.getByLabel("Title of project 1").fill("Budget app");
  await page.getByLabel("What you did in project 1").fill("Built the API and its tests.");
  await page.getByLabel("Link to project 1").fill("https://github.com/amara/budget");
  await page.getByLabel("GitHub").fill("github.com/amara");

  // Where and when
  await page.getByLabel("Country").selectOption({ label: "Canada" });
  await page.getByLabel("City").fill("Waterloo");
  await page.getByLabel("Time zone").fill("America/Toronto");
  await page.getByLabel("Available from").fill("2026-05-04");
  await page.getByLabel("For how many weeks").fill("16");
  await page.getByLabel("Hours per week during term").fill("10");
  await page.getByLabel("Hours per week in breaks").fill("40");
  await page.getByLabel("Remote").check();
  await page.getByLabel("Hybrid").check();

  // Work authorization: the guidance follows the select
  await page.getByLabel("Your status").selectOption({ label: AUTHORIZATION_INFO.us_citizen_pr.label });
  await expect(page.getByText(AUTHORIZATION_INFO.us_citizen_pr.meaning)).toBeVisible();
  await expect(page.getByLabel("Valid until")).toBeHidden();
  await page.getByLabel("Your status").selectOption({ label: AUTHORIZATION_INFO.ca_coop_permit.label });
  await expect(page.getByText(AUTHORIZATION_INFO.ca_coop_permit.meaning)).toBeVisible();
  await expect(page.getByText("Guidance, not legal advice")).toBeVisible();
  await page.getByLabel("Valid from").fill("2026-05-01");
  await page.getByLabel("Valid until").fill("2026-12-31");

  // What you want, privacy
  await page.getByLabel("Paid or stipend").check();
  await page.getByLabel("Mentorship").check();
  await page.getByLabel("Referral").check();
  await page.getByLabel("Include me in matching rounds").check();
  await page.getByLabel("Let every verified mentor see my profile").check();

  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Your profile is saved.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your profile is complete" })).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveAttribute("value", "100");
  await expect(page.getByText("Still missing")).toBeHidden();

  await page.reload();
  await expect(page.getByLabel("School")).toHaveValue("University of Waterloo");
  await expect(page.getByLabel("Degree")).toHaveValue("bachelor");
  await expect(page.getByLabel("Skill 1", { exact: true })).toHaveValue("JavaScript");
  await expect(page.getByLabel("Your level for skill 1")).toHaveValue("3");
  await expect(page.getByLabel("Skill 2", { exact: true })).toHaveValue("PostgreSQL");
  await expect(page.getByLabel("Title of project 1")).toHaveValue("Budget app");
  await expect(page.getByLabel("GitHub")).toHaveValue("https://github.com/amara");
  await expect(page.getByLabel("Time zone")).toHaveValue("America/Toronto");
  await expect(page.getByLabel("Hours per week during term")).toHaveValue("10");
  await expect(page.getByLabel("Hybrid")).toBeChecked();
  await expect(page.getByLabel("On site")).not.toBeChecked();
  await expect(page.getByLabel("Your status")).toHaveValue("ca_coop_permit");
  await expect(page.getByLabel("Valid until")).toHaveValue("2026-12-31");
  await expect(page.getByText(renderStatusStep("ca_coop_permit", { audience: "student" })!)).toBeVisible();
  await expect(page.getByLabel("Let every verified mentor see my profile")).toBeChecked();
  await expect(page.getByLabel("Show my status to mentors who can see my profile")).not.toBeChecked();

  await page.getByRole("link", { name: "See your profile as others do" }).click();
  await expect(page).toHaveURL(`/students/${student.id}`);
  await expect(main(page).getByRole("heading", { level: 1, name: "Amara Obi" })).toBeVisible();
  await expect(main(page).getByText("JavaScript")).toBeVisible();
  await expect(main(page).getByText(AUTHORIZATION_INFO.ca_coop_permit.label)).toBeVisible();
});

test("a validation error keeps what was typed and saves nothing", async ({ page, makeUser, login, db, expectConsoleError }) => {
  expectConsoleError(loadError(400, "/profile"));
  const student = await makeUser();
  await login(student);
  await page.goto("/profile");

  // Caught in the browser: a GitHub address that is not on GitHub.
  await page.getByLabel("School").fill("McGill University");
  await page.getByLabel("GitHub").fill("https://gitlab.com/amara");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Enter your GitHub address, like https://github.com/your-name")).toBeVisible();
  await expect(page.getByLabel("GitHub")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("GitHub").fill("https://github.com/amara");

  // Caught on the server: a skill that is not in the taxonomy, named on its own row.
  await page.getByLabel("Skill 1", { exact: true }).fill("k8s");
  await page.getByLabel("Your level for skill 1").selectOption("1");
  await page.getByLabel("Skill 2", { exact: true }).fill("Basket weaving");
  await page.getByLabel("Your level for skill 2").selectOption("4");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("We don't know “Basket weaving” — pick a skill from the list")).toBeVisible();
  await expect(page.getByLabel("Skill 2", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Skill 1", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("School")).toHaveValue("McGill University");
  await expect(page.getByLabel("Skill 1", { exact: true })).toHaveValue("k8s");
  await expect(page.getByLabel("Skill 2", { exact: true })).toHaveValue("Basket weaving");
  expect(await db.select().from(studentProfiles).where(eq(studentProfiles.userId, student.id))).toHaveLength(0);

  await page.getByLabel("Skill 2", { exact: true }).fill("");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Your profile is saved.")).toBeVisible();
  await expect(page.getByLabel("Skill 1", { exact: true })).toHaveValue("Kubernetes");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server shows the error, keeps what was typed and focuses the field", async ({ page, makeUser, login, expectConsoleError }) => {
    expectConsoleError(loadError(400, "/profile"));
    const student = await makeUser();
    await login(student);
    await page.goto("/profile");
    await page.getByLabel("School").fill("University of British Columbia");
    await page.getByLabel("Skill 1", { exact: true }).fill("golang");
    await page.getByLabel("Your level for skill 1").selectOption("2");
    // why: a rule only the server checks; the browser's own checks (max, type=url) would stop the post.
    await page.getByLabel("GitHub").fill("https://gitlab.com/amara");
    await page.getByLabel("Your status").selectOption("us_f1_opt_post");
    await page.getByRole("button", { name: "Save profile" }).click();

    await expect(page.getByText("Your profile was not saved")).toBeVisible();
    await expect(page.getByText("Enter your GitHub address, like https://github.com/your-name")).toBeVisible();
    await expect(page.getByLabel("GitHub")).toBeFocused();
    await expect(page.getByLabel("GitHub")).toHaveValue("https://gitlab.com/amara");
    await expect(page.getByLabel("School")).toHaveValue("University of British Columbia");
    await expect(page.getByLabel("Skill 1", { exact: true })).toHaveValue("golang");
    // The guidance is rendered by the server for the submitted status.
    await expect(page.getByText(AUTHORIZATION_INFO.us_f1_opt_post.meaning)).toBeVisible();

    await page.getByLabel("GitHub").fill("https://github.com/amara");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByText("Your profile is saved.")).toBeVisible();
    await expect(page.getByLabel("Skill 1", { exact: true })).toHaveValue("Go");
    await expect(page.getByLabel("Skill 4", { exact: true })).toHaveValue("");
  });
});

test.describe("who can open a profile", () => {
  test("a signed-out visitor opening /profile is sent to log in", async ({ page }) => {
    await page.goto("/profile");
    await expect(page).toHaveURL("/login?redirectTo=%2Fprofile");
  });

  test("a mentor opening /profile gets 403", async ({ page, makeUser, login, expectConsoleError }) => {
    expectConsoleError(loadError(403, "/profile"));
    await login(await makeUser({ role: "mentor" }));
    const response = await page.goto("/profile");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  });

  test("another student opening /students/<id> gets 404, the same as for an id that does not exist, and nothing changes", async ({
    page,
    makeUser,
    login,
    db,
    expectConsoleError,
  }) => {
    expectConsoleError(loadError(404, /\/students\/[0-9a-f-]{36}/));
    expectConsoleError(loadError(404, "/students/not-an-id"));
    const owner = await makeUser();
    await db.insert(studentProfiles).values({ userId: owner.id, school: "University of Toronto", workAuthorization: "us_f1_cpt", visibleToMentors: true });
    await db.insert(studentSkills).values({ userId: owner.id, skillSlug: "python", level: 3 });
    const before = await db.select().from(studentProfiles).where(eq(studentProfiles.userId, owner.id));

    await login(await makeUser());
    const response = await page.goto(`/students/${owner.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
    await expect(page.getByText("University of Toronto")).toBeHidden();
    expect((await page.goto(`/students/${crypto.randomUUID()}`))?.status()).toBe(404);
    expect((await page.goto("/students/not-an-id"))?.status()).toBe(404);

    // Saving one's own profile never touches another student's.
    await page.goto("/profile");
    await page.getByLabel("School").fill("Someone else's school");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByText("Your profile is saved.")).toBeVisible();
    expect(await db.select().from(studentProfiles).where(eq(studentProfiles.userId, owner.id))).toEqual(before);
    expect(await db.select().from(studentSkills).where(eq(studentSkills.userId, owner.id))).toHaveLength(1);
  });

  test("a signed-out visitor opening /students/<id> is sent to log in", async ({ page, makeUser }) => {
    const owner = await makeUser();
    await page.goto(`/students/${owner.id}`);
    await expect(page).toHaveURL(new RegExp(`/login\\?redirectTo=%2Fstudents%2F${owner.id}`));
  });
});
