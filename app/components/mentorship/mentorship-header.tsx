import { Link, NavLink, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { Alert } from "~/components/ui";
import { entryFor } from "~/forms/gate";
import { MatchStatusBadge } from "~/components/matches/match-ui";
import type { MentorshipHeaderData } from "~/modules/mentorship/route.server";

// The header and the tabs of a match's pages: the overview (/matches/:matchId) and the
// mentorship space under it (plan, check-ins, messages, feedback, outcome, documents).

const TABS = [
  { path: "", label: "Overview" },
  { path: "/plan", label: "Plan" },
  { path: "/check-ins", label: "Check-ins & hours" },
  { path: "/messages", label: "Messages" },
  { path: "/feedback", label: "Feedback" },
  { path: "/outcome", label: "Outcome" },
  { path: "/documents", label: "Documents" },
] as const;

export function MentorshipHeader({ header }: { header: MentorshipHeaderData }) {
  const { matchId, status, side, slotTitle, organizationName, studentName } = header;
  return (
    <>
      <p className="mb-4 text-sm">
        <Link to={side === "admin" ? "/admin/matches" : "/matches"} className="font-medium text-brand-700 hover:underline">
          ← {side === "admin" ? "Matches" : "Your matches"}
        </Link>
      </p>
      <header className="mb-4">
        <MatchStatusBadge status={status} />
        <h1 className="mt-1 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{slotTitle}</h1>
        <p className="mt-1 text-slate-600">{side === "student" ? `You and ${organizationName}` : `${studentName} and ${organizationName}`}</p>
      </header>
      <MentorshipTabs matchId={matchId} />
    </>
  );
}

/** The tabs alone, for the overview page, which draws its own header. */
export function MentorshipTabs({ matchId }: { matchId: string }) {
  return (
    <nav aria-label="This match" className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-x-1">
        {TABS.map((tab) => (
          <li key={tab.path}>
            <NavLink
              to={`/matches/${matchId}${tab.path}`}
              end
              className={({ isActive }) =>
                `inline-block border-b-2 px-3 py-2 text-sm font-medium ${isActive ? "border-brand-700 text-brand-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"}`
              }
            >
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A mentorship tab's page: the header with the tabs, the notice its last redirect names
 * (`?notice=<key>` of `notices`, left out while a form shows its errors), then the tab.
 */
export function MentorshipPage({ header, notices, showingErrors, children }: { header: MentorshipHeaderData; notices: Readonly<Record<string, string>>; showingErrors: boolean; children: ReactNode }) {
  const [params] = useSearchParams();
  const notice = showingErrors ? null : entryFor(notices, params.get("notice"));
  return (
    <div>
      <MentorshipHeader header={header} />
      {notice ? (
        <div className="mb-6">
          <Alert tone="success">{notice}</Alert>
        </div>
      ) : null}
      {children}
    </div>
  );
}
