import fc from "fast-check";
import { SLOT_OFFERS } from "../domain/vocabulary";
import type { MatchInstance, MatchSlot, MatchStudent } from "./types";
import { WORK_AUTHORIZATIONS } from "./work-authorization";

// Random small instances for the property tests: a narrow vocabulary so pairs collide often.
const SKILLS = ["typescript", "react", "sql", "python", "go", "docker"];
const ZONES = ["America/New_York", "America/Los_Angeles", "America/Toronto", "Asia/Kolkata", "Europe/Berlin"];
const GOALS = ["mentorship", "recommendation_letter", "referral", "return_offer", "portfolio_project"] as const;
const date = fc.integer({ min: 0, max: 120 }).map((d) => new Date(Date.UTC(2027, 3, 1) + d * 86_400_000).toISOString().slice(0, 10));
const skills = (max: number) =>
  fc.uniqueArray(fc.constantFrom(...SKILLS), { maxLength: max }).chain((names) =>
    fc.tuple(...names.map(() => fc.integer({ min: 1, max: 4 }))).map((levels) => Object.fromEntries(names.map((n, i) => [n, levels[i]!]))),
  );

export const studentArb = (id: string, slotIds: string[]): fc.Arbitrary<MatchStudent> =>
  fc.record({
    id: fc.constant(id),
    skills: skills(5),
    workAuthorization: fc.constantFrom(...WORK_AUTHORIZATIONS),
    country: fc.constantFrom("US", "CA"),
    timezone: fc.constantFrom(...ZONES),
    availableFrom: date,
    availableWeeks: fc.integer({ min: 8, max: 40 }),
    maxHoursPerWeek: fc.integer({ min: 10, max: 40 }),
    termHoursPerWeek: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    compensation: fc.constantFrom("paid_only", "paid_or_stipend", "any"),
    workModes: fc.uniqueArray(fc.constantFrom("remote", "hybrid", "onsite"), { minLength: 1 }),
    goals: fc.uniqueArray(fc.constantFrom(...GOALS), { maxLength: 3 }),
    ranking: fc.option(fc.uniqueArray(fc.constantFrom(...(slotIds.length ? slotIds : ["none"])), { maxLength: 3 }), { nil: undefined }),
  });

export const slotArb = (id: string, studentIds: string[]): fc.Arbitrary<MatchSlot> =>
  fc.record({
    id: fc.constant(id),
    seats: fc.integer({ min: 1, max: 3 }),
    requiredSkills: skills(3),
    niceSkills: skills(2),
    acceptedWorkAuthorizations: fc.uniqueArray(fc.constantFrom(...WORK_AUTHORIZATIONS), { minLength: 1 }),
    compensation: fc.constantFrom("paid", "stipend", "unpaid", "course_credit"),
    country: fc.constantFrom("US", "CA"),
    workMode: fc.constantFrom("remote", "hybrid", "onsite"),
    timezone: fc.constantFrom(...ZONES),
    startDate: date,
    weeks: fc.integer({ min: 4, max: 16 }),
    hoursPerWeek: fc.integer({ min: 10, max: 40 }),
    offers: fc.uniqueArray(fc.constantFrom(...SLOT_OFFERS), { maxLength: 3 }),
    paperwork: fc.option(fc.uniqueArray(fc.constantFrom("cpt_offer_letter", "everify_i983", "coop_agreement")), { nil: undefined }),
    ranking: fc.option(fc.uniqueArray(fc.constantFrom(...(studentIds.length ? studentIds : ["none"])), { maxLength: 3 }), { nil: undefined }),
  });

export const instanceArb: fc.Arbitrary<MatchInstance> = fc
  .tuple(fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 8 }))
  .chain(([studentCount, slotCount]) => {
    const studentIds = Array.from({ length: studentCount }, (_, i) => `s${i}`);
    const slotIds = Array.from({ length: slotCount }, (_, i) => `t${i}`);
    return fc.record({
      students: fc.tuple(...studentIds.map((id) => studentArb(id, slotIds))),
      slots: fc.tuple(...slotIds.map((id) => slotArb(id, studentIds))),
    });
  })
  .map(({ students, slots }) => ({ students: [...students], slots: [...slots] }));

/**
 * Fewer students against more slots with widely spread dates and hours: enough slots for
 * the bitsets to span several words, and more distinct dates and hours than the compiled
 * threshold sets keep exactly.
 */
export const wideInstanceArb: fc.Arbitrary<MatchInstance> = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 40, max: 160 }))
  .chain(([studentCount, slotCount]) => {
    const studentIds = Array.from({ length: studentCount }, (_, i) => `s${i}`);
    const slotIds = Array.from({ length: slotCount }, (_, i) => `t${i}`);
    const wideDate = fc.integer({ min: 0, max: 400 }).map((d) => new Date(Date.UTC(2027, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    return fc.record({
      students: fc.tuple(...studentIds.map((id) => studentArb(id, slotIds).chain((s) => fc.record({ availableFrom: wideDate, availableWeeks: fc.integer({ min: 4, max: 60 }), maxHoursPerWeek: fc.integer({ min: 1, max: 80 }) }).map((w) => ({ ...s, ...w }))))),
      slots: fc.tuple(...slotIds.map((id) => slotArb(id, studentIds).chain((t) => fc.record({ startDate: wideDate, weeks: fc.integer({ min: 1, max: 52 }), hoursPerWeek: fc.integer({ min: 1, max: 80 }) }).map((w) => ({ ...t, ...w }))))),
    });
  })
  .map(({ students, slots }) => ({ students: [...students], slots: [...slots] }));
