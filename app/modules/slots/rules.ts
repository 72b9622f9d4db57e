import { compensationForRules, isSubMinimumStipend, payAgainstMinimum, REGIONS, type PayTerms } from "~/domain/minimum-wage";
import { isIn, UNPAID_SLOT_COMPENSATIONS } from "~/domain/vocabulary";
import { AUTHORIZATION_INFO, type WorkAuthorizationStatus } from "~/domain/work-authorization";
import { authorizationFit, type SlotTerms } from "~/engine/work-authorization";
import { renderExplanation } from "~/messages/render";

// Pure rules of a slot: no database, no clock (today is an argument). The form's schema runs
// them in the browser and on the server; the module and the review queue reuse them.

export const isUnpaid = (compensation: string | undefined | null) => isIn(UNPAID_SLOT_COMPENSATIONS, compensation ?? "");

/**
 * Whether the unpaid rules apply to a slot: unpaid, course credit, or a stipend below the minimum
 * wage for its hours where it is (a token payment does not make an internship paid).
 */
export const countsAsUnpaid = (slot: PayTerms) => isUnpaid(slot.compensation) || isSubMinimumStipend(slot);

/**
 * Whether a submitted slot waits for an admin: every slot the unpaid rules apply to, and every
 * slot of an organization no admin has verified. A paid slot, or one with a real stipend, of a
 * verified organization opens at once.
 */
export function needsReview(slot: PayTerms, organization: { verifiedAt: Date | string | null }) {
  return countsAsUnpaid(slot) || organization.verifiedAt === null;
}

/** The terms of a slot the rules read; every field may be missing while a form is half filled. */
export type SlotRuleInput = {
  compensation?: string;
  hourlyRate?: number | null;
  stipendAmount?: number | null;
  currency?: string | null;
  hoursPerWeek?: number;
  mentorHoursPerWeek?: number;
  startDate?: string;
  applicationDeadline?: string;
  durationWeeks?: number;
  workMode?: string;
  country?: string;
  region?: string | null;
  city?: string | null;
  acceptedAuthorizations?: readonly string[];
  paperwork?: readonly string[];
  learningPlan?: string | null;
  academicProgram?: string | null;
  academicSchool?: string | null;
  requiredPlacement?: boolean | null;
  primaryBeneficiary?: Partial<Record<string, string | null | undefined>> | null;
};

export type RuleIssue = { path: (string | number)[]; message: string };

const stringOf = (value: unknown) => (typeof value === "string" ? value : undefined);
const numberOf = (value: unknown) => (typeof value === "number" ? value : undefined);
const stringsOf = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : undefined);

/**
 * What the rules may read of a form that did not pass its schema (the slot form runs them on
 * every submission, so the mentor sees every problem at once): each field of the type the rules
 * expect, or missing. A field sent twice, or as an object, is simply not there.
 */
export function ruleInputOf(value: unknown): SlotRuleInput {
  const form = value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const answers = form.primaryBeneficiary !== null && typeof form.primaryBeneficiary === "object" ? (form.primaryBeneficiary as Record<string, unknown>) : undefined;
  return {
    compensation: stringOf(form.compensation),
    hourlyRate: numberOf(form.hourlyRate),
    stipendAmount: numberOf(form.stipendAmount),
    currency: stringOf(form.currency),
    hoursPerWeek: numberOf(form.hoursPerWeek),
    mentorHoursPerWeek: numberOf(form.mentorHoursPerWeek),
    startDate: stringOf(form.startDate),
    applicationDeadline: stringOf(form.applicationDeadline),
    durationWeeks: numberOf(form.durationWeeks),
    workMode: stringOf(form.workMode),
    country: stringOf(form.country),
    region: stringOf(form.region),
    city: stringOf(form.city),
    acceptedAuthorizations: stringsOf(form.acceptedAuthorizations),
    paperwork: stringsOf(form.paperwork),
    learningPlan: stringOf(form.learningPlan),
    academicProgram: stringOf(form.academicProgram),
    academicSchool: stringOf(form.academicSchool),
    requiredPlacement: typeof form.requiredPlacement === "boolean" ? form.requiredPlacement : undefined,
    primaryBeneficiary: answers && Object.fromEntries(PRIMARY_BENEFICIARY_FACTORS.map(({ key }) => [key, stringOf(answers[key])])),
  };
}

