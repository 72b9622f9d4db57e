import type { Db } from "../client.server";
import type { Match, MatchStatus } from "../schema";
import { makeMatch } from "./match-factories";
import { addDays, addMentor, makeOrganization, makeSlot, makeStudent } from "./slot-factories";

// Test-only: a match after its introduction, with a slot whose dates put "today" where a test
// wants it in the internship. Like factories.ts: each call makes exactly what it says.

/**
 * A student, an organization with one mentor (and `secondMentor`), a slot of `durationWeeks`
 * weeks that started `startedDaysAgo` days ago (in the slot's zone, America/New_York) and a
 * match between them in `status` (active by default). The slot is unpaid with a learning plan
 * and promises a recommendation letter and a referral, unless `slot` says otherwise.
 */
export async function makeMentorship(
  db: Db,
  {
    status = "active",
    startedDaysAgo = 21,
    durationWeeks = 12,
    secondMentor = false,
    slot: slotValues = {},
    match: matchValues = {},
    today = new Date(),
  }: {
    status?: MatchStatus;
    startedDaysAgo?: number;
    durationWeeks?: number;
    secondMentor?: boolean;
    slot?: Parameters<typeof makeSlot>[2];
    match?: Partial<Match>;
    today?: Date;
  } = {},
) {
  const { organization, mentor } = await makeOrganization(db);
  const other = secondMentor ? await addMentor(db, organization) : null;
  const student = await makeStudent(db);
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit" }).format(today);
  const startDate = addDays(day, -startedDaysAgo);
  const slot = await makeSlot(db, organization, {
    compensation: "unpaid",
    learningPlan: "Weeks 1–2: set up the project and ship a first fix.\nWeeks 3–6: build the import pipeline with tests.\nWeeks 7–12: own a feature end to end and present it.",
    mentorHoursPerWeek: 3,
    hoursPerWeek: 20,
    offers: ["recommendation_letter", "referral"],
    timezone: "America/New_York",
    startDate,
    // The deadline comes before the start (a CHECK says so).
    applicationDeadline: addDays(startDate, -14),
    durationWeeks,
    status: "filled",
    ...slotValues,
  });
  const match = await makeMatch(db, {
    slotId: slot.id,
    studentId: student.id,
    status,
    confirmedAt: status === "active" || status === "completed" || status === "confirmed" ? today : null,
    startedAt: status === "active" || status === "completed" ? today : null,
    completedAt: status === "completed" ? today : null,
    ...matchValues,
  });
  return { organization, mentor, secondMentor: other, student, slot, match };
}
