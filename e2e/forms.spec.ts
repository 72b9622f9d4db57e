import type { Locator, Page } from "@playwright/test";
import { makeOrganization } from "~db/test/slot-factories";
import { expect, test } from "./fixtures";

// A person types something a field refuses, then clicks the next thing on the page. If the
// refusal appeared when the field lost focus, the page moved between the press and the release
// of the button and the click landed on nothing (issue 12, item 13). The message now waits for
// the form to be sent; once shown, it updates as the person types.

/** One real click: the pointer goes down and up at the same point of the page, as a mouse does. */
async function clickWhereItIs(page: Page, target: Locator) {
  const box = (await target.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  // why: the blur that the press causes gets its chance to change the page before the release.
  await page.waitForTimeout(100);
  await page.mouse.up();
}

test("on the profile, ticking a box right after a refused number ticks it; the message shows when the form is sent", async ({ page, makeUser, login }) => {
  const student = await makeUser({ name: "Ines Moreau" });
  await login(student);
  await page.goto("/profile");
  const hours = page.getByLabel("Hours per week in breaks");
  await hours.fill("500");
  const remote = page.getByRole("checkbox", { name: "Remote" });
  await remote.scrollIntoViewIfNeeded();
  await clickWhereItIs(page, remote);
  await expect(remote).toBeChecked();
  await expect(hours).not.toHaveAttribute("aria-invalid", "true");

  await page.getByRole("button", { name: "Save profile" }).first().click();
  await expect(hours).toHaveAttribute("aria-invalid", "true");
  await expect(hours).toBeFocused();
  // Once shown, the message follows what is typed.
  await hours.fill("20");
  await expect(hours).not.toHaveAttribute("aria-invalid", "true");
});

test("on a new slot, choosing the work mode right after a refused number chooses it", async ({ page, db, login }) => {
  const { mentor } = await makeOrganization(db, { verified: true });
  await login(mentor);
  await page.goto("/mentor/slots/new");
  const seats = page.getByLabel("Seats");
  await seats.fill("0");
  const remote = page.getByRole("radio", { name: /^Remote/ });
  await remote.scrollIntoViewIfNeeded();
  await clickWhereItIs(page, remote);
  await expect(remote).toBeChecked();
  await expect(seats).not.toHaveAttribute("aria-invalid", "true");
});