const short = (status: WorkAuthorizationStatus) => AUTHORIZATION_INFO[status].short;
const money = (amount: number, currency: string) => `${currency === "CAD" ? "CA$" : "$"}${amount.toFixed(2)}`;
/** "the minimum wage in Washington", or the fallback's own name ("the US federal minimum wage"). */
const minimumName = (m: { where: string; fallback: boolean }) => (m.fallback ? m.where : `the minimum wage in ${m.where}`);
/** Whether `value` is a real calendar date written YYYY-MM-DD (not 2027-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
const isDate = isCalendarDate;
const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const filled = (value: unknown) => typeof value === "string" && value.trim().length > 0;

/** The shortest learning plan or factor answer that says something (a word or two is not a plan). */
export const MIN_PLAN_LENGTH = 80;
export const MIN_ANSWER_LENGTH = 20;

/**
 * The factors of the US Department of Labor's primary-beneficiary test (Fact Sheet #71), each
 * as a question a mentor can answer in plain words. An unpaid slot answers all seven.
 */
export const PRIMARY_BENEFICIARY_FACTORS = [
  {
    key: "noExpectationOfPay",
    question: "How will you make clear to the intern, before they start, that the internship is unpaid and that no pay is promised?",
    factor: "The intern and the employer clearly understand that there is no expectation of pay.",
  },
  {
    key: "educationalTraining",
    question: "What will the intern learn here that is like what a classroom, lab or clinical course would teach?",
    factor: "The internship gives training similar to what an educational environment would give.",
  },
  {
    key: "tiedToEducation",
    question: "How is the internship tied to the intern's studies — coursework, academic credit, or a school program?",
    factor: "The internship is tied to the intern's formal education by integrated coursework or academic credit.",
  },
  {
    key: "academicCalendar",
    question: "How do the hours and dates fit around the intern's classes and exams?",
    factor: "The internship accommodates the intern's academic commitments by following the academic calendar.",
  },
  {
    key: "limitedDuration",
    question: "Why is this length right — for how long will the intern keep learning something new?",
    factor: "The internship lasts only as long as it gives the intern beneficial learning.",
  },
  {
    key: "complementsStaff",
    question: "How does the intern's work add to your team's work, rather than replace a paid employee?",
    factor: "The intern's work complements, rather than displaces, the work of paid employees.",
  },
  {
    key: "noJobEntitlement",
    question: "How will you make clear that the internship does not promise a paid job at the end?",
    factor: "The intern and the employer understand that the internship comes with no entitlement to a paid job at its end.",
  },
] as const;

export type PrimaryBeneficiaryKey = (typeof PRIMARY_BENEFICIARY_FACTORS)[number]["key"];

/**
 * The errors a slot's terms have, each on the field a mentor should change. Rules whose
 * inputs are missing or malformed stay silent: the field's own error says what to fix first.
 * `today` is YYYY-MM-DD.
 */
