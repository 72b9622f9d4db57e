import { z } from "zod";
import type { OrganizationType, WorkMode } from "~db/schema";
import { COUNTRIES } from "~/domain/labels";
import { CURRENCIES, ORGANIZATION_TYPES, PAPERWORK, SLOT_COMPENSATIONS, SLOT_OFFERS, WORK_MODES } from "~/domain/vocabulary";
import { UNKNOWN_BUTTON } from "~/forms/gate";
import { WORK_AUTHORIZATIONS } from "~/engine/work-authorization";
import { skillRowsSchema } from "~/modules/skills/schemas";
import { complete } from "./submitted";
import { countsAsUnpaid, isCalendarDate, PRIMARY_BENEFICIARY_FACTORS, ruleInputOf, slotRuleIssues } from "./rules";

// One schema per form, used by the server (parseWithZod) and the browser (Conform).

// The form's choices, under the names its page uses; the values are the vocabulary's (app/domain/vocabulary.ts).
export { CURRENCIES, ORGANIZATION_TYPES, PAPERWORK, WORK_MODES };
export const COMPENSATIONS = SLOT_COMPENSATIONS;
export const OFFERS = SLOT_OFFERS;
export { SLOT_STATUSES } from "~/domain/vocabulary";
const COUNTRY_CODES = COUNTRIES.map((c) => c.code) as [string, ...string[]];

export const MAX_QUESTIONS = 3;
export const MAX_MENTORS = 5;
export const MAX_SKILLS = 15;

