import { pgEnum } from "drizzle-orm/pg-core";

// The product's shared vocabulary. The same words are used by the matching engine's JSON
// format (docs/matching.md), the modules and the pages.

export const workAuthorization = pgEnum("work_authorization", [
  "us_citizen_pr",
  "us_f1_cpt",
  "us_f1_opt_pre",
  "us_f1_opt_post",
  "us_f1_stem_opt",
  "us_j1_academic_training",
  "us_other_ead",
  "ca_citizen_pr",
  "ca_study_permit",
  "ca_coop_permit",
  "ca_open_work_permit",
  "not_authorized",
]);

export const workMode = pgEnum("work_mode", ["remote", "hybrid", "onsite"]);

/** What a student wants out of an internship, and what a slot gives back. */
export const benefit = pgEnum("benefit", [
  "mentorship",
  "recommendation_letter",
  "referral",
  "return_offer",
  "portfolio_project",
  "course_credit",
]);

export const compensationPreference = pgEnum("compensation_preference", ["paid_only", "paid_or_stipend", "any"]);

export const slotCompensation = pgEnum("slot_compensation", ["paid", "stipend", "unpaid", "course_credit"]);

/** Paperwork an organization can provide for a student's work authorization. */
export const paperwork = pgEnum("paperwork", ["cpt_offer_letter", "everify_i983", "coop_agreement"]);

export type WorkAuthorization = (typeof workAuthorization.enumValues)[number];
export type WorkMode = (typeof workMode.enumValues)[number];
export type Benefit = (typeof benefit.enumValues)[number];
export type CompensationPreference = (typeof compensationPreference.enumValues)[number];
export type SlotCompensation = (typeof slotCompensation.enumValues)[number];
export type Paperwork = (typeof paperwork.enumValues)[number];
