import fc from "fast-check";
import { SKILL_NAMES } from "~/domain/skill-names";
import type { AuthorizationExplanation, Explanation, ExplanationCode, ScoreExplanation, TermsExplanation } from "~/engine/explanations";
import type { Goal } from "~/engine/types";
import { WORK_AUTHORIZATIONS } from "~/engine/work-authorization";

// Random explanations of every code, with the params the engine could give it: for the
// catalogue's property tests.

const day = fc.integer({ min: 0, max: 1500 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const hours = fc.integer({ min: 1, max: 80 });
const during = fc.constantFrom("term" as const, "breaks" as const);
const city = fc.constantFrom("Seattle", "Boston", "Montréal", "St. John's");
const slug = fc.constantFrom(...Object.keys(SKILL_NAMES));
const slugs = (max: number) => fc.uniqueArray(slug, { maxLength: max });
const goal = fc.constantFrom<Goal>("mentorship", "recommendation_letter", "referral", "return_offer", "portfolio_project", "course_credit");
const zone = fc.constantFrom("America/New_York", "America/Los_Angeles", "America/Toronto", "Asia/Kolkata", "Europe/Berlin", "Etc/GMT+5");
const mode = fc.constantFrom("remote" as const, "hybrid" as const, "onsite" as const);
const country = fc.constantFrom("US", "CA", "IN", "DE", "GB", "PH", "NG");
const none = fc.constant({} as Record<string, never>);

type ParamsOf<C extends ExplanationCode> = Extract<Explanation, { code: C }>["params"];

/** One arbitrary per code; a new code that is not here fails to type-check. */
const PARAMS: { [C in ExplanationCode]: fc.Arbitrary<ParamsOf<C>> } = {
  required_none: none,
  required_skills: fc
    .tuple(slugs(3), slugs(3), slugs(3), fc.integer({ min: 0, max: 3 }))
    .map(([covered, below, missing, extra]) => {
      const b = below.filter((s) => !covered.includes(s));
      const m = missing.filter((s) => !covered.includes(s) && !b.includes(s));
      return { total: Math.max(1, covered.length + b.length + m.length + (covered.length + b.length + m.length ? 0 : extra)), covered, below: b, missing: m };
    }),
  nice_none: none,
  nice_skills: fc.tuple(slugs(4), fc.integer({ min: 0, max: 3 })).map(([has, more]) => ({ total: Math.max(1, has.length + more), has })),
  goals_none: none,
  goals: fc.uniqueArray(goal, { minLength: 1, maxLength: 5 }).chain((all) => fc.integer({ min: 0, max: all.length }).map((k) => ({ met: all.slice(0, k), unmet: all.slice(k) }))),
  time_zone_in_person: none,
  time_zone_same: none,
  time_zone_overlap: fc.record({ hours: fc.integer({ min: 1, max: 79 }).map((t) => t / 10), zone }),
  time_zone_none: fc.record({ zone }),
  dates_and_hours: fc.record({ weeksAfterFree: fc.integer({ min: 0, max: 40 }), hours, studentHours: hours, during }, { requiredKeys: ["weeksAfterFree", "hours", "studentHours"] }),
  compensation_paid_only: none,
  compensation_paid_or_stipend: none,
  work_mode_not_chosen: fc.record({ mode }),
  work_mode_country: fc.record({ mode, country, studentCountry: country }),
  starts_before_available: fc.record({ startDate: day, availableFrom: day }),
  ends_after_available: fc.record({ endDate: day, availableUntil: day }),
  place_same_city: fc.record({ mode, city }),
  place_distance: fc.record({ mode, city, studentCity: city, km: fc.integer({ min: 0, max: 5000 }) }),
  place_other_city: fc.record({ mode, city, studentCity: city }),
  hours_over: fc.record({ hours, studentHours: hours, during }, { requiredKeys: ["hours", "studentHours"] }),
  auth_not_accepted: fc.record({ status: fc.constantFrom(...WORK_AUTHORIZATIONS) }),
  stem_opt_not_paid: none,
  stem_opt_hours: fc.record({ hours }),
  stem_opt_everify_missing: none,
  status_other_country: fc.record({ status: fc.constantFrom(...WORK_AUTHORIZATIONS.filter((s) => s !== "not_authorized")), country: fc.constantFrom("US", "CA") }),
  stem_opt_stipend: none,
  cpt_after_program_end: fc.record({ endDate: day, programEndDate: day }),
  cpt_full_time_months: fc.record({ used: fc.integer({ min: 0, max: 12 }), months: fc.integer({ min: 1, max: 12 }) }),
  opt_pre_major_and_time: none,
  opt_post_under_20_hours: fc.record({ hours: fc.integer({ min: 1, max: 19 }) }),
  opt_report_employer: none,
  j1_training_limit: none,
  study_permit_required_placement: none,
  not_authorized_yet: none,
  stem_opt_everify_unknown: none,
  cpt_dso_authorization: none,
  cpt_offer_letter: none,
  cpt_term_hours: fc.record({ hours }),
  opt_pre_ead: none,
  opt_pre_term_hours: fc.record({ hours }),
  opt_post_major: none,
  j1_officer_approval: none,
  study_permit_hours: fc.record({ hours }),
  coop_permit_placement: none,
  auth_starts_after: fc.record({ validFrom: day, startDate: day }),
  auth_ends_before: fc.record({ validUntil: day, endDate: day }),
};

export const explanationOf = <C extends ExplanationCode>(code: C): fc.Arbitrary<Extract<Explanation, { code: C }>> =>
  (PARAMS[code] as fc.Arbitrary<ParamsOf<C>>).map((params) => ({ code, params }) as Extract<Explanation, { code: C }>);

export const anyExplanation = (codes: readonly ExplanationCode[]) => fc.constantFrom(...codes).chain((code) => explanationOf(code) as fc.Arbitrary<Explanation>);

export const authorizationExplanation = (codes: readonly AuthorizationExplanation["code"][]) => anyExplanation(codes) as fc.Arbitrary<AuthorizationExplanation>;
export const termsExplanation = (codes: readonly TermsExplanation["code"][]) => anyExplanation(codes) as fc.Arbitrary<TermsExplanation>;
export const scoreExplanation = (codes: readonly ScoreExplanation["code"][]) => anyExplanation(codes) as fc.Arbitrary<ScoreExplanation>;

/** First names that say nothing about a status (a random string could spell "OPT"). */
export const firstNameArb = fc.constantFrom("Priya", "Ahmed", "Amara", "Luis", "Mei", "Jonas", "Fatima", null);
