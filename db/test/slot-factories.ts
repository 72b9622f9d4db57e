import { randomBytes } from "node:crypto";
import { forgetSkills } from "~/modules/skills/skills.server";
import { slotFormSchema } from "~/modules/slots/schemas";
import type { Db } from "../client.server";
import { organizationMembers, skills, slotMentors, slots, slotSkills, studentProfiles, type Organization } from "../schema";
import { complete, type SubmittedSlot } from "~/modules/slots/submitted";
import type { organizations, WorkAuthorization } from "../schema";
import { makeOrganization as makeOrganizationOf, makeUser } from "./factories";

// Test-only helpers for slots, organizations and the skills they name. Like factories.ts: each
// call makes exactly what it says, with unique values.

const suffix = () => randomBytes(4).toString("hex");

/** YYYY-MM-DD, `days` after `from` (UTC). */
export function addDays(from: string | Date, days: number) {
  const date = typeof from === "string" ? new Date(`${from}T00:00:00Z`) : new Date(from);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A skill of its own (unique slug and name), so a test's skill filter sees only its slots. */
export async function makeSkill(db: Db, overrides: Partial<typeof skills.$inferInsert> = {}) {
  const id = suffix();
  const [skill] = await db
    .insert(skills)
    .values({ slug: `test-skill-${id}`, name: `Test Skill ${id}`, category: "tools", aliases: [`ts-alias-${id}`], ...overrides })
    .returning();
  // why: listSkills caches the taxonomy per handle; a skill added by a test must be seen at once.
  forgetSkills(db);
  return skill!;
}

/** An organization in Boston (verified unless `verified: false`) with one mentor member, who created it. */
export async function makeOrganization(db: Db, { verified = true, ...overrides }: Partial<typeof organizations.$inferInsert> & { verified?: boolean } = {}) {
  const mentor = await makeUser(db, { role: "mentor", name: "Test Mentor" });
  const organization = await makeOrganizationOf(db, { city: "Boston", verifiedAt: verified ? new Date() : null, createdBy: mentor.id, members: [mentor], ...overrides });
  return { organization, mentor };
}

/** Another mentor who belongs to `organization`. */
export async function addMentor(db: Db, organization: Pick<Organization, "id">, name = "Second Mentor") {
  const mentor = await makeUser(db, { role: "mentor", name });
  await db.insert(organizationMembers).values({ organizationId: organization.id, userId: mentor.id });
  return mentor;
}

/** A student with a profile stating `workAuthorization` (or none). */
export async function makeStudent(db: Db, workAuthorization: WorkAuthorization | null = null, dates: { validFrom?: string; validUntil?: string } = {}) {
  const student = await makeUser(db, { role: "student", name: "Test Student" });
  await db.insert(studentProfiles).values({
    userId: student.id,
    workAuthorization,
    authorizationValidFrom: dates.validFrom ?? null,
    authorizationValidUntil: dates.validUntil ?? null,
  });
  return student;
}

/** A test slot's terms, the same through the form and in a direct insert: 20 hours a week for 12 weeks, remote, in the US. */
const slotTerms = (today: string) => ({
  hoursPerWeek: 20,
  startDate: addDays(today, 30),
  durationWeeks: 12,
  applicationDeadline: addDays(today, 14),
  seats: 1,
  workMode: "remote" as const,
  country: "US",
  timezone: "America/New_York",
});

const FACTOR_ANSWER = "We say it in the offer letter and in the first meeting, in writing.";

/**
 * What a mentor types into the slot form for a complete paid slot, as the form posts it
 * (strings and arrays); `overrides` replace fields. Parse it with `slotFormSchema`.
 */
export function slotFormValues(
  { mentorId, skill, today }: { mentorId: string; skill: string; today: string },
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    title: "Build the data pipeline for river sensors",
    description: "Join a small team that measures river health with low-cost sensors, and help us turn readings into maps.",
    project: "You will build the ingestion pipeline that cleans sensor readings and publishes them as open data.",
    requiredSkills: [{ skill, level: 2 }],
    niceSkills: [],
    mentorIds: [mentorId],
    mentorHoursPerWeek: 3,
    compensation: "paid",
    hourlyRate: 25,
    currency: "USD",
    ...slotTerms(today),
    region: "MA",
    acceptedAuthorizations: ["us_citizen_pr", "us_f1_cpt"],
    paperwork: ["cpt_offer_letter"],
    offers: ["recommendation_letter"],
    questions: ["Which sensor project have you enjoyed most?"],
    ...overrides,
  };
}

