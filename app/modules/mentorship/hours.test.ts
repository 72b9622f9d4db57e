import { describe, expect, test } from "vitest";
import { formatHours, OPT_WEEKLY_FLOOR_HOURS, summarizeHours, type CheckInHours } from "./hours";

const SLOT = { hoursPerWeek: 20, mentorHoursPerWeek: 3 };
const week = (week: number, hoursWorked: number, mentorHoursReceived = 2, mentorHoursGiven: number | null = null): CheckInHours => ({
  week,
  hoursWorked,
  mentorHoursReceived,
  mentorHoursGiven,
});

describe("summarizeHours", () => {
  test("every week up to the current one is listed, a missing week with no figures", () => {
    const summary = summarizeHours([week(1, 22), week(3, 18)], SLOT, 4);
    expect(summary.weeks.map((w) => [w.week, w.hoursWorked])).toEqual([
      [1, 22],
      [2, null],
      [3, 18],
      [4, null],
    ]);
    expect(summary.written).toBe(2);
  });

  test("averages are over the weeks written, to one decimal, and the sentence says it plainly", () => {
    const summary = summarizeHours([week(1, 22), week(2, 20), week(3, 25.5), week(4, 19.5), week(5, 20.5)], SLOT, 5);
    expect(summary.averageHours).toBe(21.5);
    expect(summary.weeksAtOptFloor).toBe(4);
    expect(summary.hoursSentence).toBe("Average 21.5 hours a week over 5 weeks (20 promised); 4 of 5 weeks at 20 hours or more (the post-completion OPT minimum).");
  });

  test("20 hours exactly counts at the OPT floor; 19.9 does not", () => {
    expect(OPT_WEEKLY_FLOOR_HOURS).toBe(20);
    expect(summarizeHours([week(1, 20), week(2, 19.9)], SLOT, 2).weeksAtOptFloor).toBe(1);
  });

  test("mentor time: what the student received against the promise, and what the mentors recorded, each over its own weeks", () => {
    const summary = summarizeHours([week(1, 20, 2, 3), week(2, 20, 1, null), week(3, 20, 3, 2)], SLOT, 3);
    expect(summary.averageMentorReceived).toBe(2);
    expect(summary.averageMentorGiven).toBe(2.5);
    expect(summary.promisedMentorHours).toBe(3);
    expect(summary.mentorSentence).toBe("Mentor time received: 2 hours a week on average against 3 hours promised. The mentors recorded 2.5 hours a week on average over 2 weeks.");
  });

  test("a slot that promised no mentor time says none; no mentor figure yet says so", () => {
    const summary = summarizeHours([week(1, 30, 1)], { hoursPerWeek: 40, mentorHoursPerWeek: null }, 1);
    expect(summary.promisedMentorHours).toBeNull();
    expect(summary.mentorSentence).toBe("Mentor time received: 1 hour a week on average. No mentor has recorded their time yet.");
    expect(summary.hoursSentence).toBe("Average 30 hours a week over 1 week (40 promised); 1 of 1 week at 20 hours or more (the post-completion OPT minimum).");
  });

  test("before any check-in there are no averages and no sentences", () => {
    const summary = summarizeHours([], SLOT, 0);
    expect(summary).toMatchObject({ weeks: [], written: 0, averageHours: null, averageMentorReceived: null, averageMentorGiven: null, hoursSentence: null, mentorSentence: null });
  });

  test("check-ins past the weeks asked for are left out", () => {
    expect(summarizeHours([week(1, 10), week(5, 40)], SLOT, 2).averageHours).toBe(10);
  });

  test("hours read as kept: one decimal, no trailing zero", () => {
    expect(formatHours(20)).toBe("20");
    expect(formatHours(7.5)).toBe("7.5");
    expect(formatHours(0.1 + 0.2)).toBe("0.3");
  });
});
