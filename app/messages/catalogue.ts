import type { ExplanationCode } from "~/engine/explanations";
import type { WorkAuthorizationStatus } from "~/engine/work-authorization";

// The message catalogue: every sentence a person reads from the engine, in ICU MessageFormat.
// Two voices per code — `you` speaks to the student, `they` about the student to everyone else
// ({name}: a first name or "the student"; {Name} the same at the start of a sentence) — and
// `{audience, select, …}` where a mentor, an admin or an email must read something different.
// Arguments are prepared in render.ts: skill names from the taxonomy (never slugs), dates,
// lists and counts through Intl. English is the only language for now.

type Voices = { you: string; they: string };
const both = (text: string): Voices => ({ you: text, they: text });

export const EXPLANATION_MESSAGES = {
  // Score components ------------------------------------------------------------------------
  required_none: both("The slot requires no particular skill."),
  required_skills: both(
    "Covers {coveredCount} of {total, plural, one {# required skill} other {# required skills}} at the level asked{coveredCount, plural, =0 {} other { ({covered})}}.{belowCount, plural, =0 {} other { Below the level asked in {below}.}}{missingCount, plural, =0 {} other { Missing {missing}.}}",
  ),
  nice_none: both("The slot lists no nice-to-have skills."),
  nice_skills: both(
    "{hasCount, plural, =0 {{total, plural, one {Does not have the nice-to-have skill.} other {Has none of the # nice-to-have skills.}}} other {Has {hasCount} of {total, plural, one {# nice-to-have skill} other {# nice-to-have skills}} ({has}).}}",
  ),
  goals_none: { you: "You gave no particular goals.", they: "{Name} gave no particular goals." },
  goals: both("{metCount, plural, =0 {Cannot give {unmetAny}.} other {Can give {met}{unmetCount, plural, =0 {} other {, not {unmetAny}}}.}}"),
  time_zone_in_person: { you: "In person: you work the team's hours.", they: "In person: {name} works the team's hours." },
  time_zone_same: both("Same working hours as the team."),
  time_zone_overlap: both("{hours, number} of 8 working hours overlap with the team's ({zone})."),
  time_zone_none: both("No working hours overlap with the team's ({zone})."),
  dates_and_hours: {
    you: "{weeksAfterFree, plural, =0 {Starts soon after you are free} one {Starts # week after you are free} other {Starts # weeks after you are free}}; {hours} of your {studentHours} hours a week{during, select, term { in term} breaks { in breaks} other {}}.",
    they: "{weeksAfterFree, plural, =0 {Starts soon after {name} is free} one {Starts # week after {name} is free} other {Starts # weeks after {name} is free}}; {hours} of {name}'s {studentHours} hours a week{during, select, term { in term} breaks { in breaks} other {}}.",
  },

  // Where an in-person slot is, from the student ----------------------------------------------
  place_same_city: { you: "{Mode} in {city}, where you live.", they: "{Mode} in {city}, where {name} lives." },
  place_distance: {
    you: "{Mode} in {city}, about {distance} from {studentCity}{near, select, yes {} other {: you would need to move or travel there}}.",
    they: "{Mode} in {city}, about {distance} from {studentCity}, where {name} lives.",
  },
  place_other_city: {
    you: "{Mode} in {city}, not {studentCity}: check that you can get there.",
    they: "{Mode} in {city}; {name} lives in {studentCity}.",
  },

  // Terms that rule a pair out ---------------------------------------------------------------
  compensation_paid_only: { you: "You asked for paid internships only.", they: "{Name} asked for paid internships only." },
  compensation_paid_or_stipend: { you: "You asked for paid or stipend internships only.", they: "{Name} asked for paid or stipend internships only." },
  work_mode_not_chosen: { you: "The slot is {mode}, which you did not choose.", they: "The slot is {mode}, which {name} did not choose." },
  work_mode_country: { you: "The slot is {mode} in {country}, and you are in {studentCountry}.", they: "The slot is {mode} in {country}, and {name} is in {studentCountry}." },
  starts_before_available: {
    you: "The slot starts on {startDate}, before you are available ({availableFrom}).",
    they: "The slot starts on {startDate}, before {name} is available ({availableFrom}).",
  },
  ends_after_available: {
    you: "The slot runs until {endDate}, after your availability ends ({availableUntil}).",
    they: "The slot runs until {endDate}, after {name}'s availability ends ({availableUntil}).",
  },
  hours_over: {
    you: "The slot asks {hours} hours a week{during, select, term { and runs in term} other {}}; you have {studentHours}{during, select, term { in term} breaks { in breaks} other {}}.",
    they: "The slot asks {hours} hours a week{during, select, term { and runs in term} other {}}; {name} has {studentHours}{during, select, term { in term} breaks { in breaks} other {}}.",
  },

  // Work authorization: problems ---------------------------------------------------------------
  auth_not_accepted: both("{statusCode, select, not_authorized {This slot does not accept students who are not yet authorized to work.} other {This slot does not accept {status}.}}"),
  stem_opt_not_paid: both("STEM OPT needs a paid position — wages, or a stipend of at least the minimum wage for the hours; this slot is unpaid."),
  stem_opt_hours: both("STEM OPT needs at least 20 hours a week; this slot is {hours}."),
  stem_opt_everify_missing: both("STEM OPT needs an employer in E-Verify that signs Form I-983; this organization has not said it can."),

  // Work authorization: steps to confirm -------------------------------------------------------
  status_other_country: {
    you: "Your status ({status}) authorizes work in {statusCountry}, and this slot is in {country}: ask your international office whether you can take it.",
    they: "{Name}'s status ({status}) authorizes work in {statusCountry}, and this slot is in {country}: {name} asks the school whether it can apply.",
  },
  stem_opt_everify_unknown: both("STEM OPT needs an employer in E-Verify that signs Form I-983; confirm the organization can."),
  stem_opt_stipend: {
    you: "A stipend counts for STEM OPT when it is commensurate with what similar US workers are paid: confirm it with the organization and your DSO.",
    they: "A stipend counts for STEM OPT when it is commensurate with what similar US workers are paid: {name} confirms it with the DSO.",
  },
  cpt_dso_authorization: {
    you: "Your DSO must authorize CPT for this employer and these dates before your first day.",
    they: "{Name}'s DSO must authorize CPT for this employer and these dates before {name}'s first day.",
  },
  cpt_offer_letter: {
    you: "The organization has not said it can give the offer letter CPT needs; {stage, select, matched {ask the mentors for it} other {ask before you apply}}.",
    they: "The organization has not said it can give the offer letter CPT needs{audience, select, mentor {; {name} will ask you for one} other {}}.",
  },
  cpt_term_hours: both(
    "Schools usually allow CPT of at most 20 hours a week during term (a school's policy, not a federal rule); this slot is {hours} — fine in a break, or where the school allows more.",
  ),
  cpt_after_program_end: {
    you: "CPT must end by your program's end date ({programEndDate}); this slot ends on {endDate}.",
    they: "CPT must end by {name}'s program end date ({programEndDate}); this slot ends on {endDate}.",
  },
  cpt_full_time_months: {
    you: "Twelve months or more of full-time CPT ends OPT eligibility: you have used {used, plural, one {# month} other {# months}}, and this full-time slot adds about {months, plural, one {# month} other {# months}}.",
    they: "Twelve months or more of full-time CPT ends OPT eligibility: {name} has used {used, plural, one {# month} other {# months}}, and this full-time slot adds about {months, plural, one {# month} other {# months}}.",
  },
  opt_pre_ead: { you: "You need your EAD card before the first day.", they: "{Name} needs an EAD card before the first day." },
  opt_pre_major_and_time: {
    you: "Pre-completion OPT must relate to your major, and its time comes off your 12 months of OPT (at half rate while part-time).",
    they: "Pre-completion OPT must relate to {name}'s major, and its time comes off {name}'s 12 months of OPT (at half rate while part-time).",
  },
  opt_pre_term_hours: both("Pre-completion OPT is limited to 20 hours a week during term; this slot is {hours} — fine only in a break."),
  opt_post_major: { you: "The work must relate to your major.", they: "The work must relate to {name}'s major." },
  opt_post_under_20_hours: {
    you: "Fewer than 20 hours a week ({hours}) is not OPT employment, paid or unpaid: those days count toward your 90 days of unemployment (150 with STEM OPT).",
    they: "Fewer than 20 hours a week ({hours}) is not OPT employment, paid or unpaid: those days count toward {name}'s 90 days of unemployment (150 with STEM OPT).",
  },
  opt_report_employer: { you: "Report this employer to your DSO within 10 days of starting.", they: "{Name} reports this employer to the DSO within 10 days of starting." },
  j1_officer_approval: {
    you: "Your Responsible Officer must approve this position in writing before you start.",
    they: "{Name}'s Responsible Officer must approve this position in writing before {name} starts.",
  },
  j1_training_limit: {
    you: "Academic Training lasts at most 18 months (36 for postdoctoral training), and not beyond the end of your studies.",
    they: "Academic Training lasts at most 18 months (36 for postdoctoral training), and not beyond the end of {name}'s studies.",
  },
  study_permit_hours: both("A study permit allows 24 hours a week off campus during academic sessions; this slot is {hours} — fine only in a scheduled break."),
  study_permit_required_placement: {
    you: "Since April 2026 a placement your program requires is done on your study permit: bring a letter from your school confirming the placement is required.",
    they: "Since April 2026 a placement the program requires is done on the study permit: {name} brings a letter from the school confirming it is required.",
  },
  coop_permit_placement: {
    you: "A co-op permit covers placements that are part of your program; check with your school that this one can be.",
    they: "A co-op permit covers placements that are part of {name}'s program; {name} checks with the school that this one can be.",
  },
  not_authorized_yet: {
    you: "You are not yet authorized to work: ask your international office which authorization this internship needs (CPT, OPT or a permit), and how long it takes, before you accept an offer.",
    they: "{Name} is not yet authorized to work, and asks the international office which authorization this internship needs, and how long it takes.",
  },
  auth_starts_after: {
    you: "Your authorization starts on {validFrom}, after this slot starts ({startDate}).",
    they: "{Name}'s authorization starts on {validFrom}, after this slot starts ({startDate}).",
  },
  auth_ends_before: {
    you: "Your authorization ends on {validUntil}, before this slot ends ({endDate}).",
    they: "{Name}'s authorization ends on {validUntil}, before this slot ends ({endDate}).",
  },
} as const satisfies Record<ExplanationCode, Voices>;

