import { describe, expect, test } from "vitest";
import { toMatchStudent } from "~/modules/engine-adapter/instance.server";
import { EMPTY_PROFILE, missingForMatching, PROFILE_SECTIONS, profileCompleteness } from "./completeness";
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

describe("missingForMatching", () => {
  const matchable = (p: StudentProfileFields) => toMatchStudent({ ...p, userId: "00000000-0000-4000-8000-000000000000" }, []) !== null;

  test("names, with its section, exactly what the engine lacks: one missing field at a time, and an empty profile", () => {
    expect(missingForMatching(COMPLETE_PROFILE)).toEqual([]);
    expect(matchable(COMPLETE_PROFILE)).toBe(true);
    const without: [Partial<StudentProfileFields>, string][] = [
      [{ country: null }, "your country"],
      [{ timezone: "" }, "your time zone"],
      [{ availableFrom: null }, "when you can start"],
      [{ availableWeeks: null }, "for how many weeks"],
      [{ hoursPerWeekTerm: 0, hoursPerWeekBreak: 0 }, "your hours per week (in term or in breaks)"],
      [{ workModes: [] }, "how you can work (remote, hybrid, on site)"],
      [{ workAuthorization: null }, "your work authorization"],
      [{ compensation: null }, "your compensation preference"],
    ];
    for (const [change, words] of without) {
      const profile = { ...COMPLETE_PROFILE, ...change };
      expect(matchable(profile), words).toBe(false);
      expect(missingForMatching(profile).map((m) => m.missing)).toEqual([words]);
    }
    // What matching does not read (a school, skills, goals) never blocks applying.
    const sparse: StudentProfileFields = { ...COMPLETE_PROFILE, school: null, skills: [], goals: [], city: null, hoursPerWeekTerm: null };
    expect(missingForMatching(sparse)).toEqual([]);
    expect(matchable(sparse)).toBe(true);

    const all = missingForMatching(null);
    expect(all).toEqual(missingForMatching(EMPTY_PROFILE));
    expect(all).toHaveLength(without.length);
    const order = PROFILE_SECTIONS.map((s) => s.id as string);
    expect(all.map((m) => order.indexOf(m.section))).toEqual([...all.map((m) => order.indexOf(m.section))].sort((a, b) => a - b));
  });
});
