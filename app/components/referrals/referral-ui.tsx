import type { REFERRAL_OUTCOMES, REFERRAL_STATES } from "~/domain/vocabulary";
import { REFERRAL_OUTCOME_LABELS, REFERRAL_STATE_LABELS } from "~/modules/referrals/referral-labels";
import { isFinalOutcome } from "~/modules/referrals/rules";

// Small pieces the referrals pages share.

type State = (typeof REFERRAL_STATES)[number];
type Outcome = (typeof REFERRAL_OUTCOMES)[number];

const TONES = {
  waiting: "bg-amber-50 text-amber-900 ring-amber-200",
  progress: "bg-sky-50 text-sky-900 ring-sky-200",
  good: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  closed: "bg-slate-100 text-slate-700 ring-slate-200",
} as const;

function toneOf(state: State, outcome: Outcome | null): keyof typeof TONES {
  if (state === "requested") return "waiting";
  if (state === "declined") return "closed";
  if (outcome === "offer") return "good";
  // why: a final outcome other than an offer closes the referral; which outcomes are final is the rules' one list.
  return isFinalOutcome(outcome) ? "closed" : "progress";
}

/** Where a referral stands, in one badge: the outcome once there is one, else its state. Words carry it; colour doubles them. */
export function ReferralStatusBadge({ state, outcome }: { state: State; outcome: Outcome | null }) {
  const label = state === "accepted" && outcome ? REFERRAL_OUTCOME_LABELS[outcome] : REFERRAL_STATE_LABELS[state];
  return <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ${TONES[toneOf(state, outcome)]}`}>{label}</span>;
}
