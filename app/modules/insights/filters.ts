// The filters of the admin's view of the program (/admin/insights) and of its exports, read from
// the URL so a view can be bookmarked and shared, and an export matches the dashboard it came from.
// why: one reader for both, so a filter means the same thing on the page and in the CSV.
import type { OrganizationType, SlotCompensation } from "~db/schema";
import { DAY_MS } from "~/domain/time";
import { ORGANIZATION_TYPES, SLOT_COMPENSATIONS, isIn } from "~/domain/vocabulary";
import type { WorkAuthorizationStatus } from "~/engine/work-authorization";

/**
 * Work authorizations in groups coarse enough to report on: the dashboard never shows one status
 * on its own, and any count under MIN_CELL people is hidden (see suppress).
 */
export const AUTHORIZATION_GROUPS = {
  citizen_pr: { label: "Citizens and permanent residents", statuses: ["us_citizen_pr", "ca_citizen_pr"] },
  us_student: { label: "US student visas (F-1, J-1)", statuses: ["us_f1_cpt", "us_f1_opt_pre", "us_f1_opt_post", "us_f1_stem_opt", "us_j1_academic_training"] },
  ca_student: { label: "Canadian study and co-op permits", statuses: ["ca_study_permit", "ca_coop_permit"] },
  open_permit: { label: "Open work permits and other EADs", statuses: ["us_other_ead", "ca_open_work_permit"] },
  not_authorized: { label: "Not yet authorized", statuses: ["not_authorized"] },
  not_stated: { label: "Not stated", statuses: [] },
} as const satisfies Record<string, { label: string; statuses: readonly WorkAuthorizationStatus[] }>;

export type AuthorizationGroup = keyof typeof AUTHORIZATION_GROUPS;
export const AUTHORIZATION_GROUP_KEYS = Object.keys(AUTHORIZATION_GROUPS) as AuthorizationGroup[];

/** The group a student's status falls in (no status: "not_stated"). */
export function authorizationGroupOf(status: WorkAuthorizationStatus | null): AuthorizationGroup {
  if (!status) return "not_stated";
  for (const key of AUTHORIZATION_GROUP_KEYS) if ((AUTHORIZATION_GROUPS[key].statuses as readonly string[]).includes(status)) return key;
  return "not_stated";
}

/** Fewer people than this in a cell, and the cell is hidden: a count so small could name someone. */
export const MIN_CELL = 5;

/** A count of people as shown: null when it is under MIN_CELL but not zero ("fewer than 5"). */
export const suppress = (people: number): number | null => (people > 0 && people < MIN_CELL ? null : people);

/**
 * One column of a breakdown whose rows add up to a total that can be read elsewhere (another
 * breakdown of the same internships, say), as shown: null for hidden. A single hidden count there
 * could be worked out by subtraction, and so could several that add up to under MIN_CELL, or to no
 * more than one each. So the smallest other counts are hidden too (complementary suppression) until
 * at least two are hidden, adding up to MIN_CELL or more and to more than their number. Every hidden
 * count reads the same, small or not: were the others told apart ("5 or more"), the bound would pin
 * a small one down (5 and 1 of 6). Zeros stay: they hide nothing.
 */
export function suppressColumn(people: readonly number[]): (number | null)[] {
  const shown: (number | null)[] = people.map(suppress);
  let hidden = 0;
  let hiddenSum = 0;
  for (const [i, value] of people.entries()) {
    if (shown[i] !== null) continue;
    hidden++;
    hiddenSum += value;
  }
  if (hidden === 0) return shown;
  const others = [...people.entries()].filter(([i, value]) => shown[i] !== null && value > 0).sort((a, b) => a[1] - b[1]);
  for (const [i, value] of others) {
    if (hidden >= 2 && hiddenSum >= MIN_CELL && hiddenSum > hidden) break;
    shown[i] = null;
    hidden++;
    hiddenSum += value;
  }
  return shown;
}

/**
 * What the filters mean, for every reader:
 * - `from`/`to` (inclusive days, UTC) pick a cohort: students who signed up in the range for the
 *   funnel; applications submitted, matches proposed, internships completed in it for the lists.
 * - `organizationType`, `country` (the slot's: where the internship is) and `compensation` are
 *   the slot's; they narrow every step that involves a slot (applied onwards).
 * - `authorizationGroup` is the student's; it narrows every step.
 */
export type InsightFilters = {
  from: string | null;
  to: string | null;
  organizationType: OrganizationType | null;
  country: string | null;
  compensation: SlotCompensation | null;
  authorizationGroup: AuthorizationGroup | null;
};

export const NO_FILTERS: InsightFilters = { from: null, to: null, organizationType: null, country: null, compensation: null, authorizationGroup: null };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD (not 2026-02-30), between 2000 and 2100. */
function isDay(value: string) {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= "2000-01-01" && value <= "2100-12-31";
}

/**
 * The filters in a URL's query string. Anything not understood is left out and said in
 * `problems`, so the page shows what it did instead of guessing or failing.
 */
export function readInsightFilters(params: URLSearchParams): { filters: InsightFilters; problems: string[] } {
  const problems: string[] = [];
  const text = (name: string) => (params.get(name) ?? "").trim();
  const day = (name: "from" | "to", label: string) => {
    const value = text(name);
    if (!value) return null;
    if (isDay(value)) return value;
    problems.push(`The ${label} date "${value.slice(0, 40)}" is not a day written YYYY-MM-DD, so it was left out.`);
    return null;
  };
  const oneOf = <T extends string>(name: string, values: readonly T[], label: string): T | null => {
    const value = text(name);
    if (!value) return null;
    if (isIn(values, value)) return value;
    problems.push(`"${value.slice(0, 40)}" is not a ${label} we know, so that filter was left out.`);
    return null;
  };
  let from = day("from", "start");
  let to = day("to", "end");
  if (from && to && from > to) {
    problems.push("The start date was after the end date, so they were swapped.");
    [from, to] = [to, from];
  }
  const countryText = text("country").toUpperCase();
  let country: string | null = null;
  if (countryText) {
    if (/^[A-Z]{2}$/.test(countryText)) country = countryText;
    else problems.push(`"${countryText.slice(0, 40)}" is not a two-letter country code, so that filter was left out.`);
  }
  return {
    filters: {
      from,
      to,
      organizationType: oneOf("organizationType", ORGANIZATION_TYPES, "kind of organization"),
      country,
      compensation: oneOf("compensation", SLOT_COMPENSATIONS, "kind of pay"),
      authorizationGroup: oneOf("authorizationGroup", AUTHORIZATION_GROUP_KEYS, "work-authorization group"),
    },
    problems,
  };
}

/** The filters as a query string (without "?"), in a stable order; empty filters are left out. */
export function insightFiltersQuery(filters: InsightFilters) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  return params.toString();
}

/** Whether any filter is set. */
export const hasFilters = (filters: InsightFilters) => Object.values(filters).some(Boolean);

/**
 * The range's bounds as instants for SQL: `from` at 00:00 UTC, and the day after `to` at 00:00
 * UTC (exclusive), so a column is in range when `>= start and < end`.
 */
export function rangeInstants(filters: Pick<InsightFilters, "from" | "to">) {
  const start = filters.from ? new Date(`${filters.from}T00:00:00Z`) : null;
  const end = filters.to ? new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + DAY_MS) : null;
  return { start, end };
}
