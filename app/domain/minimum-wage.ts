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

/**
 * A table of minimum wages, one place a line: code | name | hourly rate | in force since | note
 * (what a reader should know, and what could not be confirmed). Read once when the module loads;
 * a line that does not read as a rate and a date throws, so a typo cannot pass for a wage.
 */
function regions(table: string): Record<string, Jurisdiction> {
  const rows = table.trim().split("\n").map((line) => {
    const [code = "", name = "", rate = "", since = "", note] = line.split("|").map((cell) => cell.trim());
    if (!/^[A-Z]{2}$/.test(code) || !name || !/^\d+\.\d\d$/.test(rate) || !/^\d{4}-\d\d-\d\d$/.test(since)) throw new Error(`minimum-wage.ts: cannot read "${line}"`);
    return [code, { name, wage: w(Number(rate), since, note) }] as const;
  });
  return Object.fromEntries(rows);
}

/** Every US state and DC. */
export const US_REGIONS = regions(`
AL | Alabama              |  7.25 | 2009-07-24 | no state minimum; the federal one applies
AK | Alaska               | 14.00 | 2026-07-01
AZ | Arizona              | 15.15 | 2026-01-01
AR | Arkansas             | 11.00 | 2021-01-01
CA | California           | 16.90 | 2026-01-01 | many cities require more
CO | Colorado             | 15.16 | 2026-01-01 | Denver requires more
CT | Connecticut          | 16.94 | 2026-01-01
DE | Delaware             | 15.00 | 2025-01-01
DC | District of Columbia | 17.95 | 2025-07-01
FL | Florida              | 15.00 | 2026-09-30
GA | Georgia              |  7.25 | 2009-07-24 | the federal minimum applies to most employers
HI | Hawaii               | 16.00 | 2026-01-01
ID | Idaho                |  7.25 | 2009-07-24
IL | Illinois             | 15.00 | 2025-01-01
IN | Indiana              |  7.25 | 2009-07-24
IA | Iowa                 |  7.25 | 2009-07-24
KS | Kansas               |  7.25 | 2010-01-01
KY | Kentucky             |  7.25 | 2009-07-24
LA | Louisiana            |  7.25 | 2009-07-24 | no state minimum; the federal one applies
ME | Maine                | 15.10 | 2026-01-01
MD | Maryland             | 15.00 | 2024-01-01
MA | Massachusetts        | 15.00 | 2023-01-01
MI | Michigan             | 13.73 | 2026-01-01
MN | Minnesota            | 11.41 | 2026-01-01 | Minneapolis and St. Paul require more
MS | Mississippi          |  7.25 | 2009-07-24 | no state minimum; the federal one applies
MO | Missouri             | 15.00 | 2026-01-01
MT | Montana              | 10.85 | 2026-01-01
NE | Nebraska             | 15.00 | 2026-01-01
NV | Nevada               | 12.00 | 2024-07-01
NH | New Hampshire        |  7.25 | 2009-07-24
NJ | New Jersey           | 15.92 | 2026-01-01
NM | New Mexico           | 12.00 | 2023-01-01
NY | New York             | 16.00 | 2026-01-01 | $17.00 in New York City, Long Island and Westchester
NC | North Carolina       |  7.25 | 2009-07-24
ND | North Dakota         |  7.25 | 2009-07-24
OH | Ohio                 | 11.00 | 2026-01-01
OK | Oklahoma             |  7.25 | 2009-07-24
OR | Oregon               | 15.05 | 2025-07-01 | Portland metro requires more; the July 2026 change was not confirmed
PA | Pennsylvania         |  7.25 | 2009-07-24
RI | Rhode Island         | 16.00 | 2026-01-01
SC | South Carolina       |  7.25 | 2009-07-24 | no state minimum; the federal one applies
SD | South Dakota         | 11.85 | 2026-01-01
TN | Tennessee            |  7.25 | 2009-07-24 | no state minimum; the federal one applies
TX | Texas                |  7.25 | 2009-07-24
UT | Utah                 |  7.25 | 2009-07-24
VT | Vermont              | 14.42 | 2026-01-01
VA | Virginia             | 12.77 | 2026-01-01
WA | Washington           | 17.13 | 2026-01-01 | Seattle and other cities require more
WV | West Virginia        |  8.75 | 2016-01-01
WI | Wisconsin            |  7.25 | 2009-07-24
WY | Wyoming              |  7.25 | 2009-07-24
`);

/** Every Canadian province and territory. */
export const CA_REGIONS = regions(`
AB | Alberta                   | 15.00 | 2018-10-01
BC | British Columbia          | 18.25 | 2026-06-01
MB | Manitoba                  | 16.40 | 2026-10-01
NB | New Brunswick             | 15.90 | 2026-04-01
NL | Newfoundland and Labrador | 16.35 | 2026-04-01
NS | Nova Scotia               | 16.75 | 2026-04-01
NT | Northwest Territories     | 16.95 | 2025-09-01 | the September 2026 change was not confirmed
NU | Nunavut                   | 19.75 | 2025-01-01
ON | Ontario                   | 17.95 | 2026-10-01
PE | Prince Edward Island      | 17.00 | 2026-04-01
QC | Quebec                    | 16.60 | 2026-05-01
SK | Saskatchewan              | 15.35 | 2025-10-01 | the October 2026 change was not confirmed
YT | Yukon                     | 18.51 | 2026-04-01
`);

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
