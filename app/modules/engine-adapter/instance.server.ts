import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { applications, matches, slotSkills, slotStars, slots, studentProfiles, studentSkills, users, type Slot, type StudentProfile } from "~db/schema";
import { compensationForRules } from "~/domain/minimum-wage";
import { LIVE_MATCH_STATUSES, SEAT_HOLDING_MATCH_STATUSES } from "~/domain/vocabulary";
import { compileSlots, type CompiledSlots } from "~/engine/compile";
import { takingApplications } from "~/modules/slots/access.server";
import { submitted, type SubmittedSlot } from "~/modules/slots/submitted";
import type { Goal, MatchSlot, MatchStudent } from "~/engine/types";

// The bridge between the database and the pure engine: rows in, MatchStudent/MatchSlot out.

type SkillRow = { skillSlug: string; level: number };

/** The profile fields matching reads (and the city, for a recommendation's place note). */
type MatchProfile = { city?: string | null } & Pick<
  StudentProfile,
  | "userId"
  | "workAuthorization"
  | "authorizationValidFrom"
  | "authorizationValidUntil"
  | "graduationDate"
  | "cptFullTimeMonthsUsed"
  | "country"
  | "timezone"
  | "availableFrom"
  | "availableWeeks"
  | "hoursPerWeekTerm"
  | "hoursPerWeekBreak"
  | "compensation"
  | "workModes"
  | "goals"
>;

/**
 * A profile as the engine sees it, or null while it lacks what matching needs (status,
 * where, when, hours, compensation, work modes). Hours: the larger of term and break hours,
 * and the term's when fewer — a slot that runs in term is held to them (engine/dates.ts, inTerm).
 */
export function toMatchStudent(profile: MatchProfile, skills: SkillRow[] | Record<string, number>, ranking: string[] = []): MatchStudent | null {
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
    skills: Array.isArray(skills) ? Object.fromEntries(skills.map((s) => [s.skillSlug, s.level])) : skills,
    workAuthorization: profile.workAuthorization,
    authorizationValidFrom: profile.authorizationValidFrom,
    authorizationValidUntil: profile.authorizationValidUntil,
    programEndDate: profile.graduationDate,
    cptFullTimeMonthsUsed: profile.cptFullTimeMonthsUsed,
    country: profile.country,
    ...(profile.city ? { city: profile.city } : {}),
    timezone: profile.timezone,
    availableFrom: profile.availableFrom,
    availableWeeks: profile.availableWeeks,
    maxHoursPerWeek: hours,
    ...(profile.hoursPerWeekTerm != null && profile.hoursPerWeekTerm < hours ? { termHoursPerWeek: profile.hoursPerWeekTerm } : {}),
    compensation: profile.compensation,
    workModes: profile.workModes,
    goals: profile.goals as Goal[],
    ...(ranking.length ? { ranking } : {}),
  };
}

type SlotSkillRow = { skillSlug: string; minLevel: number; required: boolean };
type SkillLevels = { required: Record<string, number>; nice: Record<string, number> };

type MatchSlotColumn =
  | "id"
  | "seats"
  | "acceptedAuthorizations"
  | "compensation"
  | "stipendAmount"
  | "currency"
  | "country"
  | "region"
  | "workMode"
  | "timezone"
  | "startDate"
  | "durationWeeks"
  | "hoursPerWeek"
  | "offers"
  | "paperwork"
  | "requiredPlacement";
/** The slot fields matching reads, of a submitted slot. */
type MatchSlotFields = Pick<SubmittedSlot, MatchSlotColumn>;

