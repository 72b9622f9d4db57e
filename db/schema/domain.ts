import { pgEnum } from "drizzle-orm/pg-core";
// why: a relative path, because drizzle-kit loads the schema without the app's path aliases.
import { BENEFITS, COMPENSATION_PREFERENCES, PAPERWORK, SLOT_COMPENSATIONS, WORK_MODES } from "../../app/domain/vocabulary";
import { WORK_AUTHORIZATIONS } from "../../app/engine/work-authorization";

// The product's shared vocabulary (the values: app/domain/vocabulary.ts). The same words are used
// by the matching engine's JSON format (docs/matching.md), the modules and the pages.

// The engine owns the list (it is pure and cannot import the database); the enum follows it.
export const workAuthorization = pgEnum("work_authorization", WORK_AUTHORIZATIONS);

export const workMode = pgEnum("work_mode", WORK_MODES);

/** What a student wants out of an internship, and what a slot gives back. */
export const benefit = pgEnum("benefit", BENEFITS);

export const compensationPreference = pgEnum("compensation_preference", COMPENSATION_PREFERENCES);

export const slotCompensation = pgEnum("slot_compensation", SLOT_COMPENSATIONS);

/** Paperwork an organization can provide for a student's work authorization. */
export const paperwork = pgEnum("paperwork", PAPERWORK);

export type WorkAuthorization = (typeof workAuthorization.enumValues)[number];
export type WorkMode = (typeof workMode.enumValues)[number];
export type Benefit = (typeof benefit.enumValues)[number];
export type CompensationPreference = (typeof compensationPreference.enumValues)[number];
export type SlotCompensation = (typeof slotCompensation.enumValues)[number];
export type Paperwork = (typeof paperwork.enumValues)[number];
