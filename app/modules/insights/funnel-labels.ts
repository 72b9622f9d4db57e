// The words of the admins' view of the program (/admin/insights): its funnel's steps and what
// each one counts (as getFunnel in insights.server.ts counts it). Safe in the browser.
import type { FunnelStepKey } from "./types";

export const FUNNEL_STEP_LABELS: Record<FunnelStepKey, string> = {
  signed_up: "Signed up",
  profile_complete: "Profile ready for matching",
  applied_or_in_round: "Applied or proposed in a round",
  proposed: "Proposed a match",
  introduced: "Introduced to a mentor",
  confirmed: "Internship confirmed",
  active: "Internship started",
  completed: "Internship completed",
  letter_or_referral: "Letter sent or referral made",
  paid_work_within_6_months: "Paid internship or job offer within 6 months",
};

/** What a step counts, in a sentence, for the table under the funnel: a person reads the numbers with these. */
export const FUNNEL_STEP_HINTS: Record<FunnelStepKey, string> = {
  signed_up: "Student accounts created in the dates chosen (deleted accounts are not counted).",
  profile_complete: "Students whose profile has what matching needs, or who went on to apply or be matched.",
  applied_or_in_round: "Students who applied to a slot (even if they withdrew later) or were proposed for one in a matching round.",
  proposed: "Students proposed a match, by a round or from their application.",
  introduced: "Students introduced to a slot's mentors.",
  confirmed: "Students whose internship was confirmed by both sides.",
  active: "Students whose mentor marked the internship started.",
  completed: "Students whose mentor marked the internship complete.",
  letter_or_referral: "Students who sent a finished recommendation letter to someone, or whose mentor made a referral for them.",
  paid_work_within_6_months: "Students who said, 3 or 6 months after their internship, that they had a paid internship or a full-time offer.",
};
