import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { recommendationLetters, reminders } from "~db/schema";
import { emailsTo } from "~db/test/factories";
import { makeMentorship } from "~db/test/mentorship-factories";
import { moduleTestDb } from "~db/test/module-db";
import { requestLetter } from "./letters.server";
import { letterDueReminders, letterReminderOn } from "./reminders.server";
import { addDays } from "~/modules/mentorship/weeks";
import { askValue, requestLetterSchema } from "./schemas";

const db = moduleTestDb({ queue: true });

describe("the letter-due reminder", () => {
  test("a week before, then a day before, until the due date; a missed week's reminder never comes with the day's", () => {
    const due = "2027-01-15";
    expect(letterReminderOn(due, "2027-01-07")).toBeNull();
    expect(letterReminderOn(due, "2027-01-08")).toBe(7);
    expect(letterReminderOn(due, "2027-01-13")).toBe(7);
    expect(letterReminderOn(due, "2027-01-14")).toBe(1);
    expect(letterReminderOn(due, "2027-01-15")).toBe(1);
    expect(letterReminderOn(due, "2027-01-16")).toBeNull();
  });

  test("goes to the mentor asked, once per reminder, while the letter is not ready or declined", async () => {
    const m = await makeMentorship(db, { secondMentor: true });
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const input = requestLetterSchema(today).parse({ ask: askValue(m.match.id, m.mentor.id), purpose: "jobs", dueDate: addDays(today, 7), waiver: "keep" });
    const asked = await requestLetter(db, { studentId: m.student.id, input });
    if (!asked.ok) throw new Error(asked.error);
    // The slot's day (New York) may lag UTC's: a clock at noon UTC puts both on the same day.
    const noon = new Date(`${today}T16:00:00Z`);
    expect(await letterDueReminders(db, noon)).toBeGreaterThanOrEqual(1);
    const sent = async () => (await emailsTo(db, m.mentor.email)).filter((e) => e.subject === "Test Student's recommendation letter is due in 7 days");
    expect(await sent()).toHaveLength(1);
    await letterDueReminders(db, noon);
    expect(await sent()).toHaveLength(1);
    expect((await emailsTo(db, m.secondMentor!.email)).length).toBe(0);
    const rows = await db.select().from(reminders).where(eq(reminders.eventKey, `${asked.letterId}:due:7`));
    expect(rows.map((r) => [r.kind, r.userId])).toEqual([["letter_due", m.mentor.id]]);

    // Declined: no day-before reminder.
    await db.update(recommendationLetters).set({ state: "declined", declineReason: "No time" }).where(eq(recommendationLetters.id, asked.letterId));
    await letterDueReminders(db, new Date(`${addDays(today, 6)}T16:00:00Z`));
    expect(await db.select().from(reminders).where(eq(reminders.eventKey, `${asked.letterId}:due:1`))).toEqual([]);
  });
});
