import type { ReactNode } from "react";

// An entry of a ranked list: the home page's recommended slots, the student's starred slots,
// and the students who fit a mentor's slot.

/** One entry: its rank or score on the left, what it is in the middle, its buttons on the right. */
export function RankedCard({ label, badge, actions, children }: { label: string; badge: ReactNode; actions: ReactNode; children: ReactNode }) {
  return (
    <li>
      <article aria-label={label} className="flex flex-col gap-4 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:flex-row sm:items-start">
        {badge}
        <div className="min-w-0 flex-1">{children}</div>
        <div className="flex shrink-0 flex-wrap gap-2">{actions}</div>
      </article>
    </li>
  );
}

/** Why an entry fits, one reason a line: a check for a strength, a plain mark for a gap ("Missing python and sql"). */
export function ReasonList({ reasons, strengths }: { reasons: string[]; strengths?: boolean[] }) {
  return (
    <ul className="mt-3 space-y-1 text-sm text-slate-700">
      {reasons.map((reason, i) => (
        <li key={reason} className="flex gap-2">
          {strengths?.[i] === false ? (
            <span aria-hidden="true" className="text-slate-400">–</span>
          ) : (
            <span aria-hidden="true" className="text-emerald-700">✓</span>
          )}
          {reason}
        </li>
      ))}
    </ul>
  );
}
