import { eq, inArray } from "drizzle-orm";
import { hashPassword } from "~/auth/password.server";
import { transaction, type Db } from "./client.server";
import { organizationMembers, organizations, slotMentors, slotSkills, slots, studentProfiles, studentProjects, studentSkills, users, type UserRole } from "./schema";
import { DEMO_ADMIN, DEMO_MENTORS, DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_SLOTS, DEMO_STUDENTS, ORGANIZATION_REGIONS, studentProfileData, type DemoSlot } from "./seed-data";

export { DEMO_PASSWORD };

/** Every demo account: one admin, the mentors of the demo organizations, thirty students. */
export const DEMO_ACCOUNTS: { email: string; name: string; role: UserRole }[] = [
  { ...DEMO_ADMIN, role: "admin" },
  ...DEMO_MENTORS.map((m) => ({ ...m, role: "mentor" as const })),
  ...DEMO_STUDENTS.map((s) => ({ email: s.email, name: s.name, role: "student" as const })),
];

const DAY = 24 * 60 * 60 * 1000;
const daysFrom = (now: Date, days: number) => new Date(now.getTime() + days * DAY);
/** A calendar date (YYYY-MM-DD, UTC) `days` after `now`. */
const dateIn = (now: Date, days: number) => daysFrom(now, days).toISOString().slice(0, 10);
const monthIn = (now: Date, months: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 15)).toISOString().slice(0, 10);

export type SeedResult = { created: number; accounts: number; organizations: number; slots: number; profiles: number };

/**
 * Creates whatever part of the demo marketplace is missing — accounts (verified, password
 * `steppingstone-demo`), organizations, memberships, slots and student profiles — in one
 * transaction, and leaves everything already there as it is. Refuses to run in production,
 * where these would be known credentials. Dates are relative to `now`.
 */
export async function seedDemoData(db: Db, now = new Date()): Promise<SeedResult> {
  if (process.env.NODE_ENV === "production") {
    throw new Error("Refusing to seed demo data: NODE_ENV is production.");
  }
  const emails = DEMO_ACCOUNTS.map((a) => a.email);
  const existing = await db.select({ email: users.email }).from(users).where(inArray(users.email, emails));
  const missing = DEMO_ACCOUNTS.filter((a) => !existing.some((e) => e.email === a.email));
  // why: argon2id takes tens of milliseconds; every demo account shares one hash, computed
  // once and outside the transaction.
  const passwordHash = missing.length > 0 ? await hashPassword(DEMO_PASSWORD) : "";

  return transaction(db, async (tx) => {
    const result: SeedResult = { created: 0, accounts: 0, organizations: 0, slots: 0, profiles: 0 };
    if (missing.length > 0) {
      const inserted = await tx
        .insert(users)
        .values(missing.map((a) => ({ ...a, passwordHash, emailVerifiedAt: now })))
        .onConflictDoNothing()
        .returning({ id: users.id });
      result.accounts = inserted.length;
    }
    const idRows = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
    const idOf = new Map(idRows.map((r) => [r.email, r.id]));
    const adminId = idOf.get(DEMO_ADMIN.email) ?? null;

    const orgIds = await seedOrganizations(tx, now, idOf, adminId, result);
    await seedSlots(tx, now, idOf, orgIds, adminId, result);
    await seedStudents(tx, now, idOf, result);

    result.created = result.accounts + result.organizations + result.slots + result.profiles;
    return result;
  });
}

