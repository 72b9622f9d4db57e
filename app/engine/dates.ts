// Calendar arithmetic on YYYY-MM-DD strings in UTC: no clock, no local time zone.

const DAY_MS = 86_400_000;

// why: rounds convert the same few hundred dates hundreds of thousands of times, and parsing
// and formatting dominate; both directions are remembered (bounded, cleared when full).
const MAX_REMEMBERED = 10_000;
const daysByDate = new Map<string, number>();
const datesByDay = new Map<number, string>();

export function toDay(date: string) {
  let day = daysByDate.get(date);
  if (day === undefined) {
    day = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
    if (daysByDate.size >= MAX_REMEMBERED) daysByDate.clear();
    daysByDate.set(date, day);
  }
  return day;
}

export function fromDay(day: number) {
  let date = datesByDay.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (datesByDay.size >= MAX_REMEMBERED) datesByDay.clear();
    datesByDay.set(day, date);
  }
  return date;
}

/** The first day after a run of `weeks` weeks starting on `date`. */
export function dayAfterWeeks(date: string, weeks: number) {
  return toDay(date) + weeks * 7;
}

/**
 * Whether a run of days [`from`, `until`) falls in term: more than a week of it outside the
 * breaks of a North American academic year — summer (1 May to 31 August) and winter (15
 * December to 10 January). why: a profile gives hours a week in term and in breaks, not the
 * school's own calendar; these dates cover US semesters and Canada's May–August work term.
 */
export function inTerm(from: number, until: number) {
  // why: compiling 20,000 open slots asks this of each; slots share a few start dates and lengths.
  const key = from * 1024 + Math.min(until - from, 1023);
  let answer = termRuns.get(key);
  if (answer === undefined) {
    answer = false;
    let termDays = 0;
    for (let day = from; day < until && !answer; day++) {
      const date = new Date(day * DAY_MS);
      const monthDay = (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
      const inBreak = (monthDay >= 501 && monthDay <= 831) || monthDay >= 1215 || monthDay <= 110;
      if (!inBreak && ++termDays > 7) answer = true;
    }
    if (termRuns.size >= MAX_REMEMBERED) termRuns.clear();
    termRuns.set(key, answer);
  }
  return answer;
}
const termRuns = new Map<number, boolean>();

export function isIsoDate(value: string) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && fromDay(toDay(value)) === value;
}
