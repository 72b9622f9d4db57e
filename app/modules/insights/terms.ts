// Program terms as date ranges, for the insight filters' quick links. Safe in the browser.

const TERMS = [
  { name: "Spring", first: 1, last: 4 },
  { name: "Summer", first: 5, last: 8 },
  { name: "Fall", first: 9, last: 12 },
] as const;

export type ProgramTerm = { label: string; from: string; to: string; current: boolean };

const day = (year: number, month: number, date: number) => `${year}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
/** The last day of a month (1–12): day 0 of the next month. */
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The terms of the last year, newest first: the term `now` falls in (UTC) and the two before it.
 * Spring is January–April, Summer May–August, Fall September–December.
 */
export function recentProgramTerms(now: Date): ProgramTerm[] {
  let year = now.getUTCFullYear();
  let index = TERMS.findIndex((t) => now.getUTCMonth() + 1 <= t.last);
  const terms: ProgramTerm[] = [];
  for (let n = 0; n < 3; n++) {
    const term = TERMS[index]!;
    terms.push({ label: `${term.name} ${year}`, from: day(year, term.first, 1), to: day(year, term.last, lastDay(year, term.last)), current: n === 0 });
    index -= 1;
    if (index < 0) {
      index = TERMS.length - 1;
      year -= 1;
    }
  }
  return terms;
}
