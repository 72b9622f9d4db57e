// Calendar arithmetic on YYYY-MM-DD strings in UTC: no clock, no local time zone.

const DAY_MS = 86_400_000;

export function toDay(date: string) {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function fromDay(day: number) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The first day after a run of `weeks` weeks starting on `date`. */
export function dayAfterWeeks(date: string, weeks: number) {
  return toDay(date) + weeks * 7;
}

export function isIsoDate(value: string) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && fromDay(toDay(value)) === value;
}
