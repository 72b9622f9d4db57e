import { eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditLog, matchOutcomes, outcomeFollowUps, referrals } from "~db/schema";
import { makeUser } from "~db/test/factories";
import { makeApplication, makeMatch, makeMatchableStudent } from "~db/test/match-factories";
import { moduleTestDb } from "~db/test/module-db";
import { makeOrganization, makeSlot } from "~db/test/slot-factories";
import { readInsightFilters } from "~/modules/insights/filters";
import { EXPORT_COLUMNS, WORK_AUTHORIZATION_COLUMN, type ExportKind } from "./columns";
import { stringify } from "csv-stringify/sync";
import { BATCH, CSV_OPTIONS, exportStream, recordExport, recordedExport } from "./exports.server";
import { readCsv } from "./read-csv";

const db = moduleTestDb();

// why: the module tests share one database; every row here is in 2004 and in New Zealand, and
// every export below filters on both, so other files' rows never show up.
const IN_2004 = "from=2004-01-01&to=2004-12-31&country=NZ";
const at = (iso: string) => new Date(`${iso}Z`);

async function dataset() {
  const admin = await makeUser(db, { role: "admin", name: "Rae Reviewer" });
  const { organization: startup, mentor } = await makeOrganization(db, { name: "Kiwi Sensors", type: "startup" });
  const { organization: nonprofit } = await makeOrganization(db, { name: "Harbour Trust", type: "nonprofit" });
  const paid = await makeSlot(db, startup, { title: "Sensor dashboards intern", country: "NZ", compensation: "paid", offers: ["recommendation_letter", "referral", "portfolio_project"] });
  const unpaid = await makeSlot(db, nonprofit, { title: "Volunteer data intern", country: "NZ", compensation: "unpaid" });
  const ada = await makeMatchableStudent(db, { name: "Ada Ōsei", workAuthorization: "us_f1_cpt" });
  const bo = await makeMatchableStudent(db, { name: "Bo Lund", workAuthorization: "us_citizen_pr" });
  // A name written to run as a formula in a spreadsheet, and no profile (authorization not stated).
  const cy = await makeUser(db, { role: "student", name: '=HYPERLINK("http://evil.example","Cy")' });

  await makeApplication(db, { slotId: paid.id, studentId: ada.id, submittedAt: at("2004-03-10T09:30:00"), updatedAt: at("2004-03-11T10:00:00"), statement: "MY SECRET STATEMENT", answers: ["MY SECRET ANSWER"] });
  await makeApplication(db, { slotId: unpaid.id, studentId: bo.id, submittedAt: at("2004-03-20T12:00:00"), updatedAt: at("2004-03-20T12:00:00"), status: "shortlisted" });
  await makeApplication(db, { slotId: paid.id, studentId: cy.id, submittedAt: at("2004-05-01T08:00:00"), updatedAt: at("2004-05-01T08:00:00") });

  const completed = await makeMatch(db, {
    slotId: paid.id,
    studentId: ada.id,
    source: "application",
    score: 81,
    status: "completed",
    createdAt: at("2004-03-12T08:00:00"),
    reviewedBy: admin.id,
    reviewedAt: at("2004-03-13T09:00:00"),
    introducedAt: at("2004-03-13T09:00:00"),
    confirmedAt: at("2004-03-25T15:00:00"),
    startedAt: at("2004-04-01T13:00:00"),
    completedAt: at("2004-06-30T17:00:00"),
  });
  await db.insert(auditLog).values({ actorId: mentor.id, action: "match.interviewing", subjectType: "match", subjectId: completed.id, createdAt: at("2004-03-20T10:00:00") });
  const rejected = await makeMatch(db, {
    slotId: unpaid.id,
    studentId: bo.id,
    score: 55,
    status: "rejected",
    closingReason: "The hours do not fit his term.",
    createdAt: at("2004-03-15T08:00:00"),
    reviewedBy: admin.id,
    reviewedAt: at("2004-03-16T11:45:00"),
  });

  await db.insert(matchOutcomes).values({ matchId: completed.id, benefits: { portfolio_project: false }, returnOffer: "pending", recordedBy: ada.id });
  await db.insert(referrals).values({ matchId: completed.id, mentorId: mentor.id, company: "Acme", role: "Engineer", state: "accepted", method: "other", referredOn: "2004-06-20" });
  await db.insert(outcomeFollowUps).values({ matchId: completed.id, months: 3, answer: "paid_internship", organizationName: "Acme", answeredAt: at("2004-09-30T08:00:00") });
  await db.insert(outcomeFollowUps).values({ matchId: completed.id, months: 6 });

  return { admin, ada, bo, cy, completed, rejected };
}

