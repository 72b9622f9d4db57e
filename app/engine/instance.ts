import { z } from "zod";
import { BENEFITS, COMPENSATION_PREFERENCES, PAPERWORK, SLOT_COMPENSATIONS, WORK_MODES } from "../domain/vocabulary";
import { isIsoDate } from "./dates";
import { isTimeZone } from "./timezone";
import type { MatchInstance } from "./types";
import { WORK_AUTHORIZATIONS } from "./work-authorization";

// The JSON instance format of `npm run match` (docs/matching.md), checked record by record so
// an error names the record and the field.

const date = z.string().refine(isIsoDate, "must be a date like 2027-05-17");
const zone = z.string().refine(isTimeZone, "must be an IANA time zone like America/New_York");
const level = z.number().int().min(1).max(4);
const skills = z.record(z.string().min(1), level);
const goal = z.enum(BENEFITS);
const mode = z.enum(WORK_MODES);
const country = z.string().regex(/^[A-Z]{2}$/, "must be a two-letter country code like US");
const ids = z.array(z.string().min(1));

const student = z.object({
  id: z.string().min(1),
  skills,
  workAuthorization: z.enum(WORK_AUTHORIZATIONS),
  authorizationValidFrom: date.nullish(),
  authorizationValidUntil: date.nullish(),
  programEndDate: date.nullish(),
  cptFullTimeMonthsUsed: z.number().int().min(0).max(60).nullish(),
  country,
  timezone: zone,
  availableFrom: date,
  availableWeeks: z.number().int().min(1).max(104),
  maxHoursPerWeek: z.number().min(0).max(80),
  termHoursPerWeek: z.number().min(0).max(80).nullish(),
  city: z.string().max(100).nullish(),
  compensation: z.enum(COMPENSATION_PREFERENCES),
  workModes: z.array(mode).min(1),
  goals: z.array(goal).default([]),
  ranking: ids.optional(),
});

const slot = z.object({
  id: z.string().min(1),
  seats: z.number().int().min(1),
  requiredSkills: skills.default({}),
  niceSkills: skills.default({}),
  acceptedWorkAuthorizations: z.array(z.enum(WORK_AUTHORIZATIONS)).min(1),
  compensation: z.enum(SLOT_COMPENSATIONS),
  country,
  workMode: mode,
  timezone: zone,
  startDate: date,
  weeks: z.number().int().min(1).max(104),
  hoursPerWeek: z.number().min(1).max(80),
  offers: z.array(goal).default([]),
  paperwork: z.array(z.enum(PAPERWORK)).optional(),
  requiredPlacement: z.boolean().optional(),
  ranking: ids.optional(),
});

export type InstanceProblem = string;

function describe(kind: "students" | "slots", index: number, record: unknown, issue: z.core.$ZodIssue) {
  const id = record && typeof record === "object" && "id" in record && typeof record.id === "string" ? ` (id "${record.id}")` : "";
  const field = issue.path.length ? issue.path.map(String).join(".") : "(the record)";
  let message = issue.message;
  if (issue.code === "invalid_value" && "values" in issue) message = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
  if (valueAt(record, issue.path) === undefined) message = "is missing";
  return `${kind}[${index}]${id}: ${field}: ${message}`;
}

function valueAt(record: unknown, path: PropertyKey[]) {
  let value: unknown = record;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Checks an instance: the parsed instance, or every problem found (record, field, what is wrong). */
export function parseInstance(input: unknown): { ok: true; instance: MatchInstance } | { ok: false; problems: InstanceProblem[] } {
  if (!input || typeof input !== "object" || Array.isArray(input)) return { ok: false, problems: ['the file must hold an object with "students" and "slots" arrays'] };
  const raw = input as { students?: unknown; slots?: unknown };
  const problems: string[] = [];
  if (!Array.isArray(raw.students)) problems.push('"students" must be an array');
  if (!Array.isArray(raw.slots)) problems.push('"slots" must be an array');
  if (problems.length) return { ok: false, problems };

  const parse = <T>(kind: "students" | "slots", schema: z.ZodType<T>, records: unknown[]) => {
    const out: T[] = [];
    const seen = new Map<string, number>();
    records.forEach((record, index) => {
      const id = valueAt(record, ["id"]);
      if (typeof id === "string") {
        if (seen.has(id)) problems.push(`${kind}[${index}] (id "${id}"): id: duplicates ${kind}[${seen.get(id)}]`);
        else seen.set(id, index);
      }
      const result = schema.safeParse(record);
      if (!result.success) {
        for (const issue of result.error.issues) problems.push(describe(kind, index, record, issue));
        return;
      }
      out.push(result.data);
    });
    return out;
  };
  const students = parse("students", student, raw.students as unknown[]);
  const slots = parse("slots", slot, raw.slots as unknown[]);
  students.forEach((s, i) => {
    if (s.authorizationValidFrom && s.authorizationValidUntil && s.authorizationValidFrom > s.authorizationValidUntil) {
      problems.push(`students[${i}] (id "${s.id}"): authorizationValidUntil: is before authorizationValidFrom`);
    }
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, instance: { students, slots } };
}
