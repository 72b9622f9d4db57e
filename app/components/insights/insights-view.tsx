import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { FunnelChart } from "~/components/charts/funnel-chart";
import { OutcomeChart } from "~/components/charts/outcome-chart";
import { Alert, Card, PageHeader, buttonClass } from "~/components/ui";
import { ORGANIZATION_TYPE_LABELS, SLOT_COMPENSATION_LABELS } from "~/domain/labels";
import { AUTHORIZATION_GROUPS, hasFilters, insightFiltersQuery, MIN_CELL, type InsightFilters } from "~/modules/insights/filters";
import type { ProgramTerm } from "~/modules/insights/terms";
import type { Insights } from "~/modules/insights/types";
import { countryLabel, InsightFiltersForm } from "./filters-form";
import { HealthSection, type HealthRules } from "./health";

const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const formatDay = (value: string) => day.format(new Date(`${value}T00:00:00Z`));

/** The filters in force, in words: "Sep 1, 2026 – Dec 31, 2026 · Startup · Unpaid". */
export function describeFilters(filters: InsightFilters) {
  const parts: string[] = [];
  if (filters.from && filters.to) parts.push(`${formatDay(filters.from)} – ${formatDay(filters.to)}`);
  else if (filters.from) parts.push(`From ${formatDay(filters.from)}`);
  else if (filters.to) parts.push(`Up to ${formatDay(filters.to)}`);
  if (filters.organizationType) parts.push(ORGANIZATION_TYPE_LABELS[filters.organizationType]);
  if (filters.country) parts.push(countryLabel(filters.country));
  if (filters.compensation) parts.push(SLOT_COMPENSATION_LABELS[filters.compensation]);
  if (filters.authorizationGroup) parts.push(AUTHORIZATION_GROUPS[filters.authorizationGroup].label);
  return parts.join(" · ");
}

/** Where this view's rows can be downloaded: the exports page with the same filters. */
export function exportsHref(filters: InsightFilters) {
  const query = insightFiltersQuery(filters);
  return query ? `/admin/exports?${query}` : "/admin/exports";
}

function Section({ id, title, intro, action, children }: { id: string; title: string; intro: ReactNode; action?: ReactNode; children: ReactNode }) {
  return (
    <Card>
      <section aria-labelledby={id}>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
          <div>
            <h2 id={id} className="text-lg font-semibold text-slate-900">
              {title}
            </h2>
            <div className="mt-1 max-w-3xl text-sm text-slate-600">{intro}</div>
          </div>
          {action}
        </div>
        <div className="mt-6">{children}</div>
      </section>
    </Card>
  );
}

/** The admins' view of the whole program: filters, the funnel, outcomes by kind of slot, and what needs them now. */
export function InsightsView({ insights, problems, terms, rules }: { insights: Insights; problems: string[]; terms: ProgramTerm[]; rules: HealthRules }) {
  const { filters, funnel, outcomes, health } = insights;
  const exportLink = (
    <Link to={exportsHref(filters)} className={buttonClass("secondary", "shrink-0")}>
      Export these as CSV
    </Link>
  );
  return (
    <div className="space-y-6">
      <PageHeader
        title="Program insights"
        description="How students move from sign-up to an internship and what it led to, what each kind of slot is a stepping stone to, and what needs you now."
      >
        {exportLink}
      </PageHeader>

      {problems.length ? (
        <Alert tone="warning" title="Part of this address was not understood">
          <ul className="list-disc space-y-0.5 pl-5">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <p className="mt-1">The page shows the filters it could read.</p>
        </Alert>
      ) : null}

      <Card>
        <h2 className="sr-only">Filters</h2>
        <InsightFiltersForm filters={filters} terms={terms} />
        <p className="mt-5 border-t border-slate-100 pt-4 text-sm text-slate-600" aria-live="polite">
          <span className="font-medium text-slate-800">Showing: </span>
          {hasFilters(filters) ? describeFilters(filters) : "every student, every slot, all dates"}
        </p>
      </Card>

      <Section
        id="funnel"
        title="The funnel"
        intro={
          <p>
            Each bar counts the students who reached that step, whatever happened after; the percentage beside it is the share of the step before who got this far. The dates choose
            students by when they signed up. Counts under {MIN_CELL} are hidden and drawn hatched.
          </p>
        }
      >
        <FunnelChart steps={funnel} />
      </Section>

      <Section
        id="outcomes"
        title="Outcomes"
        intro={
          <p>
            What completed internships led to, by the kind of slot. <span className="font-medium text-slate-800">Paid work within 6 months</span> = a paid internship or
              full-time offer reported at the 3- or 6-month follow-up; the share is of the students who answered one. The dates choose internships by when they were completed.
            Counts under {MIN_CELL} are hidden. As the three breakdowns count the same internships, so is any count that would give a hidden one away by
            subtraction; every hidden count reads the same.
          </p>
        }
        action={exportLink}
      >
        <div className="space-y-10">
          <Breakdown title="By pay">
            <OutcomeChart title="Paid work within 6 months, by pay" kindHeading="Pay" rows={outcomes.byCompensation} />
          </Breakdown>
          <Breakdown title="By kind of organization">
            <OutcomeChart title="Paid work within 6 months, by kind of organization" kindHeading="Organization" rows={outcomes.byOrganizationType} />
          </Breakdown>
          <Breakdown title="By promises kept" note="Whether the slot delivered what it promised: a letter, a referral, a portfolio project, return-offer consideration, mentor hours.">
            <OutcomeChart title="Paid work within 6 months, by promises kept" kindHeading="Promises" rows={outcomes.byPromisesKept} />
          </Breakdown>
        </div>
      </Section>

      <Section
        id="health"
        title="Health"
        intro={<p>What needs you now. These lists are about today: the dates and the work-authorization group do not narrow them; the kind of organization, country and pay narrow the matches, mentors and slots (emails are the whole platform's).</p>}
      >
        <HealthSection health={health} rules={rules} />
      </Section>
    </div>
  );
}

function Breakdown({ title, note, children }: { title: string; note?: string; children: ReactNode }) {
  return (
    <div>
      <h3 className="font-semibold text-slate-900">{title}</h3>
      {note ? <p className="mt-0.5 text-sm text-slate-500">{note}</p> : null}
      <div className="mt-3">{children}</div>
    </div>
  );
}
