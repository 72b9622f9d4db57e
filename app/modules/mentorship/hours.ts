// The hours of an internship, from its check-ins, against what the slot promised: the student's
// hours per week and the mentor time per week (as the student received it and as the mentors say
// they gave it). Pure, so the page, an admin's view and a verification letter read the same numbers.

/**
 * Post-completion OPT counts unpaid work only at 20 hours a week or more; the same floor applies
 * to the STEM extension. Shown to everyone as a general fact, never as anything about this student.
 */
export const OPT_WEEKLY_FLOOR_HOURS = 20;

export type CheckInHours = { week: number; hoursWorked: number; mentorHoursReceived: number; mentorHoursGiven: number | null };

export type HoursWeek = {
  week: number;
  /** null: no check-in for the week. */
  hoursWorked: number | null;
  mentorHoursReceived: number | null;
  /** null: no check-in, or no mentor reply with a figure yet. */
  mentorHoursGiven: number | null;
};

export type HoursSummary = {
  /** Every week from 1 to `throughWeek`, written or not. */
  weeks: HoursWeek[];
  /** Weeks with a check-in. */
  written: number;
  /** Over the weeks with a check-in; null when there is none. */
  averageHours: number | null;
  averageMentorReceived: number | null;
  /** Over the weeks a mentor gave a figure for; null when none did. */
  averageMentorGiven: number | null;
  promisedHours: number;
  /** The weekly mentor time the slot promised (every unpaid slot has one); null when it named none. */
  promisedMentorHours: number | null;
  /** Weeks with a check-in at or above OPT_WEEKLY_FLOOR_HOURS. */
  weeksAtOptFloor: number;
  /** The student's hours in one plain sentence, or null before any check-in. */
  hoursSentence: string | null;
  /** Mentor time against the promise in one plain sentence, or null before any check-in. */
  mentorSentence: string | null;
};

/** One decimal, as hours are kept: 21.5, 20 (not 20.0). */
export const formatHours = (hours: number) => String(Math.round(hours * 10) / 10);

const average = (values: number[]) => (values.length ? Math.round((values.reduce((sum, v) => sum + v, 0) / values.length) * 10) / 10 : null);
const weeksWord = (n: number) => `${n} week${n === 1 ? "" : "s"}`;
const hoursWord = (n: number) => `${formatHours(n)} hour${n === 1 ? "" : "s"}`;

/**
 * The weeks 1..`throughWeek` of an internship with their hours, the averages over the weeks
 * written, and the slot's promises beside them. Check-ins for weeks past `throughWeek` are left out.
 */
export function summarizeHours(
  checkIns: readonly CheckInHours[],
  slot: { hoursPerWeek: number; mentorHoursPerWeek: number | null },
  throughWeek: number,
): HoursSummary {
  const byWeek = new Map(checkIns.map((c) => [c.week, c]));
  const weeks: HoursWeek[] = Array.from({ length: Math.max(0, throughWeek) }, (_, i) => {
    const c = byWeek.get(i + 1);
    return { week: i + 1, hoursWorked: c?.hoursWorked ?? null, mentorHoursReceived: c?.mentorHoursReceived ?? null, mentorHoursGiven: c?.mentorHoursGiven ?? null };
  });
  const written = weeks.filter((w) => w.hoursWorked !== null);
  const hours = written.map((w) => w.hoursWorked!);
  const averageHours = average(hours);
  const averageMentorReceived = average(written.map((w) => w.mentorHoursReceived!));
  const given = weeks.filter((w) => w.mentorHoursGiven !== null).map((w) => w.mentorHoursGiven!);
  const averageMentorGiven = average(given);
  const weeksAtOptFloor = hours.filter((h) => h >= OPT_WEEKLY_FLOOR_HOURS).length;
  const promisedMentorHours = slot.mentorHoursPerWeek ?? null;

  const hoursSentence =
    averageHours === null
      ? null
      : `Average ${hoursWord(averageHours)} a week over ${weeksWord(written.length)} (${formatHours(slot.hoursPerWeek)} promised); ` +
        `${weeksAtOptFloor} of ${weeksWord(written.length)} at ${OPT_WEEKLY_FLOOR_HOURS} hours or more (the post-completion OPT minimum).`;

  let mentorSentence: string | null = null;
  if (averageMentorReceived !== null) {
    const promise = promisedMentorHours === null ? "" : ` against ${hoursWord(promisedMentorHours)} promised`;
    const mentorsSay =
      averageMentorGiven === null
        ? " No mentor has recorded their time yet."
        : ` The mentors recorded ${hoursWord(averageMentorGiven)} a week on average over ${weeksWord(given.length)}.`;
    mentorSentence = `Mentor time received: ${hoursWord(averageMentorReceived)} a week on average${promise}.${mentorsSay}`;
  }

  return {
    weeks,
    written: written.length,
    averageHours,
    averageMentorReceived,
    averageMentorGiven,
    promisedHours: slot.hoursPerWeek,
    promisedMentorHours,
    weeksAtOptFloor,
    hoursSentence,
    mentorSentence,
  };
}