/** Whether the runtime (browser or server) knows `name` as an IANA time zone. */
export function isTimeZone(name: string) {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const text = (name: string, { min = 1, max }: { min?: number; max: number }) =>
  z
    .string({ error: `Enter ${name}` })
    .trim()
    .min(min, min > 1 ? `Use at least ${min} characters for ${name}` : `Enter ${name}`)
    .max(max, `Use at most ${max.toLocaleString("en-US")} characters`);
const optionalText = (max: number) => z.string().trim().max(max, `Use at most ${max.toLocaleString("en-US")} characters`).optional();
const wholeNumber = (what: string, min: number, max: number, tooLow = `${what} must be at least ${min}`) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? `Enter ${what}` : `Enter ${what} as a whole number`) })
    .int(`Enter ${what} as a whole number`)
    .min(min, tooLow)
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} can be at most ${max}`);
const calendarDate = (what: string) =>
  z.string({ error: `Choose ${what}` }).refine(isCalendarDate, `Enter ${what} as a date, like 2026-06-01`);

const primaryBeneficiaryShape = Object.fromEntries(PRIMARY_BENEFICIARY_FACTORS.map((f) => [f.key, optionalText(2000)])) as Record<
  (typeof PRIMARY_BENEFICIARY_FACTORS)[number]["key"],
  ReturnType<typeof optionalText>
>;

const slotFields = {
  title: text("a title", { min: 5, max: 120 }),
  description: text("a description", { min: 40, max: 5000 }),
  project: text("the project and what the intern will build", { min: 40, max: 5000 }),
  // Levels are minimums: 1 learning, 2 used in projects, 3 used at work, 4 could teach it.
  requiredSkills: skillRowsSchema({ max: MAX_SKILLS, noun: "required skills" }).refine((rows) => rows.length > 0, "List at least one skill the intern needs"),
  niceSkills: skillRowsSchema({ max: MAX_SKILLS, noun: "nice-to-have skills" }),
  mentorIds: z
    .array(z.uuid("Choose mentors from your organization"), { error: "Name at least one mentor: every slot on Steppingstone is mentored" })
    .min(1, "Name at least one mentor: every slot on Steppingstone is mentored")
    .max(MAX_MENTORS, `Name at most ${MAX_MENTORS} mentors`),
  mentorHoursPerWeek: wholeNumber("weekly mentor hours", 0, 40),
  compensation: z.enum(COMPENSATIONS, { error: "Choose how the intern is compensated" }),
  hourlyRate: z
    .number({ error: (issue) => (issue.input === undefined ? "Enter the hourly rate" : "Enter the hourly rate as a number, like 25 or 27.50") })
    .positive("The hourly rate must be more than 0")
    .max(500, "The hourly rate can be at most 500")
    .refine((n) => Math.round(n * 100) === n * 100, "Use at most two decimals")
    .optional(),
  stipendAmount: wholeNumber("the stipend", 1, 1_000_000, "The stipend must be more than 0").optional(),
  currency: z.enum(CURRENCIES, { error: "Choose USD or CAD" }).optional(),
  hoursPerWeek: wholeNumber("the hours per week", 1, 60),
  startDate: calendarDate("the start date"),
  durationWeeks: wholeNumber("the duration in weeks", 1, 104),
  applicationDeadline: calendarDate("the application deadline"),
  seats: wholeNumber("the number of seats", 1, 50, "A slot needs at least one seat"),
  workMode: z.enum(WORK_MODES, { error: "Choose remote, hybrid or on site" }),
  country: z.enum(COUNTRY_CODES, { error: "Choose the country whose rules apply" }),
  region: optionalText(2),
  city: optionalText(100),
  timezone: z.string({ error: "Enter the team's time zone" }).trim().refine(isTimeZone, "Enter a time zone like America/Toronto"),
  acceptedAuthorizations: z
    .array(z.enum(WORK_AUTHORIZATIONS), { error: "Tick at least one work authorization you accept" })
    .min(1, "Tick at least one work authorization you accept"),
  paperwork: z.array(z.enum(PAPERWORK)).optional(),
  offers: z.array(z.enum(OFFERS)).optional(),
  questions: z.array(optionalText(300)).max(MAX_QUESTIONS, `Ask at most ${MAX_QUESTIONS} questions`).optional(),
  learningPlan: optionalText(5000),
  academicProgram: optionalText(200),
  academicSchool: optionalText(200),
  requiredPlacement: z.boolean().optional().default(false),
  primaryBeneficiary: z.object(primaryBeneficiaryShape).optional(),
};

/**
 * A draft's fields: a title, and whatever else the mentor has written so far, each checked only
 * for its form (a number is a number, a date a date) when it is there. The rest is checked when
 * the slot is submitted (slotFormSchema).
 */
const draftFields = {
  ...Object.fromEntries(Object.entries(slotFields).map(([name, field]) => [name, field.optional()])),
  title: slotFields.title,
  requiredSkills: skillRowsSchema({ max: MAX_SKILLS, noun: "required skills" }),
  niceSkills: slotFields.niceSkills,
  mentorIds: z.array(z.uuid("Choose mentors from your organization")).max(MAX_MENTORS, `Name at most ${MAX_MENTORS} mentors`).optional(),
  acceptedAuthorizations: z.array(z.enum(WORK_AUTHORIZATIONS)).optional(),
} as { [K in keyof typeof slotFields]: K extends "title" | "requiredSkills" | "niceSkills" ? (typeof slotFields)[K] : z.ZodOptional<(typeof slotFields)[K]> };

/** The form's fields without the rules, for HTML constraints (Conform's getZodConstraint reads no transforms at the root). */
export const slotFormFields = z.object(slotFields);
/** The same for a draft: only the title is required. */
export const slotDraftFields = z.object(draftFields);

const unique = <T,>(values: readonly T[] | undefined) => [...new Set(values ?? [])];

type FormValues = z.output<typeof slotDraftFields>;

/** The form's values as the slot stores them; what the mentor left empty is null. */
function toSlotValues(v: FormValues) {
  // why: the seven questions are the US Department of Labor's; a slot in Canada answers the academic-program rule instead.
  const unpaid = v.compensation !== undefined && countsAsUnpaid(v) && v.country !== "CA";
  return {
    ...v,
    description: v.description ?? null,
    project: v.project ?? null,
    mentorHoursPerWeek: v.mentorHoursPerWeek ?? null,
    compensation: v.compensation ?? null,
    hoursPerWeek: v.hoursPerWeek ?? null,
    startDate: v.startDate ?? null,
    durationWeeks: v.durationWeeks ?? null,
    applicationDeadline: v.applicationDeadline ?? null,
    seats: v.seats ?? null,
    workMode: v.workMode ?? null,
    country: v.country ?? null,
    timezone: v.timezone ?? null,
    mentorIds: unique(v.mentorIds),
    // why: keep only the money fields of the chosen compensation, so a slot switched from paid
    // to unpaid never shows a stale rate.
    hourlyRate: v.compensation === "paid" ? (v.hourlyRate ?? null) : null,
    stipendAmount: v.compensation === "stipend" ? (v.stipendAmount ?? null) : null,
    currency: v.compensation === "paid" || v.compensation === "stipend" ? (v.currency ?? null) : null,
    city: v.city || null,
    region: v.country === "US" || v.country === "CA" ? v.region || null : null,
    requiredPlacement: v.country === "CA" && Boolean(v.requiredPlacement),
    acceptedAuthorizations: unique(v.acceptedAuthorizations),
    paperwork: unique(v.paperwork),
    // A course-credit slot gives course credit; saying so again would only be a chance to forget.
    offers: unique(v.compensation === "course_credit" ? [...(v.offers ?? []), "course_credit" as const] : v.offers),
    questions: (v.questions ?? []).filter((q): q is string => Boolean(q)),
    learningPlan: v.learningPlan || null,
    academicProgram: v.academicProgram || null,
    academicSchool: v.academicSchool || null,
    // why: the primary-beneficiary test is about unpaid work; on a paid slot the answers mean nothing.
    primaryBeneficiary: unpaid
      ? (Object.fromEntries(PRIMARY_BENEFICIARY_FACTORS.map((f) => [f.key, v.primaryBeneficiary?.[f.key] ?? ""])) as Record<
          (typeof PRIMARY_BENEFICIARY_FACTORS)[number]["key"],
          string
        >)
      : null,
  };
}

/**
 * The slot form as it is submitted for review. `today` (YYYY-MM-DD) is an argument so the browser
 * and the server agree on it (the page passes the server's date) and tests can fix it.
 */
export function slotFormSchema({ today }: { today: string }) {
  return z
    .object(slotFields)
    .superRefine(
      (value, ctx) => {
        for (const issue of slotRuleIssues(ruleInputOf(value), today)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      },
      // why: run the rules even when another field is invalid, so the mentor sees every problem at once.
      { when: () => true },
    )
    // why: every term is required here, so the values are a complete slot's.
    .transform((v) => complete(toSlotValues(v)));
}

/** The slot form as "Save draft" sends it: a title, and the rest only checked for its form. */
export function slotDraftSchema() {
  return slotDraftFields.transform(toSlotValues);
}

export type SlotFormSchema = ReturnType<typeof slotFormSchema>;
/** A slot as saved: a draft's, whose terms may be missing, or a complete one. */
export type SlotInput = z.output<ReturnType<typeof slotDraftSchema>>;

/** Save the form as a draft, or save it and submit it. */
export const SaveIntentSchema = z.object({ intent: z.enum(["save", "submit"]).default("save") });
export type SaveIntent = z.output<typeof SaveIntentSchema>["intent"];

/** The schema of the button pressed: "Save draft" needs only a title, "Save and submit" the whole slot. */
export function slotSchemaFor(intent: SaveIntent, { today }: { today: string }): z.ZodType<SlotInput, z.input<typeof slotDraftFields>> {
  return intent === "submit" ? slotFormSchema({ today }) : slotDraftSchema();
}

/** A mentor's decision on an open slot. */
export const SlotOutcomeSchema = z.object({ intent: z.enum(["close", "fill"]) });

/** A mentor takes a slot waiting for review back to a draft. */
export const WithdrawSlotSchema = z.object({ intent: z.literal("withdraw") });

const reviewReason = z
  .string({ error: "Write the reason: the mentors read it and change the slot" })
  .trim()
  .min(10, "Say a little more (at least 10 characters): the mentors need to know what to change")
  .max(2000, "Use at most 2,000 characters");

/** An admin's decision on a slot waiting for review; sending back needs a reason the mentors will read. */
export const ReviewSchema = z.discriminatedUnion("decision", [
  z.object({ slotId: z.uuid(), decision: z.literal("open"), reason: optionalText(2000) }),
  z.object({ slotId: z.uuid(), decision: z.literal("send_back"), reason: reviewReason }),
], { error: UNKNOWN_BUTTON });
export type ReviewInput = z.output<typeof ReviewSchema>;

// Browse and search: every filter lives in the URL, so a search can be shared. A bad value in a
// shared link is dropped, not an error: the page still shows what the rest of the link asks for.

export const SORTS = ["relevance", "newest", "deadline"] as const;
export const PAY_FILTERS = ["paid_only", "paid_or_stipend", "unpaid_or_credit"] as const;
export const MAX_SKILL_FILTERS = 10;

export type SlotSearch = {
  q?: string;
  /** Skill slugs, names or aliases as typed; the module resolves them. */
  skills: string[];
  pay?: (typeof PAY_FILTERS)[number];
  modes: WorkMode[];
  country?: string;
  organizationType?: OrganizationType;
  maxHours?: number;
  maxWeeks?: number;
  startFrom?: string;
  /** Only slots that accept the signed-in student's work authorization. */
  fitsMe: boolean;
  sort?: (typeof SORTS)[number];
};

const oneOf = <T extends string>(values: readonly T[], value: string | null | undefined): T | undefined =>
  values.find((v) => v === value);
const wholeIn = (value: string | null, min: number, max: number) => {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

/** The filters of a /slots URL; unknown or malformed values are left out. */
export function parseSlotSearch(params: URLSearchParams): SlotSearch {
  const q = params.get("q")?.trim().slice(0, 200);
  const startFrom = params.get("startFrom") ?? "";
  return {
    q: q || undefined,
    skills: [...new Set(params.getAll("skill").map((s) => s.trim().toLowerCase()).filter((s) => s && s.length <= 100))].slice(0, MAX_SKILL_FILTERS),
    pay: oneOf(PAY_FILTERS, params.get("pay")),
    modes: [...new Set(params.getAll("mode").flatMap((m) => oneOf(WORK_MODES, m) ?? []))],
    country: oneOf(COUNTRY_CODES, params.get("country")),
    organizationType: oneOf(ORGANIZATION_TYPES, params.get("orgType")),
    maxHours: wholeIn(params.get("maxHours"), 1, 60),
    maxWeeks: wholeIn(params.get("maxWeeks"), 1, 104),
    startFrom: isCalendarDate(startFrom) ? startFrom : undefined,
    fitsMe: params.get("fit") === "mine",
    sort: oneOf(SORTS, params.get("sort")),
  };
}
