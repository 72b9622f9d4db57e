// The product's vocabulary: the values of every enum, and the named sets of statuses. The
// database enums (db/schema), the forms' zod enums and the SQL of partial indexes and checks are
// built from these lists, so a value or a set is written once. The words for each value are in
// labels.ts.
// why: plain constants with no imports — drizzle-kit loads this file through db/schema without
// the app's path aliases, and the browser loads it through the forms' schemas.

/** The values of `all` outside `out`, in `all`'s order. */
const without = <T extends string, E extends T>(all: readonly T[], out: readonly E[]) =>
  all.filter((value): value is Exclude<T, E> => !(out as readonly T[]).includes(value));

/**
 * proposed → rejected (by an admin, with a reason) or introduced (approved: the introduction
 * email goes out) → interviewing → confirmed (takes a seat) → active → completed; or
 * not_proceeding (with a reason) from any live state after the introduction.
 */
export const MATCH_STATUSES = ["proposed", "rejected", "introduced", "interviewing", "confirmed", "active", "completed", "not_proceeding"] as const;
type MatchStatus = (typeof MATCH_STATUSES)[number];

/** Matches that are over: history. A student and a slot can be matched again after one. */
export const ENDED_MATCH_STATUSES = ["rejected", "not_proceeding", "completed"] as const satisfies readonly MatchStatus[];

/** Live matches: every one not ended. At most one per student and slot. */
export const LIVE_MATCH_STATUSES = without(MATCH_STATUSES, ENDED_MATCH_STATUSES);

/** Statuses in which a match holds (or is about to hold) one of the slot's seats: every live one. */
export const SEAT_HOLDING_MATCH_STATUSES = LIVE_MATCH_STATUSES;

/** Statuses that count against a slot's seats: the pair agreed to start. */
export const SEAT_TAKING_MATCH_STATUSES = ["confirmed", "active", "completed"] as const satisfies readonly MatchStatus[];

/** A proposal, and a proposal an admin rejected: the pair was never introduced (the admins' business). */
export const BEFORE_INTRODUCTION_MATCH_STATUSES = ["proposed", "rejected"] as const satisfies readonly MatchStatus[];

/** From the introduction on: the matches the people of a match see. */
export const AFTER_INTRODUCTION_MATCH_STATUSES = without(MATCH_STATUSES, BEFORE_INTRODUCTION_MATCH_STATUSES);

/** Live matches after the introduction: the pair can still say it is not going ahead, an internship under way too. */
export const INTRODUCED_LIVE_MATCH_STATUSES = without(LIVE_MATCH_STATUSES, ["proposed"] as const);

/** Introduced but not confirmed: the pair may still take a seat, if one is left. */
export const UNCONFIRMED_MATCH_STATUSES = ["introduced", "interviewing"] as const satisfies readonly MatchStatus[];

/** Matches closed by a person, who says why (an admin's rejection, a pair not going ahead). */
export const CLOSED_WITH_REASON_MATCH_STATUSES = ["rejected", "not_proceeding"] as const satisfies readonly MatchStatus[];

/** The steps a pair walks through after the introduction, in order: not going ahead is a way out, not a step. */
export const MATCH_STEPS = without(AFTER_INTRODUCTION_MATCH_STATUSES, ["not_proceeding"] as const);

/** The order a person's matches are listed in: the pairs talking first, then step by step, those not going ahead last. */
export const MATCH_LIST_ORDER = ["interviewing", ...without(AFTER_INTRODUCTION_MATCH_STATUSES, ["interviewing"] as const)] as const;

export const USER_ROLES = ["student", "mentor", "admin"] as const;

export const ACCOUNT_TOKEN_PURPOSES = ["verify_email", "reset_password"] as const;

export const EMAIL_STATUSES = ["queued", "sent", "failed"] as const;

export const WORK_MODES = ["remote", "hybrid", "onsite"] as const;

