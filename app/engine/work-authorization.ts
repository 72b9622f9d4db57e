import type { AuthorizationExplanation } from "./explanations";

// Pure: no database, clock or network. What a student's work authorization means for a slot,
// as guidance to confirm with the school's international office — never legal advice. The
// words for each status are in app/domain/work-authorization.ts.

export const WORK_AUTHORIZATIONS = [
  "us_citizen_pr",
  "us_f1_cpt",
  "us_f1_opt_pre",
  "us_f1_opt_post",
  "us_f1_stem_opt",
  "us_j1_academic_training",
  "us_other_ead",
  "ca_citizen_pr",
  "ca_study_permit",
  "ca_coop_permit",
  "ca_open_work_permit",
  "not_authorized",
] as const;
export type WorkAuthorizationStatus = (typeof WORK_AUTHORIZATIONS)[number];

/** What the engine needs to know of each status: where it authorizes work, and whether it has dates. */
export const AUTHORIZATION_FACTS: Record<WorkAuthorizationStatus, { country: "US" | "CA" | null; hasDates: boolean }> = {
  us_citizen_pr: { country: "US", hasDates: false },
  us_f1_cpt: { country: "US", hasDates: true },
  us_f1_opt_pre: { country: "US", hasDates: true },
  us_f1_opt_post: { country: "US", hasDates: true },
  us_f1_stem_opt: { country: "US", hasDates: true },
  us_j1_academic_training: { country: "US", hasDates: true },
  us_other_ead: { country: "US", hasDates: true },
  ca_citizen_pr: { country: "CA", hasDates: false },
  ca_study_permit: { country: "CA", hasDates: true },
  ca_coop_permit: { country: "CA", hasDates: true },
  ca_open_work_permit: { country: "CA", hasDates: true },
  not_authorized: { country: null, hasDates: false },
};

export type SlotTerms = {
  /**
   * How the intern is paid, as the rules see it: a stipend below the local minimum wage for the
   * slot's hours counts as unpaid (the adapter and the slot rules decide that from the wage table;
   * an offline instance gives such a stipend as "unpaid").
   */
  compensation: "paid" | "stipend" | "unpaid" | "course_credit";
  hoursPerWeek: number;
  acceptedAuthorizations: readonly string[];
  /** What the organization can provide; undefined when unknown (e.g. an offline instance without it). */
  paperwork?: readonly string[];
  /** YYYY-MM-DD */
  startDate: string;
  durationWeeks: number;
  /** Where the organization employs the intern (two-letter code); undefined when unknown. */
  country?: string;
  /** Canada: a placement the student's academic program requires (co-op, internship, practicum). */
  requiredPlacement?: boolean;
};

export type StudentAuthorization = {
  workAuthorization: WorkAuthorizationStatus;
  /** YYYY-MM-DD, where the status has dates */
  validFrom?: string | null;
  validUntil?: string | null;
  /** YYYY-MM-DD: when the student's program ends (their graduation date), if known. */
  programEndDate?: string | null;
  /** F-1: months of full-time CPT already used, if the student said. */
  cptFullTimeMonthsUsed?: number | null;
};

export type AuthorizationFit = {
  /** False when a hard rule rules the pair out. */
  eligible: boolean;
  /** Why the pair is ruled out (hard). */
  problems: AuthorizationExplanation[];
  /** Softer issues to confirm, carried with the pair. */
  warnings: AuthorizationExplanation[];
};