/** The seven primary-beneficiary answers, each long enough. */
export const PRIMARY_BENEFICIARY_ANSWERS = {
  noExpectationOfPay: FACTOR_ANSWER,
  educationalTraining: "Weekly code reviews and a reading list, like a lab course.",
  tiedToEducation: "It counts toward the student's capstone course with their school.",
  academicCalendar: "Ten hours a week during term, none in exam weeks.",
  limitedDuration: "Twelve weeks: long enough to ship one pipeline end to end.",
  complementsStaff: "The intern builds a prototype our staff would not otherwise build.",
  noJobEntitlement: "The offer letter says no job is promised at the end.",
};

/** The extra fields an unpaid slot needs, filled in. */
export function unpaidValues(overrides: Record<string, unknown> = {}) {
  return {
    compensation: "unpaid",
    hourlyRate: undefined,
    currency: undefined,
    learningPlan:
      "Weeks 1–3: learn our stack and ship a small fix. Weeks 4–8: build the pipeline with a weekly review. Weeks 9–12: document it and present it to the team.",
    primaryBeneficiary: PRIMARY_BENEFICIARY_ANSWERS,
    acceptedAuthorizations: ["us_citizen_pr", "us_f1_cpt"],
    ...overrides,
  };
}

/** Parses form values with the real schema; throws with the issues when they do not pass. */
export function parseSlot(values: Record<string, unknown>, today: string) {
  const result = slotFormSchema({ today }).safeParse(values);
  if (!result.success) throw new Error(`Slot values do not pass: ${JSON.stringify(result.error.issues.map((i) => [i.path.join("."), i.message]))}`);
  return result.data;
}

/**
 * A slot inserted directly (no form, no rules) in any status, for reading tests: search,
 * visibility, review queue. `skills` are [slug, minLevel, required].
 */
export async function makeSlot(
  db: Db,
  organization: Pick<Organization, "id">,
  overrides: Partial<typeof slots.$inferInsert> & { skills?: [string, number, boolean][]; mentorIds?: string[] } = {},
): Promise<SubmittedSlot> {
  const { skills: slotSkillList = [], mentorIds = [], ...values } = overrides;
  const today = new Date().toISOString().slice(0, 10);
  const compensation = values.compensation ?? "paid";
  const money =
    compensation === "paid"
      ? { hourlyRate: "25.00", currency: "USD" }
      : compensation === "stipend"
        ? { stipendAmount: 3000, currency: "USD" }
        : { learningPlan: "A learning plan made by a test.", primaryBeneficiary: PRIMARY_BENEFICIARY_ANSWERS };
  const [slot] = await db
    .insert(slots)
    .values({
      organizationId: organization.id,
      title: `Test slot ${suffix()}`,
      description: "A slot made by a test.",
      project: "A project made by a test.",
      mentorHoursPerWeek: 2,
      compensation,
      ...money,
      ...slotTerms(today),
      acceptedAuthorizations: ["us_citizen_pr"],
      status: "open",
      publishedAt: new Date(),
      ...values,
    })
    .returning();
  if (slotSkillList.length) {
    await db.insert(slotSkills).values(slotSkillList.map(([skillSlug, minLevel, required]) => ({ slotId: slot!.id, skillSlug, minLevel, required })));
  }
  if (mentorIds.length) await db.insert(slotMentors).values(mentorIds.map((userId) => ({ slotId: slot!.id, userId })));
  return complete(slot!);
}
