// What the admin's view of the program (/admin/insights) shows, as data: the queries in this
// folder return these shapes and the page and its charts render them. Safe in the browser.
import type { InsightFilters } from "./filters";

/**
 * A count of people as shown: null when hidden — fewer than MIN_CELL ("fewer than 5"); in an
 * outcome breakdown also a count that would let such a one be worked out (suppressColumn), and
 * there every hidden count reads the same ("hidden").
 */
export type PeopleCount = number | null;

export const FUNNEL_STEPS = [
  "signed_up",
  "profile_complete",
  "applied_or_in_round",
  "proposed",
  "introduced",
  "confirmed",
  "active",
  "completed",
  "letter_or_referral",
  "paid_work_within_6_months",
] as const;
export type FunnelStepKey = (typeof FUNNEL_STEPS)[number];

export type FunnelStep = {
  key: FunnelStepKey;
  /** Distinct students who reached this step (whatever happened after), hidden under MIN_CELL. */
  people: PeopleCount;
  /** people ÷ the previous step's people, 0–1; null for the first step or when either is hidden or zero. */
  fromPrevious: number | null;
  /** people ÷ the first step's people, 0–1; null when either is hidden or zero. */
  fromStart: number | null;
};

/** One kind of slot and what its completed internships led to. */
export type OutcomeRow = {
  key: string;
  label: string;
  /** Students whose internship of this kind is complete. */
  completed: PeopleCount;
  /** Of them, how many answered a 3- or 6-month follow-up. */
  answered: PeopleCount;
  /** Of them, how many had a paid internship or a full-time offer within 6 months (a follow-up said so). */
  paidWork: PeopleCount;
  /** paidWork ÷ answered, 0–1; null when either is hidden or zero. */
  paidWorkShare: number | null;
  /** Of the completed, how many got a return offer (recorded at completion). */
  returnOffers: PeopleCount;
  /** Of the completed, how many had a letter delivered or a referral accepted. */
  letterOrReferral: PeopleCount;
};

export type OutcomeBreakdowns = {
  byCompensation: OutcomeRow[];
  byOrganizationType: OutcomeRow[];
  /** By the share of its promises the slot kept: all, some, none; and "no promises recorded". */
  byPromisesKept: OutcomeRow[];
};

/** What needs an admin now. Rows name people: they are for acting on, and only admins read them. */
export type ProgramHealth = {
  stalled: { total: number; rows: { matchId: string; studentName: string; slotTitle: string; organizationName: string; silentDays: number }[] };
  /** Mentors with applications waiting more than SLOW_REPLY_DAYS for a first answer. */
  slowMentors: { total: number; rows: { mentorId: string; name: string; organizationName: string | null; waiting: number; oldestDays: number }[] };
  /** Open slots with no application and their deadline within a week. */
  unappliedSlots: { total: number; rows: { slotId: string; title: string; organizationName: string; deadline: string; daysLeft: number }[] };
  /** Emails that failed in the last 7 days, and emails queued for over an hour. */
  emails: { failedLastWeek: number; stuckQueued: number; rows: { id: string; subject: string; to: string[]; lastError: string | null; createdAt: Date }[] };
};

export type Insights = {
  filters: InsightFilters;
  funnel: FunnelStep[];
  outcomes: OutcomeBreakdowns;
  health: ProgramHealth;
};
