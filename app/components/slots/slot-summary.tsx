import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { PayBadge } from "~/components/slot-details";
import { VerifiedBadge } from "~/components/verified-badge";
import { describeDates, describePlace, formatDay } from "~/modules/slots/format";
import type { SlotCard } from "~/modules/slots/card.server";
import type { SlotStanding } from "~/modules/recommendations/standing.server";

// How a recommended or starred slot reads in a list: title, organization, pay, place, dates.
// Safe in the browser (the type import is erased).

export function SlotSummary({ slot, standing = null, children }: { slot: SlotCard; standing?: SlotStanding | null; children?: ReactNode }) {
  return (
    <div>
      <h3 className="text-base font-semibold text-slate-900">
        <Link to={`/slots/${slot.id}`} className="hover:text-brand-700 hover:underline">
          {slot.title}
        </Link>
        <StandingMark standing={standing} />
      </h3>
      <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span className="font-medium text-slate-800">{slot.organizationName}</span>
        <VerifiedBadge verified={slot.organizationVerified} />
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
        <PayBadge slot={slot} />
        <span>{describePlace(slot)}</span>
        <span>{describeDates(slot)}</span>
        <span>{slot.hoursPerWeek} h/week</span>
        <span className="text-slate-500">Apply by {formatDay(slot.applicationDeadline)}</span>
      </div>
      {children}
    </div>
  );
}

/** "86" out of 100, with the words for screen readers. */
export function ScoreBadge({ score }: { score: number }) {
  return (
    <span className="inline-flex shrink-0 flex-col items-center rounded-lg bg-brand-50 px-3 py-1.5 text-brand-800 ring-1 ring-brand-200">
      <span className="text-xl font-bold leading-none">{score}</span>
      <span className="text-[10px] font-medium uppercase tracking-wide">fit / 100</span>
      <span className="sr-only">Score {score} out of 100</span>
    </span>
  );
}

const STANDING_LABELS: Record<SlotStanding, string> = { applied: "Applied", matched: "Matched", completed: "Completed", not_proceeding: "Not going ahead" };

/** "Applied", "Matched", … beside a slot's title in a list: what the student already did with it. */
export function StandingMark({ standing }: { standing: SlotStanding | null }) {
  if (!standing) return null;
  return (
    <span className="ml-2 inline-flex items-center rounded-md bg-emerald-50 px-2 py-0.5 align-middle text-xs font-medium text-emerald-800 ring-1 ring-emerald-200">
      {STANDING_LABELS[standing]}
    </span>
  );
}
