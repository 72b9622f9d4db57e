import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { expect, test } from "vitest";

// Migration 0006 turns the English sentences matches stored up to 0005 into codes with params.
// No code writes those sentences any more, so each test builds its own database at 0005, stores
// sentences exactly as the 0005 engine wrote them, and then applies 0006.

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
const files = readdirSync(folder)
  .filter((f) => /^\d{4}_.*\.sql$/.test(f))
  .sort();
const CODES_MIGRATION = "0006_explanation_codes.sql";

/** Runs one migration file the way drizzle's migrator does: one statement per breakpoint. */
async function apply(db: PGlite, file: string) {
  for (const statement of readFileSync(path.join(folder, file), "utf8").split("--> statement-breakpoint")) {
    // why: query() (not exec()) takes a single statement, as the migrator's driver does.
    if (statement.trim()) await db.query(statement);
  }
}

async function databaseBeforeCodes() {
  const db = new PGlite();
  for (const file of files.filter((f) => f < CODES_MIGRATION)) await apply(db, file);
  return db;
}

async function insertPair(db: PGlite, name: string) {
  const student = await db.query<{ id: string }>(`insert into users (email, name, role, password_hash) values ($1, $2, 'student', 'x') returning id`, [
    `${name}@example.test`,
    name,
  ]);
  const org = await db.query<{ id: string }>(
    `insert into organizations (name, slug, type, size, country, description) values ($1, $1, 'startup', '1-10', 'US', 'An org') returning id`,
    [`org-${name}`],
  );
  const slot = await db.query<{ id: string }>(
    `insert into slots (organization_id, title, description, project, mentor_hours_per_week, compensation, hourly_rate, currency,
       hours_per_week, start_date, duration_weeks, application_deadline, seats, work_mode, country, timezone, accepted_authorizations)
     values ($1, 'Slot', 'A slot', 'A project', 2, 'paid', 20, 'USD', 40, '2026-06-01', 12, '2026-05-01', 1, 'remote', 'US',
       'America/New_York', '{us_f1_cpt}') returning id`,
    [org.rows[0]!.id],
  );
  return { studentId: student.rows[0]!.id, slotId: slot.rows[0]!.id };
}

/** A match row as the 0005 engine stored it: warnings a text[], reasons with labels and sentences. */
async function insertLegacyMatch(db: PGlite, name: string, reasons: object[], warnings: string[]) {
  const { studentId, slotId } = await insertPair(db, name);
  const { rows } = await db.query<{ id: string }>(
    `insert into matches (slot_id, student_id, source, score, reasons, warnings) values ($1, $2, 'round', 50, $3::jsonb, $4::text[]) returning id`,
    [slotId, studentId, JSON.stringify(reasons), warnings],
  );
  return rows[0]!.id;
}

async function storedMatch(db: PGlite, id: string) {
  const { rows } = await db.query<{ reasons: unknown; warnings: unknown }>(`select reasons, warnings from matches where id = $1`, [id]);
  return rows[0]!;
}

// Every warning authorizationFit could store at 0005, and its code.
const WARNINGS: [sentence: string, code: object][] = [
  ["Your DSO must authorize CPT for this employer and these dates before your first day.", { code: "cpt_dso_authorization", params: {} }],
  ["The organization has not said it can give the offer letter CPT needs; ask before you apply.", { code: "cpt_offer_letter", params: {} }],
  ["CPT is limited to 20 hours a week during term; this slot is 40 — fine only in a break.", { code: "cpt_term_hours", params: { hours: 40 } }],
  ["You need your EAD card before the first day.", { code: "opt_pre_ead", params: {} }],
  ["Pre-completion OPT is limited to 20 hours a week during term; this slot is 22.5 — fine only in a break.", { code: "opt_pre_term_hours", params: { hours: 22.5 } }],
  ["The work must relate to your major.", { code: "opt_post_major", params: {} }],
  ["Your Responsible Officer must approve this position in writing before you start.", { code: "j1_officer_approval", params: {} }],
  [
    "A study permit allows 24 hours a week during academic sessions; this slot is 30 — fine only in a scheduled break.",
    { code: "study_permit_hours", params: { hours: 30 } },
  ],
  ["A co-op permit covers placements that are part of your program; check with your school that this one can be.", { code: "coop_permit_placement", params: {} }],
  ["STEM OPT needs an employer in E-Verify that signs Form I-983; confirm the organization can.", { code: "stem_opt_everify_unknown", params: {} }],
  [
    "Your authorization starts on 2026-06-15, after this slot starts (2026-06-01).",
    { code: "auth_starts_after", params: { validFrom: "2026-06-15", startDate: "2026-06-01" } },
  ],
  ["Your authorization ends on 2026-08-01, before this slot ends (2026-08-23).", { code: "auth_ends_before", params: { validUntil: "2026-08-01", endDate: "2026-08-23" } }],
];

const LABELS: Record<string, string> = {
  required_skills: "Required skills",
  nice_skills: "Nice-to-have skills",
  goals: "Goals",
  time_zone: "Time zone",
  dates_and_hours: "Dates and hours",
};

