import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Counters for login failures and email-sending requests, keyed by e.g. `login:ip:1.2.3.4`.
// Kept in PostgreSQL so every web process sees the same counts.
export const throttle = pgTable("throttle", {
  key: text().primaryKey(),
  count: integer().notNull().default(0),
  windowStartedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  blockedUntil: timestamp({ withTimezone: true }),
});
