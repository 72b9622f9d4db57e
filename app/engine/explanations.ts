import type { Goal, WorkModeKind } from "./types";
import { AUTHORIZATION_FACTS, type WorkAuthorizationStatus } from "./work-authorization";

// What the engine says about a pair, as data: a code from a closed union and its parameters
// (numbers, YYYY-MM-DD dates, ids, enum values and skill slugs — never sentences). The words
// live in the message catalogue (app/messages/), one voice per audience; who may read which
// code is decided in app/messages/audiences.ts.

type Day = string;
/**
 * Which of the student's hours a slot is held to, when the student gave fewer in term than in
 * breaks: the term's (the slot runs in term) or the breaks' (it runs in a break). Absent when
 * the two are the same (and on codes stored before it existed).
 */
export type HoursDuring = "term" | "breaks";
type None = Record<string, never>;

/**
 * Work-authorization problems (hard) and steps to confirm (warnings). Every one of these
 * implies something about the student's status, so none reaches a mentor unless the student
 * shares the status.
 */
export type AuthorizationExplanation =
  // problems
  | { code: "auth_not_accepted"; params: { status: WorkAuthorizationStatus } }
  | { code: "stem_opt_not_paid"; params: None }
  | { code: "stem_opt_hours"; params: { hours: number } }
  | { code: "stem_opt_everify_missing"; params: None }
  // steps and warnings
  | { code: "status_other_country"; params: { status: WorkAuthorizationStatus; country: string } }
  | { code: "stem_opt_everify_unknown"; params: None }
  | { code: "stem_opt_stipend"; params: None }
  | { code: "cpt_dso_authorization"; params: None }
  | { code: "cpt_offer_letter"; params: None }
  | { code: "cpt_term_hours"; params: { hours: number } }
  | { code: "cpt_after_program_end"; params: { endDate: Day; programEndDate: Day } }
  | { code: "cpt_full_time_months"; params: { used: number; months: number } }
  | { code: "opt_pre_ead"; params: None }
  | { code: "opt_pre_major_and_time"; params: None }
  | { code: "opt_pre_term_hours"; params: { hours: number } }
  | { code: "opt_post_major"; params: None }
  | { code: "opt_post_under_20_hours"; params: { hours: number } }
  | { code: "opt_report_employer"; params: None }
  | { code: "j1_officer_approval"; params: None }
  | { code: "j1_training_limit"; params: None }
  | { code: "study_permit_hours"; params: { hours: number } }
  | { code: "study_permit_required_placement"; params: None }
  | { code: "coop_permit_placement"; params: None }
  | { code: "not_authorized_yet"; params: None }
  | { code: "auth_starts_after"; params: { validFrom: Day; startDate: Day } }
  | { code: "auth_ends_before"; params: { validUntil: Day; endDate: Day } };

/** Why a pair is ruled out for reasons that say nothing about the student's status. */
export type TermsExplanation =
  | { code: "compensation_paid_only"; params: None }
  | { code: "compensation_paid_or_stipend"; params: None }
  | { code: "work_mode_not_chosen"; params: { mode: WorkModeKind } }
  | { code: "work_mode_country"; params: { mode: WorkModeKind; country: string; studentCountry: string } }
  | { code: "starts_before_available"; params: { startDate: Day; availableFrom: Day } }
  | { code: "ends_after_available"; params: { endDate: Day; availableUntil: Day } }
  | { code: "hours_over"; params: { hours: number; studentHours: number; during?: HoursDuring } };

/** Why one score component scored what it did. */
export type ScoreExplanation =
  | { code: "required_none"; params: None }
  | { code: "required_skills"; params: { total: number; covered: string[]; below: string[]; missing: string[] } }
  | { code: "nice_none"; params: None }
  | { code: "nice_skills"; params: { total: number; has: string[] } }
  | { code: "goals_none"; params: None }
  | { code: "goals"; params: { met: Goal[]; unmet: Goal[] } }
  | { code: "time_zone_in_person"; params: None }
  | { code: "time_zone_same"; params: None }
  | { code: "time_zone_overlap"; params: { hours: number; zone: string } }
  | { code: "time_zone_none"; params: { zone: string } }
  | { code: "dates_and_hours"; params: { weeksAfterFree: number; hours: number; studentHours: number; during?: HoursDuring } };

/**
 * Where a hybrid or on-site slot is from the student (places.ts): for the student's own
 * recommendations; the student's city is not a mentor's to read here.
 */
export type PlaceExplanation =
  | { code: "place_same_city"; params: { mode: WorkModeKind; city: string } }
  | { code: "place_distance"; params: { mode: WorkModeKind; city: string; studentCity: string; km: number } }
  | { code: "place_other_city"; params: { mode: WorkModeKind; city: string; studentCity: string } };

export type Explanation = AuthorizationExplanation | TermsExplanation | ScoreExplanation | PlaceExplanation;
export type ExplanationCode = Explanation["code"];
export type AuthorizationCode = AuthorizationExplanation["code"];

