// Pure: no database, clock or network. What a student's work authorization means for a slot,
// as guidance to confirm with the school's international office — never legal advice.

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

export type AuthorizationInfo = {
  label: string;
  /** Short form for badges and filters. */
  short: string;
  country: "US" | "CA" | null;
  /** What the status means for internships, in plain words. */
  meaning: string;
  /** What to confirm with the school's international office before starting. */
  confirm: string;
  /** Whether the dates of the authorization matter (OPT, permits). */
  hasDates: boolean;
};

export const AUTHORIZATION_INFO: Record<WorkAuthorizationStatus, AuthorizationInfo> = {
  us_citizen_pr: {
    label: "US citizen or permanent resident",
    short: "US citizen / PR",
    country: "US",
    meaning: "You can take any internship in the US, paid or unpaid, without extra paperwork.",
    confirm: "Nothing to confirm for work authorization.",
    hasDates: false,
  },
  us_f1_cpt: {
    label: "US F-1 student — Curricular Practical Training (CPT)",
    short: "F-1 CPT",
    country: "US",
    meaning:
      "CPT lets you work when the internship is part of your curriculum. Your school's DSO must approve it before the first day, for this employer and these dates. It is part-time (up to 20 hours a week) during term and can be full-time in breaks. It can be paid or unpaid.",
    confirm: "Ask your DSO to authorize CPT for this employer and dates before you start; the organization must give you an offer letter.",
    hasDates: true,
  },
  us_f1_opt_pre: {
    label: "US F-1 student — pre-completion OPT",
    short: "F-1 OPT (pre-completion)",
    country: "US",
    meaning:
      "Pre-completion OPT lets you work before you graduate once you hold the EAD card. During term you may work up to 20 hours a week.",
    confirm: "Have your EAD card in hand, with dates that cover the internship, before you start.",
    hasDates: true,
  },
  us_f1_opt_post: {
    label: "US F-1 — post-completion OPT",
    short: "F-1 OPT (post-completion)",
    country: "US",
    meaning:
      "Post-completion OPT lets you work after you graduate. The work must relate to your major. Unpaid work counts as OPT employment only at 20 hours a week or more.",
    confirm: "Check that the internship relates to your major, and report the employer to your DSO within the OPT reporting deadline.",
    hasDates: true,
  },
  us_f1_stem_opt: {
    label: "US F-1 — STEM OPT extension",
    short: "F-1 STEM OPT",
    country: "US",
    meaning:
      "The STEM OPT extension needs a paid position of at least 20 hours a week with an employer enrolled in E-Verify, and a training plan (Form I-983) that you and the employer sign.",
    confirm: "Confirm the employer uses E-Verify and will sign Form I-983 before you start; submit the plan to your DSO.",
    hasDates: true,
  },
  us_j1_academic_training: {
    label: "US J-1 student — Academic Training",
    short: "J-1 Academic Training",
    country: "US",
    meaning: "Academic Training lets J-1 students work in their field of study, approved in writing by the program's Responsible Officer.",
    confirm: "Get written approval from your Responsible Officer for this position and these dates.",
    hasDates: true,
  },
  us_other_ead: {
    label: "US — other work permit (EAD)",
    short: "US EAD",
    country: "US",
    meaning: "An Employment Authorization Document lets you work in the US for the dates on the card.",
    confirm: "Check that your EAD is valid for the whole internship.",
    hasDates: true,
  },
  ca_citizen_pr: {
    label: "Canadian citizen or permanent resident",
    short: "Canada citizen / PR",
    country: "CA",
    meaning: "You can take any internship in Canada without extra paperwork.",
    confirm: "Nothing to confirm for work authorization.",
    hasDates: false,
  },
  ca_study_permit: {
    label: "Canada — study permit (off-campus work)",
    short: "CA study permit",
    country: "CA",
    meaning:
      "A study permit that allows off-campus work lets you work up to 24 hours a week during academic sessions, and full-time in scheduled breaks.",
    confirm: "Check that your permit allows off-campus work and that the hours fit your academic calendar.",
    hasDates: true,
  },
  ca_coop_permit: {
    label: "Canada — co-op work permit",
    short: "CA co-op permit",
    country: "CA",
    meaning: "A co-op work permit is needed when the internship is a required part of your program; it covers work placements of that program.",
    confirm: "Check that the placement is part of your program and that your co-op permit covers its dates.",
    hasDates: true,
  },
  ca_open_work_permit: {
    label: "Canada — open work permit",
    short: "CA open work permit",
    country: "CA",
    meaning: "An open work permit lets you work for almost any employer in Canada for the dates on the permit.",
    confirm: "Check that your permit is valid for the whole internship.",
    hasDates: true,
  },
  not_authorized: {
    label: "Not yet authorized to work",
    short: "Not yet authorized",
    country: null,
    meaning: "You do not hold a work authorization yet. Talk to your international office about CPT, OPT or a co-op permit before you apply.",
    confirm: "Ask your international office which authorization you can get, and how long it takes.",
    hasDates: false,
  },
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
  /** Why the pair is ruled out (hard), in sentences a person can read. */
  problems: string[];
  /** Softer issues to confirm, carried with the pair. */
  warnings: string[];
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
 * ineligible; term-time hour caps, paperwork and dates are warnings to confirm.
 */
export function authorizationFit(student: StudentAuthorization, slot: SlotTerms): AuthorizationFit {
  const status = student.workAuthorization;
  const info = AUTHORIZATION_INFO[status];
  const problems: string[] = [];
  const warnings: string[] = [];

  if (!slot.acceptedAuthorizations.includes(status)) {
    problems.push(`This slot does not accept ${info.short}.`);
  }
  if (status === "us_f1_stem_opt") {
    if (slot.compensation !== "paid") problems.push("STEM OPT needs a paid position; this slot is not paid hourly, so it cannot count toward STEM OPT.");
    if (slot.hoursPerWeek < 20) problems.push(`STEM OPT needs at least 20 hours a week; this slot is ${slot.hoursPerWeek}.`);
    if (!slot.paperwork) warnings.push("STEM OPT needs an employer in E-Verify that signs Form I-983; confirm the organization can.");
    else if (!slot.paperwork.includes("everify_i983")) problems.push("STEM OPT needs an employer in E-Verify that signs Form I-983; this organization has not said it can.");
  }
  if (status === "us_f1_opt_post" && unpaid(slot) && slot.hoursPerWeek < 20) {
    problems.push(`Unpaid work counts toward post-completion OPT only at 20 hours a week or more; this slot is ${slot.hoursPerWeek}.`);
  }

  if (status === "us_f1_cpt") {
    warnings.push("Your DSO must authorize CPT for this employer and these dates before your first day.");
    if (!slot.paperwork?.includes("cpt_offer_letter")) warnings.push("The organization has not said it can give the offer letter CPT needs; ask before you apply.");
    if (slot.hoursPerWeek > 20) warnings.push(`CPT is limited to 20 hours a week during term; this slot is ${slot.hoursPerWeek} — fine only in a break.`);
  }
  if (status === "us_f1_opt_pre") {
    warnings.push("You need your EAD card before the first day.");
    if (slot.hoursPerWeek > 20) warnings.push(`Pre-completion OPT is limited to 20 hours a week during term; this slot is ${slot.hoursPerWeek} — fine only in a break.`);
  }
  if (status === "us_f1_opt_post") warnings.push("The work must relate to your major.");
  if (status === "us_j1_academic_training") warnings.push("Your Responsible Officer must approve this position in writing before you start.");
  if (status === "ca_study_permit" && slot.hoursPerWeek > 24) {
    warnings.push(`A study permit allows 24 hours a week during academic sessions; this slot is ${slot.hoursPerWeek} — fine only in a scheduled break.`);
  }
  if (status === "ca_coop_permit" && !slot.paperwork?.includes("coop_agreement")) {
    warnings.push("A co-op permit covers placements that are part of your program; check with your school that this one can be.");
  }

  if (info.hasDates) {
    const end = slotEndDate(slot.startDate, slot.durationWeeks);
    if (student.validFrom && student.validFrom > slot.startDate) warnings.push(`Your authorization starts on ${student.validFrom}, after this slot starts (${slot.startDate}).`);
    if (student.validUntil && student.validUntil < end) warnings.push(`Your authorization ends on ${student.validUntil}, before this slot ends (${end}).`);
  }

  return { eligible: problems.length === 0, problems, warnings };
}
