// Minimum wages, hourly, for every US state (and DC) and every Canadian province and territory,
// with federal fallbacks: the rate in force on CHECKED_ON, the date it took effect, and where it
// was read. Used to tell a real stipend from an unpaid internship with a token payment, and to
// refuse paid slots below the minimum. City and county minimums can be higher (Seattle, Toronto
// is provincial, many California cities): the rule here is a floor, and the slot form says so.
// minimum-wage.test.ts fails when CHECKED_ON is more than a year old: read the sources again,
// update the rates and their dates, and move CHECKED_ON (docs/work-authorization.md lists them).

/** When every rate below was last checked against the sources (YYYY-MM-DD). */
export const CHECKED_ON = "2026-11-29";

export const SOURCES = {
  US: [
    "US Department of Labor, State Minimum Wage Laws (dol.gov/agencies/whd/minimum-wage/state), and the 2026 state increase summaries of The National Law Review (2026-01-19) and WorldatWork (2025-12)",
    "Alaska: $14.00 from 2026-07-01 (Ballot Measure 1, 2024); Florida: $15.00 from 2026-09-30 (Amendment 2, 2020)",
  ],
  CA: [
    "Government of Canada, Minimum wage rates in Canada since 1965 (canada.ca), and the provinces' 2026 announcements as summarised by Farms.com (2026-03) and todocanada.ca (2026)",
  ],
} as const;

export type Wage = { rate: number; since: string; note?: string };

type Jurisdiction = { name: string; wage: Wage };

const w = (rate: number, since: string, note?: string): Wage => ({ rate, since, ...(note ? { note } : {}) });

export const US_REGIONS: Record<string, Jurisdiction> = {
  AL: { name: "Alabama", wage: w(7.25, "2009-07-24", "no state minimum; the federal one applies") },
  AK: { name: "Alaska", wage: w(14.0, "2026-07-01") },
  AZ: { name: "Arizona", wage: w(15.15, "2026-01-01") },
  AR: { name: "Arkansas", wage: w(11.0, "2021-01-01") },
  CA: { name: "California", wage: w(16.9, "2026-01-01", "many cities require more") },
  CO: { name: "Colorado", wage: w(15.16, "2026-01-01", "Denver requires more") },
  CT: { name: "Connecticut", wage: w(16.94, "2026-01-01") },
  DE: { name: "Delaware", wage: w(15.0, "2025-01-01") },
  DC: { name: "District of Columbia", wage: w(17.95, "2025-07-01") },
  FL: { name: "Florida", wage: w(15.0, "2026-09-30") },
  GA: { name: "Georgia", wage: w(7.25, "2009-07-24", "the federal minimum applies to most employers") },
  HI: { name: "Hawaii", wage: w(16.0, "2026-01-01") },
  ID: { name: "Idaho", wage: w(7.25, "2009-07-24") },
  IL: { name: "Illinois", wage: w(15.0, "2025-01-01") },
  IN: { name: "Indiana", wage: w(7.25, "2009-07-24") },
  IA: { name: "Iowa", wage: w(7.25, "2009-07-24") },
  KS: { name: "Kansas", wage: w(7.25, "2010-01-01") },
  KY: { name: "Kentucky", wage: w(7.25, "2009-07-24") },
  LA: { name: "Louisiana", wage: w(7.25, "2009-07-24", "no state minimum; the federal one applies") },
  ME: { name: "Maine", wage: w(15.1, "2026-01-01") },
  MD: { name: "Maryland", wage: w(15.0, "2024-01-01") },
  MA: { name: "Massachusetts", wage: w(15.0, "2023-01-01") },
  MI: { name: "Michigan", wage: w(13.73, "2026-01-01") },
  MN: { name: "Minnesota", wage: w(11.41, "2026-01-01", "Minneapolis and St. Paul require more") },
  MS: { name: "Mississippi", wage: w(7.25, "2009-07-24", "no state minimum; the federal one applies") },
  MO: { name: "Missouri", wage: w(15.0, "2026-01-01") },
  MT: { name: "Montana", wage: w(10.85, "2026-01-01") },
  NE: { name: "Nebraska", wage: w(15.0, "2026-01-01") },
  NV: { name: "Nevada", wage: w(12.0, "2024-07-01") },
  NH: { name: "New Hampshire", wage: w(7.25, "2009-07-24") },
  NJ: { name: "New Jersey", wage: w(15.92, "2026-01-01") },
  NM: { name: "New Mexico", wage: w(12.0, "2023-01-01") },
  NY: { name: "New York", wage: w(16.0, "2026-01-01", "$17.00 in New York City, Long Island and Westchester") },
  NC: { name: "North Carolina", wage: w(7.25, "2009-07-24") },
  ND: { name: "North Dakota", wage: w(7.25, "2009-07-24") },
  OH: { name: "Ohio", wage: w(11.0, "2026-01-01") },
  OK: { name: "Oklahoma", wage: w(7.25, "2009-07-24") },
  OR: { name: "Oregon", wage: w(15.05, "2025-07-01", "Portland metro requires more; the July 2026 change was not confirmed") },
  PA: { name: "Pennsylvania", wage: w(7.25, "2009-07-24") },
  RI: { name: "Rhode Island", wage: w(16.0, "2026-01-01") },
  SC: { name: "South Carolina", wage: w(7.25, "2009-07-24", "no state minimum; the federal one applies") },
  SD: { name: "South Dakota", wage: w(11.85, "2026-01-01") },
  TN: { name: "Tennessee", wage: w(7.25, "2009-07-24", "no state minimum; the federal one applies") },
  TX: { name: "Texas", wage: w(7.25, "2009-07-24") },
  UT: { name: "Utah", wage: w(7.25, "2009-07-24") },
  VT: { name: "Vermont", wage: w(14.42, "2026-01-01") },
  VA: { name: "Virginia", wage: w(12.77, "2026-01-01") },
  WA: { name: "Washington", wage: w(17.13, "2026-01-01", "Seattle and other cities require more") },
  WV: { name: "West Virginia", wage: w(8.75, "2016-01-01") },
  WI: { name: "Wisconsin", wage: w(7.25, "2009-07-24") },
  WY: { name: "Wyoming", wage: w(7.25, "2009-07-24") },
};

