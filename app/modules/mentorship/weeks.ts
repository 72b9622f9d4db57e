// The calendar of an internship, from the slot's start date and length, in days (YYYY-MM-DD) of
// the slot's time zone. Pure: the day is a parameter (dayIn(slot.timezone, now)), so tests drive time.

/** The day `days` after `day` (YYYY-MM-DD), negative for before. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type InternshipDates = { startDate: string; durationWeeks: number };

/** The internship's last day: the day before start + duration weeks. */
export function lastDay({ startDate, durationWeeks }: InternshipDates): string {
  return addDays(startDate, durationWeeks * 7 - 1);
}

/**
 * The week of the internship `day` falls in: 1 from the start date, 7 days each; 0 before the
 * start; past the last week it stays at the last (a late check-in is still for a real week).
 */
export function weekOf(dates: InternshipDates, day: string): number {
  const days = daysBetween(dates.startDate, day);
  if (days < 0) return 0;
  return Math.min(dates.durationWeeks, Math.floor(days / 7) + 1);
}

/** Week `week`'s first day and its last, which is the day its check-in is due. */
export function weekDays(dates: InternshipDates, week: number): { first: string; due: string } {
  const first = addDays(dates.startDate, (week - 1) * 7);
  return { first, due: addDays(first, 6) };
}

/** A check-in written on `day` for `week` is late when written after its due day. */
export function isLate(dates: InternshipDates, week: number, day: string): boolean {
  return day > weekDays(dates, week).due;
}

/** The weeks a check-in may be written for on `day`: from 1 to the current week (none before the start). */
export function writableWeeks(dates: InternshipDates, day: string): number[] {
  return Array.from({ length: weekOf(dates, day) }, (_, i) => i + 1);
}

/** The day each feedback round opens: the internship's middle day and its last day; each closes two weeks later. */
export function feedbackRoundDays(dates: InternshipDates): { midpoint: { opens: string; closes: string }; final: { opens: string; closes: string } } {
  const midpoint = addDays(dates.startDate, Math.floor((dates.durationWeeks * 7) / 2));
  const final = lastDay(dates);
  return {
    midpoint: { opens: midpoint, closes: addDays(midpoint, FEEDBACK_OPEN_DAYS) },
    final: { opens: final, closes: addDays(final, FEEDBACK_OPEN_DAYS) },
  };
}

/** How long a feedback round stays open after its day. */
export const FEEDBACK_OPEN_DAYS = 14;
