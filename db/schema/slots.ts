import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
// why: a relative path, because drizzle-kit loads the schema without the app's path aliases.
import { SLOT_STATUSES, UNPAID_SLOT_COMPENSATIONS } from "../../app/domain/vocabulary";
import { benefit, paperwork, slotCompensation, workAuthorization, workMode } from "./domain";
import { organizations } from "./organizations";
import { sqlList } from "./sql-list";
import { skills } from "./skills";
import { users } from "./users";

export const slotStatus = pgEnum("slot_status", SLOT_STATUSES);

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * Answers to the seven factors of the US Department of Labor's primary-beneficiary test
 * (Fact Sheet #71), required on every unpaid slot.
 */
export type PrimaryBeneficiaryAnswers = {
  noExpectationOfPay: string;
  educationalTraining: string;
  tiedToEducation: string;
  academicCalendar: string;
  limitedDuration: string;
  complementsStaff: string;
  noJobEntitlement: string;
};

export const slots = pgTable(
  "slots",
  {
    id: uuid().primaryKey().defaultRandom(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    title: text().notNull(),
    description: text(),
    /** The project, and what the intern will build. */
    project: text(),
    mentorHoursPerWeek: integer(),
    compensation: slotCompensation(),
    hourlyRate: numeric({ precision: 8, scale: 2 }),
    stipendAmount: integer(),
    currency: text(),
    hoursPerWeek: integer(),
    startDate: date({ mode: "string" }),
    durationWeeks: integer(),
    applicationDeadline: date({ mode: "string" }),
    seats: integer(),
    workMode: workMode(),
    /** The country whose rules apply (where the organization employs the intern). */
    country: text(),
    city: text(),
    /** US state or Canadian province/territory (two-letter code): whose minimum wage applies. */
    region: text(),
    timezone: text(),
    acceptedAuthorizations: workAuthorization().array().notNull(),
    paperwork: paperwork().array().notNull().default(sql`'{}'::paperwork[]`),
    offers: benefit().array().notNull().default(sql`'{}'::benefit[]`),
    /** Up to three questions applicants answer. */
    questions: text().array().notNull().default(sql`'{}'::text[]`),
    learningPlan: text(),
    /** For an unpaid slot in Canada: the academic program it is part of, and its school. */
    academicProgram: text(),
    academicSchool: text(),
    /** Canada: a placement the intern's academic program requires (co-op, internship, practicum). */
    requiredPlacement: boolean().notNull().default(false),
    primaryBeneficiary: jsonb().$type<PrimaryBeneficiaryAnswers>(),
    status: slotStatus().notNull().default("draft"),
    /** Why an admin sent the slot back, shown to its mentors. */
    reviewNote: text(),
    reviewedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp({ withTimezone: true }),
    submittedAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * What keyword search reads: title (weight A), its skills' names and aliases and the
     * organization's name (B), project (C), description (D). why: a generated column cannot read
     * other tables, so triggers of migration 0009 keep it up to date on every write of the slot,
     * its skills, a skill's names or the organization's name.
     */
    searchVector: tsvector().notNull().default(sql`''::tsvector`),
    /**
     * The instant the slot stops taking applications: the end of its deadline day in its own time
     * zone (a deadline of 1 December in Los Angeles ends at 08:00 UTC on 2 December). Null while
     * the deadline or the zone is unset. Stored, so lists and counts of open slots read an index
     * instead of converting every row's deadline into its zone. why: computed by PostgreSQL on
     * every write from the two columns (migration 0016's `slot_accepts_until`), so no writer can
     * store a value that disagrees with them.
     */
    acceptsUntil: timestamp({ withTimezone: true }).generatedAlwaysAs(sql`slot_accepts_until(application_deadline, timezone)`),
  },
  (t) => [
    index("slots_status_idx").on(t.status, t.publishedAt),
    index("slots_organization_idx").on(t.organizationId),
    index("slots_search_idx").using("gin", t.searchVector),
    index("slots_open_accepts_until_idx").on(t.acceptsUntil).where(sql`${t.status} = 'open'`),
    check("slots_seats", sql`${t.seats} >= 1`),
    check("slots_hours", sql`${t.hoursPerWeek} between 1 and 60`),
    check("slots_mentor_hours", sql`${t.mentorHoursPerWeek} between 0 and 40`),
    check("slots_duration", sql`${t.durationWeeks} between 1 and 104`),
    // A draft needs only a title: what follows holds once the slot is submitted (any status but draft).
    check(
      "slots_terms_once_submitted",
      sql`${t.status} = 'draft' or (${sql.join(
        [t.description, t.project, t.mentorHoursPerWeek, t.compensation, t.hoursPerWeek, t.startDate, t.durationWeeks, t.applicationDeadline, t.seats, t.workMode, t.country, t.timezone].map(
          (c) => sql`${c} is not null`,
        ),
        sql` and `,
      )})`,
    ),
    check("slots_deadline_before_start", sql`${t.status} = 'draft' or ${t.applicationDeadline} <= ${t.startDate}`),
    check("slots_country_code", sql`${t.country} ~ '^[A-Z]{2}$'`),
    check("slots_accepts_someone", sql`${t.status} = 'draft' or cardinality(${t.acceptedAuthorizations}) > 0`),
    check("slots_at_most_three_questions", sql`cardinality(${t.questions}) <= 3`),
    check("slots_paid_has_rate", sql`${t.status} = 'draft' or ${t.compensation} <> 'paid' or (${t.hourlyRate} > 0 and ${t.currency} is not null)`),
    check("slots_stipend_has_amount", sql`${t.status} = 'draft' or ${t.compensation} <> 'stipend' or (${t.stipendAmount} > 0 and ${t.currency} is not null)`),
    check(
      "slots_unpaid_requirements",
      // The Department of Labor's seven questions are asked in the US; Canada's rule is the academic program.
      sql`${t.status} = 'draft' or ${t.compensation} not in (${sqlList(UNPAID_SLOT_COMPENSATIONS)}) or (${t.learningPlan} is not null and ${t.mentorHoursPerWeek} >= 1 and (${t.primaryBeneficiary} is not null or ${t.country} = 'CA'))`,
    ),
  ],
);

export const slotSkills = pgTable(
  "slot_skills",
  {
    slotId: uuid()
      .notNull()
      .references(() => slots.id, { onDelete: "cascade" }),
    skillSlug: text()
      .notNull()
      .references(() => skills.slug, { onDelete: "cascade", onUpdate: "cascade" }),
    minLevel: smallint().notNull(),
    /** Required skills must be covered; the others are nice to have. */
    required: boolean().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.slotId, t.skillSlug] }),
    index("slot_skills_skill_idx").on(t.skillSlug),
    check("slot_skills_level", sql`${t.minLevel} between 1 and 4`),
  ],
);

/** The named mentors of a slot: members of its organization. */
export const slotMentors = pgTable(
  "slot_mentors",
  {
    slotId: uuid()
      .notNull()
      .references(() => slots.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.slotId, t.userId] }), index("slot_mentors_user_idx").on(t.userId)],
);

export type Slot = typeof slots.$inferSelect;
export type SlotStatus = (typeof slotStatus.enumValues)[number];
