import { and, asc, eq, gte, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { applications, matches, slotSkills, slotStars, slots, studentProfiles, studentSkills, users, type Slot, type StudentProfile } from "~db/schema";
import { compileSlots, type CompiledSlots } from "~/matching/compile";
import type { Goal, MatchSlot, MatchStudent } from "~/matching/types";

// The bridge between the database and the pure engine: rows in, MatchStudent/MatchSlot out.

/** Statuses in which a match holds (or is about to hold) one of the slot's seats. */
export const SEAT_HOLDING = ["proposed", "introduced", "interviewing", "confirmed", "active"] as const;

type SkillRow = { skillSlug: string; level: number };

/**
 * A profile as the engine sees it, or null while it lacks what matching needs (status,
 * where, when, hours, compensation, work modes). Hours: the larger of term and break hours —
 * term-time caps come back as warnings from the engine.
 */
export function toMatchStudent(profile: StudentProfile, skills: SkillRow[], ranking: string[] = []): MatchStudent | null {
  const hours = Math.max(profile.hoursPerWeekTerm ?? 0, profile.hoursPerWeekBreak ?? 0);
  if (
    !profile.workAuthorization ||
    !profile.country ||
    !profile.timezone ||
    !profile.availableFrom ||
    !profile.availableWeeks ||
    hours <= 0 ||
    !profile.compensation ||
    profile.workModes.length === 0
  ) {
    return null;
  }
  return {
    id: profile.userId,
    skills: Object.fromEntries(skills.map((s) => [s.skillSlug, s.level])),
    workAuthorization: profile.workAuthorization,
    authorizationValidFrom: profile.authorizationValidFrom,
    authorizationValidUntil: profile.authorizationValidUntil,
    country: profile.country,
    timezone: profile.timezone,
    availableFrom: profile.availableFrom,
    availableWeeks: profile.availableWeeks,
    maxHoursPerWeek: hours,
    compensation: profile.compensation,
    workModes: profile.workModes,
    goals: profile.goals as Goal[],
    ...(ranking.length ? { ranking } : {}),
  };
}

type SlotSkillRow = { skillSlug: string; minLevel: number; required: boolean };

export function toMatchSlot(slot: Slot, skills: SlotSkillRow[], options: { seats?: number; ranking?: string[] } = {}): MatchSlot {
  return {
    id: slot.id,
    seats: options.seats ?? slot.seats,
    requiredSkills: Object.fromEntries(skills.filter((s) => s.required).map((s) => [s.skillSlug, s.minLevel])),
    niceSkills: Object.fromEntries(skills.filter((s) => !s.required).map((s) => [s.skillSlug, s.minLevel])),
    acceptedWorkAuthorizations: slot.acceptedAuthorizations,
    compensation: slot.compensation,
    country: slot.country,
    workMode: slot.workMode,
    timezone: slot.timezone,
    startDate: slot.startDate,
    weeks: slot.durationWeeks,
    hoursPerWeek: slot.hoursPerWeek,
    offers: slot.offers as Goal[],
    paperwork: slot.paperwork,
    ...(options.ranking?.length ? { ranking: options.ranking } : {}),
  };
}

function groupBy<T, K>(rows: T[], key: (row: T) => K) {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

const today = (now: Date) => now.toISOString().slice(0, 10);

/**
 * Ids read from the database, as one `uuid[]` parameter for `= any(...)`. why: `inArray` binds
 * one parameter per id, and at 50,000 students that alone cost about a second of a round.
 */
const anyOf = (ids: string[]) => sql`any(${`{${ids.join(",")}}`}::uuid[])`;

/**
 * Open slots still taking applications, as the engine sees them. With `forRound`, seats are
 * what is left after seat-holding matches, slots with none left are dropped, and each slot's
 * ranking is its mentors' shortlist order.
 */
export async function loadOpenSlots(db: Db, now: Date, options: { forRound?: boolean } = {}): Promise<MatchSlot[]> {
  const rows = await db
    .select()
    .from(slots)
    .where(and(eq(slots.status, "open"), gte(slots.applicationDeadline, today(now))))
    .orderBy(asc(slots.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [skillRows, held, shortlists] = await Promise.all([
    db.select({ slotId: slotSkills.slotId, skillSlug: slotSkills.skillSlug, minLevel: slotSkills.minLevel, required: slotSkills.required }).from(slotSkills).where(sql`${slotSkills.slotId} = ${anyOf(ids)}`),
    options.forRound
      ? db
          .select({ slotId: matches.slotId, count: sql<number>`count(*)::int` })
          .from(matches)
          .where(and(sql`${matches.slotId} = ${anyOf(ids)}`, inArray(matches.status, [...SEAT_HOLDING])))
          .groupBy(matches.slotId)
      : Promise.resolve([]),
    options.forRound
      ? db
          .select({ slotId: applications.slotId, studentId: applications.studentId })
          .from(applications)
          .where(and(sql`${applications.slotId} = ${anyOf(ids)}`, eq(applications.status, "shortlisted"), isNotNull(applications.shortlistRank)))
          .orderBy(asc(applications.shortlistRank), asc(applications.studentId))
      : Promise.resolve([]),
  ]);
  const skillsBySlot = groupBy(skillRows, (r) => r.slotId);
  const heldBySlot = new Map(held.map((h) => [h.slotId, h.count]));
  const rankingBySlot = groupBy(shortlists, (r) => r.slotId);
  const out: MatchSlot[] = [];
  for (const slot of rows) {
    const seats = slot.seats - (heldBySlot.get(slot.id) ?? 0);
    if (options.forRound && seats <= 0) continue;
    out.push(toMatchSlot(slot, skillsBySlot.get(slot.id) ?? [], { seats: options.forRound ? seats : slot.seats, ranking: rankingBySlot.get(slot.id)?.map((r) => r.studentId) }));
  }
  return out;
}

/**
 * Students as the engine sees them: `ids`, or (for a round) everyone opted in to matching
 * rounds who is not suspended and has no seat-holding match. Incomplete profiles are left out.
 * Each student's ranking is their starred slots in order.
 */
export async function loadStudents(db: Db, options: { ids?: string[]; forRound?: boolean }): Promise<MatchStudent[]> {
  const conditions = [sql`${users.suspendedAt} is null`];
  if (options.ids) conditions.push(inArray(studentProfiles.userId, options.ids.length ? options.ids : ["00000000-0000-0000-0000-000000000000"]));
  if (options.forRound) {
    conditions.push(eq(studentProfiles.inMatching, true));
    conditions.push(
      sql`not exists (select 1 from ${matches} where ${matches.studentId} = ${studentProfiles.userId} and ${inArray(matches.status, [...SEAT_HOLDING])})`,
    );
  }
  const profiles = await db
    .select({ profile: studentProfiles })
    .from(studentProfiles)
    .innerJoin(users, eq(users.id, studentProfiles.userId))
    .where(and(...conditions))
    .orderBy(asc(studentProfiles.userId));
  if (profiles.length === 0) return [];
  const ids = profiles.map((p) => p.profile.userId);
  const [skills, stars] = await Promise.all([
    db.select({ userId: studentSkills.userId, skillSlug: studentSkills.skillSlug, level: studentSkills.level }).from(studentSkills).where(sql`${studentSkills.userId} = ${anyOf(ids)}`),
    db.select({ studentId: slotStars.studentId, slotId: slotStars.slotId }).from(slotStars).where(sql`${slotStars.studentId} = ${anyOf(ids)}`).orderBy(asc(slotStars.position)),
  ]);
  const skillsByStudent = groupBy(skills, (r) => r.userId);
  const starsByStudent = groupBy(stars, (r) => r.studentId);
  return profiles
    .map(({ profile }) => toMatchStudent(profile, skillsByStudent.get(profile.userId) ?? [], starsByStudent.get(profile.userId)?.map((s) => s.slotId)))
    .filter((s): s is MatchStudent => s !== null);
}

/**
 * One student as the engine sees them, in one round trip (profile, skills and starred slots
 * together) — the per-request path of recommendations. Null when missing, suspended or
 * incomplete for matching.
 */
export async function loadStudent(db: Db, studentId: string): Promise<MatchStudent | null> {
  const [row] = await db
    .select({
      profile: studentProfiles,
      skills: sql<SkillRow[]>`coalesce((select json_agg(json_build_object('skillSlug', ${studentSkills.skillSlug}, 'level', ${studentSkills.level})) from ${studentSkills} where ${studentSkills.userId} = ${studentProfiles.userId}), '[]'::json)`,
      stars: sql<string[]>`coalesce((select json_agg(${slotStars.slotId} order by ${slotStars.position}) from ${slotStars} where ${slotStars.studentId} = ${studentProfiles.userId}), '[]'::json)`,
    })
    .from(studentProfiles)
    .innerJoin(users, eq(users.id, studentProfiles.userId))
    .where(and(eq(studentProfiles.userId, studentId), sql`${users.suspendedAt} is null`));
  return row ? toMatchStudent(row.profile, row.skills, row.stars) : null;
}

// Open slots, compiled, kept per process for recommendations. why: ranking one student
// against 20,000 slots must not reload them per request; a slot change in this process
// drops the cache at once (invalidateOpenSlots), other processes see it within the TTL.
const OPEN_SLOTS_TTL_MS = 30_000;
const holder = globalThis as typeof globalThis & { __steppingstoneOpenSlots?: { at: number; day: string; compiled: Promise<CompiledSlots> } };

/** The compiled open slots, loaded at most every 30 s (and when the day changes). */
export function getCompiledOpenSlots(db: Db, now = new Date()) {
  const cached = holder.__steppingstoneOpenSlots;
  if (cached && now.getTime() - cached.at < OPEN_SLOTS_TTL_MS && cached.day === today(now)) return cached.compiled;
  const compiled = loadOpenSlots(db, now).then(compileSlots);
  holder.__steppingstoneOpenSlots = { at: now.getTime(), day: today(now), compiled };
  compiled.catch(() => (holder.__steppingstoneOpenSlots = undefined));
  return compiled;
}

/** Call after any change to open slots (published, edited, closed, filled). */
export function invalidateOpenSlots() {
  holder.__steppingstoneOpenSlots = undefined;
}
