import { describe, expect, test } from "vitest";
import { scorePair } from "~/matching/score";
import { AUTHORIZATION_INFO, authorizationFit, WORK_AUTHORIZATIONS } from "~/matching/work-authorization";
import { aboutStudent, paperworkSteps, topReasonsOf } from "./present";

describe("paperworkSteps", () => {
  test("the status's step first, then only the warnings that add to it", () => {
    const warnings = authorizationFit(
      { workAuthorization: "us_f1_cpt" },
      { compensation: "paid", hoursPerWeek: 30, acceptedAuthorizations: ["us_f1_cpt"], paperwork: [], startDate: "2027-06-01", durationWeeks: 12 },
    ).warnings;
    expect(warnings).toHaveLength(3);
    expect(paperworkSteps("us_f1_cpt", warnings)).toEqual([
      AUTHORIZATION_INFO.us_f1_cpt.confirm,
      "The organization has not said it can give the offer letter CPT needs; ask the mentors for it.",
      "CPT is limited to 20 hours a week during term; this slot is 30 — fine only in a break.",
    ]);
  });

  test("citizens and permanent residents have nothing to do; every other status has its step", () => {
    expect(paperworkSteps("us_citizen_pr", [])).toEqual([]);
    expect(paperworkSteps("ca_citizen_pr", [])).toEqual([]);
    for (const status of WORK_AUTHORIZATIONS.filter((s) => s !== "us_citizen_pr" && s !== "ca_citizen_pr")) {
      expect(paperworkSteps(status, [])).toEqual([AUTHORIZATION_INFO[status].confirm]);
    }
  });

  test("no step ever names the status itself", () => {
    for (const status of WORK_AUTHORIZATIONS) {
      for (const step of paperworkSteps(status, [])) expect(step).not.toContain(AUTHORIZATION_INFO[status].label);
    }
  });
});

describe("aboutStudent", () => {
  test("engine sentences written to the student read about them by name", () => {
    expect(aboutStudent("Starts soon after you are free; 20 of your 40 hours a week.", "Amara")).toBe("Starts soon after Amara is free; 20 of Amara's 40 hours a week.");
    expect(aboutStudent("In person: you work the team's hours.", "Amara")).toBe("In person: Amara works the team's hours.");
    expect(aboutStudent("Your DSO must authorize CPT for this employer and these dates before your first day.", "Amara")).toBe(
      "Amara's DSO must authorize CPT for this employer and these dates before Amara's first day.",
    );
    expect(aboutStudent("The organization has not said it can give the offer letter CPT needs; ask before you apply.", "Amara")).toBe(
      "The organization has not said it can give the offer letter CPT needs; ask before Amara applies.",
    );
    expect(aboutStudent("Covers 2 of 2 required skills at the level asked (python and sql).", "Amara")).toBe("Covers 2 of 2 required skills at the level asked (python and sql).");
  });
});

describe("topReasonsOf", () => {
  test("stored components give the engine's top reasons, neutral ones last", () => {
    const pair = scorePair(
      {
        id: "s",
        skills: { python: 3 },
        workAuthorization: "us_citizen_pr",
        country: "US",
        timezone: "America/New_York",
        availableFrom: "2027-05-17",
        availableWeeks: 14,
        maxHoursPerWeek: 40,
        compensation: "any",
        workModes: ["onsite"],
        goals: [],
      },
      {
        id: "t",
        seats: 1,
        requiredSkills: { python: 2 },
        niceSkills: {},
        acceptedWorkAuthorizations: ["us_citizen_pr"],
        compensation: "paid",
        country: "US",
        workMode: "onsite",
        timezone: "America/New_York",
        startDate: "2027-06-01",
        weeks: 12,
        hoursPerWeek: 20,
        offers: [],
      },
    );
    const stored = JSON.parse(JSON.stringify(pair.components));
    expect(topReasonsOf(stored, 2)).toEqual(["Covers 1 of 1 required skills at the level asked (python).", "Starts soon after you are free; 20 of your 40 hours a week."]);
  });
});
