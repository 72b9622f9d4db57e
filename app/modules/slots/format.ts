import type { SlotCompensation, WorkMode } from "~db/schema";
import { countryName, WORK_MODE_LABELS } from "~/domain/labels";
import { slotEndDate } from "~/engine/work-authorization";

// How a slot's terms read on a page: said plainly, the same way everywhere. Safe in the browser.

const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
// why: made once; `toLocaleString` with options builds a new formatter on every call, which was
// 4% of a student's home page on the server.
const amounts = {
  0: new Intl.NumberFormat("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 0 }),
  2: new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};
/** "$22.50 CAD": the dollar sign and the currency's code, once ("CA$22.50 CAD" said it twice). */
const money = (amount: number, currency: string | null, decimals: 0 | 2) => `$${amounts[decimals].format(amount)}${currency ? ` ${currency}` : ""}`;

/** "Mar 1, 2027" for a YYYY-MM-DD date (read as a calendar day, the same on server and browser). */
export function formatDay(date: string) {
  return day.format(new Date(`${date}T00:00:00Z`));
}

type Pay = { compensation: SlotCompensation; hourlyRate: string | number | null; stipendAmount: number | null; currency: string | null };

/** The pay in a few words: "$25.00 USD an hour", "$3,000 CAD stipend for the internship", "Unpaid", "Course credit". */
export function describePay(slot: Pay) {
  switch (slot.compensation) {
    case "paid":
      return slot.hourlyRate === null ? "Paid hourly" : `${money(Number(slot.hourlyRate), slot.currency, 2)} an hour`;
    case "stipend":
      return slot.stipendAmount === null ? "Stipend" : `${money(slot.stipendAmount, slot.currency, 0)} stipend for the internship`;
    case "unpaid":
      return "Unpaid";
    case "course_credit":
      return "Unpaid, for course credit";
  }
}

/** "Remote", "On site in Boston, United States", "Hybrid in Toronto, Canada". */
export function describePlace(slot: { workMode: WorkMode; city: string | null; country: string }) {
  const where = [slot.city, countryName(slot.country)].filter(Boolean).join(", ");
  if (slot.workMode === "remote") return `Remote${where ? ` (team in ${where})` : ""}`;
  return `${WORK_MODE_LABELS[slot.workMode]} in ${where}`;
}

/** "12 weeks from Mar 1, 2027 to May 23, 2027". */
export function describeDates(slot: { startDate: string; durationWeeks: number }) {
  return `${slot.durationWeeks} week${slot.durationWeeks === 1 ? "" : "s"}, ${formatDay(slot.startDate)} – ${formatDay(slotEndDate(slot.startDate, slot.durationWeeks))}`;
}

const counts = new Intl.NumberFormat("en-US");

/** "1 open slot", "10,017 open slots": the count with its thousands grouped, and the noun to match. */
export const plural = (n: number, one: string, many = `${one}s`) => `${counts.format(n)} ${n === 1 ? one : many}`;

/** Time zones offered as you type; any other IANA zone can be typed. North America first. */
export const COMMON_TIME_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Toronto",
  "America/Vancouver",
  "America/Edmonton",
  "America/Winnipeg",
  "America/Halifax",
  "America/St_Johns",
  "America/Regina",
  "America/Mexico_City",
  "America/Bogota",
  "America/Sao_Paulo",
  "Europe/London",
  "Europe/Berlin",
  "Europe/Paris",
  "Europe/Istanbul",
  "Africa/Lagos",
  "Africa/Nairobi",
  "Africa/Cairo",
  "Africa/Accra",
  "Asia/Kolkata",
  "Asia/Karachi",
  "Asia/Dhaka",
  "Asia/Kathmandu",
  "Asia/Tehran",
  "Asia/Shanghai",
  "Asia/Seoul",
  "Asia/Ho_Chi_Minh",
  "Asia/Manila",
  "UTC",
];

/** Characters of a description a list shows (two lines at most): the rest is on the slot's page. */
export const EXCERPT_CHARS = 280;

/**
 * The start of `text` for a list, cut at a word before `EXCERPT_CHARS` and marked with "…"; a
 * text that fits comes back whole. Lists ask PostgreSQL for one character more than this, so
 * they never carry a whole description they would not show.
 */
export function excerpt(text: string): string {
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.slice(0, EXCERPT_CHARS);
  const space = cut.search(/\s\S*$/);
  return `${(space > EXCERPT_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
