import { sql } from "drizzle-orm";
import { check, doublePrecision, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// One row per email provider: when the next request to it may go. Every sender — each delivery
// loop in each worker process, and the web process's worker in development — reserves its turn
// here, so together they keep to the provider's rate (see app/mail/send-rate.server.ts).
export const emailSendRate = pgTable(
  "email_send_rate",
  {
    provider: text().primaryKey(),
    /** The earliest moment the next reserved request may go. */
    nextAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Nothing goes before this: the provider's last 429 asked us to wait until then. */
    blockedUntil: timestamp({ withTimezone: true }),
    /** Requests per second the provider last announced (its `ratelimit-limit` header); the pace never exceeds it. */
    providerPerSecond: doublePrecision(),
  },
  (t) => [check("email_send_rate_provider_per_second_positive", sql`${t.providerPerSecond} > 0`)],
);
