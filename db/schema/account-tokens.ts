import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
// why: a relative path, because drizzle-kit loads the schema without the app's path aliases.
import { ACCOUNT_TOKEN_PURPOSES } from "../../app/domain/vocabulary";
import { users } from "./users";

export const accountTokenPurpose = pgEnum("account_token_purpose", ACCOUNT_TOKEN_PURPOSES);

// Single-use links sent by email. The link carries `<id>.<secret>`; only the secret's hash is kept.
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: text().primaryKey(),
    secretHash: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: accountTokenPurpose().notNull(),
    // The address the link was sent to: verifying proves ownership of this address only.
    email: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("account_tokens_user_id_idx").on(t.userId)],
);

export type AccountTokenPurpose = (typeof accountTokenPurpose.enumValues)[number];
