import { inArray } from "drizzle-orm";
import { AFTER_INTRODUCTION_MATCH_STATUSES, CLOSED_WITH_REASON_MATCH_STATUSES, isIn } from "~/domain/vocabulary";
import { scorePair } from "~/engine/score";
import type { Db } from "../client.server";
import { applications, matches, matchRounds, slotStars, studentProfiles, studentSkills, type Match, type StudentProfile, type WorkAuthorization } from "../schema";
import { makeUser } from "./factories";
import { addDays } from "./slot-factories";

// Test-only helpers for matching: students whose profiles are complete enough to match, and
// matches in any status. Like factories.ts: each call makes exactly what it says.

const TODAY = new Date().toISOString().slice(0, 10);

/**
 * A verified student with a profile the engine accepts: remote, in the US (New York time), free
 * from 20 days from now for 30 weeks, 20 hours a week in term and 40 in breaks, open to unpaid
 * work, opted in to rounds. `skills` are [slug, level]; `stars` are slot ids in the student's order.
 */
export async function makeMatchableStudent(
  db: Db,
  {
    name = "Test Student",
    skills = [],
    stars = [],
    workAuthorization = "us_citizen_pr",
    ...profile
  }: Partial<Omit<StudentProfile, "userId" | "workAuthorization">> & {
    name?: string;
    skills?: [string, number][];
    stars?: string[];
    workAuthorization?: WorkAuthorization | null;
  } = {},
) {
  const student = await makeUser(db, { role: "student", name });
  await db.insert(studentProfiles).values({
    userId: student.id,
    school: "Test University",
    program: "Computer Science",
    degree: "master",
    graduationDate: addDays(TODAY, 365),
    country: "US",
    city: "Boston",
    timezone: "America/New_York",
    availableFrom: addDays(TODAY, 20),
    availableWeeks: 30,
    hoursPerWeekTerm: 20,
    hoursPerWeekBreak: 40,
    workModes: ["remote"],
    workAuthorization,
    compensation: "any",
    goals: ["mentorship", "recommendation_letter"],
    inMatching: true,
    ...profile,
  });
  if (skills.length) await db.insert(studentSkills).values(skills.map(([skillSlug, level]) => ({ userId: student.id, skillSlug, level })));
  if (stars.length) await db.insert(slotStars).values(stars.map((slotId, i) => ({ studentId: student.id, slotId, position: i + 1 })));
  return student;
}

/** Plausible score components for a match inserted by hand (the engine's shapes and sentences). */
export const SAMPLE_COMPONENTS = scorePair(
  {
    id: "s",
    skills: { python: 3 },
    workAuthorization: "us_citizen_pr",
    country: "US",
    timezone: "America/New_York",
    availableFrom: "2027-05-17",
    availableWeeks: 14,
    maxHoursPerWeek: 40,
    compensation: "any",
    workModes: ["remote"],
    goals: ["mentorship", "referral"],
  },
  {
    id: "t",
    seats: 1,
    requiredSkills: { python: 2 },
    niceSkills: { sql: 1 },
    acceptedWorkAuthorizations: ["us_citizen_pr"],
    compensation: "paid",
    country: "US",
    workMode: "remote",
    timezone: "America/Los_Angeles",
    startDate: "2027-06-01",
    weeks: 12,
    hoursPerWeek: 20,
    offers: ["referral"],
  },
).components;

/** A match inserted directly, in any status (a round's proposal unless `source` says otherwise). */
export async function makeMatch(db: Db, values: { slotId: string; studentId: string } & Partial<typeof matches.$inferInsert>): Promise<Match> {
  const closed = values.status !== undefined && isIn(CLOSED_WITH_REASON_MATCH_STATUSES, values.status);
  const [match] = await db
    .insert(matches)
    .values({
      source: "round",
      score: 72,
      reasons: SAMPLE_COMPONENTS,
      warnings: [],
      ...(closed ? { closingReason: "Closed by a test." } : {}),
      ...(values.status && isIn(AFTER_INTRODUCTION_MATCH_STATUSES, values.status) ? { introducedAt: new Date() } : {}),
      ...values,
    })
    .returning();
  return match!;
}

/** An application in `status` (shortlisted with `shortlistRank` when given). */
export async function makeApplication(db: Db, values: { slotId: string; studentId: string } & Partial<typeof applications.$inferInsert>) {
  const [application] = await db
    .insert(applications)
    .values({ statement: "I would like to build this with you.", status: "submitted", ...values })
    .returning();
  return application!;
}

/** Removes what a round made (its proposals), so the next test file sees students without them. */
export async function deleteRounds(db: Db, roundIds: string[]) {
  if (!roundIds.length) return;
  await db.delete(matches).where(inArray(matches.roundId, roundIds));
  await db.delete(matchRounds).where(inArray(matchRounds.id, roundIds));
}
