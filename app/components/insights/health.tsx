import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatCount } from "~/components/charts/format";
import { formatDateTime } from "~/components/format";
import type { ProgramHealth } from "~/modules/insights/types";

/** The thresholds the health lists use (from the insights module), so the page says them as they are. */
export type HealthRules = { slowReplyDays: number; unappliedDeadlineDays: number; failedEmailDays: number };

const days = (n: number) => (n === 1 ? "1 day" : `${formatCount(n)} days`);

function HealthCard({
  id,
  title,
  total,
  unit,
  tone,
  children,
  empty,
  more,
}: {
  id: string;
  title: string;
  total: number;
  /** What the count counts, singular and plural. */
  unit: [string, string];
  tone: "calm" | "warn";
  children: ReactNode;
  /** What an empty list means, kindly. */
  empty: string;
  /** A link to where the whole list is, or nothing. */
  more?: ReactNode;
}) {
  const warn = tone === "warn" && total > 0;
  return (
    <section aria-labelledby={`health-${id}`} className="flex flex-col rounded-lg bg-white p-5 ring-1 ring-slate-200">
      <div className="flex items-baseline justify-between gap-3">
        <h3 id={`health-${id}`} className="font-semibold text-slate-900">
          {title}
        </h3>
        <p className={`shrink-0 rounded-full px-2.5 py-0.5 text-sm font-semibold tabular-nums ring-1 ${warn ? "bg-amber-50 text-amber-800 ring-amber-600/20" : "bg-slate-50 text-slate-700 ring-slate-200"}`}>
          {formatCount(total)} {total === 1 ? unit[0] : unit[1]}
        </p>
      </div>
      {total === 0 ? <p className="mt-3 text-sm text-slate-600">{empty}</p> : <ul className="mt-3 divide-y divide-slate-100 text-sm">{children}</ul>}
      {more ? <div className="mt-auto pt-4 text-sm">{more}</div> : null}
    </section>
  );
}

const linkClass = "font-medium text-brand-700 hover:underline";

/** What needs an admin now: each list's count, its first rows, and where to act on the rest. */
export function HealthSection({ health, rules }: { health: ProgramHealth; rules: HealthRules }) {
  const { stalled, slowMentors, unappliedSlots, emails } = health;
  const emailTotal = emails.failedLastWeek + emails.stuckQueued;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <HealthCard
        id="stalled"
        title="Stalled matches"
        total={stalled.total}
        unit={["match", "matches"]}
        tone="warn"
        empty="Every confirmed or running internship has had a check-in, a reply or a message recently."
        more={
          <Link to="/admin/stalled" className={linkClass}>
            Open the stalled matches to nudge them
          </Link>
        }
      >
        {stalled.rows.map((row) => (
          <li key={row.matchId} className="flex items-start justify-between gap-3 py-2">
            <div className="min-w-0">
              <Link to={`/matches/${row.matchId}`} className={linkClass}>
                {row.studentName}
              </Link>
              <p className="truncate text-slate-600">
                {row.slotTitle} · {row.organizationName}
              </p>
            </div>
            <span className="shrink-0 text-slate-700 tabular-nums">{days(row.silentDays)} silent</span>
          </li>
        ))}
      </HealthCard>

      <HealthCard
        id="slow-mentors"
        title="Mentors slow to reply"
        total={slowMentors.total}
        unit={["mentor", "mentors"]}
        tone="warn"
        empty={`Every application has had a first answer from its mentors within ${days(rules.slowReplyDays)}.`}
        more={<p className="text-slate-500">Mentors with an application waiting more than {days(rules.slowReplyDays)} for a first answer, most waiting first.</p>}
      >
        {slowMentors.rows.map((row) => (
          <li key={row.mentorId} className="flex items-start justify-between gap-3 py-2">
            <div className="min-w-0">
              <Link to={`/admin/users/${row.mentorId}`} className={linkClass}>
                {row.name}
              </Link>
              <p className="truncate text-slate-600">{row.organizationName ?? "No organization"}</p>
            </div>
            <span className="shrink-0 text-right text-slate-700 tabular-nums">
              {row.waiting === 1 ? "1 application" : `${formatCount(row.waiting)} applications`}
              <span className="block text-xs text-slate-500">oldest {days(row.oldestDays)}</span>
            </span>
          </li>
        ))}
      </HealthCard>

      <HealthCard
        id="unapplied-slots"
        title="Open slots nobody has applied to"
        total={unappliedSlots.total}
        unit={["slot", "slots"]}
        tone="warn"
        empty={`Every open slot whose deadline is within ${days(rules.unappliedDeadlineDays)} has at least one application.`}
        more={<p className="text-slate-500">Open slots with no application and their deadline within {days(rules.unappliedDeadlineDays)}: worth a word to their mentors or to students.</p>}
      >
        {unappliedSlots.rows.map((row) => (
          <li key={row.slotId} className="flex items-start justify-between gap-3 py-2">
            <div className="min-w-0">
              <Link to={`/slots/${row.slotId}`} className={linkClass}>
                {row.title}
              </Link>
              <p className="truncate text-slate-600">{row.organizationName}</p>
            </div>
            <span className="shrink-0 text-right text-slate-700 tabular-nums">
              {row.daysLeft <= 0 ? "closes today" : row.daysLeft === 1 ? "closes tomorrow" : `${days(row.daysLeft)} left`}
              <span className="block text-xs text-slate-500">deadline {row.deadline}</span>
            </span>
          </li>
        ))}
      </HealthCard>

      <HealthCard
        id="emails"
        title="Emails failing"
        total={emailTotal}
        unit={["email", "emails"]}
        tone="warn"
        empty={`No email failed in the last ${days(rules.failedEmailDays)}, and none is stuck in the queue.`}
        more={
          <Link to="/admin?status=failed" className={linkClass}>
            See failed emails in the email log
          </Link>
        }
      >
        <li className="py-2 text-slate-700">
          {formatCount(emails.failedLastWeek)} failed in the last {days(rules.failedEmailDays)} · {formatCount(emails.stuckQueued)} queued for over an hour
        </li>
        {emails.rows.map((row) => (
          <li key={row.id} className="py-2">
            <p className="font-medium text-slate-900">{row.subject}</p>
            <p className="truncate text-slate-600">
              To {row.to.join(", ")} · {formatDateTime(row.createdAt)}
            </p>
            {row.lastError ? <p className="truncate text-xs text-red-700">{row.lastError}</p> : null}
          </li>
        ))}
      </HealthCard>
    </div>
  );
}
