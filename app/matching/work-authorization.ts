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
  compensation: "paid" | "stipend" | "unpaid" | "course_credit";
  hoursPerWeek: number;
  acceptedAuthorizations: readonly string[];
  /** What the organization can provide; undefined when unknown (e.g. an offline instance without it). */
  paperwork?: readonly string[];
  /** YYYY-MM-DD */
  startDate: string;
  durationWeeks: number;
};

export type StudentAuthorization = {
  workAuthorization: WorkAuthorizationStatus;
  /** YYYY-MM-DD, where the status has dates */
  validFrom?: string | null;
  validUntil?: string | null;
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

/**
 * Whether a student's work authorization fits a slot: hard conflicts make the pair
 * ineligible; term-time hour caps, paperwork and dates are warnings to confirm. Codes, not
 * sentences: app/messages/ words them for each audience.
 */
export function authorizationFit(student: StudentAuthorization, slot: SlotTerms): AuthorizationFit {
  const status = student.workAuthorization;
  const problems: AuthorizationExplanation[] = [];
  const warnings: AuthorizationExplanation[] = [];
  const hours = slot.hoursPerWeek;

  if (!slot.acceptedAuthorizations.includes(status)) problems.push({ code: "auth_not_accepted", params: { status } });
  if (status === "us_f1_stem_opt") {
    if (slot.compensation !== "paid") problems.push({ code: "stem_opt_not_paid", params: {} });
    if (hours < 20) problems.push({ code: "stem_opt_hours", params: { hours } });
    if (!slot.paperwork) warnings.push({ code: "stem_opt_everify_unknown", params: {} });
    else if (!slot.paperwork.includes("everify_i983")) problems.push({ code: "stem_opt_everify_missing", params: {} });
  }
  if (status === "us_f1_opt_post" && unpaid(slot) && hours < 20) problems.push({ code: "opt_post_unpaid_hours", params: { hours } });

  if (status === "us_f1_cpt") {
    warnings.push({ code: "cpt_dso_authorization", params: {} });
    if (!slot.paperwork?.includes("cpt_offer_letter")) warnings.push({ code: "cpt_offer_letter", params: {} });
    if (hours > 20) warnings.push({ code: "cpt_term_hours", params: { hours } });
  }
  if (status === "us_f1_opt_pre") {
    warnings.push({ code: "opt_pre_ead", params: {} });
    if (hours > 20) warnings.push({ code: "opt_pre_term_hours", params: { hours } });
  }
  if (status === "us_f1_opt_post") warnings.push({ code: "opt_post_major", params: {} });
  if (status === "us_j1_academic_training") warnings.push({ code: "j1_officer_approval", params: {} });
  if (status === "ca_study_permit" && hours > 24) warnings.push({ code: "study_permit_hours", params: { hours } });
  if (status === "ca_coop_permit" && !slot.paperwork?.includes("coop_agreement")) warnings.push({ code: "coop_permit_placement", params: {} });

  if (AUTHORIZATION_FACTS[status].hasDates) {
    const end = slotEndDate(slot.startDate, slot.durationWeeks);
    if (student.validFrom && student.validFrom > slot.startDate) warnings.push({ code: "auth_starts_after", params: { validFrom: student.validFrom, startDate: slot.startDate } });
    if (student.validUntil && student.validUntil < end) warnings.push({ code: "auth_ends_before", params: { validUntil: student.validUntil, endDate: end } });
  }

  return { eligible: problems.length === 0, problems, warnings };
}
