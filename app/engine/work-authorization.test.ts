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

  test("post-completion OPT under 20 hours a week is eligible, paid or unpaid, with the unemployment-days warning", () => {
    for (const compensation of ["unpaid", "paid"] as const) {
      const fit = authorizationFit({ workAuthorization: "us_f1_opt_post" }, slot({ compensation, hoursPerWeek: 19 }));
      expect(fit.eligible).toBe(true);
      expect(fit.warnings).toContainEqual({ code: "opt_post_under_20_hours", params: { hours: 19 } });
    }
    const full = authorizationFit({ workAuthorization: "us_f1_opt_post" }, slot({ compensation: "unpaid", hoursPerWeek: 20 }));
    expect(full.warnings.map((w) => w.code)).toEqual(["opt_post_major", "opt_report_employer"]);
  });

  test("STEM OPT: wages or a stipend that meets the minimum wage (the adapter's call) qualify; a stipend is warned about", () => {
    const stipend = authorizationFit({ workAuthorization: "us_f1_stem_opt" }, slot({ compensation: "stipend" }));
    expect(stipend.eligible).toBe(true);
    expect(stipend.warnings).toContainEqual({ code: "stem_opt_stipend", params: {} });
    expect(authorizationFit({ workAuthorization: "us_f1_stem_opt" }, slot({ compensation: "paid" })).warnings.map((w) => w.code)).toEqual(["opt_report_employer"]);
    expect(authorizationFit({ workAuthorization: "us_f1_stem_opt" }, slot({ compensation: "course_credit" })).problems).toEqual([{ code: "stem_opt_not_paid", params: {} }]);
  });

  test("CPT: the program's end date and twelve months of full-time CPT are warnings", () => {
    const cpt = { workAuthorization: "us_f1_cpt" as const, programEndDate: "2027-07-31", cptFullTimeMonthsUsed: 10 };
    const fullTime = authorizationFit(cpt, slot({ hoursPerWeek: 40 }));
    expect(fullTime.eligible).toBe(true);
    expect(fullTime.warnings).toContainEqual({ code: "cpt_after_program_end", params: { endDate: "2027-08-23", programEndDate: "2027-07-31" } });
    expect(fullTime.warnings).toContainEqual({ code: "cpt_full_time_months", params: { used: 10, months: 3 } });
    // Part-time CPT does not count toward the twelve months; a slot ending in time is fine.
    const partTime = authorizationFit({ ...cpt, programEndDate: "2028-05-31" }, slot({ hoursPerWeek: 20 }));
    expect(partTime.warnings.map((w) => w.code)).toEqual(["cpt_dso_authorization"]);
  });

  test("Canada: a required placement takes a study-permit student without the 24-hour cap, and a co-op permit still works", () => {
    const canadian = { country: "CA", acceptedAuthorizations: ["ca_study_permit", "ca_coop_permit"], paperwork: [] };
    const required = authorizationFit({ workAuthorization: "ca_study_permit" }, slot({ ...canadian, hoursPerWeek: 37, requiredPlacement: true }));
    expect(required).toEqual({ eligible: true, problems: [], warnings: [{ code: "study_permit_required_placement", params: {} }] });
    const offCampus = authorizationFit({ workAuthorization: "ca_study_permit" }, slot({ ...canadian, hoursPerWeek: 37 }));
    expect(offCampus.warnings).toEqual([{ code: "study_permit_hours", params: { hours: 37 } }]);
    expect(authorizationFit({ workAuthorization: "ca_coop_permit" }, slot({ ...canadian, requiredPlacement: true })).warnings).toEqual([]);
  });

  test("a US status on a slot in Canada gets no US steps, only a warning to ask the school", () => {
    const fit = authorizationFit({ workAuthorization: "us_f1_cpt" }, slot({ country: "CA", hoursPerWeek: 40, paperwork: [] }));
    expect(fit).toEqual({ eligible: true, problems: [], warnings: [{ code: "status_other_country", params: { status: "us_f1_cpt", country: "CA" } }] });
  });

  test("not yet authorized has a warning of its own on every slot that accepts it", () => {
    const fit = authorizationFit({ workAuthorization: "not_authorized" }, slot({ acceptedAuthorizations: ["not_authorized"] }));
    expect(fit).toEqual({ eligible: true, problems: [], warnings: [{ code: "not_authorized_yet", params: {} }] });
  });

  test("pre-completion OPT and J-1 Academic Training carry their limits", () => {
    expect(authorizationFit({ workAuthorization: "us_f1_opt_pre" }, slot({ acceptedAuthorizations: ["us_f1_opt_pre"] })).warnings.map((w) => w.code)).toEqual(["opt_pre_ead", "opt_pre_major_and_time"]);
    expect(authorizationFit({ workAuthorization: "us_j1_academic_training" }, slot({ acceptedAuthorizations: ["us_j1_academic_training"] })).warnings.map((w) => w.code)).toEqual([
      "j1_officer_approval",
      "j1_training_limit",
    ]);
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
