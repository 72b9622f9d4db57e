import { expect, header, loadError, openEmail, submitLogin, test } from "./fixtures";

const NEW_PASSWORD = "a kettle that sings in e minor";

test("changing the password keeps this device signed in, signs out the others, and emails the owner", async ({ page, makeUser, login, newDevice, expectConsoleError }) => {
  expectConsoleError(loadError(401, "/login"));
  const user = await makeUser({ name: "Ingrid Berg" });
  await login(user);
  const phone = await newDevice();
  await login(user, phone.context());

  await page.goto("/account");
  await expect(page.getByText("2 devices.")).toBeVisible();
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("New password again").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();

  await expect(page.getByText("Your password was changed. Other devices were signed out.")).toBeVisible();
  await expect(page.getByText("Only this device.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(header(page).getByRole("link", { name: /Ingrid Berg/ })).toBeVisible();

  await phone.goto("/account");
  await expect(phone).toHaveURL("/login?redirectTo=%2Faccount");

  await submitLogin(phone, { email: user.email, password: user.password });
  await expect(phone.getByRole("alert")).toHaveText("That email and password do not match an account. Check both and try again.");
  await submitLogin(phone, { email: user.email, password: NEW_PASSWORD });
  await expect(phone).toHaveURL("/account");

  const body = await openEmail(page, { to: user.email, subject: "Your Steppingstone password was changed" });
  await expect(body.getByText(/Ingrid Berg/).first()).toBeVisible();
});

test("a wrong current password changes nothing", async ({ page, makeUser, login, expectConsoleError }) => {
  expectConsoleError(loadError(400, "/account"));
  const user = await makeUser();
  await login(user);
  await page.goto("/account");
  await page.getByLabel("Current password").fill("this is not it at all");
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("New password again").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();

  const current = page.getByLabel("Current password");
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await expect(current).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Your password was changed.")).toBeHidden();

  await header(page).getByRole("button", { name: "Log out" }).click();
  // why: going to /login before the logout lands let its redirect to / win the race.
  await expect(header(page).getByRole("link", { name: "Log in" })).toBeVisible();
  await page.goto("/login");
  await submitLogin(page, user);
  await expect(header(page).getByRole("link", { name: /Jordan Test/ })).toBeVisible();
});

test("logging out of every device ends this session too", async ({ page, makeUser, login, newDevice }) => {
  const user = await makeUser({ name: "Rafael Costa" });
  await login(user);
  const tablet = await newDevice();
  await login(user, tablet.context());

  await page.goto("/account");
  await expect(page.getByText("2 devices.")).toBeVisible();
  await page.getByRole("button", { name: "Log out of every device" }).click();

  await expect(page).toHaveURL("/login");
  await expect(header(page).getByRole("link", { name: "Log in" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL("/login?redirectTo=%2Faccount");

  await tablet.goto("/account");
  await expect(tablet).toHaveURL("/login?redirectTo=%2Faccount");
});
