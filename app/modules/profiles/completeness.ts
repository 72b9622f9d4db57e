import type { StudentProfileFields } from "./types";

/** The profile page's sections, in page order: each is a link target (`/profile#where-when`). */
export const PROFILE_SECTIONS = [
  { id: "about", title: "About you" },
  { id: "skills", title: "Skills" },
  { id: "projects", title: "Projects and links" },
  { id: "where-when", title: "Where and when" },
  { id: "authorization", title: "Work authorization" },
  { id: "wants", title: "What you want" },
  { id: "privacy", title: "Privacy and matching" },
] as const;
export type ProfileSectionId = (typeof PROFILE_SECTIONS)[number]["id"];

type Check<P = StudentProfileFields> = { missing: string; section: ProfileSectionId; done: (p: P) => boolean };
/** Something the profile still lacks, in the page's words, and the section where it is filled in. */
export type MissingItem = { missing: string; section: ProfileSectionId };

const filled = (v: string | null | undefined) => Boolean(v?.trim());

// What a mentor or the matching engine needs to consider a student, in the words the page uses.
// Optional extras (coursework, authorization dates, privacy choices) do not count.
const CHECKS: Check[] = [
  { missing: "your school", section: "about", done: (p) => filled(p.school) },
  { missing: "your program", section: "about", done: (p) => filled(p.program) },
  { missing: "your degree", section: "about", done: (p) => p.degree !== null },
  { missing: "your graduation date", section: "about", done: (p) => p.graduationDate !== null },
  { missing: "at least one skill", section: "skills", done: (p) => p.skills.length > 0 },
  { missing: "a project", section: "projects", done: (p) => p.projects.length > 0 },
  { missing: "a portfolio, GitHub or LinkedIn link", section: "projects", done: (p) => [p.portfolioUrl, p.githubUrl, p.linkedinUrl].some(filled) },
  { missing: "the languages you speak", section: "about", done: (p) => p.languages.length > 0 },
  { missing: "your country and city", section: "where-when", done: (p) => filled(p.country) && filled(p.city) },
  { missing: "your time zone", section: "where-when", done: (p) => filled(p.timezone) },
  { missing: "when you can start", section: "where-when", done: (p) => p.availableFrom !== null },
  { missing: "for how many weeks", section: "where-when", done: (p) => p.availableWeeks !== null },
  { missing: "your hours per week in term and in breaks", section: "where-when", done: (p) => p.hoursPerWeekTerm !== null && p.hoursPerWeekBreak !== null },
  { missing: "how you can work (remote, hybrid, on site)", section: "where-when", done: (p) => p.workModes.length > 0 },
  { missing: "your work authorization", section: "authorization", done: (p) => p.workAuthorization !== null },
  { missing: "your compensation preference", section: "wants", done: (p) => p.compensation !== null },
  { missing: "what you want out of an internship", section: "wants", done: (p) => p.goals.length > 0 },
];

/** How complete a profile is (0–100) and what is still missing, in plain words, in page order. */
export function profileCompleteness(profile: StudentProfileFields): { percent: number; missing: string[] } {
  const missing = CHECKS.filter((c) => !c.done(profile)).map((c) => c.missing);
  return { percent: Math.round(((CHECKS.length - missing.length) / CHECKS.length) * 100), missing };
}

/** The profile fields matching reads (a row of student_profiles has them all). */
type MatchingFields = Pick<
  StudentProfileFields,
  "country" | "timezone" | "availableFrom" | "availableWeeks" | "hoursPerWeekTerm" | "hoursPerWeekBreak" | "workModes" | "workAuthorization" | "compensation"
>;

// What matching (and so applying) needs: the engine's own test is toMatchStudent
// (app/modules/engine-adapter/instance.server.ts); completeness.test.ts holds the two together.
const MATCHING_CHECKS: Check<MatchingFields>[] = [
  { missing: "your country", section: "where-when", done: (p) => filled(p.country) },
  { missing: "your time zone", section: "where-when", done: (p) => filled(p.timezone) },
  { missing: "when you can start", section: "where-when", done: (p) => p.availableFrom !== null },
  { missing: "for how many weeks", section: "where-when", done: (p) => Boolean(p.availableWeeks) },
  { missing: "your hours per week (in term or in breaks)", section: "where-when", done: (p) => Math.max(p.hoursPerWeekTerm ?? 0, p.hoursPerWeekBreak ?? 0) > 0 },
  { missing: "how you can work (remote, hybrid, on site)", section: "where-when", done: (p) => p.workModes.length > 0 },
  { missing: "your work authorization", section: "authorization", done: (p) => p.workAuthorization !== null },
  { missing: "your compensation preference", section: "wants", done: (p) => p.compensation !== null },
];

/** What the profile lacks before the student can apply or be matched, in page order, each with its section; empty when nothing. */
export function missingForMatching(profile: MatchingFields | null): MissingItem[] {
  return MATCHING_CHECKS.filter((c) => !profile || !c.done(profile)).map(({ missing, section }) => ({ missing, section }));
}

/** A profile with nothing filled in yet. */
export const EMPTY_PROFILE: StudentProfileFields = {
  school: null,
  program: null,
  degree: null,
  graduationDate: null,
  coursework: null,
  portfolioUrl: null,
  githubUrl: null,
  linkedinUrl: null,
  languages: [],
  country: null,
  city: null,
  timezone: null,
  availableFrom: null,
  availableWeeks: null,
  hoursPerWeekTerm: null,
  hoursPerWeekBreak: null,
  workModes: [],
  workAuthorization: null,
  authorizationValidFrom: null,
  authorizationValidUntil: null,
  cptFullTimeMonthsUsed: null,
  shareAuthorization: false,
  compensation: null,
  goals: [],
  inMatching: false,
  visibleToMentors: false,
  skills: [],
  projects: [],
};