// Every form of reason sentence scorePair could store at 0005 (and two it never wrote: no code), and its code.
const REASONS: [key: string, sentence: string, code: string | null, params: object, neutral?: true][] = [
  ["required_skills", "The slot requires no particular skill.", "required_none", {}, true],
  ["required_skills", "Covers 1 of 2 required skills at the level asked (python). Missing sql.", "required_skills", { total: 2, covered: ["python"], below: [], missing: ["sql"] }],
  [
    "required_skills",
    "Covers 0 of 3 required skills at the level asked. Below the level asked in react. Missing c++ and node.js.",
    "required_skills",
    { total: 3, covered: [], below: ["react"], missing: ["c++", "node.js"] },
  ],
  [
    "required_skills",
    "Covers 3 of 4 required skills at the level asked (python, c# and asp.net). Below the level asked in sql.",
    "required_skills",
    { total: 4, covered: ["python", "c#", "asp.net"], below: ["sql"], missing: [] },
  ],
  ["required_skills", "Covers 2 of 2 required skills at the level asked (git and docker).", "required_skills", { total: 2, covered: ["git", "docker"], below: [], missing: [] }],
  // Never written by the engine: no code would tell the truth about it, so the component goes.
  ["required_skills", "Knows enough.", null, {}],
  ["nice_skills", "The slot lists no nice-to-have skills.", "nice_none", {}, true],
  ["nice_skills", "Has 2 of 3 nice-to-have skills (figma and css).", "nice_skills", { total: 3, has: ["figma", "css"] }],
  ["nice_skills", "Has 1 of 1 nice-to-have skills (go).", "nice_skills", { total: 1, has: ["go"] }],
  ["nice_skills", "Has none of the 2 nice-to-have skills.", "nice_skills", { total: 2, has: [] }],
  ["goals", "No particular goals were given.", "goals_none", {}, true],
  [
    "goals",
    "Can give mentorship, a referral and course credit, not a recommendation letter and return-offer consideration.",
    "goals",
    { met: ["mentorship", "referral", "course_credit"], unmet: ["recommendation_letter", "return_offer"] },
  ],
  ["goals", "Can give mentorship.", "goals", { met: ["mentorship"], unmet: [] }],
  ["goals", "Can give mentorship, not a portfolio project.", "goals", { met: ["mentorship"], unmet: ["portfolio_project"] }],
  ["goals", "Cannot give a portfolio project and course credit.", "goals", { met: [], unmet: ["portfolio_project", "course_credit"] }],
  ["time_zone", "In person: you work the team's hours.", "time_zone_in_person", {}, true],
  ["time_zone", "Same working hours as the team.", "time_zone_same", {}],
  ["time_zone", "2.5 of 8 working hours overlap with the team's (America/Argentina/Buenos_Aires).", "time_zone_overlap", { hours: 2.5, zone: "America/Argentina/Buenos_Aires" }],
  ["time_zone", "6 of 8 working hours overlap with the team's (Etc/GMT+5).", "time_zone_overlap", { hours: 6, zone: "Etc/GMT+5" }],
  ["time_zone", "No working hours overlap with the team's (Asia/Tokyo).", "time_zone_none", { zone: "Asia/Tokyo" }],
  ["dates_and_hours", "Starts soon after you are free; 20 of your 25 hours a week.", "dates_and_hours", { weeksAfterFree: 0, hours: 20, studentHours: 25 }],
  ["dates_and_hours", "Starts 9 weeks after you are free; 40 of your 40 hours a week.", "dates_and_hours", { weeksAfterFree: 9, hours: 40, studentHours: 40 }],
  // Never written by the engine either.
  ["dates_and_hours", "Whenever suits.", null, {}],
];

test("0006 turns every sentence the 0005 engine stored into its code, in order, and drops the labels", async () => {
  const db = await databaseBeforeCodes();
  try {
    // A warning the engine never wrote has no code to become, so it is dropped.
    const warnings = WARNINGS.map(([sentence]) => sentence).toSpliced(3, 0, "Bring a towel.");
    const reasons: object[] = REASONS.map(([key, sentence, , , neutral], i) => ({ key, label: LABELS[key], points: i + 0.5, max: 40, reason: sentence, ...(neutral && { neutral }) }));
    // `neutral: false` was never written either; it reads as absent. A key the engine never had goes.
    reasons.push({ key: "goals", label: "Goals", points: 5, max: 10, reason: "Can give mentorship.", neutral: false });
    reasons.push({ key: "luck", label: "Luck", points: 1, max: 1, reason: "Lucky." });
    const id = await insertLegacyMatch(db, "legacy", reasons, warnings);

    await apply(db, CODES_MIGRATION);

    expect(await storedMatch(db, id)).toEqual({
      warnings: WARNINGS.map(([, code]) => code),
      reasons: [
        ...REASONS.flatMap(([key, , code, params, neutral], i) => (code ? [{ key, points: i + 0.5, max: 40, reason: { code, params }, ...(neutral && { neutral }) }] : [])),
        { key: "goals", points: 5, max: 10, reason: { code: "goals", params: { met: ["mentorship"], unmet: [] } } },
      ],
    });
  } finally {
    await db.close();
  }
});

test("0006 makes empty warnings an empty jsonb array, defaults new rows to one, and leaves no helper functions", async () => {
  const db = await databaseBeforeCodes();
  try {
    const id = await insertLegacyMatch(db, "empty", [{ key: "time_zone", label: "Time zone", points: 20, max: 20, reason: "Same working hours as the team." }], []);

    await apply(db, CODES_MIGRATION);

    expect(await storedMatch(db, id)).toEqual({ warnings: [], reasons: [{ key: "time_zone", points: 20, max: 20, reason: { code: "time_zone_same", params: {} } }] });

    const { studentId, slotId } = await insertPair(db, "fresh");
    const { rows } = await db.query<{ warnings: unknown }>(`insert into matches (slot_id, student_id, source, score, reasons) values ($1, $2, 'round', 50, '[]') returning warnings`, [
      slotId,
      studentId,
    ]);
    expect(rows[0]!.warnings).toEqual([]);

    const helpers = await db.query(`select proname from pg_proc where proname like 'steppingstone_0006_%'`);
    expect(helpers.rows).toEqual([]);
  } finally {
    await db.close();
  }
});
