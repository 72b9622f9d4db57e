import type { DeliveryState, LetterState } from "~/modules/letters/labels";
import { DELIVERY_STATE_LABELS, LETTER_STATE_LABELS_STUDENT, LETTER_STATE_LABELS_WRITER } from "~/modules/letters/labels";

// Small pieces of the letters pages: a letter's state and a delivery's, as badges.

const STATE_TONES: Record<LetterState | "revoked", string> = {
  requested: "bg-amber-50 text-amber-900 ring-amber-200",
  writing: "bg-sky-50 text-sky-900 ring-sky-200",
  ready: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  declined: "bg-slate-100 text-slate-700 ring-slate-300",
  revoked: "bg-red-50 text-red-800 ring-red-200",
};

const badge = "inline-flex shrink-0 items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1";

/** A letter's state, in the words of its reader's side. */
export function LetterStateBadge({ state, revoked, side }: { state: LetterState; revoked: boolean; side: "student" | "writer" | "admin" }) {
  const label = revoked ? "Revoked" : (side === "student" ? LETTER_STATE_LABELS_STUDENT : LETTER_STATE_LABELS_WRITER)[state];
  return <span className={`${badge} ${STATE_TONES[revoked ? "revoked" : state]}`}>{label}</span>;
}

const DELIVERY_TONES: Record<DeliveryState, string> = {
  sent: "bg-sky-50 text-sky-900 ring-sky-200",
  opened: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  expired: "bg-slate-100 text-slate-700 ring-slate-300",
  revoked: "bg-red-50 text-red-800 ring-red-200",
};

export function DeliveryBadge({ state }: { state: DeliveryState }) {
  return <span className={`${badge} ${DELIVERY_TONES[state]}`}>{DELIVERY_STATE_LABELS[state]}</span>;
}