export function toMatchSlot(slot: MatchSlotFields, skills: SlotSkillRow[] | SkillLevels, options: { seats?: number; ranking?: string[] } = {}): MatchSlot {
  const levels = (required: boolean) => Object.fromEntries((skills as SlotSkillRow[]).filter((s) => s.required === required).map((s) => [s.skillSlug, s.minLevel]));
  return {
    id: slot.id,
    seats: options.seats ?? slot.seats,
    requiredSkills: Array.isArray(skills) ? levels(true) : skills.required,
    niceSkills: Array.isArray(skills) ? levels(false) : skills.nice,
    acceptedWorkAuthorizations: slot.acceptedAuthorizations,
    compensation: compensationForRules(slot),
    country: slot.country,
    workMode: slot.workMode,
    timezone: slot.timezone,
    startDate: slot.startDate,
    weeks: slot.durationWeeks,
    hoursPerWeek: slot.hoursPerWeek,
    offers: slot.offers as Goal[],
    paperwork: slot.paperwork,
    ...(slot.requiredPlacement ? { requiredPlacement: true } : {}),
    ...(options.ranking?.length ? { ranking: options.ranking } : {}),
  };
}

/** A slot as the engine sees it, its skills read from the database. */
export async function loadMatchSlot(db: Db, slot: Pick<Slot, MatchSlotColumn>) {
  const skills = await db
    .select({ skillSlug: slotSkills.skillSlug, minLevel: slotSkills.minLevel, required: slotSkills.required })
    .from(slotSkills)
    .where(eq(slotSkills.slotId, slot.id));
  return toMatchSlot(submitted(slot), skills);
}

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
  // why: one statement with only the fields matching reads, skills (and for a round, seats
  // held and shortlists) aggregated per slot in PostgreSQL, as loadStudents does.
  const rows = await db.execute<Pick<Slot, MatchSlotColumn> & SkillLevels & { held: number; ranking: string[] | null }>(sql`
    with open as (
      select * from ${slots} where ${takingApplications(now)}
    )
    select o.id, o.seats, o.accepted_authorizations::text[] as "acceptedAuthorizations", o.compensation,
      o.stipend_amount as "stipendAmount", o.currency, o.country, o.region, o.required_placement as "requiredPlacement",
      o.work_mode as "workMode", o.timezone, o.start_date::text as "startDate", o.duration_weeks as "durationWeeks",
      o.hours_per_week as "hoursPerWeek", o.offers::text[] as offers, o.paperwork::text[] as paperwork,
      coalesce(sk.required, '{}'::json) as required, coalesce(sk.nice, '{}'::json) as nice,
      ${options.forRound ? sql`coalesce(h.held, 0)` : sql`0`}::int as held, ${options.forRound ? sql`r.ranking` : sql`null::json`} as ranking
    from open o
    left join (
      select slot_id,
        json_object_agg(skill_slug, min_level) filter (where required) as required,
        json_object_agg(skill_slug, min_level) filter (where not required) as nice
      from ${slotSkills} where slot_id in (select id from open) group by slot_id
    ) sk on sk.slot_id = o.id
    ${
      options.forRound
        ? sql`left join (
      select slot_id, count(*) as held from ${matches}
      where slot_id in (select id from open) and ${inArray(matches.status, SEAT_HOLDING_MATCH_STATUSES)} group by slot_id
    ) h on h.slot_id = o.id
    left join (
      select slot_id, json_agg(student_id order by shortlist_rank, student_id) as ranking from ${applications}
      where slot_id in (select id from open) and status = 'shortlisted' and shortlist_rank is not null group by slot_id
    ) r on r.slot_id = o.id`
        : sql``
    }
    order by o.id`);
  const out: MatchSlot[] = [];
  for (const row of rows.map(submitted)) {
    const seats = row.seats - row.held;
    if (options.forRound && seats <= 0) continue;
    out.push(toMatchSlot(row, row, { seats, ranking: row.ranking ?? undefined }));
  }
  return out;
}

/**
 * Students as the engine sees them: `ids`, or (for a round) everyone opted in to matching
 * rounds who is not suspended and has no seat-holding match. Incomplete profiles are left out.
 * With `visibleToMentors`, only students who let verified mentors see their profile.
 * Each student's ranking is their starred slots in order. With `withAnySkill`, only students
 * holding at least one of those skills (a slot's required ones: the engine ranks for a slot
 * only students who hold its rarest required skill, so this loses none of them).
 */
