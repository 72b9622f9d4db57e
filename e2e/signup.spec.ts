import { expect, header, loadError, openEmail, submitLogin, test, uniqueEmail } from "./fixtures";

const PASSWORD = "maple trees turn red in october";

test("a student signs up, confirms the address from the mailbox, logs in and logs out", async ({ page }) => {
  const email = uniqueEmail("amara");
  await page.goto("/signup");
  await page.getByLabel("I am a student").check();
  await page.getByLabel("Full name").fill("Amara Nwosu");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText(`We sent an email to ${email}`)).toBeVisible();

  await page.getByRole("link", { name: "local mailbox" }).click();
  await expect(page).toHaveURL("/dev/mailbox");
  const body = await openEmail(page, { to: email, subject: "Confirm your email for Steppingstone" });
  await expect(body.getByText("Welcome to Steppingstone, Amara Nwosu")).toBeVisible();
  await body.getByRole("link", { name: "Confirm my email" }).click();

  await expect(page).toHaveURL(/\/verify-email\?token=/);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByRole("heading", { name: "Your email is confirmed" })).toBeVisible();
  await expect(page.getByText(`${email} is confirmed. You can log in now.`)).toBeVisible();

  await page.getByRole("main").getByRole("link", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { name: "Log in to Steppingstone" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();

  await expect(header(page).getByRole("link", { name: /Amara Nwosu/ })).toBeVisible();
  await expect(header(page).getByText("student", { exact: true })).toBeVisible();

  await header(page).getByRole("button", { name: "Log out" }).click();
  await expect(header(page).getByRole("link", { name: "Log in" })).toBeVisible();
  await expect(header(page).getByText("Amara Nwosu")).toBeHidden();
});

test("the confirmation link works once", async ({ page, expectConsoleError }) => {
  expectConsoleError(loadError(400, "/verify-email"));
  const email = uniqueEmail("once");
  await page.goto("/signup");
  await page.getByLabel("I am a mentor").check();
  await page.getByLabel("Full name").fill("Luis Ortega");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  await openEmail(page, { to: email, subject: "Confirm your email for Steppingstone" });
  const linkList = page.locator("section").filter({ has: page.getByRole("heading", { name: "Links in this email" }) });
  const href = await linkList.getByRole("link", { name: /\/verify-email\?token=/ }).getAttribute("href");
  await page.goto(href!);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByRole("heading", { name: "Your email is confirmed" })).toBeVisible();

  await page.goto(href!);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByRole("alert")).toContainText("This link cannot be used");
  await expect(page.getByRole("heading", { name: "Your email is confirmed" })).toBeHidden();
});

test("signing up with an address that has an account looks the same, and the email says so", async ({ page, makeUser }) => {
  const existing = await makeUser({ name: "Existing Person" });
  await page.goto("/signup");
  await page.getByLabel("I am a student").check();
  await page.getByLabel("Full name").fill("Someone Else");
  await page.getByLabel("Email").fill(existing.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText(`We sent an email to ${existing.email}`)).toBeVisible();

  const body = await openEmail(page, { to: existing.email, subject: "You already have a Steppingstone account" });
  await expect(body.getByText(/Existing Person/).first()).toBeVisible();
  await page.goto("/dev/mailbox");
  await expect(page.getByRole("row").filter({ hasText: existing.email })).toHaveCount(1);

  // The existing account keeps its own password.
  await page.goto("/login");
  await submitLogin(page, { email: existing.email, password: existing.password });
  await expect(header(page).getByRole("link", { name: /Existing Person/ })).toBeVisible();
});

test("a common password is refused with a clear message, and the form keeps what was typed", async ({ page }) => {
  const email = uniqueEmail("common");
  await page.goto("/signup");
  await page.getByLabel("I am a mentor").check();
  await page.getByLabel("Full name").fill("Kenji Sato");
  await page.getByLabel("Email").fill(email);
  const password = page.getByLabel("Password");
  await password.fill("password123");
  await password.press("Enter");

  const message = page.getByText("This password is one of the most common ones — choose something harder to guess");
  await expect(message).toBeVisible();
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toBeFocused();
  // aria-describedby ties the message to the field: a screen reader reads it with the field.
  await expect(password).toHaveAccessibleDescription(/This password is one of the most common ones/);

  await expect(page).toHaveURL("/signup");
  await expect(page.getByLabel("Full name")).toHaveValue("Kenji Sato");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByLabel("I am a mentor")).toBeChecked();
  await expect(page.getByLabel("Full name")).not.toHaveAttribute("aria-invalid", "true");
});

test("logging in before confirming the address says to confirm first, and can send a new link", async ({ page, makeUser, expectConsoleError }) => {
  expectConsoleError(loadError(403, "/login"));
  const user = await makeUser({ name: "Noor Haddad", verified: false });
  await page.goto("/login");
  await submitLogin(page, user);

  await expect(page.getByRole("alert")).toHaveText("Confirm your email address first: open the link we emailed you when you signed up.");
  await expect(page).toHaveURL("/login");
  await expect(header(page).getByRole("link", { name: "Log in" })).toBeVisible();

  await page.getByRole("button", { name: "Email me a new confirmation link" }).click();
  await expect(page.getByText(`If ${user.email} still needs confirming, a new link is on its way.`)).toBeVisible();
  await openEmail(page, { to: user.email, subject: "Confirm your email for Steppingstone" });
});

test("with JavaScript, the first press of Create account after a too-short password says everything that is missing", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Full name").fill("Sam Rivera");
  await page.getByLabel("Email").fill(uniqueEmail("norole"));
  await page.getByLabel("Password").fill("short");
  // The password's message used to appear as the field lost focus, moving the button away from the press.
  await page.getByRole("button", { name: "Create account" }).click();

  const message = page.getByText("Choose whether you are a student or a mentor");
  await expect(message).toBeVisible();
  await expect(page.getByText("Use at least 8 characters")).toBeVisible();
  await expect(page.getByRole("group", { name: "How will you use Steppingstone?" })).toHaveAccessibleDescription("Choose whether you are a student or a mentor");
  await expect(page.getByLabel("I am a student")).toBeFocused();
  await expect(page).toHaveURL("/signup");
  await page.getByLabel("I am a mentor").check();
  await expect(message).toBeHidden();
});
