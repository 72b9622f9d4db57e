import { sql } from "drizzle-orm";
import { boolean, check, customType, date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
// why: relative paths, because drizzle-kit loads the schema without the app's path aliases.
import { DOCUMENT_KINDS, LETTER_FORMATS, LETTER_PURPOSES, LETTER_STATES, REFERRAL_METHODS, REFERRAL_OUTCOMES, REFERRAL_STATES } from "../../app/domain/vocabulary";
import { emails } from "./emails";
import { matches } from "./matches";
import { users } from "./users";

// What the internship leaves the student (docs/decisions/017-letters-referrals-and-documents.md):
// recommendation letters and their deliveries, referrals, and issued documents. Each hangs off a
// match, so it goes with the student's account; the mentor's name on it is kept as written.

export const letterState = pgEnum("letter_state", LETTER_STATES);
export const letterPurpose = pgEnum("letter_purpose", LETTER_PURPOSES);
export const letterFormat = pgEnum("letter_format", LETTER_FORMATS);
export const referralState = pgEnum("referral_state", REFERRAL_STATES);
export const referralMethod = pgEnum("referral_method", REFERRAL_METHODS);
export const referralOutcome = pgEnum("referral_outcome", REFERRAL_OUTCOMES);
export const documentKind = pgEnum("document_kind", DOCUMENT_KINDS);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });
const matchRef = () =>
  uuid()
    .notNull()
    .references(() => matches.id, { onDelete: "cascade" });
const personRef = () => uuid().references(() => users.id, { onDelete: "set null" });
const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
/** A public verification code (app/modules/documents/codes.ts): 16 base32 characters, 80 bits. */
const verificationCode = () => text();

/**
 * A recommendation letter a student asked one of the slot's mentors for. `waived`: the student
 * gave up the right to read it (confidential) — then its text and PDF reach only its writer,
 * admins, and the recipients through their links, never the student.
 */
export const recommendationLetters = pgTable(
  "recommendation_letters",
  {
    id: uuid().primaryKey().defaultRandom(),
    matchId: matchRef(),
    /** The mentor asked to write it; null once their account is gone (the letter stays as written). */
    mentorId: personRef(),
    purpose: letterPurpose().notNull(),
    /** The named program, school or kind of job. */
    purposeDetail: text(),
    dueDate: date({ mode: "string" }).notNull(),
    waived: boolean().notNull(),
    /** What the student asked the mentor to mention. */
    requestNote: text(),
    state: letterState().notNull().default("requested"),
    format: letterFormat(),
    /** The letter written in the app: paragraphs separated by blank lines. */
    body: text(),
    /** An uploaded letter: a PDF, size- and type-checked. */
    pdf: bytea(),
    pdfName: text(),
    /** The letterhead: the writer's name and title as they signed it. */
    writerName: text(),
    writerTitle: text(),
    declineReason: text(),
    verificationCode: verificationCode(),
    readyAt: timestamp({ withTimezone: true }),
    declinedAt: timestamp({ withTimezone: true }),
    /** Set when the mentor revokes the letter: every link stops working. */
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    index("recommendation_letters_match_idx").on(t.matchId),
    index("recommendation_letters_mentor_idx").on(t.mentorId),
    uniqueIndex("recommendation_letters_code_unique").on(t.verificationCode),
    check("recommendation_letters_ready", sql`${t.state} <> 'ready' or (${t.format} is not null and ${t.verificationCode} is not null and ${t.readyAt} is not null)`),
    check("recommendation_letters_declined", sql`${t.state} <> 'declined' or ${t.declineReason} is not null`),
    check("recommendation_letters_body_length", sql`${t.body} is null or char_length(${t.body}) <= 20000`),
    check("recommendation_letters_pdf_size", sql`${t.pdf} is null or octet_length(${t.pdf}) <= 5242880`),
  ],
);

