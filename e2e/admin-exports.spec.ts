import { readFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { and, desc, eq, like } from "drizzle-orm";
import type { Download, Page } from "@playwright/test";
import type { Db } from "~db/client.server";
import { auditLog } from "~db/schema";
import { makeApplication, makeMatch, makeMatchableStudent } from "~db/test/match-factories";
import { makeOrganization, makeSlot } from "~db/test/slot-factories";
import { createSession } from "~/auth/session.server";
import { EXPORT_COLUMNS, WORK_AUTHORIZATION_COLUMN } from "~/modules/exports/columns";
import { readCsv } from "~/modules/exports/read-csv";
import { SESSION_COOKIE, expect, test } from "./fixtures";

// why: the journeys share the demo database; this file's rows are in March 2005 in New Zealand, and
// every export here filters on both, so no other row shows up in its files.
const FILTERS = "from=2005-03-01&to=2005-03-31&country=NZ";
const at = (iso: string) => new Date(`${iso}Z`);

async function programIn2005(db: Db) {
  const tag = randomBytes(3).toString("hex");
  const { organization } = await makeOrganization(db, { name: `Harbour Lab ${tag}`, type: "research_team" });
  const slot = await makeSlot(db, organization, { title: `Tide sensors ${tag}`, country: "NZ", compensation: "stipend" });
  const mere = await makeMatchableStudent(db, { name: `Mere Tāwhiri ${tag}`, workAuthorization: "ca_study_permit" });
  const sione = await makeMatchableStudent(db, { name: `=cmd|' /C calc'!A0 ${tag}`, workAuthorization: "us_citizen_pr" });
  const later = await makeMatchableStudent(db, { name: `April Applicant ${tag}` });
  await makeApplication(db, { slotId: slot.id, studentId: mere.id, submittedAt: at("2005-03-04T10:15:00"), statement: "A STATEMENT ONLY THE MENTOR READS" });
  await makeApplication(db, { slotId: slot.id, studentId: sione.id, submittedAt: at("2005-03-09T16:00:00") });
  await makeApplication(db, { slotId: slot.id, studentId: later.id, submittedAt: at("2005-04-02T09:00:00") });
  const match = await makeMatch(db, { slotId: slot.id, studentId: mere.id, status: "completed", createdAt: at("2005-03-06T08:00:00"), introducedAt: at("2005-03-07T08:00:00"), completedAt: at("2005-03-30T12:00:00") });
  return { tag, slot, mere, sione, later, match };
}

async function downloadBy(page: Page, button: string): Promise<{ download: Download; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  const text = await readFile((await download.path())!, "utf8");
  expect(text.charCodeAt(0), "the file starts with a byte-order mark").toBe(0xfeff);
  return { download, rows: readCsv(text) };
}

const exportsBy = (db: Db, adminId: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.actorId, adminId), like(auditLog.action, "export.%")))
    .orderBy(desc(auditLog.id));

