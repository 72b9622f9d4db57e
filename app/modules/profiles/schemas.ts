import { z } from "zod";
import { COUNTRIES } from "~/domain/labels";
import { STUDENT_GOALS } from "~/domain/vocabulary";
import { COMPENSATION_PREFERENCES, DEGREES, WORK_MODES } from "~/domain/vocabulary";
import { AUTHORIZATION_INFO, WORK_AUTHORIZATIONS } from "~/domain/work-authorization";
import { skillRowsSchema } from "~/modules/skills/schemas";
import { normalizeTimeZone } from "./time-zones";
import type { StudentProfileData } from "./types";

// The student profile form: one schema for the server (parseWithZod) and the browser (Conform).
// Blank fields arrive as undefined (Conform strips empty strings) and are saved as "not said".

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .optional()
    .transform((v) => v || undefined);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as YYYY-MM-DD (what `<input type="date">` sends), between 1950 and 2100. */
export const isoDate = z
  .string()
  .trim()
  .refine((v) => {
    const m = ISO_DATE.exec(v);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    return y >= 1950 && y <= 2100 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  }, "Enter a real date, like 2026-05-31");

const wholeNumber = (min: number, max: number, what: string) =>
  z
    .number({ error: `Enter ${what} as a number` })
    .int(`Enter ${what} as a whole number`)
    .min(min, `Enter ${what} from ${min} to ${max}`)
    .max(max, `Enter ${what} from ${min} to ${max}`)
    .optional();

/**
 * An http(s) address. "github.com/amara" is taken as https://github.com/amara; other schemes
 * (javascript:, ftp:), addresses with a password in them and hosts without a dot are refused.
 */
