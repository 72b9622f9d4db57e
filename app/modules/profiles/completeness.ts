import type { StudentProfileFields } from "./types";

type Check = { missing: string; done: (p: StudentProfileFields) => boolean };

const filled = (v: string | null | undefined) => Boolean(v?.trim());

// What a mentor or the matching engine needs to consider a student, in the words the page uses.
// Optional extras (coursework, authorization dates, privacy choices) do not count.
const CHECKS: Check[] = [
  { missing: "your school", done: (p) => filled(p.school) },
  { missing: "your program", done: (p) => filled(p.program) },
  { missing: "your degree", done: (p) => p.degree !== null },
  { missing: "your graduation date", done: (p) => p.graduationDate !== null },
  { missing: "at least one skill", done: (p) => p.skills.length > 0 },
  { missing: "a project", done: (p) => p.projects.length > 0 },
  { missing: "a portfolio, GitHub or LinkedIn link", done: (p) => [p.portfolioUrl, p.githubUrl, p.linkedinUrl].some(filled) },
  { missing: "the languages you speak", done: (p) => p.languages.length > 0 },
  { missing: "your country and city", done: (p) => filled(p.country) && filled(p.city) },
  { missing: "your time zone", done: (p) => filled(p.timezone) },
  { missing: "when you can start", done: (p) => p.availableFrom !== null },
  { missing: "for how many weeks", done: (p) => p.availableWeeks !== null },
  { missing: "your hours per week in term and in breaks", done: (p) => p.hoursPerWeekTerm !== null && p.hoursPerWeekBreak !== null },
  { missing: "how you can work (remote, hybrid, on site)", done: (p) => p.workModes.length > 0 },
  { missing: "your work authorization", done: (p) => p.workAuthorization !== null },
  { missing: "your compensation preference", done: (p) => p.compensation !== null },
  { missing: "what you want out of an internship", done: (p) => p.goals.length > 0 },
];

/** How complete a profile is (0–100) and what is still missing, in plain words, in page order. */
export function profileCompleteness(profile: StudentProfileFields): { percent: number; missing: string[] } {
  const missing = CHECKS.filter((c) => !c.done(profile)).map((c) => c.missing);
  return { percent: Math.round(((CHECKS.length - missing.length) / CHECKS.length) * 100), missing };
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