/** What a student wants out of an internship, and what a slot gives back. */
export const BENEFITS = ["mentorship", "recommendation_letter", "referral", "return_offer", "portfolio_project", "course_credit"] as const;
type Benefit = (typeof BENEFITS)[number];
/** What a student may name as their goals: every benefit but course credit, which is a kind of pay. */
export const STUDENT_GOALS = ["mentorship", "recommendation_letter", "referral", "return_offer", "portfolio_project"] as const satisfies readonly Benefit[];

/** What a slot can give back (every slot is mentored, so mentorship is implied). */
export const SLOT_OFFERS = ["recommendation_letter", "referral", "return_offer", "course_credit", "portfolio_project"] as const satisfies readonly Benefit[];

export const COMPENSATION_PREFERENCES = ["paid_only", "paid_or_stipend", "any"] as const;

export const SLOT_COMPENSATIONS = ["paid", "stipend", "unpaid", "course_credit"] as const;
type SlotCompensation = (typeof SLOT_COMPENSATIONS)[number];

/** Slots without pay: the unpaid-internship rules (a learning plan, a mentor's hours, the primary-beneficiary test) apply. */
export const UNPAID_SLOT_COMPENSATIONS = ["unpaid", "course_credit"] as const satisfies readonly SlotCompensation[];

/** The currencies a slot's pay can be in. */
export const CURRENCIES = ["USD", "CAD"] as const;

/** Paperwork an organization can provide for a student's work authorization. */
export const PAPERWORK = ["cpt_offer_letter", "everify_i983", "coop_agreement"] as const;

export const ORGANIZATION_TYPES = ["startup", "nonprofit", "research_team", "small_business", "company", "university"] as const;

export const ORGANIZATION_SIZES = ["1-10", "11-50", "51-200", "201-1000", "1000+"] as const;

export const DEGREES = ["certificate", "associate", "bachelor", "master", "phd", "bootcamp", "other"] as const;

export const SKILL_CATEGORIES = ["language", "frontend", "backend", "mobile", "data", "ml", "cloud", "devops", "security", "testing", "design", "research", "tools"] as const;

/** Where a match came from: a matching round, or a mentor's proposal from an application. */
export const MATCH_SOURCES = ["round", "application"] as const;

/** A zero for each of `values`, in their order: where a count by status or by role starts. */
export const zeroFor = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((value) => [value, 0])) as Record<T, number>;

/** Whether `value` is in `set` (a named set above, or any list of values). */
export const isIn = <T extends string>(set: readonly T[], value: string): value is T => (set as readonly string[]).includes(value);

export const SLOT_STATUSES = ["draft", "pending_review", "open", "closed", "filled"] as const;
type SlotStatus = (typeof SLOT_STATUSES)[number];

/** Slots students have never seen: a draft, and one waiting for review. */
export const UNPUBLISHED_SLOT_STATUSES = ["draft", "pending_review"] as const satisfies readonly SlotStatus[];

/** Slots that were published: their page can be read, whether or not they still take applications. */
export const PUBLISHED_SLOT_STATUSES = without(SLOT_STATUSES, UNPUBLISHED_SLOT_STATUSES);

/** Slots still on their way to an intern (open, or waiting for review): closed when nobody is left to mentor. */
export const LIVE_SLOT_STATUSES = ["open", "pending_review"] as const satisfies readonly SlotStatus[];

/** Slots their mentors ended (closed, or filled): published once, no longer shown to students. */
export const ENDED_SLOT_STATUSES = ["closed", "filled"] as const satisfies readonly SlotStatus[];

/** The order a mentor's slots are listed in: the statuses' own, so the ones that need the mentor (drafts, then those waiting for review) come first. */
export const SLOT_LIST_ORDER = SLOT_STATUSES;

/**
 * What the student sees: submitted, shortlisted, match proposed, introduced, not selected
 * (with the mentor's reason if given), withdrawn.
 */
export const APPLICATION_STATUSES = ["submitted", "shortlisted", "match_proposed", "introduced", "not_selected", "withdrawn"] as const;
type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Applications the mentor has not decided on yet: the student may still edit or withdraw them. */
export const UNDECIDED_APPLICATION_STATUSES = ["submitted", "shortlisted"] as const satisfies readonly ApplicationStatus[];

