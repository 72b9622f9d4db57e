import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
// why: relative paths, because drizzle-kit loads the schema without the app's path aliases.
import {
  EMAIL_CADENCES,
  FEEDBACK_ROUNDS,
  FEEDBACK_SIDES,
  FOLLOW_UP_ANSWERS,
  GOAL_SOURCES,
  GOAL_STATES,
  REMINDER_KINDS,
  REMINDER_STATES,
  RETURN_OFFER_ANSWERS,
} from "../../app/domain/vocabulary";
import { benefit } from "./domain";
import { emails } from "./emails";
import { matches } from "./matches";
import { users } from "./users";

// The mentorship after the introduction (docs/decisions/016-the-mentorship-space.md): the plan,
// weekly check-ins, the thread, feedback rounds and outcomes, all hanging off a match. A match
// goes with its student (matches.student_id cascades), so all of this goes with them; a
// mentor's part stays, its author set to null ("a former mentor").

export const goalState = pgEnum("goal_state", GOAL_STATES);
export const goalSource = pgEnum("goal_source", GOAL_SOURCES);
export const feedbackRound = pgEnum("feedback_round", FEEDBACK_ROUNDS);
export const feedbackSide = pgEnum("feedback_side", FEEDBACK_SIDES);
export const returnOfferAnswer = pgEnum("return_offer_answer", RETURN_OFFER_ANSWERS);
export const followUpAnswer = pgEnum("follow_up_answer", FOLLOW_UP_ANSWERS);
export const emailCadence = pgEnum("email_cadence", EMAIL_CADENCES);
export const reminderKind = pgEnum("reminder_kind", REMINDER_KINDS);
export const reminderState = pgEnum("reminder_state", REMINDER_STATES);

const matchRef = () =>
  uuid()
    .notNull()
    .references(() => matches.id, { onDelete: "cascade" });
const personRef = () => uuid().references(() => users.id, { onDelete: "set null" });
const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** A goal of the pair's plan, with a target week of the internship. */
export const mentorshipGoals = pgTable(
  "mentorship_goals",
  {
    id: uuid().primaryKey().defaultRandom(),
    matchId: matchRef(),
    title: text().notNull(),
    targetWeek: smallint().notNull(),
    state: goalState().notNull().default("not_started"),
    source: goalSource().notNull(),
    /** The student's goal (or the slot's promise) it was drafted from, for source = student_goal. */
    benefit: benefit(),
    /** Set when a mentor confirms the goal done; a student's "done" waits for it. */
    doneConfirmedBy: personRef(),
    doneConfirmedAt: timestamp({ withTimezone: true }),
    createdBy: personRef(),
    position: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    index("mentorship_goals_match_idx").on(t.matchId, t.position),
    check("mentorship_goals_title_length", sql`char_length(${t.title}) between 1 and 200`),
    check("mentorship_goals_target_week", sql`${t.targetWeek} between 1 and 104`),
  ],
);

/** A link that shows a goal's work: a repository, a demo, a write-up. */
export const goalEvidence = pgTable(
  "goal_evidence",
  {
    id: uuid().primaryKey().defaultRandom(),
    goalId: uuid()
      .notNull()
      .references(() => mentorshipGoals.id, { onDelete: "cascade" }),
    url: text().notNull(),
    label: text(),
    addedBy: personRef(),
    createdAt: createdAt(),
  },
  (t) => [index("goal_evidence_goal_idx").on(t.goalId), check("goal_evidence_url", sql`${t.url} ~ '^https?://'`)],
);

/** The student's check-in for one week of the internship, and the mentor's reply. */
export const checkIns = pgTable(
  "check_ins",
  {
    id: uuid().primaryKey().defaultRandom(),
    matchId: matchRef(),
    /** The week of the internship, 1 from the slot's start date (app/modules/mentorship/weeks.ts). */
    week: smallint().notNull(),
    done: text().notNull(),
    next: text().notNull(),
    blockers: text(),
    hoursWorked: numeric({ precision: 4, scale: 1, mode: "number" }).notNull(),
    /** Mentor time the student says they received that week, in hours. */
    mentorHoursReceived: numeric({ precision: 4, scale: 1, mode: "number" }).notNull(),
    /** Written after the week's due day, in the slot's time zone. */
    late: boolean().notNull(),
    submittedAt: createdAt(),
    updatedAt: createdAt(),
    reply: text(),
    /** Mentor time the mentor says they gave that week, in hours. */
    mentorHoursGiven: numeric({ precision: 4, scale: 1, mode: "number" }),
    repliedBy: personRef(),
    repliedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("check_ins_match_week_unique").on(t.matchId, t.week),
    check("check_ins_week", sql`${t.week} between 1 and 104`),
    check("check_ins_hours_worked", sql`${t.hoursWorked} between 0 and 80`),
    check("check_ins_mentor_hours_received", sql`${t.mentorHoursReceived} between 0 and 40`),
    check("check_ins_mentor_hours_given", sql`${t.mentorHoursGiven} is null or ${t.mentorHoursGiven} between 0 and 40`),
    check("check_ins_reply_complete", sql`(${t.repliedAt} is null) = (${t.reply} is null)`),
  ],
);

