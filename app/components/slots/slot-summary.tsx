import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { PayBadge } from "~/components/slot-details";
import { VerifiedBadge } from "~/components/verified-badge";
import { describeDates, describePlace, formatDay } from "~/modules/slots/format";
import type { SlotCard } from "~/modules/slots/card.server";

// How a recommended or starred slot reads in a list: title, organization, pay, place, dates.
// Safe in the browser (the type import is erased).

export function SlotSummary({ slot, children }: { slot: SlotCard; children?: ReactNode }) {
  return (
    <div>
      <h3 className="text-base font-semibold text-slate-900">
        <Link to={`/slots/${slot.id}`} className="hover:text-brand-700 hover:underline">
          {slot.title}
        </Link>
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
