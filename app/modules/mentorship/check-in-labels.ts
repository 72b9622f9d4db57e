import { formatHours } from "./hours";

// The words of the check-ins page. Safe in the browser.

const weekday = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

/** "Sun 14 Jun" for a YYYY-MM-DD day (a calendar day, the same on server and browser). */
export const formatDueDay = (day: string) => weekday.format(new Date(`${day}T00:00:00Z`));

/** "22 hours", "1 hour", "7.5 hours". */
export const hoursPhrase = (hours: number) => `${formatHours(hours)} hour${hours === 1 ? "" : "s"}`;

/** The notice after a successful post, by the `notice` query parameter. */
export const CHECK_IN_NOTICES = {
  written: "Your check-in is saved, and your mentors were emailed. You can still change it until a mentor replies.",
  written_late: "Your check-in is saved, marked late because its week's due day had passed. Your mentors were emailed.",
  edited: "Your check-in is updated.",
  replied: "Your reply is saved, and the student was emailed.",
  reply_edited: "Your reply is updated.",
} as const;
export type CheckInNotice = keyof typeof CHECK_IN_NOTICES;

/** Why a well-formed post was refused, as the page says it. */
export const CHECK_IN_REFUSALS = {
  not_allowed_write: "Only the student writes check-ins, and only while the internship is under way.",
  not_allowed_reply: "Only the slot's mentors reply to check-ins.",
  week_not_writable: "Check-ins can be written for this week and the weeks before it, not for weeks still to come.",
  already_replied: "A mentor has already replied to this week's check-in, so it can no longer be changed. Write anything new in next week's check-in.",
} as const;
