import { describe, expect, test } from "vitest";
import { EMPTY_PROFILE, profileCompleteness } from "./completeness";
import type { StudentProfileFields } from "./types";

const COMPLETE_PROFILE: StudentProfileFields = {
  ...EMPTY_PROFILE,
  school: "University of Waterloo",
  program: "Computer Science",
  degree: "bachelor",
  graduationDate: "2027-04-30",
  githubUrl: "https://github.com/amara",
  languages: ["English"],
  country: "CA",
  city: "Waterloo",
  timezone: "America/Toronto",
  availableFrom: "2026-05-04",
  availableWeeks: 16,
  hoursPerWeekTerm: 0,
  hoursPerWeekBreak: 40,
  workModes: ["remote"],
  workAuthorization: "ca_coop_permit",
  compensation: "paid_or_stipend",
  goals: ["mentorship"],
  skills: [{ slug: "python", name: "Python", category: "language", level: 3 }],
  projects: [{ title: "Budget app", description: "Built it", url: null }],
};

describe("profileCompleteness", () => {
  test("an empty profile is 0% and names everything, in page order", () => {
    const result = profileCompleteness(EMPTY_PROFILE);
    expect(result.percent).toBe(0);
    expect(result.missing[0]).toBe("your school");
    expect(result.missing).toContain("at least one skill");
    expect(result.missing).toContain("your work authorization");
    expect(result.missing.at(-1)).toBe("what you want out of an internship");
  });

  test("a complete profile is 100% with nothing missing; optional extras do not count", () => {
    expect(profileCompleteness({ ...COMPLETE_PROFILE, coursework: null, portfolioUrl: null, linkedinUrl: null })).toEqual({ percent: 100, missing: [] });
  });

  test("zero hours in term counts as answered", () => {
    expect(profileCompleteness({ ...COMPLETE_PROFILE, hoursPerWeekTerm: 0 }).missing).toEqual([]);
  });

  test("names exactly what is missing, and the percentage drops with it", () => {
    const result = profileCompleteness({ ...COMPLETE_PROFILE, city: "  ", skills: [], githubUrl: null });
    expect(result.missing).toEqual(["at least one skill", "a portfolio, GitHub or LinkedIn link", "your country and city"]);
    expect(result.percent).toBe(82);
  });
});
