import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
// why: a relative path, because drizzle-kit loads the schema without the app's path aliases.
import { ORGANIZATION_SIZES, ORGANIZATION_TYPES } from "../../app/domain/vocabulary";
import { users } from "./users";

export const organizationType = pgEnum("organization_type", ORGANIZATION_TYPES);

export const organizationSize = pgEnum("organization_size", ORGANIZATION_SIZES);

export const organizations = pgTable(
  "organizations",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    slug: text().notNull(),
    type: organizationType().notNull(),
    /** The university, hospital or institute a research team belongs to (research teams only). */
    parentInstitution: text(),
    website: text(),
    size: organizationSize().notNull(),
    country: text().notNull(),
    city: text(),
    /** The street address printed on verification letters and certificates, with the city and country (optional). */
    address: text(),
    description: text().notNull(),
    /** Set by an admin; verified organizations carry a badge and their paid slots skip review. */
    verifiedAt: timestamp({ withTimezone: true }),
    verifiedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organizations_slug_unique").on(t.slug),
    check("organizations_country_code", sql`${t.country} ~ '^[A-Z]{2}$'`),
    check("organizations_address_length", sql`${t.address} is null or char_length(${t.address}) <= 300`),
  ],
);

// A mentor belongs to at most one organization (the unique index on user_id).
export const organizationMembers = pgTable(
  "organization_members",
  {
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] }), uniqueIndex("organization_members_user_unique").on(t.userId)],
);

// Emailed invitations to join an organization; the link carries `<id>.<secret>`.
export const organizationInvitations = pgTable(
  "organization_invitations",
  {
    id: text().primaryKey(),
    secretHash: text().notNull(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text().notNull(),
    invitedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("organization_invitations_org_idx").on(t.organizationId)],
);

export type Organization = typeof organizations.$inferSelect;
export type OrganizationType = (typeof organizationType.enumValues)[number];
export type OrganizationSize = (typeof organizationSize.enumValues)[number];
