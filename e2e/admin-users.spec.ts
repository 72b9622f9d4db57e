import { randomBytes } from "node:crypto";
import { makeSlot } from "~db/test/slot-factories";
import { expect, loadError, makeOrganization, test } from "./fixtures";

test("an admin finds a mentor by organization, suspends them with a reason — their session stops and their slot leaves /slots — then reactivates them", async ({
  page,
  db,
  login,
  makeUser,
  newDevice,
}) => {
  const tag = randomBytes(3).toString("hex");
  const admin = await makeUser({ role: "admin", name: "Ruth Admin" });
  const mentor = await makeUser({ role: "mentor", name: `Imani Okafor ${tag}` });
  const organization = await makeOrganization(db, { name: `Kestrel Robotics ${tag}`, members: [mentor], verified: true });
  const slot = await makeSlot(db, organization, { title: `Drone telemetry dashboard ${tag}`, mentorIds: [mentor.id] });

  // The mentor is signed in on their own device.
  const mentorPage = await newDevice();
  await login(mentor, mentorPage.context());
  await mentorPage.goto("/mentor/slots");
  await expect(mentorPage.getByText(slot.title)).toBeVisible();

  await login(admin);
  await page.goto("/admin/users");
  await page.getByLabel("Organization").fill(`kestrel robotics ${tag}`);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`organization=kestrel`));
  await expect(page.getByText("1 person match.")).toBeVisible();
  await page.getByRole("link", { name: mentor.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: mentor.name })).toBeVisible();
  await expect(page.getByRole("region", { name: "Slots they mentor" }).getByRole("link", { name: slot.title })).toBeVisible();
  await expect(page.getByRole("region", { name: "Sessions" }).getByText("(1)")).toBeVisible();

  await page.getByText("Suspend this account…").click();
  await page.getByLabel(/^Why\?/).fill("Asked an applicant to pay a placement fee.");
  await page.getByRole("button", { name: `Suspend ${mentor.name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "The account is suspended" })).toContainText("1 session ended. 1 slot they mentor alone closed until reactivation.");
  await expect(page.getByText("Asked an applicant to pay a placement fee.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Sessions" }).getByText("None: suspension ended them all.")).toBeVisible();

  // The mentor's open page no longer works: the next request finds no session.
  await mentorPage.reload();
  await expect(mentorPage).toHaveURL(/\/login/);
  // Nobody finds the slot any more.
  await mentorPage.goto(`/slots?q=${encodeURIComponent(slot.title)}`);
  await expect(mentorPage.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(mentorPage.getByRole("link", { name: slot.title })).toHaveCount(0);

  await page.getByLabel(/^Note \(optional\)/).fill("Spoke with them: a misunderstanding.");
  await page.getByRole("button", { name: "Reactivate the account" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The account is active again" })).toContainText(`Open again: “${slot.title}”.`);
  await expect(page.getByText("Suspend this account…")).toBeVisible();

  await mentorPage.goto(`/slots?q=${encodeURIComponent(slot.title)}`);
  await expect(mentorPage.getByRole("link", { name: slot.title })).toBeVisible();
});

test("students and mentors are refused the People pages; a visitor is sent to log in", async ({ page, login, makeUser, expectConsoleError }) => {
  // Chromium logs each refused page load.
  expectConsoleError(/Failed to load resource: the server responded with a status of 403/);
  const someone = await makeUser({ role: "student" });
  const path = `/admin/users/${someone.id}`;
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login/);
  await page.goto(path);
  await expect(page).toHaveURL(/\/login/);

  for (const role of ["student", "mentor"] as const) {
    const user = await makeUser({ role });
    await login(user);
    expect((await page.goto("/admin/users"))!.status()).toBe(403);
    expect((await page.goto(path))!.status()).toBe(403);
    expect((await page.request.post(path, { form: { intent: "suspend", reason: "Trying my luck here" } })).status()).toBe(403);
  }
});

test("an unknown or malformed id is a 404 page, not an error", async ({ page, login, makeUser, expectConsoleError }) => {
  await login(await makeUser({ role: "admin" }));
  for (const id of ["00000000-0000-4000-8000-000000000000", "not-an-id"]) {
    expectConsoleError(loadError(404, `/admin/users/${id}`));
    expect((await page.goto(`/admin/users/${id}`))!.status()).toBe(404);
  }
  await page.screenshot({ path: "/tmp/people-404.png" });
});
