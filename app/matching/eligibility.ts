import { dayAfterWeeks, fromDay, toDay } from "./dates";
import type { Eligibility, MatchSlot, MatchStudent } from "./types";
import { authorizationFit } from "./work-authorization";
import { WORK_MODE_NAMES } from "./words";

const ACCEPTED_COMPENSATION = {
  paid_only: ["paid"],
  paid_or_stipend: ["paid", "stipend"],
  any: ["paid", "stipend", "unpaid", "course_credit"],
} as const;

/**
 * Hard rules first: a pair that fails any is never recommended, proposed or matched.
 * Softer issues (term-time hour caps, paperwork, authorization dates) come back as warnings.
 */
/** What the pair's work authorization means, from the engine's student and slot. */
export function authorizationFitOf(student: MatchStudent, slot: MatchSlot) {
  return authorizationFit(
    { workAuthorization: student.workAuthorization, validFrom: student.authorizationValidFrom, validUntil: student.authorizationValidUntil },
    {
      compensation: slot.compensation,
      hoursPerWeek: slot.hoursPerWeek,
      acceptedAuthorizations: slot.acceptedWorkAuthorizations,
      paperwork: slot.paperwork,
      startDate: slot.startDate,
      durationWeeks: slot.weeks,
    },
  );
}

export function checkEligibility(student: MatchStudent, slot: MatchSlot): Eligibility {
  const fit = authorizationFitOf(student, slot);
  const problems = [...fit.problems];

  if (!(ACCEPTED_COMPENSATION[student.compensation] as readonly string[]).includes(slot.compensation)) {
    problems.push(
      student.compensation === "paid_only"
        ? "You asked for paid internships only."
        : "You asked for paid or stipend internships only.",
    );
  }
  if (!student.workModes.includes(slot.workMode)) {
    problems.push(`The slot is ${WORK_MODE_NAMES[slot.workMode]}, which you did not choose.`);
  } else if (slot.workMode !== "remote" && student.country !== slot.country) {
    problems.push(`The slot is ${WORK_MODE_NAMES[slot.workMode]} in ${slot.country}, and you are in ${student.country}.`);
  }
  if (toDay(student.availableFrom) > toDay(slot.startDate)) {
    problems.push(`The slot starts on ${slot.startDate}, before you are available (${student.availableFrom}).`);
  } else if (dayAfterWeeks(student.availableFrom, student.availableWeeks) < dayAfterWeeks(slot.startDate, slot.weeks)) {
    problems.push(
      `The slot runs until ${fromDay(dayAfterWeeks(slot.startDate, slot.weeks) - 1)}, after your availability ends (${fromDay(dayAfterWeeks(student.availableFrom, student.availableWeeks) - 1)}).`,
    );
  }
  if (slot.hoursPerWeek > student.maxHoursPerWeek) {
    problems.push(`The slot asks ${slot.hoursPerWeek} hours a week; you have ${student.maxHoursPerWeek}.`);
  }
  return { eligible: problems.length === 0, problems, warnings: fit.warnings };
}
