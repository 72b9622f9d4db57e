import { describe, expect, test } from "vitest";
import { authorizationFit, slotEndDate, type SlotTerms } from "./work-authorization";

const slot = (overrides: Partial<SlotTerms> = {}): SlotTerms => ({
  compensation: "paid",
  hoursPerWeek: 20,
  acceptedAuthorizations: ["us_citizen_pr", "us_f1_cpt", "us_f1_opt_post", "us_f1_stem_opt", "ca_study_permit"],
  paperwork: ["cpt_offer_letter", "everify_i983"],
  startDate: "2027-06-01",
  durationWeeks: 12,
  ...overrides,
});

describe("authorizationFit", () => {
  test("a status the slot does not accept is ineligible, with the reason", () => {
    const fit = authorizationFit({ workAuthorization: "us_j1_academic_training" }, slot());
    expect(fit.eligible).toBe(false);
    expect(fit.problems).toEqual([{ code: "auth_not_accepted", params: { status: "us_j1_academic_training" } }]);
  });

  test("STEM OPT cannot take an unpaid slot", () => {
    const fit = authorizationFit({ workAuthorization: "us_f1_stem_opt" }, slot({ compensation: "unpaid" }));
    expect(fit.eligible).toBe(false);
    expect(fit.problems).toEqual([{ code: "stem_opt_not_paid", params: {} }]);
  });

  test("STEM OPT needs E-Verify and 20 hours", () => {
    const fit = authorizationFit({ workAuthorization: "us_f1_stem_opt" }, slot({ paperwork: [], hoursPerWeek: 15 }));
    expect(fit.problems).toEqual([
      { code: "stem_opt_hours", params: { hours: 15 } },
      { code: "stem_opt_everify_missing", params: {} },
    ]);
  });

  test("post-completion OPT on an unpaid slot needs 20 hours a week", () => {
    expect(authorizationFit({ workAuthorization: "us_f1_opt_post" }, slot({ compensation: "unpaid", hoursPerWeek: 19 })).eligible).toBe(false);
    expect(authorizationFit({ workAuthorization: "us_f1_opt_post" }, slot({ compensation: "unpaid", hoursPerWeek: 20 })).eligible).toBe(true);
    expect(authorizationFit({ workAuthorization: "us_f1_opt_post" }, slot({ compensation: "paid", hoursPerWeek: 10 })).eligible).toBe(true);
  });

  test("CPT over 20 hours is a warning, not an exclusion", () => {
    const fit = authorizationFit({ workAuthorization: "us_f1_cpt" }, slot({ hoursPerWeek: 40 }));
    expect(fit.eligible).toBe(true);
    expect(fit.warnings).toContainEqual({ code: "cpt_term_hours", params: { hours: 40 } });
  });

  test("a study permit over 24 hours is a warning", () => {
    const fit = authorizationFit({ workAuthorization: "ca_study_permit" }, slot({ hoursPerWeek: 30 }));
    expect(fit.eligible).toBe(true);
    expect(fit.warnings).toEqual([{ code: "study_permit_hours", params: { hours: 30 } }]);
  });

  test("an authorization ending before the slot ends is a warning naming both dates", () => {
    const fit = authorizationFit({ workAuthorization: "us_f1_opt_post", validUntil: "2027-07-01" }, slot());
    expect(fit.warnings).toContainEqual({ code: "auth_ends_before", params: { validUntil: "2027-07-01", endDate: "2027-08-23" } });
  });

  test("a citizen accepted by the slot has nothing to confirm", () => {
    expect(authorizationFit({ workAuthorization: "us_citizen_pr" }, slot())).toEqual({ eligible: true, problems: [], warnings: [] });
  });
});

test("slotEndDate counts whole weeks from the start day", () => {
  expect(slotEndDate("2027-06-01", 1)).toBe("2027-06-07");
  expect(slotEndDate("2027-06-01", 12)).toBe("2027-08-23");
});
