// When the mentorship's reminders are due, in one place (docs/decisions/016-the-mentorship-space.md).
// Days are days of the slot's time zone; the sweep (reminders.server.ts) takes the clock as a parameter.

/** A week's check-in is due on the week's last day; its reminder goes to the student this many days after. */
export const CHECK_IN_REMINDER_DAYS_AFTER_DUE = 1;

/** A check-in without a mentor reply this many days after it was written reminds the mentors. */
export const CHECK_IN_REPLY_REMINDER_DAYS = 3;

/** An introduction still waiting for the mentors (no move, no message from them) this many days on reminds them. */
export const INTRODUCTION_REPLY_REMINDER_DAYS = 3;

/** A live match with no check-in, no reply and no message for this many days is stalled. */
export const STALL_DAYS = 14;

/** A feedback round is emailed on the day it opens, then reminded on these days after (to whoever has not answered). */
export const FEEDBACK_REMINDER_DAYS = [5, 11] as const;

/** "Where are you now?" goes this many months after completion. */
export const FOLLOW_UP_MONTHS = [3, 6] as const;

/** At most one message email per person per match in this many minutes; later messages wait and go together. */
export const MESSAGE_EMAIL_GAP_MINUTES = 60;

/** How often the job queue runs the reminders sweep. */
export const SWEEP_EVERY_SECONDS = 300;

/** The weekly digest goes on this weekday (0 Sunday … 1 Monday), from this hour UTC. */
export const DIGEST_WEEKDAY = 1;
export const DIGEST_HOUR_UTC = 13;