test("an admin downloads the program's files with the dashboard's filters, and work authorization only with a reason", async ({ page, db, login, makeUser }) => {
  const { tag, slot, mere, sione, later, match } = await programIn2005(db);
  const admin = await makeUser({ role: "admin", name: "Aroha Admin" });
  await login(admin);

  // Arriving from the dashboard with its filters: the form is filled with them.
  await page.goto(`/admin/exports?${FILTERS}&compensation=stipend`);
  await expect(page.getByRole("heading", { level: 1, name: "Exports" })).toBeVisible();
  await expect(page.getByLabel("From")).toHaveValue("2005-03-01");
  await expect(page.getByLabel("To")).toHaveValue("2005-03-31");
  await expect(page.getByLabel("Country of the internship")).toHaveValue("NZ");
  await expect(page.getByLabel("Pay")).toHaveValue("stipend");

  const applications = await downloadBy(page, "Download applications (CSV)");
  expect(applications.download.suggestedFilename()).toMatch(/^steppingstone-applications-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(applications.rows[0]).toEqual(EXPORT_COLUMNS.applications.map((c) => c.header));
  const names = applications.rows.slice(1).map((r) => r[1]);
  expect(names).toEqual([mere.name, `'${sione.name}`]);
  expect(names).not.toContain(later.name);
  expect(applications.rows[1]).toEqual(["2005-03-04 10:15", mere.name, mere.email, slot.title, `Harbour Lab ${tag}`, "Research lab or team", "NZ", "Stipend", "Submitted", expect.any(String)]);
  expect(applications.rows.flat().join(" ")).not.toMatch(/STATEMENT|study permit/i);
  // The page stays, and the download is in the audit log with its filters.
  await expect(page).toHaveURL(/\/admin\/exports\?/);
  const [first] = await exportsBy(db, admin.id);
  expect(first).toMatchObject({ action: "export.applications", detail: { filters: `${FILTERS}&compensation=stipend`, rows: 2, workAuthorization: false } });

  const matches = await downloadBy(page, "Download matches (CSV)");
  const row = matches.rows.find((r) => r[0] === match.id)!;
  expect(Object.fromEntries(matches.rows[0]!.map((h, i) => [h, row[i]]))).toMatchObject({ "Proposed (UTC)": "2005-03-06 08:00", Student: mere.name, Status: "Completed", "Introduced (UTC)": "2005-03-07 08:00", "Completed (UTC)": "2005-03-30 12:00" });

  // Work authorization without a reason: refused on the field, what was chosen kept, nothing written.
  await page.getByLabel("Include each student's work-authorization status").check();
  await page.getByRole("button", { name: "Download outcomes (CSV)" }).click();
  await expect(page.getByText("Say why this export needs work authorization")).toBeVisible();
  await expect(page.getByLabel("Include each student's work-authorization status")).toBeChecked();
  await expect(page.getByLabel("Country of the internship")).toHaveValue("NZ");
  expect(await exportsBy(db, admin.id)).toHaveLength(2);

  await page.getByLabel("Why this export needs it").fill("Term report of placements for the international students office.");
  const outcomes = await downloadBy(page, "Download outcomes (CSV)");
  expect(outcomes.rows[0]!.at(-1)).toBe(WORK_AUTHORIZATION_COLUMN.header);
  expect(outcomes.rows.find((r) => r[0] === match.id)!.at(-1)).toBe("CA study permit");
  const [last] = await exportsBy(db, admin.id);
  expect(last).toMatchObject({ action: "export.outcomes", detail: { workAuthorization: true, reason: "Term report of placements for the international students office." } });

  // The audit log says so, with the reason.
  await page.goto("/admin/audit");
  const entry = page.getByRole("row").filter({ hasText: "Exported outcomes (CSV)" }).first();
  await expect(entry).toContainText("Aroha Admin");
  await expect(entry).toContainText("“Term report of placements for the international students office.”");
  await expect(entry).toContainText("workAuthorization: true");
});

test("without JavaScript, a refused form comes back with what was typed and the reason it was refused", async ({ browser, clientIp, db, login, makeUser, expectConsoleError }) => {
  // why: the refused form answers 400, which Chromium logs.
  expectConsoleError(/status of 400 \(Bad Request\) — .*\/admin\/exports/);
  const admin = await makeUser({ role: "admin" });
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  await login(admin, context);
  const page = await context.newPage();
  await page.goto(`/admin/exports?${FILTERS}`);
  await page.getByLabel("Include each student's work-authorization status").check();
  await page.getByLabel("Why this export needs it").fill("short");
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Download applications (CSV)" }).click()]);
  expect(response.status()).toBe(400);
  await expect(page.getByText("Say why this export needs work authorization")).toBeVisible();
  await expect(page.getByLabel("Why this export needs it")).toHaveValue("short");
  await expect(page.getByLabel("From")).toHaveValue("2005-03-01");
  expect(await exportsBy(db, admin.id)).toEqual([]);
  await context.close();
});

test("students, mentors, other admins and other sites get no export", async ({ request, db, makeUser, baseURL }) => {
  const admin = await makeUser({ role: "admin" });
  const cookieOf = async (user: { id: string }) => `${SESSION_COOKIE}=${encodeURIComponent((await createSession(db, user.id, "exports")).token)}`;
  const adminCookie = await cookieOf(admin);
  const origin = new URL(baseURL!).origin;

  // The admin's own export, to be asked for by others.
  const asked = await request.post("/admin/exports", { headers: { Cookie: adminCookie, Origin: origin }, form: { kind: "matches", from: "2005-03-01", to: "2005-03-31", country: "NZ" }, maxRedirects: 0 });
  expect(asked.status()).toBe(303);
  const file = asked.headers().location!;
  expect(file).toMatch(/^\/admin\/exports\/\d+$/);
  const own = await request.get(file, { headers: { Cookie: adminCookie } });
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(own.headers()["content-disposition"]).toMatch(/^attachment; filename="steppingstone-matches-\d{4}-\d{2}-\d{2}\.csv"$/);
  const written = (await exportsBy(db, admin.id)).length;

  for (const role of ["student", "mentor"] as const) {
    const cookie = await cookieOf(await makeUser({ role }));
    expect((await request.get("/admin/exports", { headers: { Cookie: cookie }, maxRedirects: 0 })).status(), `${role} GET`).toBe(403);
    expect((await request.post("/admin/exports", { headers: { Cookie: cookie, Origin: origin }, form: { kind: "applications" }, maxRedirects: 0 })).status(), `${role} POST`).toBe(403);
    expect((await request.get(file, { headers: { Cookie: cookie }, maxRedirects: 0 })).status(), `${role} file`).toBe(403);
  }
  // Another admin cannot fetch this admin's file: each asks, and is recorded, for their own.
  const other = await cookieOf(await makeUser({ role: "admin" }));
  expect((await request.get(file, { headers: { Cookie: other } })).status()).toBe(404);

  // A form posted from another site is refused before it reaches the page.
  const crossSite = await request.post("/admin/exports", { headers: { Cookie: adminCookie, Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" }, form: { kind: "applications" }, maxRedirects: 0 });
  expect(crossSite.status()).toBe(403);
  // Bad input: a clear refusal, nothing recorded.
  const bad = await request.post("/admin/exports", { headers: { Cookie: adminCookie, Origin: origin }, form: { kind: "everything", from: "2005-02-30" }, maxRedirects: 0 });
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("Steppingstone does not know that button");
  expect(await exportsBy(db, admin.id)).toHaveLength(written);
});
