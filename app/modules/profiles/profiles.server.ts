import { and, asc, eq, exists, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { transaction, type Db } from "~db/client.server";
import { applications, matches, skills, slots, studentProfiles, studentProjects, studentSkills, users, type UserRole } from "~db/schema";
import { AFTER_INTRODUCTION_MATCH_STATUSES } from "~/domain/vocabulary";
import { isUuid } from "~/modules/ids";
import { getMembership } from "~/modules/organizations/membership.server";
import { mentorOfSlot } from "~/modules/slots/access.server";
import { resolveSkillRows } from "~/modules/skills/skills.server";
import type { SkillRow } from "~/modules/skills/schemas";
import { EMPTY_PROFILE } from "./completeness";
import type { ProfileInput } from "./schemas";
import type { ProfileAccess, StudentProfileData, StudentProfileView } from "./types";

export type ProfileViewer = { id: string; role: UserRole };

/** The student's profile with skills (highest level first) and projects; null when `userId` is no student. */
export async function getStudentProfile(db: Db, userId: string): Promise<StudentProfileData | null> {
  if (!isUuid(userId)) return null;
  const [row] = await db
    .select({ user: { id: users.id, name: users.name, email: users.email }, profile: studentProfiles })
    .from(users)
    .leftJoin(studentProfiles, eq(studentProfiles.userId, users.id))
    .where(and(eq(users.id, userId), eq(users.role, "student")));
  if (!row) return null;

  const [skillRows, projectRows] = await Promise.all([
    db
      .select({ slug: skills.slug, name: skills.name, category: skills.category, level: studentSkills.level })
      .from(studentSkills)
      .innerJoin(skills, eq(skills.slug, studentSkills.skillSlug))
      .where(eq(studentSkills.userId, userId))
      .orderBy(sql`${studentSkills.level} desc`, asc(skills.name)),
    db
      .select({ title: studentProjects.title, description: studentProjects.description, url: studentProjects.url })
      .from(studentProjects)
      .where(eq(studentProjects.userId, userId))
      .orderBy(asc(studentProjects.position), asc(studentProjects.id)),
  ]);

  const { userId: _id, createdAt: _created, updatedAt, ...fields } = row.profile ?? { ...EMPTY_PROFILE, userId, createdAt: null, updatedAt: null };
  return {
    ...EMPTY_PROFILE,
    ...fields,
    userId: row.user.id,
    name: row.user.name,
    email: row.user.email,
    updatedAt,
    skills: skillRows.map((s) => ({ ...s, level: s.level as 1 | 2 | 3 | 4 })),
    projects: projectRows,
  };
}

export type SaveProfileResult = { ok: true } | { ok: false; error: "unknown_skills"; rows: Pick<SkillRow, "skill" | "index">[] };

/**
 * Saves a student's whole profile in one transaction: the profile row is created or replaced,
 * and the skills and projects become exactly the ones given. Unknown skill names save nothing.
 */
export async function saveStudentProfile(db: Db, userId: string, input: ProfileInput): Promise<SaveProfileResult> {
  const resolved = await resolveSkillRows(db, input.skills);
  if (!resolved.ok) return { ok: false, error: "unknown_skills", rows: resolved.rows };

  const values = {
    school: input.school ?? null,
    program: input.program ?? null,
    degree: input.degree ?? null,
    graduationDate: input.graduationDate ?? null,
    coursework: input.coursework ?? null,
    portfolioUrl: input.portfolioUrl ?? null,
    githubUrl: input.githubUrl ?? null,
    linkedinUrl: input.linkedinUrl ?? null,
    languages: input.languages,
    country: input.country ?? null,
    city: input.city ?? null,
    timezone: input.timezone ?? null,
    availableFrom: input.availableFrom ?? null,
    availableWeeks: input.availableWeeks ?? null,
    hoursPerWeekTerm: input.hoursPerWeekTerm ?? null,
    hoursPerWeekBreak: input.hoursPerWeekBreak ?? null,
    workModes: input.workModes,
    workAuthorization: input.workAuthorization ?? null,
    authorizationValidFrom: input.authorizationValidFrom ?? null,
    authorizationValidUntil: input.authorizationValidUntil ?? null,
    cptFullTimeMonthsUsed: input.cptFullTimeMonthsUsed ?? null,
    shareAuthorization: input.shareAuthorization,
    compensation: input.compensation ?? null,
    goals: input.goals,
    inMatching: input.inMatching,
    visibleToMentors: input.visibleToMentors,
    updatedAt: new Date(),
  };

  try {
    await transaction(db, async (tx) => {
      await tx.insert(studentProfiles).values({ userId, ...values }).onConflictDoUpdate({ target: studentProfiles.userId, set: values });
      await tx.delete(studentSkills).where(eq(studentSkills.userId, userId));
      if (resolved.skills.length) {
        await tx.insert(studentSkills).values(resolved.skills.map((s) => ({ userId, skillSlug: s.slug, level: s.level })));
      }
      await tx.delete(studentProjects).where(eq(studentProjects.userId, userId));
      if (input.projects.length) {
        await tx.insert(studentProjects).values(
          input.projects.map((p, position) => ({ userId, position, title: p.title!, description: p.description!, url: p.url ?? null })),
        );
      }
    });
  } catch (error) {
    // why: a failed query's message carries its parameters — the student's work authorization
    // among them — and unexpected errors get logged. Rethrow without the values.
    const code = (error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code ?? "unknown";
    throw new Error(`Saving the student profile failed (database error ${code})`);
  }
  return { ok: true };
}

/** The student joins the matching rounds (their answer to the profile's question); false when they have no profile yet. */
export async function joinMatchingRounds(db: Db, userId: string, now = new Date()) {
  const joined = await db.update(studentProfiles).set({ inMatching: true, updatedAt: now }).where(eq(studentProfiles.userId, userId)).returning({ userId: studentProfiles.userId });
  return joined.length > 0;
}

/**
 * Whether `viewer` may read the profile of student `studentId`, and as whom: the student
 * themself; an admin; a mentor of a verified organization when the student lets every verified
 * mentor see their profile (and the account is not suspended). Anyone else — and any id that is
 * not a student's — gets null, so a page can answer 404 either way.
 * Applications and matches extend this rule: a mentor of the organization of a slot the student
 * applied to (not withdrawn) or was matched with may read the profile too, whatever the settings.
 */
export async function canViewStudentProfile(db: Db, viewer: ProfileViewer, studentId: string): Promise<ProfileAccess | null> {
  if (!isUuid(studentId)) return null;
  if (viewer.role === "student") {
    if (viewer.id !== studentId) return null;
    const [self] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, studentId), eq(users.role, "student")));
    return self ? "self" : null;
  }
  if (viewer.role === "admin") {
    const [student] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, studentId), eq(users.role, "student")));
    return student ? "admin" : null;
  }
  const verifiedMentor = (await getMembership(db, viewer.id))?.organization.verifiedAt != null;
  // why: applying to a slot shares the profile with that slot's organization, as a match does.
  const appliedOrMatched = db
    .select({ one: sql`1` })
    .from(slots)
    .where(
      and(
        mentorOfSlot(viewer.id),
        or(
          exists(db.select({ one: sql`1` }).from(applications).where(and(eq(applications.slotId, slots.id), eq(applications.studentId, studentId), ne(applications.status, "withdrawn")))),
          // Matches count once the mentors know of them: introduced or later, or proposed by
          // a mentor from an application; a round's proposal waiting for review does not.
          exists(
            db
              .select({ one: sql`1` })
              .from(matches)
              .where(
                and(
                  eq(matches.slotId, slots.id),
                  eq(matches.studentId, studentId),
                  or(inArray(matches.status, AFTER_INTRODUCTION_MATCH_STATUSES), and(eq(matches.status, "proposed"), eq(matches.source, "application"))),
                ),
              ),
          ),
        ),
      ),
    );
  const [visible] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(studentProfiles, eq(studentProfiles.userId, users.id))
    .where(
      and(
        eq(users.id, studentId),
        eq(users.role, "student"),
        isNull(users.suspendedAt),
        or(verifiedMentor ? eq(studentProfiles.visibleToMentors, true) : undefined, exists(appliedOrMatched)),
      ),
    );
  return visible ? "mentor" : null;
}

/**
 * The profile of `studentId` as `viewer` may see it, or null when they may not see it at all.
 * A mentor never receives the work-authorization status or its dates unless the student shares
 * them, nor the student's email or privacy settings.
 */
export async function getStudentProfileView(db: Db, viewer: ProfileViewer, studentId: string): Promise<StudentProfileView | null> {
  const access = await canViewStudentProfile(db, viewer, studentId);
  if (!access) return null;
  const profile = await getStudentProfile(db, studentId);
  if (!profile) return null;

  const { email, workAuthorization, authorizationValidFrom, authorizationValidUntil, cptFullTimeMonthsUsed: _cptMonths, shareAuthorization, inMatching, visibleToMentors, ...rest } = profile;
  const full = access !== "mentor";
  const showStatus = workAuthorization !== null && (full || shareAuthorization);
  return {
    ...rest,
    viewedAs: access,
    email: full ? email : null,
    authorization: showStatus ? { status: workAuthorization, validFrom: authorizationValidFrom, validUntil: authorizationValidUntil } : null,
    authorizationHidden: workAuthorization !== null && !showStatus,
    privacy: full ? { shareAuthorization, inMatching, visibleToMentors } : null,
  };
}