/**
 * The step each status asks for before a first day, whatever the slot (the pair's own steps
 * follow it). Statuses that need nothing have none.
 */
export const STATUS_STEP_MESSAGES = {
  us_f1_cpt: {
    you: "With the offer letter, ask your DSO to authorize CPT for this employer and these dates (they appear on your I-20), and start only after that.",
    they: "With the offer letter, {name} asks the DSO to authorize CPT for this employer and these dates, and starts only after that; the organization gives {name} the offer letter.",
  },
  us_f1_opt_pre: {
    you: "Have your EAD card in hand, with dates that cover the internship, before you start.",
    they: "{Name} has the EAD card in hand, with dates that cover the internship, before starting.",
  },
  us_f1_opt_post: {
    you: "Check that the internship relates to your major and is at least 20 hours a week, and report the employer to your DSO within 10 days of starting.",
    they: "{Name} checks that the internship relates to their major and is at least 20 hours a week, and reports the employer to the DSO within 10 days of starting.",
  },
  us_f1_stem_opt: {
    you: "Confirm the employer uses E-Verify and will sign Form I-983 before you start; submit the plan to your DSO.",
    they: "{Name} confirms the employer uses E-Verify and will sign Form I-983 before starting, and submits the plan to the DSO.",
  },
  us_j1_academic_training: {
    you: "Get written approval from your Responsible Officer for this position and these dates.",
    they: "{Name} gets written approval from the Responsible Officer for this position and these dates.",
  },
  us_other_ead: { you: "Check that your EAD is valid for the whole internship.", they: "{Name} checks that the EAD is valid for the whole internship." },
  ca_study_permit: {
    you: "Check that your permit allows off-campus work and that the hours fit your academic calendar; for a placement your program requires, bring your school's letter instead.",
    they: "{Name} checks that the study permit allows off-campus work and that the hours fit the academic calendar, or brings the school's letter for a required placement.",
  },
  ca_coop_permit: {
    you: "Check that the placement is part of your program and that your co-op permit covers its dates.",
    they: "{Name} checks that the placement is part of the program and that the co-op permit covers its dates.",
  },
  ca_open_work_permit: { you: "Check that your permit is valid for the whole internship.", they: "{Name} checks that the open work permit is valid for the whole internship." },
  not_authorized: {
    you: "Ask your international office which authorization you can get, and how long it takes.",
    they: "{Name} asks the international office which authorization they can get, and how long it takes.",
  },
} as const satisfies Partial<Record<WorkAuthorizationStatus, Voices>>;