/** Applications still waiting for an answer (undecided, or a proposal an admin has not decided): told, and not selected, when the slot fills. */
export const WAITING_APPLICATION_STATUSES = [...UNDECIDED_APPLICATION_STATUSES, "match_proposed"] as const satisfies readonly ApplicationStatus[];

// The mentorship after the introduction (issue 13; docs/decisions/016-the-mentorship-space.md).

/** A goal of the plan: done counts once a mentor confirms it (goals.doneConfirmedAt). */
export const GOAL_STATES = ["not_started", "in_progress", "done", "dropped"] as const;

/** Where a goal came from: a line of the slot's learning plan, one of the student's goals, or added by hand. */
export const GOAL_SOURCES = ["learning_plan", "student_goal", "added"] as const;

/** The match statuses in which either side may edit the plan. */
export const PLAN_EDITABLE_MATCH_STATUSES = ["confirmed", "active"] as const satisfies readonly MatchStatus[];

/** The match statuses in which the pair writes on the thread (the introduction on; not after not going ahead). */
export const MESSAGING_MATCH_STATUSES = ["introduced", "interviewing", "confirmed", "active", "completed"] as const satisfies readonly MatchStatus[];

/** The match statuses in which feedback rounds are answered: under way, or just completed. */
export const FEEDBACK_MATCH_STATUSES = ["active", "completed"] as const satisfies readonly MatchStatus[];

/** The two feedback rounds: at the midpoint and at the end of the slot's dates. */
export const FEEDBACK_ROUNDS = ["midpoint", "final"] as const;

/** Who answers a feedback round. */
export const FEEDBACK_SIDES = ["student", "mentor"] as const;

/** A return offer at the end of the internship. */
export const RETURN_OFFER_ANSWERS = ["yes", "no", "pending"] as const;

/** "Where are you now?", asked 3 and 6 months after completion. */
export const FOLLOW_UP_ANSWERS = ["paid_internship", "full_time_offer", "still_searching", "studying"] as const;

/** How a person gets reminders and message notices: each as it comes, or one weekly digest. */
export const EMAIL_CADENCES = ["each", "weekly_digest"] as const;

/**
 * The reminders the job queue sends, each at most once per event and person (the reminders
 * ledger's unique key): app/modules/mentorship/reminders.server.ts decides when each is due.
 */
export const REMINDER_KINDS = [
  "check_in_due",
  "check_in_reply",
  "introduction_reply",
  "feedback_open",
  "feedback_reminder",
  "outcome_follow_up",
  "messages",
  "stall_nudge",
  "letter_due",
  "referral_nudge",
  "document_unsigned",
] as const;

/** What became of a reminder: emailed, waiting for the person's weekly digest, or sent in one. */
export const REMINDER_STATES = ["sent", "in_digest", "digested"] as const;

// What the internship leaves the student (issue 14; docs/decisions/017-letters-referrals-and-documents.md).

/** The match statuses from which a student asks for a letter, a referral or a document: under way, or completed. */
export const AFTER_START_MATCH_STATUSES = ["active", "completed"] as const satisfies readonly MatchStatus[];

/** A recommendation letter: asked for, being written, ready to send, or declined by the mentor. */
export const LETTER_STATES = ["requested", "writing", "ready", "declined"] as const;

/** What a letter is for. */
export const LETTER_PURPOSES = ["graduate_school", "jobs", "program"] as const;

/** How a ready letter's text reached the app: written in it, or uploaded as a PDF. */
export const LETTER_FORMATS = ["written", "uploaded"] as const;

/** A referral: asked for, made by the mentor (accepted), or declined. */
export const REFERRAL_STATES = ["requested", "accepted", "declined"] as const;

/** How a mentor referred the student. */
export const REFERRAL_METHODS = ["internal_tool", "email_to_recruiter", "other"] as const;

/** What came of a referral, recorded by either side. */
export const REFERRAL_OUTCOMES = ["submitted", "interviewing", "offer", "not_selected", "no_answer"] as const;

/** A document the platform issues: a verification letter (with hours) or a completion certificate (without). */
export const DOCUMENT_KINDS = ["experience_verification", "completion_certificate"] as const;
