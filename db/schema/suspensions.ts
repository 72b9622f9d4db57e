import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * One suspension of an account, and exactly what it changed, so that reactivation undoes that
 * and nothing else (decision 019): the slots it closed (an open slot with no other un-suspended
 * mentor) and whether the student was in matching rounds. `users.suspended_at` is the flag the
 * rest of the app reads; this row is the record behind it.
 */
export const accountSuspensions = pgTable(
  "account_suspensions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text().notNull(),
    suspendedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    suspendedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Slots this suspension moved from open to closed. */
    pausedSlotIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    /** The student was in matching rounds when suspended (restored on reactivation). */
    wasInMatching: boolean().notNull().default(false),
    reactivatedAt: timestamp({ withTimezone: true }),
    reactivatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    reactivationNote: text(),
  },
  (t) => [
    index("account_suspensions_user_idx").on(t.userId, t.suspendedAt),
    // At most one suspension in force per account.
    uniqueIndex("account_suspensions_one_open").on(t.userId).where(sql`${t.reactivatedAt} is null`),
    check("account_suspensions_reason_length", sql`char_length(${t.reason}) between 1 and 1000`),
    check("account_suspensions_note_length", sql`char_length(${t.reactivationNote}) <= 1000`),
  ],
);

export type AccountSuspension = typeof accountSuspensions.$inferSelect;
