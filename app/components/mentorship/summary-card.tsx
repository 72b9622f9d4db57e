import { Link } from "@remix-run/react";
import type { MentorshipSummary, SummaryItem } from "~/modules/mentorship/summary.server";

// The overview's "This week" card: what waits for the reader in each tab of the mentorship
// space, and a few facts, each a sentence with a link to its tab.

const TAB_LABELS: Record<SummaryItem["tab"], string> = {
  plan: "Open the plan",
  "check-ins": "Open check-ins",
  messages: "Open messages",
  feedback: "Open feedback",
  outcome: "Record the outcome",
};

function Item({ matchId, item, strong }: { matchId: string; item: SummaryItem; strong: boolean }) {
  return (
    <li className="flex flex-col gap-1 py-2 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
      <span className={strong ? "font-medium text-slate-900" : "text-slate-700"}>{item.text}</span>
      <Link to={`/matches/${matchId}/${item.tab}`} className="shrink-0 text-sm font-medium text-brand-700 hover:underline">
        {TAB_LABELS[item.tab]} →
      </Link>
    </li>
  );
}

export function SummaryCard({ matchId, summary, isAdmin }: { matchId: string; summary: MentorshipSummary; isAdmin: boolean }) {
  return (
    <section aria-labelledby="summary-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="summary-heading" className="text-lg font-semibold text-slate-900">
          {isAdmin || !summary.week ? "Where it stands" : "This week"}
        </h2>
        {summary.week ? <span className="text-sm text-slate-500">{summary.week}</span> : null}
      </div>
      {isAdmin ? null : (
        <div className="mt-3">
          <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Waiting for you</h3>
          {summary.waiting.length ? (
            <ul className="mt-1 divide-y divide-slate-100">
              {summary.waiting.map((item) => (
                <Item key={item.key} matchId={matchId} item={item} strong />
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-slate-600">Nothing right now. You are up to date.</p>
          )}
        </div>
      )}
      <div className="mt-4 border-t border-slate-100 pt-3">
        <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-500">So far</h3>
        <ul className="mt-1 divide-y divide-slate-100">
          {summary.facts.map((item) => (
            <Item key={item.key} matchId={matchId} item={item} strong={false} />
          ))}
        </ul>
      </div>
    </section>
  );
}
