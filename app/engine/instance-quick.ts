import { BENEFITS, COMPENSATION_PREFERENCES, PAPERWORK, SLOT_COMPENSATIONS, WORK_MODES } from "../domain/vocabulary";
import { isIsoDate } from "./dates";
import { isTimeZone } from "./timezone";
import type { MatchInstance, MatchSlot, MatchStudent } from "./types";
import { WORK_AUTHORIZATIONS } from "./work-authorization";

// parseInstance (instance.ts) for instances of tens of thousands of records: the same rules,
// checked by hand on the records as JSON.parse made them, with each distinct date and time zone
// checked once. It only ever says yes to what parseInstance accepts; anything it is unsure of —
// every problem — goes to parseInstance, so the messages are the schema's own. The records it
// accepts are the input's own objects with the schema's defaults filled in (goals, offers and
// skills absent: empty); fields the schema does not know are left on them, where the engine
// never reads them. instance-quick.test.ts holds the two together; change both with the schema.

const authorizations = new Set<string>(WORK_AUTHORIZATIONS);
const studentCompensations = new Set<string>(COMPENSATION_PREFERENCES);
const slotCompensations = new Set<string>(SLOT_COMPENSATIONS);
const modes = new Set<string>(WORK_MODES);
const goals = new Set<string>(BENEFITS);
const paperwork = new Set<string>(PAPERWORK);
const COUNTRY = /^[A-Z]{2}$/;

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw => value !== null && typeof value === "object" && !Array.isArray(value);
const isText = (value: unknown, min = 1, max = Infinity): value is string => typeof value === "string" && value.length >= min && value.length <= max;
const isNumber = (value: unknown, min: number, max: number) => typeof value === "number" && value >= min && value <= max;
const isWhole = (value: unknown, min: number, max: number) => Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
const isOneOf = (set: Set<string>, value: unknown) => typeof value === "string" && set.has(value);
const isCountry = (value: unknown) => typeof value === "string" && COUNTRY.test(value);

function everyOneOf(set: Set<string>, value: unknown, min = 0) {
  if (!Array.isArray(value) || value.length < min) return false;
  for (const item of value) if (!isOneOf(set, item)) return false;
  return true;
}

function isIds(value: unknown) {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (!isText(item)) return false;
  return true;
}

function isSkills(value: unknown) {
  if (!isRecord(value)) return false;
  for (const key in value) {
    // why: a key an object literal treats specially is left to the schema.
    if (key === "" || key === "__proto__" || !Object.hasOwn(value, key) || !isWhole(value[key], 1, 4)) return false;
  }
  return true;
}

function checker() {
  const dates = new Map<string, boolean>();
  const zones = new Map<string, boolean>();
  const isDate = (value: unknown) => {
    if (typeof value !== "string") return false;
    let ok = dates.get(value);
    if (ok === undefined) dates.set(value, (ok = isIsoDate(value)));
    return ok;
  };
  const isDateOrNothing = (value: unknown) => value == null || isDate(value);
  const isZone = (value: unknown) => {
    if (typeof value !== "string") return false;
    let ok = zones.get(value);
    if (ok === undefined) zones.set(value, (ok = isTimeZone(value)));
    return ok;
  };

  const student = (raw: unknown) => {
    if (!isRecord(raw)) return false;
    if (
      !isText(raw.id) ||
      !isSkills(raw.skills) ||
      !isOneOf(authorizations, raw.workAuthorization) ||
      !isDateOrNothing(raw.authorizationValidFrom) ||
      !isDateOrNothing(raw.authorizationValidUntil) ||
      !isDateOrNothing(raw.programEndDate) ||
      !(raw.cptFullTimeMonthsUsed == null || isWhole(raw.cptFullTimeMonthsUsed, 0, 60)) ||
      !isCountry(raw.country) ||
      !isZone(raw.timezone) ||
      !isDate(raw.availableFrom) ||
      !isWhole(raw.availableWeeks, 1, 104) ||
      !isNumber(raw.maxHoursPerWeek, 0, 80) ||
      !(raw.termHoursPerWeek == null || isNumber(raw.termHoursPerWeek, 0, 80)) ||
      !(raw.city == null || isText(raw.city, 0, 100)) ||
      !isOneOf(studentCompensations, raw.compensation) ||
      !everyOneOf(modes, raw.workModes, 1) ||
      !(raw.goals === undefined || everyOneOf(goals, raw.goals)) ||
      !(raw.ranking === undefined || isIds(raw.ranking))
    ) {
      return false;
    }
    if (raw.authorizationValidFrom && raw.authorizationValidUntil && (raw.authorizationValidFrom as string) > (raw.authorizationValidUntil as string)) return false;
    if (raw.goals === undefined) raw.goals = [];
    return true;
  };

  const slot = (raw: unknown) => {
    if (!isRecord(raw)) return false;
    if (
      !isText(raw.id) ||
      !isWhole(raw.seats, 1, Number.MAX_SAFE_INTEGER) ||
      !(raw.requiredSkills === undefined || isSkills(raw.requiredSkills)) ||
      !(raw.niceSkills === undefined || isSkills(raw.niceSkills)) ||
      !everyOneOf(authorizations, raw.acceptedWorkAuthorizations, 1) ||
      !isOneOf(slotCompensations, raw.compensation) ||
      !isCountry(raw.country) ||
      !isOneOf(modes, raw.workMode) ||
      !isZone(raw.timezone) ||
      !isDate(raw.startDate) ||
      !isWhole(raw.weeks, 1, 104) ||
      !isNumber(raw.hoursPerWeek, 1, 80) ||
      !(raw.offers === undefined || everyOneOf(goals, raw.offers)) ||
      !(raw.paperwork === undefined || everyOneOf(paperwork, raw.paperwork)) ||
      !(raw.requiredPlacement === undefined || typeof raw.requiredPlacement === "boolean") ||
      !(raw.ranking === undefined || isIds(raw.ranking))
    ) {
      return false;
    }
    if (raw.requiredSkills === undefined) raw.requiredSkills = {};
    if (raw.niceSkills === undefined) raw.niceSkills = {};
    if (raw.offers === undefined) raw.offers = [];
    return true;
  };

  return { student, slot };
}

function unique(records: { id: string }[]) {
  const seen = new Set<string>();
  for (const { id } of records) {
    if (seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}

/**
 * The instance when every record passes the quick check; null when the schema must decide.
 * Fills the schema's defaults into the input's records, so parseInstance reads them the same.
 */
export function quickInstance(input: unknown): MatchInstance | null {
  if (!isRecord(input)) return null;
  const { students, slots } = input;
  if (!Array.isArray(students) || !Array.isArray(slots)) return null;
  const check = checker();
  for (const record of students) if (!check.student(record)) return null;
  for (const record of slots) if (!check.slot(record)) return null;
  if (!unique(students as MatchStudent[]) || !unique(slots as MatchSlot[])) return null;
  return { students: students as MatchStudent[], slots: slots as MatchSlot[] };
}
