import { parseWithZod } from "@conform-to/zod/v4";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ProfileSchema, webUrl } from "./schemas";
import { normalizeTimeZone, timeZoneOptions } from "./time-zones";

/** Parses the profile form as the server does, from form fields. */
function submit(fields: Record<string, string | string[]>) {
  const formData = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) formData.append(k, value);
  return parseWithZod(formData, { schema: ProfileSchema });
}
function valueOf(fields: Record<string, string | string[]>) {
  const result = submit(fields);
  if (result.status !== "success") throw new Error(`Refused: ${JSON.stringify(result.reply().error)}`);
  return result.value;
}
function errorsOf(fields: Record<string, string | string[]>) {
  const result = submit(fields);
  expect(result.status).toBe("error");
  return result.reply().error ?? {};
}

describe("ProfileSchema", () => {
  test("an empty form is a valid, empty profile: everything is optional until matching needs it", () => {
    const value = valueOf({});
    expect(value).toMatchObject({ skills: [], projects: [], languages: [], workModes: [], goals: [], inMatching: false, visibleToMentors: false, shareAuthorization: false });
    expect(value.school).toBeUndefined();
  });

  test("reads checkboxes, numbers, lists and trims text", () => {
    const value = valueOf({
      school: "  University of Toronto ",
      languages: "English, Yoruba ,  french;English",
      availableWeeks: "12",
      hoursPerWeekTerm: "20",
      hoursPerWeekBreak: "40",
      workModes: ["remote", "hybrid"],
      goals: ["mentorship", "referral"],
      inMatching: "on",
      visibleToMentors: "on",
      country: "CA",
    });
    expect(value).toMatchObject({
      school: "University of Toronto",
      languages: ["English", "Yoruba", "french"],
      availableWeeks: 12,
      hoursPerWeekTerm: 20,
      hoursPerWeekBreak: 40,
      workModes: ["remote", "hybrid"],
      goals: ["mentorship", "referral"],
      inMatching: true,
      visibleToMentors: true,
      country: "CA",
    });
  });

  describe("links", () => {
    test.each([
      ["portfolioUrl", "https://amara.dev", "https://amara.dev"],
      ["portfolioUrl", "amara.dev/work", "https://amara.dev/work"],
      ["githubUrl", "https://github.com/amara-obi", "https://github.com/amara-obi"],
      ["githubUrl", "github.com/amara-obi", "https://github.com/amara-obi"],
      ["linkedinUrl", "https://www.linkedin.com/in/amara-obi/", "https://www.linkedin.com/in/amara-obi/"],
      ["linkedinUrl", "https://ca.linkedin.com/in/amara", "https://ca.linkedin.com/in/amara"],
    ])("%s accepts %j", (field, input, saved) => {
      expect(valueOf({ [field]: input })[field as "githubUrl"]).toBe(saved);
    });

    test.each([
      ["portfolioUrl", "javascript:alert(1)"],
      ["portfolioUrl", "ftp://files.example.org/cv.pdf"],
      ["portfolioUrl", "https://user:secret@example.org"],
      ["portfolioUrl", "not a url"],
      ["portfolioUrl", "localhost"],
      ["githubUrl", "https://gitlab.com/amara"],
      ["githubUrl", "https://github.com/"],
      ["githubUrl", "https://notgithub.com/amara"],
      ["githubUrl", "https://github.com.evil.example/amara"],
      ["linkedinUrl", "https://linkedin.example.org/in/amara"],
      ["linkedinUrl", "https://www.linkedin.com"],
    ])("%s refuses %j", (field, input) => {
      expect(errorsOf({ [field]: input })[field]).toHaveLength(1);
    });

    test("any http(s) address with a dotted host survives the round trip unchanged (property)", () => {
      const schema = webUrl();
      fc.assert(
        fc.property(fc.webUrl({ validSchemes: ["https", "http"] }), (url) => {
          const result = schema.safeParse(url);
          if (new URL(url).hostname.includes(".") && !new URL(url).username) expect(result).toEqual({ success: true, data: url });
        }),
        { numRuns: 50 },
      );
    });
  });

  describe("time zone", () => {
    test.each([
      ["America/Toronto", "America/Toronto"],
      ["america/new_york", "America/New_York"],
      ["Asia/Kolkata", "Asia/Kolkata"],
      [" Europe/Berlin ", "Europe/Berlin"],
      ["UTC", "UTC"],
    ])("accepts %j as %j", (input, zone) => {
      expect(valueOf({ timezone: input }).timezone).toBe(zone);
    });

    test.each(["Mars/Olympus", "EST5EDT-ish", "Toronto", "GMT+3"])("refuses %j", (input) => {
      expect(errorsOf({ timezone: input }).timezone?.[0]).toMatch(/time zone from the list/);
    });

    test("today's names are offered beside ICU's old spellings, and every offered zone is taken as listed", () => {
      expect(timeZoneOptions()).toEqual(expect.arrayContaining(["Asia/Kolkata", "Asia/Calcutta", "Europe/Kyiv", "America/Toronto", "UTC"]));
      for (const zone of timeZoneOptions()) expect(normalizeTimeZone(zone)).toBe(zone);
    });
  });

  describe("dates", () => {
    test.each(["2026-02-30", "2026-13-01", "31/05/2026", "2026-5-1", "1899-01-01"])("refuses %j", (input) => {
      expect(errorsOf({ availableFrom: input }).availableFrom?.[0]).toMatch(/real date/);
    });

    test("keeps authorization dates for a status that has them", () => {
      const value = valueOf({ workAuthorization: "us_f1_opt_post", authorizationValidFrom: "2026-06-01", authorizationValidUntil: "2027-05-31" });
      expect(value).toMatchObject({ authorizationValidFrom: "2026-06-01", authorizationValidUntil: "2027-05-31" });
    });

    test("drops authorization dates for a status without them", () => {
      const value = valueOf({ workAuthorization: "us_citizen_pr", authorizationValidFrom: "2026-06-01", authorizationValidUntil: "2027-05-31" });
      expect(value.authorizationValidFrom).toBeUndefined();
      expect(value.authorizationValidUntil).toBeUndefined();
    });

    test("an authorization cannot end before it starts", () => {
      const errors = errorsOf({ workAuthorization: "ca_study_permit", authorizationValidFrom: "2027-01-01", authorizationValidUntil: "2026-12-31" });
      expect(errors.authorizationValidUntil).toEqual(["The end date must be on or after the start date"]);
    });

    test("refuses a status that is not one of the twelve", () => {
      expect(errorsOf({ workAuthorization: "us_h1b" }).workAuthorization).toEqual(["Choose a status from the list"]);
    });
  });

  describe("hours and weeks", () => {
    test.each([
      ["hoursPerWeekTerm", "81"],
      ["hoursPerWeekTerm", "-1"],
      ["hoursPerWeekBreak", "12.5"],
      ["hoursPerWeekBreak", "lots"],
      ["availableWeeks", "0"],
      ["availableWeeks", "105"],
    ])("%s refuses %j", (field, input) => {
      expect(errorsOf({ [field]: input })[field]).toHaveLength(1);
    });

    test("zero hours in term is a real answer (not working during term)", () => {
      expect(valueOf({ hoursPerWeekTerm: "0", hoursPerWeekBreak: "40" })).toMatchObject({ hoursPerWeekTerm: 0, hoursPerWeekBreak: 40 });
    });
  });

  describe("projects", () => {
    test("drops blank rows; a started project needs a title and what you did, on its own row", () => {
      const errors = errorsOf({
        "projects[0].title": "Budget app",
        "projects[0].description": "Built the API",
        "projects[1].title": "",
        "projects[1].description": "",
        "projects[2].url": "https://example.org/thing",
      });
      expect(errors["projects[2].title"]).toEqual(["Give this project a title"]);
      expect(errors["projects[2].description"]).toEqual(["Say what you did in this project"]);
      expect(errors["projects[0].title"]).toBeUndefined();
    });

    test("keeps filled projects in order", () => {
      const value = valueOf({
        "projects[0].title": "",
        "projects[1].title": "Budget app",
        "projects[1].description": "Built the API",
        "projects[1].url": "github.com/amara/budget",
      });
      expect(value.projects).toEqual([{ title: "Budget app", description: "Built the API", url: "https://github.com/amara/budget" }]);
    });
  });

  test("skills keep their form rows, so an unknown one can be named on its row", () => {
    const value = valueOf({ "skills[0].skill": "", "skills[1].skill": "js", "skills[1].level": "2" });
    expect(value.skills).toEqual([{ skill: "js", level: 2, index: 1 }]);
  });

  test("refuses a country or goal outside the lists", () => {
    const errors = errorsOf({ country: "XX", goals: ["course_credit"] });
    expect(errors.country).toEqual(["Choose a country from the list"]);
    expect(errors["goals[0]"]).toHaveLength(1);
  });
});
