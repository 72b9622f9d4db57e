import { DAY_MS } from "~/domain/time";
import type { REFERRAL_OUTCOMES, REFERRAL_STATES } from "~/domain/vocabulary";

// Who may do what with a referral, in one place (rules.test.ts tests it as a table). Reading is
// decided in the query (referrals.server.ts): the student, the mentor asked, and admins.

type State = (typeof REFERRAL_STATES)[number];
type Outcome = (typeof REFERRAL_OUTCOMES)[number];
/** The reader's place in one referral. */
export type ReferralSide = "student" | "mentor" | "admin";

/** Outcomes after which nothing more is expected: no nudge follows them. */
export const FINAL_REFERRAL_OUTCOMES = ["offer", "not_selected", "no_answer"] as const satisfies readonly Outcome[];
export const isFinalOutcome = (outcome: Outcome | null) => outcome !== null && (FINAL_REFERRAL_OUTCOMES as readonly Outcome[]).includes(outcome);

/** The mentor asked answers (accepts or declines) a request once; admins only read. */
export const mayAnswerReferral = ({ side, state }: { side: ReferralSide; state: State }) => side === "mentor" && state === "requested";

/** Both sides record what came of a referral the mentor made, and may correct it; admins only read. */
export const mayRecordReferralOutcome = ({ side, state }: { side: ReferralSide; state: State }) => side !== "admin" && state === "accepted";

/** The student takes back a request while the mentor has not answered it. */
export const mayWithdrawReferral = ({ side, state }: { side: ReferralSide; state: State }) => side === "student" && state === "requested";

/** Days without an update after which the student is asked what happened to a referral in progress. */
export const REFERRAL_QUIET_DAYS = 14;
/** Days a request may wait for the mentor's answer before the mentor is reminded, once. */
export const REFERRAL_UNANSWERED_DAYS = 7;

/**
 * Whom the sweep reminds of a referral at `now`, or null: the student, when a referral in
 * progress (made, no final outcome) had no update for REFERRAL_QUIET_DAYS; the mentor asked, when a
 * request waited REFERRAL_UNANSWERED_DAYS for an answer. Never a declined one or a final one.
 */
export function referralNudgeDue(
  referral: { state: State; outcome: Outcome | null; lastUpdateAt: Date },
  now: Date,
): "student" | "mentor" | null {
  const quietDays = (now.getTime() - referral.lastUpdateAt.getTime()) / DAY_MS;
  if (referral.state === "accepted" && !isFinalOutcome(referral.outcome) && quietDays >= REFERRAL_QUIET_DAYS) return "student";
  if (referral.state === "requested" && quietDays >= REFERRAL_UNANSWERED_DAYS) return "mentor";
  return null;
}
