import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
// why: a relative path, because drizzle-kit loads the schema without the app's path aliases.
import { APPLICATION_STATUSES } from "../../app/domain/vocabulary";
import { slotAndStudent } from "./columns";

/** What the student sees of an application: app/domain/vocabulary.ts. */
export const applicationStatus = pgEnum("application_status", APPLICATION_STATUSES);

// One application per student per slot: withdrawing and applying again reuses the row.
export const applications = pgTable(
  "applications",
  {
    id: uuid().primaryKey().defaultRandom(),
    ...slotAndStudent(),
    statement: text().notNull(),
    /** Answers to the slot's questions, in the slot's order. */
    answers: text().array().notNull().default(sql`'{}'::text[]`),
    status: applicationStatus().notNull().default("submitted"),
    /** The mentor's order among shortlisted applicants (1 first); their ranking in a round. */
    shortlistRank: integer(),
    /** Why the mentor declined, shown to the student when given. */
    declineReason: text(),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("applications_slot_student_unique").on(t.slotId, t.studentId),
    index("applications_student_idx").on(t.studentId),
    check("applications_statement_length", sql`char_length(${t.statement}) between 1 and 4000`),
    check("applications_shortlist_rank", sql`${t.shortlistRank} is null or ${t.shortlistRank} >= 1`),
  ],
);

/** A student's starred slots, in their own order: their ranking in a round. */
export const slotStars = pgTable(
  "slot_stars",
  {
    ...slotAndStudent(),
    position: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.studentId, t.slotId] }), check("slot_stars_position", sql`${t.position} >= 1`)],
);

export type Application = typeof applications.$inferSelect;
export type ApplicationStatus = (typeof applicationStatus.enumValues)[number];