/** The thread of a match: the student and the slot's mentors. */
export const matchMessages = pgTable(
  "match_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    matchId: matchRef(),
    authorId: personRef(),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("match_messages_match_idx").on(t.matchId, t.createdAt), check("match_messages_body_length", sql`char_length(${t.body}) between 1 and 5000`)],
);

/** Per person and match: the newest message already emailed to them, and when (at most one email an hour). */
export const messageNotices = pgTable(
  "message_notices",
  {
    matchId: matchRef(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    emailedThrough: timestamp({ withTimezone: true }).notNull(),
    lastEmailedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.matchId, t.userId] })],
);

/** One side's answers to a feedback round; `shared` says whether the other side may read them (admins always may). */
export const feedbackAnswers = pgTable(
  "feedback_answers",
  {
    id: uuid().primaryKey().defaultRandom(),
    matchId: matchRef(),
    round: feedbackRound().notNull(),
    side: feedbackSide().notNull(),
    authorId: personRef(),
    /** The side's answers (app/modules/mentorship/feedback schemas), without the free text. */
    answers: jsonb().$type<Record<string, string | number>>().notNull(),
    comment: text(),
    shared: boolean().notNull(),
    submittedAt: createdAt(),
  },
  (t) => [uniqueIndex("feedback_answers_match_round_side_unique").on(t.matchId, t.round, t.side)],
);

/** What the internship gave the student, recorded at completion. */
export const matchOutcomes = pgTable("match_outcomes", {
  matchId: uuid()
    .primaryKey()
    .references(() => matches.id, { onDelete: "cascade" }),
  /** For each benefit the slot promised: delivered or not. */
  benefits: jsonb().$type<Partial<Record<string, boolean>>>().notNull(),
  returnOffer: returnOfferAnswer().notNull(),
  recordedBy: personRef(),
  recordedAt: createdAt(),
  updatedAt: createdAt(),
});

/** "Where are you now?" 3 and 6 months after completion, answered with one click from a single-use link. */
export const outcomeFollowUps = pgTable(
  "outcome_follow_ups",
  {
    id: uuid().primaryKey().defaultRandom(),
    matchId: matchRef(),
    months: smallint().notNull(),
    /** The sha256 of the link's secret (app/auth/tokens.server.ts), kept after use: the secret is checked on every use. */
    secretHash: text(),
    sentAt: createdAt(),
    answer: followUpAnswer(),
    organizationName: text(),
    answeredAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("outcome_follow_ups_match_months_unique").on(t.matchId, t.months), check("outcome_follow_ups_months", sql`${t.months} in (3, 6)`)],
);

/**
 * The reminders ledger: one row per event and person, written in the transaction that emails
 * it (or holds it for the person's weekly digest), so a reminder goes once whatever restarts.
 */
export const reminders = pgTable(
  "reminders",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: reminderKind().notNull(),
    /** The event, e.g. `<matchId>:week:3`: with kind and user, unique. */
    eventKey: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    matchId: uuid().references(() => matches.id, { onDelete: "cascade" }),
    state: reminderState().notNull(),
    /** The reminder in a sentence, for the digest. */
    summary: text().notNull(),
    url: text(),
    emailId: uuid().references(() => emails.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("reminders_event_unique").on(t.kind, t.eventKey, t.userId),
    index("reminders_digest_idx").on(t.userId).where(sql`${t.state} = 'in_digest'`),
    index("reminders_match_idx").on(t.matchId, t.kind),
  ],
);

/** How each person takes reminders and message notices (no row: each email as it comes). */
export const emailPreferences = pgTable("email_preferences", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  cadence: emailCadence().notNull().default("each"),
  lastDigestAt: timestamp({ withTimezone: true }),
  updatedAt: createdAt(),
});

export type MentorshipGoal = typeof mentorshipGoals.$inferSelect;
export type CheckIn = typeof checkIns.$inferSelect;
export type FeedbackAnswer = typeof feedbackAnswers.$inferSelect;
export type MatchOutcome = typeof matchOutcomes.$inferSelect;
export type ReminderKind = (typeof reminderKind.enumValues)[number];
