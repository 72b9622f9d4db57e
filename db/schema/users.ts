import { sql } from "drizzle-orm";
import { check, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
// why: a relative path, because drizzle-kit loads the schema without the app's path aliases.
import { USER_ROLES } from "../../app/domain/vocabulary";

export const userRole = pgEnum("user_role", USER_ROLES);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    // Always stored trimmed and lower-cased (see normalizeEmail); the check keeps it so.
    email: text().notNull(),
    name: text().notNull(),
    role: userRole().notNull(),
    passwordHash: text().notNull(),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    suspendedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
    check("users_name_length", sql`char_length(${t.name}) between 1 and 100`),
  ],
);

export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRole.enumValues)[number];

/** What remains of a deleted account: its role and when, for aggregate counts. Nothing personal. */
export const deletedAccounts = pgTable("deleted_accounts", {
  id: uuid().primaryKey().defaultRandom(),
  role: userRole().notNull(),
  deletedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
