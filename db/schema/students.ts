import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
// why: a relative path, because drizzle-kit loads the schema without the app's path aliases.
import { DEGREES } from "../../app/domain/vocabulary";
import { benefit, compensationPreference, workAuthorization, workMode } from "./domain";
import { skills } from "./skills";
import { users } from "./users";

export const degree = pgEnum("degree", DEGREES);

export const studentProfiles = pgTable(
  "student_profiles",
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    school: text(),
    program: text(),
    degree: degree(),
    graduationDate: date({ mode: "string" }),
    coursework: text(),
    portfolioUrl: text(),
    githubUrl: text(),
    linkedinUrl: text(),
    languages: text().array().notNull().default(sql`'{}'::text[]`),
    country: text(),
    city: text(),
    timezone: text(),
    availableFrom: date({ mode: "string" }),
    availableWeeks: integer(),
    hoursPerWeekTerm: integer(),
    hoursPerWeekBreak: integer(),
    workModes: workMode().array().notNull().default(sql`'{}'::work_mode[]`),
    workAuthorization: workAuthorization(),
    authorizationValidFrom: date({ mode: "string" }),
    authorizationValidUntil: date({ mode: "string" }),
    /** F-1 CPT: months of full-time CPT already used, if the student says (12 or more end OPT eligibility). */
    cptFullTimeMonthsUsed: integer(),
    /** Mentors see only whether the status fits their slot, unless the student shares it. */
    shareAuthorization: boolean().notNull().default(false),
    compensation: compensationPreference(),
    goals: benefit().array().notNull().default(sql`'{}'::benefit[]`),
    /** Include me in matching rounds. */
    inMatching: boolean().notNull().default(false),
    /** Every verified mentor may read the profile (otherwise only mentors of slots applied to or matched). */
    visibleToMentors: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("student_profiles_country_code", sql`${t.country} is null or ${t.country} ~ '^[A-Z]{2}$'`),
    check("student_profiles_weeks", sql`${t.availableWeeks} is null or ${t.availableWeeks} between 1 and 104`),
    check("student_profiles_hours_term", sql`${t.hoursPerWeekTerm} is null or ${t.hoursPerWeekTerm} between 0 and 80`),
    check("student_profiles_cpt_months", sql`${t.cptFullTimeMonthsUsed} is null or ${t.cptFullTimeMonthsUsed} between 0 and 60`),
    check("student_profiles_hours_break", sql`${t.hoursPerWeekBreak} is null or ${t.hoursPerWeekBreak} between 0 and 80`),
    check(
      "student_profiles_authorization_dates",
      sql`${t.authorizationValidFrom} is null or ${t.authorizationValidUntil} is null or ${t.authorizationValidFrom} <= ${t.authorizationValidUntil}`,
    ),
  ],
);

export const studentSkills = pgTable(
  "student_skills",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    skillSlug: text()
      .notNull()
      .references(() => skills.slug, { onDelete: "cascade", onUpdate: "cascade" }),
    level: smallint().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.skillSlug] }),
    index("student_skills_skill_idx").on(t.skillSlug),
    check("student_skills_level", sql`${t.level} between 1 and 4`),
  ],
);

export const studentProjects = pgTable(
  "student_projects",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    position: integer().notNull().default(0),
    title: text().notNull(),
    description: text().notNull(),
    url: text(),
  },
  (t) => [index("student_projects_user_idx").on(t.userId)],
);

export type StudentProfile = typeof studentProfiles.$inferSelect;
export type Degree = (typeof degree.enumValues)[number];
