import type { AuthorizationExplanation, Explanation, ScoreExplanation } from "./explanations";
import type { WorkAuthorizationStatus } from "./work-authorization";

// The engine's own shapes — the JSON instance format of `npm run match` (docs/matching.md).
// Dates are YYYY-MM-DD strings; skills map a free-form slug to a level 1–4.

export type StudentCompensation = "paid_only" | "paid_or_stipend" | "any";
export type SlotCompensationKind = "paid" | "stipend" | "unpaid" | "course_credit";
export type WorkModeKind = "remote" | "hybrid" | "onsite";
export type Goal = "mentorship" | "recommendation_letter" | "referral" | "return_offer" | "portfolio_project" | "course_credit";

export type MatchStudent = {
  id: string;
  skills: Record<string, number>;
  workAuthorization: WorkAuthorizationStatus;
  authorizationValidFrom?: string | null;
  authorizationValidUntil?: string | null;
  /** When the student's program ends (graduation), if known: CPT must end by then. */
  programEndDate?: string | null;
  /** F-1: months of full-time CPT already used, if the student said (12 or more end OPT eligibility). */
  cptFullTimeMonthsUsed?: number | null;
  country: string;
  /** Where the student lives, for the place note of an in-person slot (places.ts); matching does not read it. */
  city?: string | null;
  timezone: string;
  availableFrom: string;
  availableWeeks: number;
  maxHoursPerWeek: number;
  /**
   * The most hours a week during term (dates.ts, inTerm), when fewer than maxHoursPerWeek: a
   * slot that runs in term is held to it. Absent: the same as maxHoursPerWeek.
   */
  termHoursPerWeek?: number | null;
  compensation: StudentCompensation;
  workModes: WorkModeKind[];
  goals: Goal[];
  /** Slot ids in the student's own order (starred slots); they come before score order. */
  ranking?: string[];
};

export type MatchSlot = {
  id: string;
  seats: number;
  requiredSkills: Record<string, number>;
  niceSkills: Record<string, number>;
  acceptedWorkAuthorizations: WorkAuthorizationStatus[];
  compensation: SlotCompensationKind;
  country: string;
  workMode: WorkModeKind;
  timezone: string;
  startDate: string;
  weeks: number;
  hoursPerWeek: number;
  offers: Goal[];
  /** Paperwork the organization can provide; when absent it is unknown (a warning, not a conflict). */
  paperwork?: string[];
  /** Canada: a placement the student's academic program requires (done on a study permit since 2026-04-01). */
  requiredPlacement?: boolean;
  /** Student ids in the mentor's own order (shortlist); they come before score order. */
  ranking?: string[];
};

export type MatchInstance = { students: MatchStudent[]; slots: MatchSlot[] };

export type ScoreKey = "required_skills" | "nice_skills" | "goals" | "time_zone" | "dates_and_hours";

export type ScoreComponent = {
  key: ScoreKey;
  points: number;
  max: number;
  /** Why it scored what it did, as a code the message catalogue words. */
  reason: ScoreExplanation;
  /** Full marks because there was nothing to weigh (no skills listed, no goals given, in person). */
  neutral?: boolean;
};

export type PairScore = { score: number; components: ScoreComponent[] };

/** Hard problems rule the pair out; warnings are work-authorization steps to confirm. */
export type Eligibility = { eligible: boolean; problems: Explanation[]; warnings: AuthorizationExplanation[] };
