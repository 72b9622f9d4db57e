import { isNotNull } from "drizzle-orm";
import { issuedDocuments } from "~db/schema";
import { expect, submitLogin, test } from "./fixtures";

// The screenshots in docs/screenshots/, taken of the demo data as its people see it:
// `npm run screenshots` (builds first). Not part of `npm test`: only the "screenshots" project,
// which exists when SCREENSHOTS=1, runs this file.

const shots: [string, string, string | null][] = [
  ["slots-search", "/slots?q=python", null],
  ["student-home", "/", "student@example.org"],
  ["student-slot", "FIRST_SLOT", "student@example.org"],
  ["student-applications", "/applications", "student@example.org"],
  ["student-profile", "/profile", "student@example.org"],
  ["mentor-slots", "/mentor/slots", "mentor@example.org"],
  ["admin-matches", "/admin/matches", "admin@example.org"],
  ["admin-audit", "/admin/audit", "admin@example.org"],
  // The seeded internship under way (issue 13), by the slot's title, then a tab of its match.
  ["student-internship-overview", "MATCH:tutor progress reports:", "student@example.org"],
  ["student-internship-check-ins", "MATCH:tutor progress reports:/check-ins", "student@example.org"],
  ["mentor-internship-plan", "MATCH:tutor progress reports:/plan", "mentor@example.org"],
  ["student-internship-feedback", "MATCH:tutor progress reports:/feedback", "student@example.org"],
  ["mentor-internship-messages", "MATCH:tutor progress reports:/messages", "mentor@example.org"],
  ["admin-stalled", "/admin/stalled", "admin@example.org"],
  // What Diego's completed internship left (issue 14): his confidential letter, as he and Priya see it, his referral and documents.
  ["student-letters", "/letters", "diego.ramirez@example.org"],
  ["student-letter", "FIRST:/letters/", "diego.ramirez@example.org"],
  ["mentor-letter", "FIRST:/letters/", "mentor@example.org"],
  ["student-referral", "FIRST:/referrals/", "diego.ramirez@example.org"],
  ["student-internship-documents", "MATCH:tutoring session analytics:/documents", "diego.ramirez@example.org"],
  ["slot-promises-kept", "FIRST:/slots/:/slots?q=Brightlane", null],
  ["verify", "VERIFY", null],
  // The admin's view of the whole program (issue 15): insights, a person found and their page, exports.
  ["admin-insights", "/admin/insights", "admin@example.org"],
  ["admin-insights-filtered", "/admin/insights?from=2026-01-01&to=2026-04-30&compensation=unpaid", "admin@example.org"],
  ["admin-users", "/admin/users?role=mentor", "admin@example.org"],
  ["admin-user", "FIRST:/admin/users/:/admin/users?q=Marie-Claude", "admin@example.org"],
  ["admin-exports", "/admin/exports?from=2026-01-01&to=2026-04-30", "admin@example.org"],
];

test.use({ viewport: { width: 1280, height: 900 } });

for (const [name, path, who] of shots) {
  test(`screenshot ${name}`, async ({ page, db }) => {
    if (who) {
      await page.goto("/login");
      await submitLogin(page, { email: who, password: "steppingstone-demo" });
      await page.waitForLoadState("networkidle");
    }
    let target = path;
    if (path === "FIRST_SLOT") {
      await page.goto("/slots");
      const href = await page.locator('a[href^="/slots/"]').first().getAttribute("href");
      target = href!;
    }
    if (path.startsWith("FIRST:")) {
      // The first link to `prefix` on `list` (the prefix's own list page by default).
      const [, prefix, list] = path.split(":");
      await page.goto(list ?? prefix!.replace(/\/$/, ""));
      target = (await page.locator(`main a[href^="${prefix}"]`).first().getAttribute("href"))!;
    }
    if (path === "VERIFY") {
      // The code printed on Diego's verification letter, as an employer would type it.
      const [document] = await db.select({ code: issuedDocuments.verificationCode }).from(issuedDocuments).where(isNotNull(issuedDocuments.issuedAt)).limit(1);
      target = `/verify/${document!.code}`;
    }
    if (path.startsWith("MATCH:")) {
      const [, title, tab] = path.split(":");
      await page.goto("/matches");
      const href = await page.getByRole("link", { name: new RegExp(title!) }).first().getAttribute("href");
      target = `${href!}${tab}`;
    }
    await page.goto(target);
    await expect(page.locator("h1").first()).toBeVisible();
    await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
  });
}