export async function loadStudents(db: Db, options: { ids?: string[]; forRound?: boolean; withAnySkill?: string[]; visibleToMentors?: boolean }): Promise<MatchStudent[]> {
  // why: one statement with only the fields matching reads, skills and stars aggregated per
  // student in PostgreSQL; loading profiles, 400,000 skill rows and stars separately through
  // the query builder took over two seconds of a 50,000-student round.
  const scope = options.ids
    ? sql`= ${anyOf(options.ids)}`
    : options.withAnySkill?.length
      ? sql`in (select ${studentSkills.userId} from ${studentSkills} where ${inArray(studentSkills.skillSlug, options.withAnySkill)})`
      : null;
  const rows = await db.execute<MatchProfile & { skills: Record<string, number> | null; stars: string[] | null }>(sql`
    select p.user_id as "userId", p.work_authorization as "workAuthorization",
      p.authorization_valid_from::text as "authorizationValidFrom", p.authorization_valid_until::text as "authorizationValidUntil",
      p.graduation_date::text as "graduationDate", p.cpt_full_time_months_used as "cptFullTimeMonthsUsed",
      p.country, p.city, p.timezone, p.available_from::text as "availableFrom", p.available_weeks as "availableWeeks",
      p.hours_per_week_term as "hoursPerWeekTerm", p.hours_per_week_break as "hoursPerWeekBreak", p.compensation,
      p.work_modes::text[] as "workModes", p.goals::text[] as goals, sk.skills, st.stars
    from ${studentProfiles} p
    join ${users} u on u.id = p.user_id
    left join (
      select user_id, json_object_agg(skill_slug, level) as skills from ${studentSkills}
      ${scope ? sql`where user_id ${scope}` : sql``} group by user_id
    ) sk on sk.user_id = p.user_id
    left join (
      select student_id, json_agg(slot_id order by position) as stars from ${slotStars}
      ${scope ? sql`where student_id ${scope}` : sql``} group by student_id
    ) st on st.student_id = p.user_id
    -- why: a profile outlives a change of role (a student made an admin keeps it): only students are matched.
    where u.suspended_at is null and u.role = 'student'
      ${scope ? sql`and p.user_id ${scope}` : sql``}
      ${options.forRound ? sql`and p.in_matching and not exists (select 1 from ${matches} where ${matches.studentId} = p.user_id and ${inArray(matches.status, LIVE_MATCH_STATUSES)})` : sql``}
      ${options.visibleToMentors ? sql`and p.visible_to_mentors` : sql``}
    order by p.user_id`);
  const out: MatchStudent[] = [];
  for (const row of rows) {
    const student = toMatchStudent(row, row.skills ?? {}, row.stars ?? []);
    if (student) out.push(student);
  }
  return out;
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
    .where(and(eq(studentProfiles.userId, studentId), sql`${users.suspendedAt} is null`, eq(users.role, "student")));
  return row ? toMatchStudent(row.profile, row.skills, row.stars) : null;
}

// Open slots, compiled, kept per process for recommendations. why: ranking one student
// against 20,000 slots must not reload them per request; a slot change in this process
// drops the cache at once (invalidateOpenSlots), other processes see it within the TTL.
const OPEN_SLOTS_TTL_MS = 30_000;
// A deadline ends at midnight in each slot's own zone, at any hour of a UTC day; a slot whose
// deadline passed since the load is dropped by the caller's takingApplications check.
const holder = globalThis as typeof globalThis & { __steppingstoneOpenSlots?: { at: number; compiled: Promise<CompiledSlots> } };

/** The compiled open slots, loaded at most every 30 s (or again when `now` goes back, in tests). */
export function getCompiledOpenSlots(db: Db, now = new Date()) {
  const cached = holder.__steppingstoneOpenSlots;
  const age = now.getTime() - (cached?.at ?? 0);
  if (cached && age >= 0 && age < OPEN_SLOTS_TTL_MS) return cached.compiled;
  const compiled = loadOpenSlots(db, now).then(compileSlots);
  holder.__steppingstoneOpenSlots = { at: now.getTime(), compiled };
  compiled.catch(() => (holder.__steppingstoneOpenSlots = undefined));
  return compiled;
}

/** Call after any change to open slots (published, edited, closed, filled). */
export function invalidateOpenSlots() {
  holder.__steppingstoneOpenSlots = undefined;
}