export function slotRuleIssues(slot: SlotRuleInput, today: string): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const add = (path: RuleIssue["path"], message: string) => issues.push({ path, message });
  const accepted = (slot.acceptedAuthorizations ?? []).filter((s): s is WorkAuthorizationStatus => Object.hasOwn(AUTHORIZATION_INFO, s));
  const hours = isNumber(slot.hoursPerWeek) ? slot.hoursPerWeek : undefined;

  // Compensation and what it needs.
  if (slot.compensation === "paid") {
    if (!isNumber(slot.hourlyRate)) add(["hourlyRate"], "Enter the hourly rate of this paid slot");
    if (!slot.currency) add(["currency"], "Choose the currency of the pay");
  }
  if (slot.compensation === "stipend") {
    if (!isNumber(slot.stipendAmount)) add(["stipendAmount"], "Enter the stipend for the whole internship");
    if (!slot.currency) add(["currency"], "Choose the currency of the stipend");
  }

  // Pay below the minimum wage where the slot is: refused when paid; a stipend counts as unpaid.
  const pay = payAgainstMinimum(slot);
  if (slot.compensation === "paid" && pay?.below) {
    add(["hourlyRate"], `${money(pay.hourly, pay.minimum.currency)} an hour is below ${minimumName(pay.minimum)} (${money(pay.minimum.rate, pay.minimum.currency)}): pay at least the minimum`);
  }

  // An unpaid slot must earn its place (DESIGN.md: unpaid slots). In the US the Department of
  // Labor's seven questions; in Canada the academic-program rule instead.
  if (countsAsUnpaid(slot)) {
    const plan = slot.learningPlan?.trim() ?? "";
    if (!plan) add(["learningPlan"], "An unpaid or course-credit slot needs a learning plan: what the intern will learn, week by week or milestone by milestone");
    else if (plan.length < MIN_PLAN_LENGTH) add(["learningPlan"], `Say more in the learning plan (at least ${MIN_PLAN_LENGTH} characters): what will the intern learn, and how?`);
    if (isNumber(slot.mentorHoursPerWeek) && slot.mentorHoursPerWeek < 1) {
      add(["mentorHoursPerWeek"], "An unpaid or course-credit slot needs at least 1 hour a week of mentoring");
    }
    for (const { key } of slot.country === "CA" ? [] : PRIMARY_BENEFICIARY_FACTORS) {
      const answer = slot.primaryBeneficiary?.[key]?.trim() ?? "";
      if (!answer) add(["primaryBeneficiary", key], "Answer this question; every unpaid or course-credit slot answers all seven");
      else if (answer.length < MIN_ANSWER_LENGTH) add(["primaryBeneficiary", key], `Answer in a sentence or more (at least ${MIN_ANSWER_LENGTH} characters)`);
    }
    // Canada: part of an academic program (Canada Labour Code s.167(1.2) for federally regulated
    // employers; provincial acts exempt approved programs) — named, school and program both.
    if (slot.country === "CA" && !filled(slot.academicSchool)) {
      add(["academicSchool"], "In Canada an unpaid internship must be part of an academic program: name the school, like “University of Waterloo”");
    }
    if (slot.country === "CA" && !filled(slot.academicProgram)) {
      add(["academicProgram"], "In Canada an unpaid internship must be part of an academic program: name the program, like “Computer Science co-op”");
    }
  }

  // Where the work happens, and whose minimum wage applies.
  if (slot.region && (slot.country === "US" || slot.country === "CA") && !Object.hasOwn(REGIONS[slot.country], slot.region)) {
    add(["region"], `Choose a ${slot.country === "US" ? "state" : "province or territory"} of ${slot.country === "US" ? "the United States" : "Canada"}`);
  }
  if ((slot.workMode === "onsite" || slot.workMode === "hybrid") && !filled(slot.city)) {
    add(["city"], `An ${slot.workMode === "onsite" ? "on-site" : "hybrid"} slot needs the city where the intern will work`);
  }

  // Dates.
  if (isDate(slot.startDate) && slot.startDate < today) add(["startDate"], "The start date has passed: choose today or a later date");
  if (isDate(slot.applicationDeadline)) {
    if (slot.applicationDeadline < today) add(["applicationDeadline"], "The application deadline has passed: choose today or a later date");
    else if (isDate(slot.startDate) && slot.applicationDeadline > slot.startDate) {
      add(["applicationDeadline"], "The application deadline must be on or before the start date");
    }
  }

  // Mentoring cannot take more of the intern's week than the internship itself.
  if (isNumber(slot.mentorHoursPerWeek) && hours !== undefined && slot.mentorHoursPerWeek > hours) {
    add(["mentorHoursPerWeek"], `Mentor hours (${slot.mentorHoursPerWeek}) cannot be more than the intern's hours a week (${hours})`);
  }

  // Work authorizations the slot accepts but cannot satisfy (the rules of authorizationFit, said to the mentor).
  const explained = new Set<WorkAuthorizationStatus>();
  if (accepted.includes("us_f1_stem_opt") && slot.country !== "CA") {
    if (countsAsUnpaid(slot)) {
      add(["acceptedAuthorizations"], "F-1 STEM OPT needs a paid position (wages, or a stipend of at least the minimum wage): untick STEM OPT, or pay the intern");
      explained.add("us_f1_stem_opt");
    }
    if (hours !== undefined && hours < 20) {
      add(["hoursPerWeek"], "F-1 STEM OPT needs at least 20 hours a week: raise the hours, or untick STEM OPT");
      explained.add("us_f1_stem_opt");
    }
    if (!(slot.paperwork ?? []).includes("everify_i983")) {
      add(["paperwork"], "You accept F-1 STEM OPT, which needs an employer in E-Verify that signs an I-983 training plan: tick it if your organization can, or untick STEM OPT");
      explained.add("us_f1_stem_opt");
    }
  }
  // why: authorizationFit is the single source of these rules; any hard problem it finds that the
  // messages above do not explain (a rule added there later) still stops the slot, in its words.
  if (slot.compensation && hours !== undefined) {
    const terms: SlotTerms = {
      // As the engine sees the slot (toMatchSlot): a stipend below the minimum wage is unpaid.
      compensation: compensationForRules({ ...slot, compensation: slot.compensation as SlotTerms["compensation"] }),
      hoursPerWeek: hours,
      acceptedAuthorizations: accepted,
      paperwork: slot.paperwork ?? [],
      startDate: isDate(slot.startDate) ? slot.startDate : today,
      durationWeeks: isNumber(slot.durationWeeks) ? slot.durationWeeks : 1,
      country: slot.country,
    };
    for (const status of accepted) {
      if (explained.has(status)) continue;
      const { problems } = authorizationFit({ workAuthorization: status }, terms);
      for (const problem of problems) add(["acceptedAuthorizations"], `${short(status)}: ${renderExplanation(problem, { audience: "mentor", name: null })}`);
    }
  }

  return issues;
}

