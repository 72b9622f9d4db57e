import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { createElement } from "react";
import { transaction, type Db } from "~db/client.server";
import { matches, recommendationLetters, slots, users } from "~db/schema";
import LetterDue, { letterDueSubject } from "~emails/letter-due";
import { firstName } from "~/domain/names";
import { absoluteUrl } from "~/env.server";
import { remind } from "~/modules/mentorship/remind.server";
import { dayIn } from "~/modules/slots/access.server";
import { formatDay } from "~/modules/slots/format";
import { letterPurposeText } from "./labels";
import { DUE_REMINDER_DAYS, letterPath } from "./rules";
import { addDays } from "~/modules/mentorship/weeks";

/**
 * Which reminder (days before the due date: 7 or 1) is due on `today` for a letter due on
 * `dueDate`, or null. The week's reminder goes from its day until the day's reminder takes over;
 * the day's until the due date itself — so a sweep that was down still sends one, never both at once.
 */
export function letterReminderOn(dueDate: string, today: string): number | null {
  const [week, day] = DUE_REMINDER_DAYS;
  if (today > dueDate) return null;
  if (today >= addDays(dueDate, -day)) return day;
  if (today >= addDays(dueDate, -week)) return week;
  return null;
}

/**
 * A sweep step: to the mentor asked, a reminder a week and a day before a letter is due, while it
 * is asked for or being written (not ready, not declined). Days in the slot's time zone; each
 * reminder once per letter and mentor (remind()'s ledger). Returns how many were written.
 */
export async function letterDueReminders(db: Db, now: Date): Promise<number> {
  // why: a coarse bound in UTC with a day of slack either side; the day rule is letterReminderOn.
  const today = now.toISOString().slice(0, 10);
  const rows = await db
    .select({
      letterId: recommendationLetters.id,
      matchId: recommendationLetters.matchId,
      dueDate: recommendationLetters.dueDate,
      purpose: recommendationLetters.purpose,
      purposeDetail: recommendationLetters.purposeDetail,
      timezone: slots.timezone,
      studentName: sql<string>`(select ${users.name} from ${users} where ${users.id} = ${matches.studentId})`,
      mentor: { id: users.id, name: users.name, email: users.email },
    })
    .from(recommendationLetters)
    .innerJoin(matches, eq(matches.id, recommendationLetters.matchId))
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(users, eq(users.id, recommendationLetters.mentorId))
    .where(
      and(
        inArray(recommendationLetters.state, ["requested", "writing"]),
        isNotNull(recommendationLetters.mentorId),
        sql`${recommendationLetters.dueDate} between ${addDays(today, -1)}::date and ${addDays(today, DUE_REMINDER_DAYS[0] + 1)}::date`,
      ),
    );
  let written = 0;
  for (const row of rows) {
    const daysLeft = letterReminderOn(row.dueDate, dayIn(row.timezone ?? "UTC", now));
    if (daysLeft === null) continue;
    try {
      const url = absoluteUrl(letterPath(row.letterId));
      const purpose = letterPurposeText(row);
      const dueDay = formatDay(row.dueDate);
      const result = await transaction(db, (tx) =>
        remind(
          tx,
          {
            kind: "letter_due",
            eventKey: `${row.letterId}:due:${daysLeft}`,
            user: row.mentor,
            matchId: row.matchId,
            summary: `${row.studentName}'s recommendation letter is due on ${dueDay}.`,
            url,
            email: () => ({
              template: "letter-due",
              subject: letterDueSubject(row.studentName, daysLeft),
              body: createElement(LetterDue, { name: firstName(row.mentor.name), studentName: row.studentName, purpose, dueDay, daysLeft, letterUrl: url }),
            }),
          },
          now,
        ),
      );
      if (result !== "already") written++;
    } catch (error) {
      console.error("[sweep] letters due: one reminder failed", error);
    }
  }
  return written;
}