/** Notes on a student's own recommendation. */
export const RECOMMENDATION_MESSAGES = {
  stretch:
    "{total, plural, one {A stretch: you do not have the required skill at the level asked yet. Apply if you can show you are learning it fast.} other {A stretch: you have none of the # required skills at the level asked yet. Apply if you can show you are learning them fast.}}",
} as const;

/** The frames pages put around explanations, for mentors and admins. */
export const FRAME_MESSAGES = {
  shared_fits: "Work authorization (shared by {name}): {label} — fits this slot.",
  shared_does_not_fit: "Work authorization (shared by {name}): {label} — does not fit this slot.",
  to_confirm: "To confirm before a start date: {step}",
  does_not_fit: "Does not fit: {reason}",
  profile_incomplete: "{Name}'s profile lacks what matching needs, so there is no score yet.",
  nothing_to_confirm: "Nothing to confirm for work authorization.",
} as const;

/**
 * What a mentor reads about work authorization when the student keeps their status private:
 * whether it fits, and nothing that implies which status it is.
 */
export const PRIVATE_AUTHORIZATION_MESSAGES = {
  fits: "Work authorization: fits this slot.",
  to_confirm: "Work authorization: fits this slot; {name} confirms it with the school before a start date.",
  does_not_fit: "Work authorization: does not fit this slot's terms.",
} as const;

/** What the organization may be asked for, in words that fit any status: the joint introduction and a mentor's match page. */
export const ORGANIZATION_DOCUMENTS_MESSAGE =
  "Before a start date, {name} may ask {organization} for documents for the school or for work authorization — for example an offer letter with the dates, hours and duties, or a letter confirming the placement. Please provide them in good time.";

export const GOAL_WORDS = {
  mentorship: "mentorship",
  recommendation_letter: "a recommendation letter",
  referral: "a referral",
  return_offer: "return-offer consideration",
  portfolio_project: "a portfolio project",
  course_credit: "course credit",
} as const;

export const WORK_MODE_WORDS = { remote: "remote", hybrid: "hybrid", onsite: "on site" } as const;

/** The score components' names. */
export const COMPONENT_LABELS = {
  required_skills: "Required skills",
  nice_skills: "Nice-to-have skills",
  goals: "Goals",
  time_zone: "Time zone",
  dates_and_hours: "Dates and hours",
} as const;