/**
 * Things worth a second look that do not stop a slot: shown to its mentors after saving and to
 * the admin who reviews it.
 */
export function slotWarnings(slot: SlotRuleInput): string[] {
  const warnings: string[] = [];
  const accepted = slot.acceptedAuthorizations ?? [];
  const paperwork = slot.paperwork ?? [];
  const hours = slot.hoursPerWeek ?? 0;

  if (hours > 40) warnings.push(`${hours} hours a week is more than full time; most interns, and most visas, expect 40 or fewer.`);
  if (accepted.includes("us_f1_cpt")) {
    if (hours > 20) warnings.push(`You accept F-1 CPT at ${hours} hours a week: most schools allow CPT students more than 20 hours a week only during breaks — say in the description when the work happens.`);
    if (!paperwork.includes("cpt_offer_letter")) warnings.push("You accept F-1 CPT but did not tick the offer letter CPT needs; students will ask for one.");
  }
  if (accepted.includes("us_f1_opt_pre") && hours > 20) {
    warnings.push(`You accept pre-completion OPT at ${hours} hours a week: it allows more than 20 hours a week only during breaks.`);
  }
  if (accepted.includes("us_f1_opt_post") && hours < 20) {
    warnings.push(`You accept post-completion OPT at ${hours} hours a week: under 20 hours a week does not count as OPT employment, so those days count toward the student's unemployment limit.`);
  }
  if (accepted.includes("ca_study_permit") && hours > 24 && !slot.requiredPlacement) {
    warnings.push(`You accept Canadian study permits at ${hours} hours a week: they allow more than 24 hours a week only during scheduled breaks.`);
  }
  if (accepted.includes("ca_coop_permit") && !paperwork.includes("coop_agreement") && !slot.requiredPlacement) {
    warnings.push("You accept co-op work permits but did not tick a co-op agreement with the school; a co-op permit covers only placements that are part of the student's program.");
  }
  if (accepted.includes("not_authorized")) {
    warnings.push("You accept students who are not yet authorized to work: they must get authorization (CPT, OPT, a permit) before the first day, which can take weeks.");
  }
  const foreign = accepted.filter((s) => {
    const country = AUTHORIZATION_INFO[s as WorkAuthorizationStatus]?.country;
    return country && slot.country && (slot.country === "US" || slot.country === "CA") && country !== slot.country;
  });
  if (foreign.length > 0) {
    const names = foreign.map((s) => AUTHORIZATION_INFO[s as WorkAuthorizationStatus].short).join(", ");
    warnings.push(`This slot is in ${slot.country === "US" ? "the United States" : "Canada"} but accepts ${names}, which authorize work in the other country.`);
  }
  const pay = payAgainstMinimum(slot);
  if (slot.compensation === "stipend" && pay?.below) {
    warnings.push(
      `The stipend comes to ${money(pay.hourly, pay.minimum.currency)} an hour over the slot's hours, below ${minimumName(pay.minimum)} (${money(pay.minimum.rate, pay.minimum.currency)}): it counts as unpaid — the learning plan and the unpaid rules apply, and an admin reviews it before it opens.`,
    );
  }
  if (pay?.minimum.fallback && (slot.country === "US" || slot.country === "CA")) {
    warnings.push(`Choose the ${slot.country === "US" ? "state" : "province or territory"}: without it the pay is checked against ${pay.minimum.where} only.`);
  }
  if (pay && !pay.below && pay.minimum.note) warnings.push(`Minimum wage in ${pay.minimum.where}: ${pay.minimum.note}. Check your city's.`);
  if (slot.country === "US" && accepted.length && !accepted.includes("us_citizen_pr")) {
    warnings.push(
      "This slot does not accept US citizens or permanent residents. US law on citizenship-status discrimination protects citizens, nationals, many permanent residents, refugees and asylees: confirm with counsel that this is what you mean.",
    );
  }
  if (slot.country === "CA" && slot.requiredPlacement && !accepted.includes("ca_study_permit")) {
    warnings.push("Since 1 April 2026 students on a study permit do placements their program requires without a co-op permit: consider accepting study permits.");
  }
  if ((slot.compensation === "paid" || slot.compensation === "stipend") && slot.currency && slot.country) {
    const local = slot.country === "US" ? "USD" : slot.country === "CA" ? "CAD" : null;
    if (local && slot.currency !== local) warnings.push(`The pay is in ${slot.currency} for a slot in ${slot.country === "US" ? "the United States" : "Canada"}; check that is intended.`);
  }
  if (!countsAsUnpaid(slot) && slot.mentorHoursPerWeek === 0) {
    warnings.push("No weekly mentor hours: students come to Steppingstone for mentorship — even one hour a week makes a difference.");
  }
  return warnings;
}