/** The export's file as text, and its rows (the header first). */
async function download(kind: ExportKind, query: string, workAuthorization = false) {
  const { filters, problems } = readInsightFilters(new URLSearchParams(query));
  expect(problems).toEqual([]);
  const bytes = new Uint8Array(await new Response(exportStream(db, { kind, filters, workAuthorization })).arrayBuffer());
  // why: keep the byte-order mark (a decoder drops it by default), to check it is there.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { text, rows: readCsv(text) };
}

describe("CSV exports", () => {
  test("a cell a spreadsheet would run as a formula starts with an apostrophe; other text is left alone", () => {
    const cells = ["=1+1", "+1 555 0100", "-2+3", "@SUM(A1)", "\tTab", "\rReturn", "Ada", "a=b", "2004-03-10 09:30"];
    expect(readCsv(stringify([cells], CSV_OPTIONS))[0]).toEqual(["'=1+1", "'+1 555 0100", "'-2+3", "'@SUM(A1)", "'\tTab", "'\rReturn", "Ada", "a=b", "2004-03-10 09:30"]);
  });

  test("applications: the documented columns, the rows the filters pick, nothing the student wrote", async () => {
    const { cy } = await dataset();
    const all = await download("applications", IN_2004);
    expect(all.text.startsWith("\uFEFFSubmitted (UTC),Student,")).toBe(true);
    expect(all.rows[0]).toEqual(EXPORT_COLUMNS.applications.map((c) => c.header));
    const mine = all.rows.slice(1).filter((r) => ["Ada Ōsei", "Bo Lund"].includes(r[1]!) || r[1]!.includes("HYPERLINK"));
    expect(mine.map((r) => [r[0], r[1], r[3], r[4], r[5], r[6], r[7], r[8], r[9]])).toEqual([
      ["2004-03-10 09:30", "Ada Ōsei", "Sensor dashboards intern", "Kiwi Sensors", "Startup", "NZ", "Paid (hourly)", "Submitted", "2004-03-11 10:00"],
      ["2004-03-20 12:00", "Bo Lund", "Volunteer data intern", "Harbour Trust", "Nonprofit", "NZ", "Unpaid", "Shortlisted", "2004-03-20 12:00"],
      ["2004-05-01 08:00", `'=HYPERLINK("http://evil.example","Cy")`, "Sensor dashboards intern", "Kiwi Sensors", "Startup", "NZ", "Paid (hourly)", "Submitted", "2004-05-01 08:00"],
    ]);
    expect(mine[2]![2]).toBe(cy.email);
    expect(all.text).not.toContain("SECRET");
    expect(all.text).not.toContain("F-1");

    // Each filter narrows: the date range, the slot's pay and organization type, the student's group.
    const march = (extra: string) => download("applications", `from=2004-03-01&to=2004-03-31&country=NZ${extra}`);
    const names = async (extra: string) => (await march(extra)).rows.slice(1).map((r) => r[1]).filter((n) => n === "Ada Ōsei" || n === "Bo Lund" || n!.includes("HYPERLINK"));
    expect(await names("")).toEqual(["Ada Ōsei", "Bo Lund"]);
    expect(await names("&compensation=unpaid")).toEqual(["Bo Lund"]);
    expect(await names("&organizationType=startup")).toEqual(["Ada Ōsei"]);
    expect(await names("&authorizationGroup=us_student")).toEqual(["Ada Ōsei"]);
    expect(await names("&authorizationGroup=citizen_pr")).toEqual(["Bo Lund"]);
    expect((await download("applications", `${IN_2004}&authorizationGroup=not_stated`)).rows.slice(1).map((r) => r[2])).toContain(cy.email);
    expect((await download("applications", "from=2004-01-01&to=2004-12-31&country=IS")).rows).toHaveLength(1);
  });

  test("matches: one row per match with the time of each step, who reviewed it, and the closing reason", async () => {
    const { completed, rejected } = await dataset();
    const { rows } = await download("matches", IN_2004);
    expect(rows[0]).toEqual(EXPORT_COLUMNS.matches.map((c) => c.header));
    const byId = new Map(rows.slice(1).map((r) => [r[0], Object.fromEntries(rows[0]!.map((h, i) => [h, r[i]]))]));
    expect(byId.get(completed.id)).toMatchObject({
      "Proposed (UTC)": "2004-03-12 08:00",
      "Proposed by": "Mentor's proposal",
      Score: "81",
      Student: "Ada Ōsei",
      Status: "Completed",
      "Reviewed (UTC)": "2004-03-13 09:00",
      "Reviewed by": "Rae Reviewer",
      "Introduced (UTC)": "2004-03-13 09:00",
      "Talking (UTC)": "2004-03-20 10:00",
      "Confirmed (UTC)": "2004-03-25 15:00",
      "Started (UTC)": "2004-04-01 13:00",
      "Completed (UTC)": "2004-06-30 17:00",
      "Closed (UTC)": "",
      "Closing reason": "",
    });
    expect(byId.get(rejected.id)).toMatchObject({ Status: "Not approved", "Proposed by": "Matching round", "Closed (UTC)": "2004-03-16 11:45", "Closing reason": "The hours do not fit his term.", "Introduced (UTC)": "" });
    // Proposed in March: the range picks matches by when they were proposed, not completed.
    const april = await download("matches", "from=2004-04-01&to=2004-12-31&country=NZ");
    expect(april.rows.slice(1).map((r) => r[0])).not.toContain(completed.id);
  });

  test("outcomes: per completed internship, promises promised against delivered, letter, referral and follow-ups", async () => {
    const { completed, rejected } = await dataset();
    const { rows } = await download("outcomes", IN_2004);
    expect(rows[0]).toEqual(EXPORT_COLUMNS.outcomes.map((c) => c.header));
    const ids = rows.slice(1).map((r) => r[0]);
    expect(ids).toContain(completed.id);
    expect(ids).not.toContain(rejected.id);
    const row = Object.fromEntries(rows[0]!.map((h, i) => [h, rows.find((r) => r[0] === completed.id)![i]]));
    expect(row).toMatchObject({
      "Completed on": "2004-06-30",
      Student: "Ada Ōsei",
      Slot: "Sensor dashboards intern",
      Compensation: "Paid (hourly)",
      "Return offer": "Still waiting to hear",
      Promised: "Recommendation letter; Referral; Portfolio project",
      Delivered: "Referral",
      "Not delivered": "Portfolio project",
      "Not known yet": "Recommendation letter",
      "Letter delivered on": "",
      "Referral made on": "2004-06-20",
      "At 3 months": "In a paid internship",
      "Answered at 3 months on": "2004-09-30",
      "At 6 months": "",
    });
    // Completed in June: a range that ends in May leaves it out.
    expect((await download("outcomes", "from=2004-01-01&to=2004-05-31&country=NZ")).rows.slice(1).map((r) => r[0])).not.toContain(completed.id);
  });

  test("work authorization is no column unless asked for, then the last one", async () => {
    await dataset();
    for (const kind of ["applications", "matches", "outcomes"] as const) {
      const plain = await download(kind, IN_2004);
      expect(plain.rows[0]).not.toContain(WORK_AUTHORIZATION_COLUMN.header);
      expect(plain.text).not.toMatch(/F-1 CPT|US citizen/);
      const asked = await download(kind, IN_2004, true);
      expect(asked.rows[0]!.at(-1)).toBe(WORK_AUTHORIZATION_COLUMN.header);
      const ada = asked.rows.find((r) => r.includes("Ada Ōsei"))!;
      expect(ada.at(-1)).toBe("F-1 CPT");
    }
    const applications = await download("applications", IN_2004, true);
    expect(applications.rows.find((r) => r[1]!.includes("HYPERLINK"))!.at(-1)).toBe("Not stated");
  });

  test("each export is recorded with its kind, filters, rows and whether work authorization went out and why", async () => {
    const { admin } = await dataset();
    const other = await makeUser(db, { role: "admin" });
    const { filters } = readInsightFilters(new URLSearchParams(`${IN_2004}&compensation=paid`));
    const plain = await recordExport(db, { admin, kind: "applications", filters, workAuthorizationReason: null });
    const asked = await recordExport(db, { admin, kind: "outcomes", filters, workAuthorizationReason: "The international office reports CPT placements to the school." });
    expect(plain.rows).toBeGreaterThanOrEqual(2);
    const entries = await db.select().from(auditLog).where(sql`${auditLog.id} in (${plain.exportId}, ${asked.exportId})`).orderBy(auditLog.id);
    expect(entries.map((e) => [e.actorId, e.action, e.subjectType, e.detail])).toEqual([
      [admin.id, "export.applications", "export", { title: "Applications (CSV)", kind: "applications", filters: "from=2004-01-01&to=2004-12-31&country=NZ&compensation=paid", rows: plain.rows, workAuthorization: false }],
      [
        admin.id,
        "export.outcomes",
        "export",
        { title: "Outcomes (CSV)", kind: "outcomes", filters: "from=2004-01-01&to=2004-12-31&country=NZ&compensation=paid", rows: asked.rows, workAuthorization: true, reason: "The international office reports CPT placements to the school." },
      ],
    ]);
    const counted = await download("applications", `${IN_2004}&compensation=paid`);
    expect(counted.rows.length - 1).toBe(plain.rows);

    // The download reads what the entry recorded: for the admin who asked, for a few minutes.
    const now = new Date();
    expect(await recordedExport(db, { adminId: admin.id, exportId: String(asked.exportId), now })).toEqual({ kind: "outcomes", filters, workAuthorization: true });
    expect(await recordedExport(db, { adminId: other.id, exportId: String(asked.exportId), now })).toBeNull();
    expect(await recordedExport(db, { adminId: admin.id, exportId: String(asked.exportId), now: new Date(now.getTime() + 6 * 60_000) })).toBeNull();
    const [notAnExport] = await db.insert(auditLog).values({ actorId: admin.id, action: "match.approved", subjectType: "match", subjectId: "x" }).returning();
    for (const id of [String(notAnExport!.id), "abc", "0", "99999999999999999999", "1e3"]) expect(await recordedExport(db, { adminId: admin.id, exportId: id, now })).toBeNull();
    await db.delete(auditLog).where(eq(auditLog.id, notAnExport!.id));
  });

  test("rows arrive in batches from a cursor, never all at once", async () => {
    const { organization } = await makeOrganization(db, { name: "Batch Works", type: "company" });
    const slot = await makeSlot(db, organization, { title: "Batch intern", country: "FJ" });
    const rows = 2 * BATCH + 7;
    // why: many students applying, inserted by SQL (the factories would take minutes).
    await db.execute(sql`with s as (insert into users (email, name, role, email_verified_at, password_hash)
      select 'batch-' || g || '-' || ${slot.id}::text || '@example.test', 'Batch ' || g, 'student', now(), 'x' from generate_series(1, ${rows}) g returning id)
      insert into applications (slot_id, student_id, statement, submitted_at) select ${slot.id}, id, 'x', '2004-07-01T00:00:00Z' from s`);
    const { filters } = readInsightFilters(new URLSearchParams("from=2004-07-01&to=2004-07-01&country=FJ"));
    const reader = exportStream(db, { kind: "applications", filters, workAuthorization: false }).getReader();
    const decoder = new TextDecoder();
    const chunks: number[] = [];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) chunks.push(readCsv(decoder.decode(chunk.value)).length);
    // The header, then one chunk per batch of the cursor.
    expect(chunks).toEqual([1, BATCH, BATCH, 7]);

    // A client that goes away closes the cursor: the connection is free for the next query.
    const early = exportStream(db, { kind: "applications", filters, workAuthorization: false }).getReader();
    await early.read();
    await early.read();
    await early.cancel();
    expect((await db.execute(sql`select 1 as one`))[0]).toEqual({ one: 1 });
  });
});
