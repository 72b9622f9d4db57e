import { toDay } from "./dates";

// why: computing offsets through Intl for every pair would dominate a 50k × 10k round;
// offsets depend only on (zone, day), so they are memoised.
const offsetCache = new Map<string, number>();
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes the zone is ahead of UTC at noon UTC on `date` (YYYY-MM-DD). Unknown zone → null. */
export function utcOffsetMinutes(timeZone: string, date: string): number | null {
  const key = `${timeZone}|${date}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
    } catch {
      return null;
    }
    formatters.set(timeZone, formatter);
  }
  const instant = toDay(date) * 86_400_000 + 12 * 3_600_000;
  const parts = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  const offset = Math.round((local - instant) / 60_000);
  offsetCache.set(key, offset);
  return offset;
}

export function isTimeZone(timeZone: string) {
  return utcOffsetMinutes(timeZone, "2027-01-01") !== null;
}

/** Hours of overlap between 9:00–17:00 in each zone on `date`, 0–8. */
export function workingHoursOverlap(zoneA: string, zoneB: string, date: string) {
  const a = utcOffsetMinutes(zoneA, date);
  const b = utcOffsetMinutes(zoneB, date);
  if (a === null || b === null) return 0;
  // Working day in UTC minutes: 9:00 local = 540 − offset.
  const startA = 540 - a;
  const startB = 540 - b;
  const overlap = Math.min(startA, startB) + 480 - Math.max(startA, startB);
  return Math.max(0, overlap) / 60;
}
