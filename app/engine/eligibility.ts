import { dayAfterWeeks, fromDay, inTerm, toDay } from "./dates";
import type { Explanation, HoursDuring } from "./explanations";
import type { Eligibility, MatchSlot, MatchStudent } from "./types";
import { authorizationFit } from "./work-authorization";

const ACCEPTED_COMPENSATION = {
  paid_only: ["paid"],
  paid_or_stipend: ["paid", "stipend"],
  any: ["paid", "stipend", "unpaid", "course_credit"],
} as const;

/** What the pair's work authorization means, from the engine's student and slot. */
export function authorizationFitOf(student: MatchStudent, slot: MatchSlot) {
  return authorizationFit(
    {
      workAuthorization: student.workAuthorization,
      validFrom: student.authorizationValidFrom,
      validUntil: student.authorizationValidUntil,
      programEndDate: student.programEndDate,
      cptFullTimeMonthsUsed: student.cptFullTimeMonthsUsed,
    },
    {
      compensation: slot.compensation,
      hoursPerWeek: slot.hoursPerWeek,
      acceptedAuthorizations: slot.acceptedWorkAuthorizations,
      paperwork: slot.paperwork,
      startDate: slot.startDate,
      durationWeeks: slot.weeks,
      country: slot.country,
      requiredPlacement: slot.requiredPlacement,
    },
  );
}

/**
 * The hours a week the student can give this slot: their term-time hours when the slot runs in
 * term and they gave fewer then, otherwise their most. `during` says which, when the two differ.
 */
export function studentHoursFor(student: MatchStudent, slot: MatchSlot): { hours: number; during?: HoursDuring } {
  const term = student.termHoursPerWeek;
  if (term == null || term >= student.maxHoursPerWeek) return { hours: student.maxHoursPerWeek };
  const start = toDay(slot.startDate);
  return inTerm(start, start + slot.weeks * 7) ? { hours: term, during: "term" } : { hours: student.maxHoursPerWeek, during: "breaks" };
}

/**
 * Hard rules first: a pair that fails any is never recommended, proposed or matched.
 * Softer issues (term-time hour caps, paperwork, authorization dates) come back as warnings.
 * `applied`: the student chose this slot by applying, so their own preferences (compensation,
 * work modes) no longer rule it out; the legal rules and what they can do (where, when, how
 * many hours) still do.
 */
export function checkEligibility(student: MatchStudent, slot: MatchSlot, { applied = false }: { applied?: boolean } = {}): Eligibility {
  const fit = authorizationFitOf(student, slot);
  const problems: Explanation[] = [...fit.problems];

  if (!applied && !(ACCEPTED_COMPENSATION[student.compensation] as readonly string[]).includes(slot.compensation)) {
    problems.push({ code: student.compensation === "paid_only" ? "compensation_paid_only" : "compensation_paid_or_stipend", params: {} });
  }
  if (!applied && !student.workModes.includes(slot.workMode)) {
    problems.push({ code: "work_mode_not_chosen", params: { mode: slot.workMode } });
  } else if (slot.workMode !== "remote" && student.country !== slot.country) {
    problems.push({ code: "work_mode_country", params: { mode: slot.workMode, country: slot.country, studentCountry: student.country } });
  }
  if (toDay(student.availableFrom) > toDay(slot.startDate)) {
    problems.push({ code: "starts_before_available", params: { startDate: slot.startDate, availableFrom: student.availableFrom } });
  } else if (dayAfterWeeks(student.availableFrom, student.availableWeeks) < dayAfterWeeks(slot.startDate, slot.weeks)) {
    problems.push({
      code: "ends_after_available",
      params: {
        endDate: fromDay(dayAfterWeeks(slot.startDate, slot.weeks) - 1),
        availableUntil: fromDay(dayAfterWeeks(student.availableFrom, student.availableWeeks) - 1),
      },
    });
  }
  const available = studentHoursFor(student, slot);
  if (slot.hoursPerWeek > available.hours) {
    problems.push({ code: "hours_over", params: { hours: slot.hoursPerWeek, studentHours: available.hours, ...(available.during ? { during: available.during } : {}) } });
  }
  return { eligible: problems.length === 0, problems, warnings: fit.warnings };
}
