import { IntlMessageFormat } from "intl-messageformat";
import { TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { countryName } from "~/domain/labels";
import { formatDay } from "~/modules/slots/format";
import { skillName } from "~/domain/skill-names";
import { AUTHORIZATION_INFO } from "~/domain/work-authorization";
import type { Explanation, ExplanationCode } from "~/engine/explanations";
import { withinReach } from "~/engine/places";
import type { WorkAuthorizationStatus } from "~/engine/work-authorization";
import {
  EXPLANATION_MESSAGES,
  FRAME_MESSAGES,
  GOAL_WORDS,
  ORGANIZATION_DOCUMENTS_MESSAGE,
  PRIVATE_AUTHORIZATION_MESSAGES,
  RECOMMENDATION_MESSAGES,
  STATUS_STEP_MESSAGES,
  WORK_MODE_WORDS,
} from "./catalogue";

// Turns codes into sentences for one audience. Pure and browser-safe. The only way engine
// explanations become words: nothing rewrites a sentence written for another audience.

/**
 * Who reads a sentence. `student`: the student themselves ("you"); `stage: "matched"` after the
 * introduction. `mentor`, `admin` and `introduction` (the joint email to the student and the
 * mentors) read about the student by `name` (a first name; null: "the student"). Which codes each
 * audience may be given is decided in audiences.ts, not here.
 */
export type Voice =
  | { audience: "student"; stage?: "browsing" | "matched" }
  | { audience: "mentor" | "admin" | "introduction"; name: string | null };

/** `en`, or `en-XA`: a pseudo-locale that marks every catalogue word, to find text that bypassed the catalogue. */
export type Locale = "en" | "en-XA";
export const PSEUDO_LOCALE: Locale = "en-XA";

const compiled = new Map<string, IntlMessageFormat>();

function format(message: string, values: Record<string, string | number>, locale: Locale) {
  const key = `${locale}\u0000${message}`;
  let mf = compiled.get(key);
  if (!mf) {
    const base = new IntlMessageFormat(message, "en");
    mf = locale === PSEUDO_LOCALE ? new IntlMessageFormat(pseudoElements(base.getAst()), "en") : base;
    compiled.set(key, mf);
  }
  const out = mf.format(values);
  if (typeof out !== "string") throw new Error("A catalogue message produced rich text");
  return locale === PSEUDO_LOCALE ? `[${out}]` : out;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const distanceNumber = new Intl.NumberFormat("en");
const conjunction = new Intl.ListFormat("en", { style: "long", type: "conjunction" });
const disjunction = new Intl.ListFormat("en", { style: "long", type: "disjunction" });

const zoneNames = new Map<string, string>();
/** "Pacific Time" for America/Los_Angeles; the zone id when Intl has no name for it. */
function zoneName(zone: string) {
  let name = zoneNames.get(zone);
  if (name === undefined) {
    try {
      const part = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longGeneric" }).formatToParts(new Date(0)).find((p) => p.type === "timeZoneName");
      name = part?.value ?? zone;
    } catch {
      name = zone;
    }
    zoneNames.set(zone, name);
  }
  return name;
}

/** A country as a sentence says it: "the United States", "the Philippines", "Canada". */
function countryInSentence(code: string) {
  const name = countryName(code);
  return /^(United |Czech |Dominican |Central African )|^(Philippines|Netherlands|Bahamas|Gambia|Maldives|Comoros|Seychelles)$/.test(name) ? `the ${name}` : name;
}
const skillList = (slugs: readonly string[]) => conjunction.format(slugs.map(skillName));
const statusShort = (status: WorkAuthorizationStatus) => AUTHORIZATION_INFO[status].short;

/** The ICU arguments of an explanation: its params, worded (names for slugs, dates, lists). */
export function argumentsOf(e: Explanation): Record<string, string | number> {
  switch (e.code) {
    case "required_skills":
      return {
        total: e.params.total,
        coveredCount: e.params.covered.length,
        covered: skillList(e.params.covered),
        belowCount: e.params.below.length,
        below: skillList(e.params.below),
        missingCount: e.params.missing.length,
        missing: skillList(e.params.missing),
      };
    case "nice_skills":
      return { total: e.params.total, hasCount: e.params.has.length, has: skillList(e.params.has) };
    case "goals":
      return {
        metCount: e.params.met.length,
        met: conjunction.format(e.params.met.map((g) => GOAL_WORDS[g])),
        unmetCount: e.params.unmet.length,
        unmetAny: disjunction.format(e.params.unmet.map((g) => GOAL_WORDS[g])),
      };
    case "time_zone_overlap":
      return { hours: e.params.hours, zone: zoneName(e.params.zone) };
    case "time_zone_none":
      return { zone: zoneName(e.params.zone) };
    case "dates_and_hours":
    case "hours_over":
      // A code stored before `during` existed, or hours the same in term and breaks: no "in term".
      return { ...e.params, during: e.params.during ?? "any" };
    case "place_same_city":
      return { Mode: capitalize(WORK_MODE_WORDS[e.params.mode]), city: e.params.city };
    case "place_other_city":
      return { Mode: capitalize(WORK_MODE_WORDS[e.params.mode]), city: e.params.city, studentCity: e.params.studentCity };
    case "place_distance":
      return {
        Mode: capitalize(WORK_MODE_WORDS[e.params.mode]),
        city: e.params.city,
        studentCity: e.params.studentCity,
        distance: `${distanceNumber.format(e.params.km)} km (${distanceNumber.format(Math.round(e.params.km * 0.621371 / 5) * 5)} miles)`,
        near: withinReach(e) ? "yes" : "no",
      };
    case "work_mode_not_chosen":
      return { mode: WORK_MODE_WORDS[e.params.mode] };
    case "work_mode_country":
      return { mode: WORK_MODE_WORDS[e.params.mode], country: countryInSentence(e.params.country), studentCountry: countryInSentence(e.params.studentCountry) };
    case "starts_before_available":
      return { startDate: formatDay(e.params.startDate), availableFrom: formatDay(e.params.availableFrom) };
    case "ends_after_available":
      return { endDate: formatDay(e.params.endDate), availableUntil: formatDay(e.params.availableUntil) };
    case "auth_not_accepted":
      return { statusCode: e.params.status, status: statusShort(e.params.status) };
    case "status_other_country":
      return { status: statusShort(e.params.status), statusCountry: countryInSentence(AUTHORIZATION_INFO[e.params.status].country ?? ""), country: countryInSentence(e.params.country) };
    case "cpt_after_program_end":
      return { endDate: formatDay(e.params.endDate), programEndDate: formatDay(e.params.programEndDate) };
    case "auth_starts_after":
      return { validFrom: formatDay(e.params.validFrom), startDate: formatDay(e.params.startDate) };
    case "auth_ends_before":
      return { validUntil: formatDay(e.params.validUntil), endDate: formatDay(e.params.endDate) };
    default:
      return { ...(e.params as Record<string, number>) };
  }
}


function voiceArguments(voice: Voice): Record<string, string> {
  if (voice.audience === "student") return { audience: "student", stage: voice.stage ?? "browsing" };
  const name = voice.name?.trim() || "the student";
  return { audience: voice.audience, name, Name: capitalize(name) };
}

function pick(messages: { you: string; they: string }, voice: Voice) {
  return voice.audience === "student" ? messages.you : messages.they;
}

/** One explanation, worded for one audience. */
export function renderExplanation(e: Explanation, voice: Voice, locale: Locale = "en") {
  const messages: { you: string; they: string } | undefined = (EXPLANATION_MESSAGES as Record<ExplanationCode, { you: string; they: string }>)[e.code];
  if (!messages) throw new Error(`No message for the code ${e.code}`);
  return format(pick(messages, voice), { ...argumentsOf(e), ...voiceArguments(voice) }, locale);
}

/** Whether a status asks for a step before any first day (every status but citizens' and permanent residents'). */
export const hasStatusStep = (status: WorkAuthorizationStatus) => status in STATUS_STEP_MESSAGES;

/** The step a status asks for before any first day; null for statuses that need none. */
export function renderStatusStep(status: WorkAuthorizationStatus, voice: Voice, locale: Locale = "en") {
  const messages = (STATUS_STEP_MESSAGES as Partial<Record<WorkAuthorizationStatus, { you: string; they: string }>>)[status];
  return messages ? format(pick(messages, voice), voiceArguments(voice), locale) : null;
}

export type PrivateFit = keyof typeof PRIVATE_AUTHORIZATION_MESSAGES;

/** A mentor's line about a private status: fits, fits with steps to confirm, or does not fit. */
export function renderPrivateFit(fit: PrivateFit, name: string | null, locale: Locale = "en") {
  return format(PRIVATE_AUTHORIZATION_MESSAGES[fit], voiceArguments({ audience: "mentor", name }), locale);
}

/** "A stretch: …", on a recommendation that covers none of the slot's `total` required skills at the level asked. */
export function renderStretch(total: number, locale: Locale = "en") {
  return format(RECOMMENDATION_MESSAGES.stretch, { total }, locale);
}

export type Frame = keyof typeof FRAME_MESSAGES;

/** A frame around explanations on a page ("To confirm before a start date: …"), about the student by `name`. */
export function renderFrame(frame: Frame, values: Record<string, string>, name: string | null = null, locale: Locale = "en") {
  return format(FRAME_MESSAGES[frame], { ...voiceArguments({ audience: "mentor", name }), ...values }, locale);
}

/** "Nothing to confirm for work authorization." */
export const nothingToConfirm = () => renderFrame("nothing_to_confirm", {});

/** What the organization may be asked for before a start date, for any status. */
export function renderOrganizationDocuments(name: string | null, organization: string, locale: Locale = "en") {
  return format(ORGANIZATION_DOCUMENTS_MESSAGE, { ...voiceArguments({ audience: "mentor", name }), organization }, locale);
}

// Pseudo-locale ---------------------------------------------------------------------------------

const ACCENTED: Record<string, string> = Object.fromEntries(
  [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"].map((c, i) => [c, [..."àƀçđéƒĝĥíĵķľɱñóþʠŕšţúṽŵẋýžÀƁÇĐÉƑĜĤÍĴĶĽṀÑÓÞǪŔŠŢÚṼŴẊÝŽ"][i]!]),
);

/** The message with every literal letter accented; arguments and plural/select structure untouched. */
function pseudoElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: [...el.value].map((c) => ACCENTED[c] ?? c).join("") };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      return { ...el, options: Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: pseudoElements(o.value) }])) };
    }
    return el;
  });
}