export const CA_REGIONS: Record<string, Jurisdiction> = {
  AB: { name: "Alberta", wage: w(15.0, "2018-10-01") },
  BC: { name: "British Columbia", wage: w(18.25, "2026-06-01") },
  MB: { name: "Manitoba", wage: w(16.4, "2026-10-01") },
  NB: { name: "New Brunswick", wage: w(15.9, "2026-04-01") },
  NL: { name: "Newfoundland and Labrador", wage: w(16.35, "2026-04-01") },
  NS: { name: "Nova Scotia", wage: w(16.75, "2026-04-01") },
  NT: { name: "Northwest Territories", wage: w(16.95, "2025-09-01", "the September 2026 change was not confirmed") },
  NU: { name: "Nunavut", wage: w(19.75, "2025-01-01") },
  ON: { name: "Ontario", wage: w(17.95, "2026-10-01") },
  PE: { name: "Prince Edward Island", wage: w(17.0, "2026-04-01") },
  QC: { name: "Quebec", wage: w(16.6, "2026-05-01") },
  SK: { name: "Saskatchewan", wage: w(15.35, "2025-10-01", "the October 2026 change was not confirmed") },
  YT: { name: "Yukon", wage: w(18.51, "2026-04-01") },
};

/**
 * Where no state or province is known: the US federal minimum; in Canada the lowest provincial
 * one (the federal minimum covers only federally regulated employers — banks, airlines, telecoms).
 */
export const FALLBACK: Record<"US" | "CA", Wage & { what: string }> = {
  US: { ...w(7.25, "2009-07-24"), what: "the US federal minimum wage" },
  CA: { ...w(15.0, "2018-10-01"), what: "the lowest provincial minimum wage (Alberta)" },
};

/** The federal minimum for federally regulated employers in Canada (Canada Labour Code). */
export const CA_FEDERAL = w(18.1, "2026-04-01");

export const REGIONS = { US: US_REGIONS, CA: CA_REGIONS } as const;

/** The minimum wage for a slot's place, or null outside the US and Canada. */
export function minimumWageFor(country: string | null | undefined, region: string | null | undefined) {
  if (country !== "US" && country !== "CA") return null;
  const jurisdiction = region ? REGIONS[country][region] : undefined;
  const currency = country === "US" ? "USD" : "CAD";
  if (jurisdiction) return { ...jurisdiction.wage, currency, where: jurisdiction.name, fallback: false };
  const { what, ...wage } = FALLBACK[country];
  return { ...wage, currency, where: what, fallback: true };
}

/** A stipend for the whole internship as an hourly amount over its hours. */
export const stipendPerHour = (stipend: number, hoursPerWeek: number, weeks: number) => stipend / Math.max(1, hoursPerWeek * weeks);

/** The pay fields of a slot that the minimum wage reads. */
export type PayTerms = {
  compensation?: string | null;
  hourlyRate?: number | string | null;
  stipendAmount?: number | null;
  currency?: string | null;
  hoursPerWeek?: number | null;
  durationWeeks?: number | null;
  country?: string | null;
  region?: string | null;
};

/**
 * How a slot's pay compares with the minimum wage where it is: for paid and stipend slots paid in
 * the local currency, the hourly amount and the minimum; null when there is nothing to compare.
 */
export function payAgainstMinimum(slot: PayTerms) {
  if (slot.compensation !== "paid" && slot.compensation !== "stipend") return null;
  const minimum = minimumWageFor(slot.country, slot.region);
  if (!minimum || slot.currency !== minimum.currency) return null;
  const hourly =
    slot.compensation === "paid"
      ? Number(slot.hourlyRate)
      : typeof slot.stipendAmount === "number" && slot.hoursPerWeek && slot.durationWeeks
        ? stipendPerHour(slot.stipendAmount, slot.hoursPerWeek, slot.durationWeeks)
        : NaN;
  if (!Number.isFinite(hourly)) return null;
  return { hourly, minimum, below: hourly < minimum.rate };
}

/** A stipend below the minimum wage for the slot's hours: the unpaid rules apply to it. */
export const isSubMinimumStipend = (slot: PayTerms) => slot.compensation === "stipend" && payAgainstMinimum(slot)?.below === true;

/** The compensation the work-authorization rules see: a token stipend is unpaid (decision 012). */
export const compensationForRules = <C extends string>(slot: PayTerms & { compensation: C }): C | "unpaid" => (isSubMinimumStipend(slot) ? "unpaid" : slot.compensation);
