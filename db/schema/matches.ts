import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { AuthorizationExplanation } from "../../app/engine/explanations";
import type { ScoreComponent } from "../../app/engine/types";
// why: relative paths, because drizzle-kit loads the schema without the app's path aliases.
import { CLOSED_WITH_REASON_MATCH_STATUSES, ENDED_MATCH_STATUSES, MATCH_SOURCES, MATCH_STATUSES } from "../../app/domain/vocabulary";
import { applications } from "./applications";
import { slotAndStudent } from "./columns";
import { sqlList } from "./sql-list";
import { users } from "./users";

export const matchSource = pgEnum("match_source", MATCH_SOURCES);

/** A match's way from proposal to internship: app/domain/vocabulary.ts. */
export const matchStatus = pgEnum("match_status", MATCH_STATUSES);

export const matchRounds = pgTable("match_rounds", {
  id: uuid().primaryKey().defaultRandom(),
  runBy: uuid().references(() => users.id, { onDelete: "set null" }),
  listLength: integer().notNull(),
  /** The engine's stats for the round (counts, average score). */
  stats: jsonb().$type<Record<string, number>>().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A score component as stored: key, points, max, and its reason as a code with params (no sentence). */
export type MatchReason = ScoreComponent;

export const matches = pgTable(
  "matches",
  {
    id: uuid().primaryKey().defaultRandom(),
    ...slotAndStudent(),
    source: matchSource().notNull(),
    roundId: uuid().references(() => matchRounds.id, { onDelete: "set null" }),
    applicationId: uuid().references(() => applications.id, { onDelete: "set null" }),
    proposedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    score: integer().notNull(),
    /** The score's components with their reasons as codes, as the engine explained them. */
    reasons: jsonb().$type<MatchReason[]>().notNull(),
    /** Work-authorization steps the student must confirm, as codes (worded per audience by app/messages). */
    warnings: jsonb().$type<AuthorizationExplanation[]>().notNull().default(sql`'[]'::jsonb`),
    status: matchStatus().notNull().default("proposed"),
    reviewedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp({ withTimezone: true }),
    /** Why an admin rejected it, or why the pair is not proceeding. */
    closingReason: text(),
    introducedAt: timestamp({ withTimezone: true }),
    confirmedAt: timestamp({ withTimezone: true }),
    /** When the mentor marked the internship started, and completed. */
    startedAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One live match per student and slot; rejected and ended ones are history.
    uniqueIndex("matches_live_pair_unique")
      .on(t.slotId, t.studentId)
      .where(sql`${t.status} not in (${sqlList(ENDED_MATCH_STATUSES)})`),
    index("matches_status_idx").on(t.status, t.createdAt),
    index("matches_student_idx").on(t.studentId),
    check("matches_score_range", sql`${t.score} between 0 and 100`),
    check("matches_reason_when_closed", sql`${t.status} not in (${sqlList(CLOSED_WITH_REASON_MATCH_STATUSES)}) or ${t.closingReason} is not null`),
  ],
);

export type Match = typeof matches.$inferSelect;
export type MatchStatus = (typeof matchStatus.enumValues)[number];
