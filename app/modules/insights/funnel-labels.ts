// The words of the admins' view of the program (/admin/insights): its funnel's steps and what
// each one counts. Safe in the browser.
import type { FunnelStepKey } from "./types";

export const FUNNEL_STEP_LABELS: Record<FunnelStepKey, string> = {
  signed_up: "Signed up",
  profile_complete: "Profile complete",
  applied_or_in_round: "Applied or in a round",
  proposed: "Match proposed",
  introduced: "Introduced",
  confirmed: "Confirmed",
  active: "Internship under way",
  completed: "Completed",
  letter_or_referral: "Letter or referral delivered",
  paid_work_within_6_months: "Paid work within 6 months",
};

/** What a step counts, for the table under the funnel: a person reads the numbers with these. */
export const FUNNEL_STEP_HINTS: Record<FunnelStepKey, string> = {
  signed_up: "Student accounts created",
  profile_complete: "A profile with skills, school and availability",
  applied_or_in_round: "Sent an application, or took part in a matching round",
  proposed: "A match proposed, by a round or by a mentor",
  introduced: "An admin approved the match and the introduction went out",
  confirmed: "Both sides said yes: a seat taken",
  active: "The internship started",
  completed: "The internship finished",
  letter_or_referral: "A recommendation letter delivered or a referral made",
  paid_work_within_6_months: "A paid internship or full-time offer reported at the 3- or 6-month follow-up",
};