/** The last day of a slot: start + weeks × 7 − 1, as YYYY-MM-DD (UTC date arithmetic). */
export function slotEndDate(startDate: string, durationWeeks: number) {
  const end = new Date(`${startDate}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + durationWeeks * 7 - 1);
  return end.toISOString().slice(0, 10);
}

const unpaid = (slot: SlotTerms) => slot.compensation === "unpaid" || slot.compensation === "course_credit";

/** Full time for CPT: more than 20 hours a week (8 CFR 214.2(f)(10)(i)). */
const CPT_PART_TIME_HOURS = 20;

/**
 * Whether a student's work authorization fits a slot: hard conflicts make the pair
 * ineligible; term-time hour caps, paperwork and dates are warnings to confirm. Codes, not
 * sentences: app/messages/ words them for each audience. Each rule's source and the date it was
 * checked are in docs/work-authorization.md.
 */
export function authorizationFit(student: StudentAuthorization, slot: SlotTerms): AuthorizationFit {
  const status = student.workAuthorization;
  const problems: AuthorizationExplanation[] = [];
  const warnings: AuthorizationExplanation[] = [];
  const hours = slot.hoursPerWeek;
  const end = slotEndDate(slot.startDate, slot.durationWeeks);

  if (!slot.acceptedAuthorizations.includes(status)) problems.push({ code: "auth_not_accepted", params: { status } });

  // A status authorizes work in its own country; its steps mean nothing for a slot in the other one.
  const home = AUTHORIZATION_FACTS[status].country;
  if (home && slot.country && (slot.country === "US" || slot.country === "CA") && slot.country !== home) {
    warnings.push({ code: "status_other_country", params: { status, country: slot.country } });
    return { eligible: problems.length === 0, problems, warnings };
  }

  if (status === "us_f1_stem_opt") {
    // STEM OPT needs pay: wages, or a stipend that meets the minimum wage (I-983 "any salary or stipend").
    if (unpaid(slot)) problems.push({ code: "stem_opt_not_paid", params: {} });
    if (hours < 20) problems.push({ code: "stem_opt_hours", params: { hours } });
    if (!slot.paperwork) warnings.push({ code: "stem_opt_everify_unknown", params: {} });
    else if (!slot.paperwork.includes("everify_i983")) problems.push({ code: "stem_opt_everify_missing", params: {} });
    if (slot.compensation === "stipend") warnings.push({ code: "stem_opt_stipend", params: {} });
  }
  // Fewer than 20 hours a week, paid or unpaid, is not post-completion OPT employment: those days
  // count toward the unemployment limit (SEVP OPT guidance).
  if (status === "us_f1_opt_post" && hours < 20) warnings.push({ code: "opt_post_under_20_hours", params: { hours } });

  if (status === "us_f1_cpt") {
    warnings.push({ code: "cpt_dso_authorization", params: {} });
    if (!slot.paperwork?.includes("cpt_offer_letter")) warnings.push({ code: "cpt_offer_letter", params: {} });
    if (hours > CPT_PART_TIME_HOURS) warnings.push({ code: "cpt_term_hours", params: { hours } });
    if (student.programEndDate && end > student.programEndDate) warnings.push({ code: "cpt_after_program_end", params: { endDate: end, programEndDate: student.programEndDate } });
    if (hours > CPT_PART_TIME_HOURS && student.cptFullTimeMonthsUsed != null) {
      const months = Math.ceil((slot.durationWeeks * 7) / 30.4);
      if (student.cptFullTimeMonthsUsed + months >= 12) warnings.push({ code: "cpt_full_time_months", params: { used: student.cptFullTimeMonthsUsed, months } });
    }
  }
  if (status === "us_f1_opt_pre") {
    warnings.push({ code: "opt_pre_ead", params: {} });
    warnings.push({ code: "opt_pre_major_and_time", params: {} });
    if (hours > 20) warnings.push({ code: "opt_pre_term_hours", params: { hours } });
  }
  if (status === "us_f1_opt_post") warnings.push({ code: "opt_post_major", params: {} });
  if (status === "us_f1_opt_post" || status === "us_f1_stem_opt") warnings.push({ code: "opt_report_employer", params: {} });
  if (status === "us_j1_academic_training") {
    warnings.push({ code: "j1_officer_approval", params: {} });
    warnings.push({ code: "j1_training_limit", params: {} });
  }
  if (status === "ca_study_permit") {
    // Since 2026-04-01 a placement the program requires is done on the study permit, under the
    // on-campus rules: no co-op permit, no 24-hour off-campus cap; the school confirms it in writing.
    if (slot.requiredPlacement) warnings.push({ code: "study_permit_required_placement", params: {} });
    else if (hours > 24) warnings.push({ code: "study_permit_hours", params: { hours } });
  }
  if (status === "ca_coop_permit" && !slot.requiredPlacement && !slot.paperwork?.includes("coop_agreement")) {
    warnings.push({ code: "coop_permit_placement", params: {} });
  }
  if (status === "not_authorized") warnings.push({ code: "not_authorized_yet", params: {} });

  if (AUTHORIZATION_FACTS[status].hasDates) {
    if (student.validFrom && student.validFrom > slot.startDate) warnings.push({ code: "auth_starts_after", params: { validFrom: student.validFrom, startDate: slot.startDate } });
    if (student.validUntil && student.validUntil < end) warnings.push({ code: "auth_ends_before", params: { validUntil: student.validUntil, endDate: end } });
  }

  return { eligible: problems.length === 0, problems, warnings };
}
