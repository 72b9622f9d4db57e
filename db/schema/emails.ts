import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
// why: a relative path, because drizzle-kit loads the schema without the app's path aliases.
import { EMAIL_STATUSES } from "../../app/domain/vocabulary";
import { users } from "./users";

export const emailStatus = pgEnum("email_status", EMAIL_STATUSES);

// The outbox and the email log in one: a row is written in the same transaction as the change
// that causes the email, a job delivers it, and the row records what happened.
export const emails = pgTable(
  "emails",
  {
    id: uuid().primaryKey().defaultRandom(),
    template: text().notNull(),
    to: text().array().notNull(),
    /** Where replies go when not to the sender (an introduction: the people it introduces). */
    replyTo: text().array(),
    subject: text().notNull(),
    // Cleared after delivery through Resend (links in it are credentials); kept for the local mailbox.
    html: text(),
    text: text(),
    userId: uuid().references(() => users.id, { onDelete: "cascade" }),
    status: emailStatus().notNull().default("queued"),
    transport: text(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    providerMessageId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("emails_created_at_idx").on(t.createdAt),
    index("emails_user_id_idx").on(t.userId),
    check("emails_has_recipient", sql`cardinality(${t.to}) > 0`),
  ],
);

export type Email = typeof emails.$inferSelect;
export type EmailStatus = (typeof emailStatus.enumValues)[number];
