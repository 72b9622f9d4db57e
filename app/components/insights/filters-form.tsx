import { Form, Link } from "@remix-run/react";
import { inputClass } from "~/components/forms";
import { Button } from "~/components/ui";
import { COUNTRIES, ORGANIZATION_TYPE_LABELS, SLOT_COMPENSATION_LABELS } from "~/domain/labels";
import { ORGANIZATION_TYPES, SLOT_COMPENSATIONS } from "~/domain/vocabulary";
import { AUTHORIZATION_GROUP_KEYS, AUTHORIZATION_GROUPS, hasFilters, insightFiltersQuery, type InsightFilters } from "~/modules/insights/filters";
import type { ProgramTerm } from "~/modules/insights/terms";

/** A country's name, or the code itself for one no slot can be in. */
export const countryLabel = (code: string) => COUNTRIES.find((c) => c.code === code)?.name ?? code;

/**
 * The countries a slot can be in, for the dashboard's and the exports' country filter. A code from
 * the address that is not among them stays chosen, so the form shows what is in force.
 */
export function countryOptions(current: string | null | undefined) {
  const known = COUNTRIES.map((c) => ({ value: c.code, label: c.name }));
  return current && !COUNTRIES.some((c) => c.code === current) ? [...known, { value: current, label: current }] : known;
}

const labelClass = "block text-sm font-medium text-slate-800";

/** /admin/insights with `filters` (and nothing else) in its address. */
export function insightsHref(filters: InsightFilters) {
  const query = insightFiltersQuery(filters);
  return query ? `/admin/insights?${query}` : "/admin/insights";
}

/**
 * The dashboard's filters as a GET form, so the address says what is shown and a view can be
 * bookmarked or shared; quick links set the dates to a program term and keep the other filters.
 */
export function InsightFiltersForm({ filters, terms }: { filters: InsightFilters; terms: readonly ProgramTerm[] }) {
  const select = (name: keyof InsightFilters, label: string, options: readonly { value: string; label: string }[], anyLabel: string, hint?: string) => (
    <div>
      <label htmlFor={`insights-${name}`} className={labelClass}>
        {label}
      </label>
      <select
        id={`insights-${name}`}
        name={name}
        defaultValue={filters[name] ?? ""}
        aria-describedby={hint ? `insights-${name}-hint` : undefined}
        className={`mt-1.5 ${inputClass}`}
      >
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={`insights-${name}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );

  return (
    // why: the key remounts the form when a quick link changes the address, so its fields show the filters in force.
    <Form key={insightFiltersQuery(filters)} method="get" action="/admin/insights" aria-label="Filter the insights" className="space-y-5">
      <div>
        <p className="text-sm font-medium text-slate-800" id="insights-terms">
          Program term
        </p>
        <ul aria-labelledby="insights-terms" className="mt-2 flex flex-wrap gap-2 text-sm">
          {terms.map((term) => {
            const active = filters.from === term.from && filters.to === term.to;
            return (
              <li key={term.label}>
                <Link
                  to={insightsHref({ ...filters, from: term.from, to: term.to })}
                  aria-current={active ? "true" : undefined}
                  className={`inline-block rounded-full px-3 py-1 ring-1 ${active ? "bg-brand-700 font-medium text-white ring-brand-700" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
                >
                  {term.label}
                  {term.current ? <span className={active ? "text-brand-100" : "text-slate-500"}> · now</span> : null}
                </Link>
              </li>
            );
          })}
          <li>
            <Link
              to={insightsHref({ ...filters, from: null, to: null })}
              aria-current={!filters.from && !filters.to ? "true" : undefined}
              className={`inline-block rounded-full px-3 py-1 ring-1 ${!filters.from && !filters.to ? "bg-brand-700 font-medium text-white ring-brand-700" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
            >
              All dates
            </Link>
          </li>
        </ul>
        <p className="mt-1.5 text-xs text-slate-500">Spring is January–April, Summer May–August, Fall September–December.</p>
      </div>

      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <div>
          <label htmlFor="insights-from" className={labelClass}>
            From
          </label>
          <input id="insights-from" name="from" type="date" defaultValue={filters.from ?? ""} className={`mt-1.5 ${inputClass}`} />
        </div>
        <div>
          <label htmlFor="insights-to" className={labelClass}>
            To
          </label>
          <input id="insights-to" name="to" type="date" defaultValue={filters.to ?? ""} className={`mt-1.5 ${inputClass}`} />
        </div>
        {select(
          "organizationType",
          "Kind of organization",
          ORGANIZATION_TYPES.map((type) => ({ value: type, label: ORGANIZATION_TYPE_LABELS[type] })),
          "All kinds",
        )}
        {select(
          "country",
          "Country of the internship",
          countryOptions(filters.country),
          "All countries",
        )}
        {select(
          "compensation",
          "Pay",
          SLOT_COMPENSATIONS.map((c) => ({ value: c, label: SLOT_COMPENSATION_LABELS[c] })),
          "Any pay",
        )}
        {select(
          "authorizationGroup",
          "Work-authorization group",
          AUTHORIZATION_GROUP_KEYS.map((key) => ({ value: key, label: AUTHORIZATION_GROUPS[key].label })),
          "Everyone",
          "Aggregates only; groups under 5 people are hidden.",
        )}
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit">Show</Button>
        {hasFilters(filters) ? (
          <Link to="/admin/insights" className="text-sm font-medium text-slate-700 hover:underline">
            Clear the filters
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
