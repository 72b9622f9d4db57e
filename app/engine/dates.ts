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

export function isIsoDate(value: string) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && fromDay(toDay(value)) === value;
}