export function webUrl({ hosts, message = "Enter a web address that starts with https://" }: { hosts?: string[]; message?: string } = {}) {
  return z
    .string()
    .trim()
    .max(300, "Use at most 300 characters")
    .transform((v) => (/^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`))
    .refine((v) => {
      let url: URL;
      try {
        url = new URL(v);
      } catch {
        return false;
      }
      if (url.protocol !== "https:" && url.protocol !== "http:") return false;
      if (url.username || url.password || !url.hostname.includes(".")) return false;
      if (!hosts) return true;
      const host = url.hostname.toLowerCase();
      // On a named site, the address must point at someone's page, not the home page.
      return hosts.some((h) => host === h || host.endsWith(`.${h}`)) && url.pathname.replace(/\/+$/, "").length > 1;
    }, message)
    .optional();
}

const project = z
  .object({
    title: text(120),
    description: text(2000),
    url: webUrl(),
  })
  // why: on the row, so each project's message stays on that project even when others have errors.
  .superRefine((p, ctx) => {
    if (!p.title && !p.description && !p.url) return;
    if (!p.title) ctx.addIssue({ code: "custom", path: ["title"], message: "Give this project a title" });
    if (!p.description) ctx.addIssue({ code: "custom", path: ["description"], message: "Say what you did in this project" });
  });

export const MAX_PROJECTS = 10;

const languages = z
  .string()
  .max(400, "Use at most 400 characters")
  .optional()
  .transform((v) => [...new Set((v ?? "").split(/[,;\n]/).map((l) => l.trim().replace(/\s+/g, " ")).filter(Boolean))])
  .refine((list) => list.length <= 10, "List at most 10 languages")
  .refine((list) => list.every((l) => l.length <= 40), "Keep each language under 40 characters");

// why: the value lists come from the label tables (typed Record<Enum, string>, so complete);
// this file runs in the browser, where db/schema may not be imported.
const countryCodes = COUNTRIES.map((c) => c.code) as [string, ...string[]];

/** The form's fields before the cross-field rules; Conform reads input constraints from it. */
export const ProfileFields = z.object({
    // About you
    school: text(200),
    program: text(200),
    degree: z.enum(DEGREES, { error: "Choose a degree from the list" }).optional(),
    graduationDate: isoDate.optional(),
    coursework: text(2000),
    portfolioUrl: webUrl({ message: "Enter your portfolio's address, like https://amara.dev" }),
    githubUrl: webUrl({ hosts: ["github.com"], message: "Enter your GitHub address, like https://github.com/your-name" }),
    linkedinUrl: webUrl({ hosts: ["linkedin.com"], message: "Enter your LinkedIn address, like https://www.linkedin.com/in/your-name" }),
    languages,
    // Skills and projects
    skills: skillRowsSchema({ max: 30 }),
    projects: z
      .array(project)
      .optional()
      .transform((rows) => (rows ?? []).filter((p) => p.title || p.description || p.url))
      .refine((rows) => rows.length <= MAX_PROJECTS, `List at most ${MAX_PROJECTS} projects`),
    // Where and when
    country: z.enum(countryCodes, { error: "Choose a country from the list" }).optional(),
    city: text(100),
    timezone: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (!v?.trim()) return undefined;
        const zone = normalizeTimeZone(v);
        if (!zone) {
          ctx.addIssue({ code: "custom", message: "Pick a time zone from the list, like America/Toronto" });
          return z.NEVER;
        }
        return zone;
      }),
    availableFrom: isoDate.optional(),
    availableWeeks: wholeNumber(1, 104, "the number of weeks"),
    hoursPerWeekTerm: wholeNumber(0, 80, "the hours"),
    hoursPerWeekBreak: wholeNumber(0, 80, "the hours"),
    workModes: z.array(z.enum(WORK_MODES)).optional().default([]),
    // Work authorization
    workAuthorization: z.enum(WORK_AUTHORIZATIONS, { error: "Choose a status from the list" }).optional(),
    authorizationValidFrom: isoDate.optional(),
    authorizationValidUntil: isoDate.optional(),
    cptFullTimeMonthsUsed: wholeNumber(0, 60, "the months of full-time CPT"),
    shareAuthorization: z.boolean().optional().default(false),
    // What you want
    compensation: z.enum(COMPENSATION_PREFERENCES, { error: "Choose one of the options" }).optional(),
    goals: z
      .array(z.enum(STUDENT_GOALS))
      .optional()
      .default([]),
    // Privacy and matching
    inMatching: z.boolean().optional().default(false),
    visibleToMentors: z.boolean().optional().default(false),
  });

export const ProfileSchema = ProfileFields.refine((p) => !p.authorizationValidFrom || !p.authorizationValidUntil || p.authorizationValidFrom <= p.authorizationValidUntil, {
    message: "The end date must be on or after the start date",
    path: ["authorizationValidUntil"],
  })
  // Dates belong only to statuses that have them (OPT, permits); others drop what was typed.
  .transform((p) => {
    const hasDates = p.workAuthorization ? AUTHORIZATION_INFO[p.workAuthorization].hasDates : false;
    const dated = hasDates ? p : { ...p, authorizationValidFrom: undefined, authorizationValidUntil: undefined };
    // Months of full-time CPT mean something only to a student on CPT.
    return p.workAuthorization === "us_f1_cpt" ? dated : { ...dated, cptFullTimeMonthsUsed: undefined };
  });

export type ProfileInput = z.output<typeof ProfileSchema>;

/** The saved profile as the form's default values (Conform serialises numbers and booleans). */
export function profileFormDefaults(p: StudentProfileData) {
  return {
    school: p.school ?? "",
    program: p.program ?? "",
    degree: p.degree ?? "",
    graduationDate: p.graduationDate ?? "",
    coursework: p.coursework ?? "",
    portfolioUrl: p.portfolioUrl ?? "",
    githubUrl: p.githubUrl ?? "",
    linkedinUrl: p.linkedinUrl ?? "",
    languages: p.languages.join(", "),
    skills: p.skills.map((s) => ({ skill: s.name, level: String(s.level) })),
    projects: p.projects.map((pr) => ({ title: pr.title, description: pr.description, url: pr.url ?? "" })),
    country: p.country ?? "",
    city: p.city ?? "",
    timezone: p.timezone ?? "",
    availableFrom: p.availableFrom ?? "",
    availableWeeks: p.availableWeeks?.toString() ?? "",
    hoursPerWeekTerm: p.hoursPerWeekTerm?.toString() ?? "",
    hoursPerWeekBreak: p.hoursPerWeekBreak?.toString() ?? "",
    workModes: p.workModes,
    workAuthorization: p.workAuthorization ?? "",
    authorizationValidFrom: p.authorizationValidFrom ?? "",
    authorizationValidUntil: p.authorizationValidUntil ?? "",
    cptFullTimeMonthsUsed: p.cptFullTimeMonthsUsed?.toString() ?? "",
    shareAuthorization: p.shareAuthorization ? "on" : "",
    compensation: p.compensation ?? "",
    goals: p.goals,
    inMatching: p.inMatching ? "on" : "",
    visibleToMentors: p.visibleToMentors ? "on" : "",
  };
}
