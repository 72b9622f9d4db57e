import { AUTHORIZATION_FACTS, WORK_AUTHORIZATIONS, type WorkAuthorizationStatus } from "~/engine/work-authorization";

// The words for each work-authorization status, as the profile, the slot form and the student's
// own pages say them (the step each status asks for before a first day is in the message
// catalogue, app/messages/catalogue.ts, in every audience's voice). Guidance to confirm with
// the school's international office, never legal advice. The engine keeps only the facts (app/engine/work-authorization.ts).

export { WORK_AUTHORIZATIONS, type WorkAuthorizationStatus };

export type AuthorizationInfo = {
  label: string;
  /** Short form for badges and filters. */
  short: string;
  country: "US" | "CA" | null;
  /** What the status means for internships, in plain words. */
  meaning: string;
  /** Whether the dates of the authorization matter (OPT, permits). */
  hasDates: boolean;
};

const WORDS: Record<WorkAuthorizationStatus, Omit<AuthorizationInfo, "country" | "hasDates">> = {
  us_citizen_pr: {
    label: "US citizen or permanent resident",
    short: "US citizen / PR",
    meaning: "You can take any internship in the US, paid or unpaid, without extra paperwork.",
  },
  us_f1_cpt: {
    label: "US F-1 student — Curricular Practical Training (CPT), authorized by my school for the internship",
    short: "F-1 CPT",
    meaning:
      "Choose this while you look for an internship you will do on CPT: CPT is authorized for one internship, after you have the offer and before the first day. Your school's DSO authorizes it for that employer and those dates, and prints them on your I-20. The internship must be part of your curriculum and end by your program's end date. Most schools allow up to 20 hours a week during term (school policy) and full time in breaks; 12 months or more of full-time CPT ends OPT eligibility. It can be paid or unpaid.",
  },
  us_f1_opt_pre: {
    label: "US F-1 student — pre-completion OPT",
    short: "F-1 OPT (pre-completion)",
    meaning:
      "Pre-completion OPT lets you work before you graduate once you hold the EAD card. The work must relate to your major, its time comes off your 12 months of OPT (at half rate while part-time), and during term you may work up to 20 hours a week.",
  },
  us_f1_opt_post: {
    label: "US F-1 — post-completion OPT",
    short: "F-1 OPT (post-completion)",
    meaning:
      "Post-completion OPT lets you work after you graduate. The work must relate to your major, and counts as OPT employment — paid or unpaid — only at 20 hours a week or more; days without it count toward 90 days of unemployment. Report your employer to your DSO within 10 days.",
  },
  us_f1_stem_opt: {
    label: "US F-1 — STEM OPT extension",
    short: "F-1 STEM OPT",
    meaning:
      "The STEM OPT extension needs a paid position — wages, or a stipend commensurate with what similar US workers get — of at least 20 hours a week, with an employer enrolled in E-Verify, and a training plan (Form I-983) that you and the employer sign.",
  },
  us_j1_academic_training: {
    label: "US J-1 student — Academic Training",
    short: "J-1 Academic Training",
    meaning:
      "Academic Training lets J-1 students work in their field of study, approved in writing by the program's Responsible Officer: at most 18 months (36 for postdoctoral training), and not beyond the end of your studies.",
  },
  us_other_ead: {
    label: "US — other work permit (EAD)",
    short: "US EAD",
    meaning: "An Employment Authorization Document lets you work in the US for the dates on the card.",
  },
  ca_citizen_pr: {
    label: "Canadian citizen or permanent resident",
    short: "Canada citizen / PR",
    meaning: "You can take any internship in Canada without extra paperwork.",
  },
  ca_study_permit: {
    label: "Canada — study permit (off-campus work)",
    short: "CA study permit",
    meaning:
      "A study permit that allows off-campus work lets you work up to 24 hours a week during academic sessions, and full-time in scheduled breaks. Since 1 April 2026 a placement your program requires (co-op, internship, practicum) is done on the study permit too, with a letter from your school, under the on-campus rules: the 24-hour limit does not apply to it.",
  },
  ca_coop_permit: {
    label: "Canada — co-op work permit",
    short: "CA co-op permit",
    meaning:
      "A co-op work permit covers the work placements your program requires. Since 1 April 2026 new students do such placements on their study permit instead; if you hold a co-op permit, it still covers them.",
  },
  ca_open_work_permit: {
    label: "Canada — open work permit",
    short: "CA open work permit",
    meaning: "An open work permit lets you work for almost any employer in Canada for the dates on the permit.",
  },
  not_authorized: {
    label: "Not yet authorized to work",
    short: "Not yet authorized",
    meaning:
      "You do not hold a work authorization yet, and do not expect one through a school program (if you will use CPT, choose the CPT status: it is authorized after the offer). Every slot shows what to ask your international office before you accept an offer.",
  },
};

export const AUTHORIZATION_INFO: Record<WorkAuthorizationStatus, AuthorizationInfo> = Object.fromEntries(
  WORK_AUTHORIZATIONS.map((s) => [s, { ...WORDS[s], ...AUTHORIZATION_FACTS[s] }]),
) as Record<WorkAuthorizationStatus, AuthorizationInfo>;
