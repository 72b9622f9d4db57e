import type { Page } from "@playwright/test";
import { expect, header, loadError, openEmail, submitLogin, test, uniqueEmail } from "./fixtures";

const NEW_PASSWORD = "seven lanterns over the harbour";

/** From the login page, asks for a reset link for `email` and opens that email in the mailbox. */
async function requestResetEmail(page: Page, email: string) {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText(`We sent an email to ${email} with what to do next.`)).toBeVisible();
  return openEmail(page, { to: email, subject: "Reset your Steppingstone password" });
}

async function setNewPassword(page: Page, password: string) {
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("New password again").fill(password);
  await page.getByRole("button", { name: "Set new password" }).click();
}

test("a forgotten password is reset from the emailed link; the old one stops working", async ({ page, makeUser, expectConsoleError }) => {
  expectConsoleError(loadError(401, "/login"));
  const user = await makeUser({ name: "Mei Lin" });

  const body = await requestResetEmail(page, user.email);
  await expect(body.getByText(`Hi ${user.name}, someone (hopefully you) asked to reset the password`)).toBeVisible();
  await body.getByRole("link", { name: "Choose a new password" }).click();
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  const resetUrl = page.url();

  await setNewPassword(page, NEW_PASSWORD);
  await expect(page).toHaveURL("/account?notice=password-reset");
  await expect(page.getByRole("status").filter({ hasText: "Your new password is set, and every other device was signed out." })).toBeVisible();
  await expect(header(page).getByRole("link", { name: /Mei Lin/ })).toBeVisible();

  await header(page).getByRole("button", { name: "Log out" }).click();
  await expect(header(page).getByRole("link", { name: "Log in" })).toBeVisible();

  await page.goto("/login");
  await submitLogin(page, { email: user.email, password: user.password });
  await expect(page.getByRole("alert")).toHaveText("That email and password do not match an account. Check both and try again.");

  await submitLogin(page, { email: user.email, password: NEW_PASSWORD });
  await expect(header(page).getByRole("link", { name: /Mei Lin/ })).toBeVisible();

  await page.goto(resetUrl);
  await expect(page.getByRole("alert")).toContainText("This reset link cannot be used");
  await expect(page.getByLabel("New password", { exact: true })).toBeHidden();
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
});

test("resetting the password signs out every other device", async ({ page, makeUser, login, newDevice }) => {
  const user = await makeUser({ name: "Carlos Mendes" });
  const laptop = await newDevice();
  await login(user, laptop.context());
  await laptop.goto("/account");
  await expect(laptop.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

  const body = await requestResetEmail(page, user.email);
  await body.getByRole("link", { name: "Choose a new password" }).click();
  await setNewPassword(page, NEW_PASSWORD);
  await expect(page).toHaveURL("/account?notice=password-reset");
  await expect(page.getByText("Only this device.")).toBeVisible();

  await laptop.goto("/account");
  await expect(laptop).toHaveURL("/login?redirectTo=%2Faccount");
  await expect(header(laptop).getByRole("link", { name: "Log in" })).toBeVisible();
});

test("a reset link that was tampered with cannot be used", async ({ page }) => {
  await page.goto("/reset-password?token=aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
  await expect(page.getByRole("alert")).toContainText("This reset link cannot be used");
  await expect(page.getByRole("button", { name: "Set new password" })).toBeHidden();
});

test("asking for a reset of an address without an account looks the same, and the email says so", async ({ page }) => {
  const email = uniqueEmail("nobody");
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText(`We sent an email to ${email} with what to do next.`)).toBeVisible();

  const body = await openEmail(page, { to: email, subject: "Password reset requested for Steppingstone" });
  await expect(body.getByText("No account with this address")).toBeVisible();
  await expect(body.getByRole("link", { name: "Create an account" })).toBeVisible();
});
