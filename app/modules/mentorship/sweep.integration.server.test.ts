import { expect, test } from "vitest";
import { emailsTo } from "~db/test/factories";
import { makeMentorship } from "~db/test/mentorship-factories";
import { moduleTestDb } from "~db/test/module-db";
import { runReminderSweep } from "./sweep.server";
import { addDays } from "./weeks";

const db = moduleTestDb({ queue: true });

const DAY = 86_400_000;
/** Noon in New York on the internship's first day (a Monday). */
const START = new Date("2026-06-01T16:00:00Z");
const at = (days: number) => new Date(START.getTime() + days * DAY);

const subjectsTo = async (address: string) => (await emailsTo(db, address)).map((e) => e.subject).sort();

// Issue 13's "done when": reminders arrive once each when due — the whole sweep, as the job runs it.
test("one sweep sends each reminder that is due once; running it again, or an hour later, sends nothing more", async () => {
  // Twelve weeks from 1 June: the midpoint round opens on day 42; no check-in was ever written.
  const under = await makeMentorship(db, {
    today: START,
    startedDaysAgo: 0,
    slot: { applicationDeadline: addDays("2026-06-01", -14) },
    match: { startedAt: START, confirmedAt: at(-7) },
  });
  // A four-week internship completed three months before day 42: its first follow-up is due.
  const done = await makeMentorship(db, {
    status: "completed",
    today: at(42 - 92 - 28),
    startedDaysAgo: 0,
    durationWeeks: 4,
    match: { startedAt: at(42 - 92 - 28), completedAt: at(42 - 92) },
  });

  const first = await runReminderSweep(db, at(42));
  expect(Object.values(first).every((count) => count !== null)).toBe(true);

  const student = await subjectsTo(under.student.email);
  const mentor = await subjectsTo(under.mentor.email);
  // The student: week 6's check-in (the latest missing one) and the midpoint round; the mentor: the round.
  expect(student).toHaveLength(2);
  expect(student.some((s) => /check-in/i.test(s))).toBe(true);
  expect(student.some((s) => /feedback|midpoint|halfway/i.test(s))).toBe(true);
  expect(mentor).toHaveLength(1);
  expect(await subjectsTo(done.student.email)).toHaveLength(1);

  await runReminderSweep(db, at(42));
  await runReminderSweep(db, new Date(at(42).getTime() + 3_600_000));
  expect(await subjectsTo(under.student.email)).toEqual(student);
  expect(await subjectsTo(under.mentor.email)).toEqual(mentor);
  expect(await subjectsTo(done.student.email)).toHaveLength(1);
});