/** Every code, grouped; `satisfies` keeps the lists complete and closed. */
export const AUTHORIZATION_CODES = [
  "auth_not_accepted",
  "stem_opt_not_paid",
  "stem_opt_hours",
  "stem_opt_everify_missing",
  "status_other_country",
  "stem_opt_everify_unknown",
  "stem_opt_stipend",
  "cpt_dso_authorization",
  "cpt_offer_letter",
  "cpt_term_hours",
  "cpt_after_program_end",
  "cpt_full_time_months",
  "opt_pre_ead",
  "opt_pre_major_and_time",
  "opt_pre_term_hours",
  "opt_post_major",
  "opt_post_under_20_hours",
  "opt_report_employer",
  "j1_officer_approval",
  "j1_training_limit",
  "study_permit_hours",
  "study_permit_required_placement",
  "coop_permit_placement",
  "not_authorized_yet",
  "auth_starts_after",
  "auth_ends_before",
] as const satisfies readonly AuthorizationCode[];

export const TERMS_CODES = [
  "compensation_paid_only",
  "compensation_paid_or_stipend",
  "work_mode_not_chosen",
  "work_mode_country",
  "starts_before_available",
  "ends_after_available",
  "hours_over",
] as const satisfies readonly TermsExplanation["code"][];

export const SCORE_CODES = [
  "required_none",
  "required_skills",
  "nice_none",
  "nice_skills",
  "goals_none",
  "goals",
  "time_zone_in_person",
  "time_zone_same",
  "time_zone_overlap",
  "time_zone_none",
  "dates_and_hours",
] as const satisfies readonly ScoreExplanation["code"][];

export const PLACE_CODES = ["place_same_city", "place_distance", "place_other_city"] as const satisfies readonly PlaceExplanation["code"][];

export const EXPLANATION_CODES: readonly ExplanationCode[] = [...AUTHORIZATION_CODES, ...TERMS_CODES, ...SCORE_CODES, ...PLACE_CODES];

// A compile-time check that the lists above name every code of the union, each once.
type Missing<All, Listed> = Exclude<All, Listed>;
const complete: [
  Missing<AuthorizationCode, (typeof AUTHORIZATION_CODES)[number]>,
  Missing<TermsExplanation["code"], (typeof TERMS_CODES)[number]>,
  Missing<ScoreExplanation["code"], (typeof SCORE_CODES)[number]>,
  Missing<PlaceExplanation["code"], (typeof PLACE_CODES)[number]>,
] extends [never, never, never, never]
  ? true
  : false = true;
void complete;

const authorizationCodes = new Set<string>(AUTHORIZATION_CODES);

export function isAuthorizationExplanation(e: Explanation): e is AuthorizationExplanation {
  return authorizationCodes.has(e.code);
}

/**
 * The statuses whose rules produce each authorization code; `null` for codes any dated status
 * can carry (authorization dates) or that name the status in their params.
 */
export const AUTHORIZATION_CODE_STATUS: Record<AuthorizationCode, readonly WorkAuthorizationStatus[] | null> = {
  auth_not_accepted: null,
  stem_opt_not_paid: ["us_f1_stem_opt"],
  stem_opt_hours: ["us_f1_stem_opt"],
  stem_opt_everify_missing: ["us_f1_stem_opt"],
  status_other_country: null,
  stem_opt_everify_unknown: ["us_f1_stem_opt"],
  stem_opt_stipend: ["us_f1_stem_opt"],
  cpt_dso_authorization: ["us_f1_cpt"],
  cpt_offer_letter: ["us_f1_cpt"],
  cpt_term_hours: ["us_f1_cpt"],
  cpt_after_program_end: ["us_f1_cpt"],
  cpt_full_time_months: ["us_f1_cpt"],
  opt_pre_ead: ["us_f1_opt_pre"],
  opt_pre_major_and_time: ["us_f1_opt_pre"],
  opt_pre_term_hours: ["us_f1_opt_pre"],
  opt_post_major: ["us_f1_opt_post"],
  opt_post_under_20_hours: ["us_f1_opt_post"],
  opt_report_employer: ["us_f1_opt_post", "us_f1_stem_opt"],
  j1_officer_approval: ["us_j1_academic_training"],
  j1_training_limit: ["us_j1_academic_training"],
  study_permit_hours: ["ca_study_permit"],
  study_permit_required_placement: ["ca_study_permit"],
  coop_permit_placement: ["ca_coop_permit"],
  not_authorized_yet: ["not_authorized"],
  auth_starts_after: null,
  auth_ends_before: null,
};

/** Whether a stored authorization explanation still applies to a student who now holds `status`. */
export function appliesToStatus(e: AuthorizationExplanation, status: WorkAuthorizationStatus) {
  if (e.code === "auth_not_accepted" || e.code === "status_other_country") return e.params.status === status;
  const owners = AUTHORIZATION_CODE_STATUS[e.code];
  return owners === null ? AUTHORIZATION_FACTS[status].hasDates : owners.includes(status);
}
