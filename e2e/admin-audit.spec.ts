import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { makeMatch, makeMatchableStudent } from "~db/test/match-factories";
import { makeOrganization, makeSlot } from "~db/test/slot-factories";
import { expect, test } from "./fixtures";

const cardOf = (page: Page, matchId: string) => page.getByRole("article").filter({ has: page.locator(`input[name="matchIds"][value="${matchId}"]`) });

test("the audit log names a rejected proposal, shows its reason, and opens it", async ({ page, db, login, makeUser }) => {
  const admin = await makeUser({ role: "admin", name: "Ruth Admin" });
  await login(admin);
  const { organization } = await makeOrganization(db);
  const slot = await makeSlot(db, organization, { title: `Soil sensors ${randomBytes(3).toString("hex")}` });
  const student = await makeMatchableStudent(db, { name: `Kofi Asante ${randomBytes(2).toString("hex")}` });
  const match = await makeMatch(db, { slotId: slot.id, studentId: student.id });

  await page.goto("/admin/matches");
  const card = cardOf(page, match.id);
  await card.getByText("Reject…").click();
  await card.getByLabel("Reason").fill("Her term hours do not fit this slot.");
  await card.getByRole("button", { name: "Reject with this reason" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rejected" })).toBeVisible();

  await page.goto("/admin/audit");
  const row = page.getByRole("row").filter({ hasText: "Rejected the proposed match" }).filter({ hasText: student.name });
  await expect(row).toContainText("Ruth Admin");
  await expect(row).toContainText("“Her term hours do not fit this slot.”");
  await expect(row).not.toContainText("no longer exists");
  await row.getByRole("link", { name: `${student.name} · ${slot.title}` }).click();

  await expect(page).toHaveURL(`/matches/${match.id}`);
  await expect(page.getByRole("heading", { level: 1, name: slot.title })).toBeVisible();
  await expect(page.getByText("Not approved by an admin")).toBeVisible();
  await expect(page.getByText("Her term hours do not fit this slot.", { exact: true })).toBeVisible();
  // The history says who closed it, and why.
  await expect(page.getByText("Why: Her term hours do not fit this slot.")).toBeVisible();
});