/** A ready letter sent to one recipient: a link for them only, expiring after 30 days. */
export const letterDeliveries = pgTable(
  "letter_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    letterId: uuid()
      .notNull()
      .references(() => recommendationLetters.id, { onDelete: "cascade" }),
    recipientName: text().notNull(),
    recipientEmail: text().notNull(),
    message: text(),
    /** The link's public id (120 bits) and the sha256 of its secret (256 bits): app/auth/tokens.server.ts. */
    tokenId: text().notNull(),
    secretHash: text().notNull(),
    sentAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    emailId: uuid().references(() => emails.id, { onDelete: "set null" }),
    firstViewedAt: timestamp({ withTimezone: true }),
    viewCount: integer().notNull().default(0),
  },
  (t) => [uniqueIndex("letter_deliveries_token_unique").on(t.tokenId), index("letter_deliveries_letter_idx").on(t.letterId)],
);

/** Each time a recipient opened their link. */
export const letterViews = pgTable(
  "letter_views",
  {
    id: uuid().primaryKey().defaultRandom(),
    deliveryId: uuid()
      .notNull()
      .references(() => letterDeliveries.id, { onDelete: "cascade" }),
    viewedAt: createdAt(),
  },
  (t) => [index("letter_views_delivery_idx").on(t.deliveryId, t.viewedAt)],
);

/** A referral a student asked one of the slot's mentors for, and what came of it. */
export const referrals = pgTable(
  "referrals",
  {
    id: uuid().primaryKey().defaultRandom(),
    matchId: matchRef(),
    mentorId: personRef(),
    company: text().notNull(),
    role: text().notNull(),
    postingUrl: text(),
    note: text(),
    state: referralState().notNull().default("requested"),
    method: referralMethod(),
    /** How the mentor referred, in their words (which tool, which recruiter). */
    methodNote: text(),
    referredOn: date({ mode: "string" }),
    declineReason: text(),
    outcome: referralOutcome(),
    outcomeBy: personRef(),
    /** The last time either side said something of it: the 2-week nudge counts from here. */
    lastUpdateAt: createdAt(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    index("referrals_match_idx").on(t.matchId),
    index("referrals_mentor_idx").on(t.mentorId),
    check("referrals_posting_url", sql`${t.postingUrl} is null or ${t.postingUrl} ~ '^https?://'`),
    check("referrals_accepted", sql`${t.state} <> 'accepted' or (${t.method} is not null and ${t.referredOn} is not null)`),
    check("referrals_declined", sql`${t.state} <> 'declined' or ${t.declineReason} is not null`),
    check("referrals_outcome_after_accept", sql`${t.outcome} is null or ${t.state} = 'accepted'`),
  ],
);

/**
 * A verification letter or completion certificate: generated from the match, reviewed and signed
 * by a mentor, and only then issued (issuedAt, with its verification code).
 */
export const issuedDocuments = pgTable(
  "issued_documents",
  {
    id: uuid().primaryKey().defaultRandom(),
    matchId: matchRef(),
    kind: documentKind().notNull(),
    /** What the document says, generated at request and reviewed by the mentor (app/modules/documents). */
    content: text().notNull(),
    requestedBy: personRef(),
    signedBy: personRef(),
    signerName: text(),
    signerTitle: text(),
    signedAt: timestamp({ withTimezone: true }),
    verificationCode: verificationCode(),
    issuedAt: timestamp({ withTimezone: true }),
    /** Revoked (by a slot's mentor or an admin, with a reason): /verify says so and the PDF is no longer served. */
    revokedAt: timestamp({ withTimezone: true }),
    revokedBy: personRef(),
    revocationReason: text(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    index("issued_documents_match_idx").on(t.matchId),
    uniqueIndex("issued_documents_code_unique").on(t.verificationCode),
    check("issued_documents_issued", sql`${t.issuedAt} is null or (${t.signedAt} is not null and ${t.signerName} is not null and ${t.verificationCode} is not null)`),
    check("issued_documents_revoked", sql`${t.revokedAt} is null or (${t.issuedAt} is not null and ${t.revocationReason} is not null)`),
  ],
);

export type RecommendationLetter = typeof recommendationLetters.$inferSelect;
export type LetterDelivery = typeof letterDeliveries.$inferSelect;
export type Referral = typeof referrals.$inferSelect;
export type IssuedDocument = typeof issuedDocuments.$inferSelect;