async function seedOrganizations(tx: Db, now: Date, idOf: Map<string, string>, adminId: string | null, result: SeedResult) {
  for (const org of DEMO_ORGANIZATIONS) {
    const verifiedAt = daysFrom(now, -org.verifiedDaysAgo);
    const createdAt = daysFrom(verifiedAt, -2);
    const { mentors, verifiedDaysAgo: _days, ...values } = org;
    const created = await tx
      .insert(organizations)
      .values({ ...values, verifiedAt, verifiedBy: adminId, createdBy: idOf.get(mentors[0]!) ?? null, createdAt, updatedAt: verifiedAt })
      .onConflictDoNothing({ target: organizations.slug })
      .returning({ id: organizations.id });
    result.organizations += created.length;
    const [row] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, org.slug));
    // why: a mentor belongs to one organization at most; one who already joined another
    // (by hand, in development) stays there — onConflictDoNothing covers both unique keys.
    const memberships = mentors.flatMap((email, i) => (idOf.has(email) ? [{ organizationId: row!.id, userId: idOf.get(email)!, joinedAt: daysFrom(createdAt, i * 5) }] : []));
    if (memberships.length > 0) await tx.insert(organizationMembers).values(memberships).onConflictDoNothing();
  }
  const rows = await tx
    .select({ id: organizations.id, slug: organizations.slug })
    .from(organizations)
    .where(inArray(organizations.slug, DEMO_ORGANIZATIONS.map((o) => o.slug)));
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** A slot is identified by its organization and title; one with that title already there is left alone. */
async function seedSlots(tx: Db, now: Date, idOf: Map<string, string>, orgIds: Map<string, string>, adminId: string | null, result: SeedResult) {
  const existing = await tx
    .select({ organizationId: slots.organizationId, title: slots.title })
    .from(slots)
    .where(inArray(slots.organizationId, [...orgIds.values()]));
  const members = await tx
    .select({ organizationId: organizationMembers.organizationId, userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(inArray(organizationMembers.organizationId, [...orgIds.values()]));

  for (const slot of DEMO_SLOTS) {
    const organizationId = orgIds.get(slot.organization)!;
    if (existing.some((e) => e.organizationId === organizationId && e.title === slot.title)) continue;
    const mentorIds = slot.mentors
      .map((email) => idOf.get(email))
      .filter((id): id is string => Boolean(id) && members.some((m) => m.organizationId === organizationId && m.userId === id));
    // Every slot names a mentor of its organization; without one the demo would show a slot nobody mentors.
    if (mentorIds.length === 0) continue;

    const [created] = await tx
      .insert(slots)
      .values({ ...slotValues(slot, now, adminId), organizationId, createdBy: mentorIds[0]! })
      .returning({ id: slots.id });
    await tx.insert(slotMentors).values(mentorIds.map((userId) => ({ slotId: created!.id, userId })));
    await tx.insert(slotSkills).values([
      ...slot.required.map(([skillSlug, minLevel]) => ({ slotId: created!.id, skillSlug, minLevel, required: true })),
      ...slot.niceToHave.map(([skillSlug, minLevel]) => ({ slotId: created!.id, skillSlug, minLevel, required: false })),
    ]);
    result.slots += 1;
  }
}

function slotValues(slot: DemoSlot, now: Date, adminId: string | null) {
  const unpaid = slot.compensation === "unpaid" || slot.compensation === "course_credit";
  const publishedAt = slot.status === "open" ? daysFrom(now, -(slot.publishedDaysAgo ?? 1)) : null;
  const submittedAt = slot.status === "draft" ? null : daysFrom(publishedAt ?? now, -2);
  const createdAt = daysFrom(submittedAt ?? now, -1);
  const {
    organization: _organization,
    mentors: _mentors,
    required: _required,
    niceToHave: _niceToHave,
    deadlineInDays,
    startAfterDeadlineDays,
    publishedDaysAgo: _publishedDaysAgo,
    ...values
  } = slot;
  return {
    ...values,
    region: ORGANIZATION_REGIONS[slot.organization] ?? null,
    applicationDeadline: dateIn(now, deadlineInDays),
    startDate: dateIn(now, deadlineInDays + startAfterDeadlineDays),
    // Unpaid slots were reviewed by an admin before they opened; paid slots of a verified organization skip review.
    reviewedBy: slot.status === "open" && unpaid ? adminId : null,
    reviewedAt: slot.status === "open" && unpaid ? daysFrom(publishedAt!, 0) : null,
    submittedAt,
    publishedAt,
    createdAt,
    updatedAt: publishedAt ?? submittedAt ?? createdAt,
  };
}

/** A student's profile, skills and projects are created together, only when the profile is missing. */
async function seedStudents(tx: Db, now: Date, idOf: Map<string, string>, result: SeedResult) {
  for (const [index, student] of DEMO_STUDENTS.entries()) {
    const userId = idOf.get(student.email);
    if (!userId) continue;
    const { profile, skills, projects } = studentProfileData(student, index);
    const { graduatesInMonths, availableInDays, validity, ...values } = profile;
    const created = await tx
      .insert(studentProfiles)
      .values({
        ...values,
        userId,
        graduationDate: monthIn(now, graduatesInMonths),
        availableFrom: dateIn(now, availableInDays),
        authorizationValidFrom: validity ? dateIn(now, validity.fromDays) : null,
        authorizationValidUntil: validity ? dateIn(now, validity.untilDays) : null,
        createdAt: daysFrom(now, -40 + index),
        updatedAt: daysFrom(now, -20 + (index % 15)),
      })
      .onConflictDoNothing({ target: studentProfiles.userId })
      .returning({ userId: studentProfiles.userId });
    if (created.length === 0) continue;
    await tx.insert(studentSkills).values(skills.map((s) => ({ userId, skillSlug: s.slug, level: s.level }))).onConflictDoNothing();
    await tx.insert(studentProjects).values(projects.map((p) => ({ ...p, userId })));
    result.profiles += 1;
  }
}
