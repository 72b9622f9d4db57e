// Loads a generated instance into a fresh database for the benchmark's database stages:
// one organization and mentor, the instance's slots (open) and students (profiles, skills).
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { asc, sql } from "drizzle-orm";
import { createDb, type Db } from "~db/client.server";
import { startEmbeddedDatabase } from "~db/embedded.server";
import { runMigrations } from "~db/migrate.server";
import { organizationMembers, organizations, skills, slotMentors, slots, slotSkills, studentProfiles, studentSkills, users } from "~db/schema";
import type { MatchInstance } from "~/engine/types";

/** A fresh database: a new one on BENCH_DATABASE_URL's server, or an in-memory embedded one. */
export async function freshDatabase() {
  const server = process.env.BENCH_DATABASE_URL;
  if (!server) {
    const embedded = await startEmbeddedDatabase({ dataDir: "memory://" });
    const db = createDb(embedded.url, { max: 10 });
    await runMigrations(db);
    return { db, label: "embedded PGlite (in memory)", close: async () => (await db.$client.end(), await embedded.stop()) };
  }
  const name = `steppingstone_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = createDb(url.toString(), { max: 10 });
  await runMigrations(db);
  return {
    db,
    label: `PostgreSQL at ${url.host}`,
    close: async () => {
      await db.$client.end();
      await admin.unsafe(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}

async function insertInChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Writes the instance; generator skill slugs map onto the taxonomy's slugs in order. Returns the ids. */
export async function loadInstance(db: Db, instance: MatchInstance) {
  const taxonomy = (await db.select({ slug: skills.slug }).from(skills).orderBy(asc(skills.slug))).map((r) => r.slug);
  const slugOf = (s: string) => taxonomy[Number(s.replace(/\D/g, "")) % taxonomy.length]!;
  const dedupe = (entries: [string, number][]) => Object.entries(Object.fromEntries(entries.map(([s, l]) => [slugOf(s), l])));
  const passwordHash = "bench-no-login";
  const [admin] = await db.insert(users).values({ email: "bench-admin@example.org", name: "Bench Admin", role: "admin", passwordHash }).returning();
  const [mentor] = await db.insert(users).values({ email: "bench-mentor@example.org", name: "Bench Mentor", role: "mentor", passwordHash }).returning();
  const [org] = await db
    .insert(organizations)
    .values({ name: "Bench Org", slug: "bench-org", type: "startup", size: "11-50", country: "US", description: "Benchmark organization", verifiedAt: new Date() })
    .returning();
  await db.insert(organizationMembers).values({ organizationId: org!.id, userId: mentor!.id });

  const slotIds = new Map<string, string>();
  await insertInChunks(instance.slots, 1000, async (chunk) => {
    const rows = await db
      .insert(slots)
      .values(
        chunk.map((t) => {
          const unpaid = t.compensation === "unpaid" || t.compensation === "course_credit";
          return {
            organizationId: org!.id,
            title: `Slot ${t.id}`,
            description: "Benchmark slot",
            project: "Benchmark project",
            mentorHoursPerWeek: 2,
            compensation: t.compensation,
            hourlyRate: t.compensation === "paid" ? "25.00" : null,
            stipendAmount: t.compensation === "stipend" ? 3000 : null,
            currency: t.compensation === "paid" || t.compensation === "stipend" ? "USD" : null,
            hoursPerWeek: t.hoursPerWeek,
            startDate: t.startDate,
            durationWeeks: t.weeks,
            applicationDeadline: t.startDate,
            seats: t.seats,
            workMode: t.workMode,
            country: t.country,
            city: t.workMode === "remote" ? null : "Somewhere",
            timezone: t.timezone,
            acceptedAuthorizations: t.acceptedWorkAuthorizations,
            paperwork: (t.paperwork ?? []) as ("cpt_offer_letter" | "everify_i983" | "coop_agreement")[],
            offers: t.offers,
            learningPlan: unpaid ? "A plan" : null,
            primaryBeneficiary: unpaid
              ? { noExpectationOfPay: "a", educationalTraining: "b", tiedToEducation: "c", academicCalendar: "d", limitedDuration: "e", complementsStaff: "f", noJobEntitlement: "g" }
              : null,
            status: "open" as const,
            publishedAt: new Date(),
          };
        }),
      )
      .returning({ id: slots.id });
    chunk.forEach((t, i) => slotIds.set(t.id, rows[i]!.id));
  });
  const slotSkillRows = instance.slots.flatMap((t) => {
    const required = dedupe(Object.entries(t.requiredSkills));
    const requiredSlugs = new Set(required.map(([s]) => s));
    const nice = dedupe(Object.entries(t.niceSkills)).filter(([s]) => !requiredSlugs.has(s));
    return [
      ...required.map(([skillSlug, minLevel]) => ({ slotId: slotIds.get(t.id)!, skillSlug, minLevel, required: true })),
      ...nice.map(([skillSlug, minLevel]) => ({ slotId: slotIds.get(t.id)!, skillSlug, minLevel, required: false })),
    ];
  });
  await insertInChunks(slotSkillRows, 5000, (chunk) => db.insert(slotSkills).values(chunk));
  await insertInChunks([...slotIds.values()], 5000, (chunk) => db.insert(slotMentors).values(chunk.map((slotId) => ({ slotId, userId: mentor!.id }))));

  const studentIds = new Map<string, string>();
  await insertInChunks(instance.students, 1000, async (chunk) => {
    const rows = await db
      .insert(users)
      .values(chunk.map((s) => ({ email: `bench-${s.id}@example.org`, name: `Student ${s.id}`, role: "student" as const, passwordHash, emailVerifiedAt: new Date() })))
      .returning({ id: users.id });
    chunk.forEach((s, i) => studentIds.set(s.id, rows[i]!.id));
    await db.insert(studentProfiles).values(
      chunk.map((s) => ({
        userId: studentIds.get(s.id)!,
        workAuthorization: s.workAuthorization,
        country: s.country,
        timezone: s.timezone,
        availableFrom: s.availableFrom,
        availableWeeks: s.availableWeeks,
        hoursPerWeekTerm: s.maxHoursPerWeek,
        hoursPerWeekBreak: s.maxHoursPerWeek,
        compensation: s.compensation,
        workModes: s.workModes,
        goals: s.goals.filter((g) => g !== "course_credit"),
        inMatching: true,
      })),
    );
    const skillRows = chunk.flatMap((s) => dedupe(Object.entries(s.skills)).map(([skillSlug, level]) => ({ userId: studentIds.get(s.id)!, skillSlug, level })));
    await db.insert(studentSkills).values(skillRows);
  });
  // As autovacuum would have by the time a round runs: statistics, hint bits, visibility map.
  await db.execute(sql`vacuum analyze`);
  return { adminId: admin!.id, studentIds: [...studentIds.values()], slotIds: [...slotIds.values()] };
}
