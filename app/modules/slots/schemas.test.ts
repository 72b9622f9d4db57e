import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { addDays, PRIMARY_BENEFICIARY_ANSWERS, slotFormValues, unpaidValues } from "~db/test/slot-factories";
import { authorizationFit, WORK_AUTHORIZATIONS } from "~/engine/work-authorization";
import { needsReview, PRIMARY_BENEFICIARY_FACTORS, slotWarnings } from "./rules";
import { COMPENSATIONS, PAPERWORK, parseSlotSearch, ReviewSchema, slotFormSchema } from "./schemas";

const TODAY = "2027-03-01";
const MENTOR = "7d3e0c7a-4a51-4c1e-9b7f-3f9f1f2f5a10";
const schema = slotFormSchema({ today: TODAY });
const values = (overrides: Record<string, unknown> = {}) => slotFormValues({ mentorId: MENTOR, skill: "Python", today: TODAY }, overrides);
const unpaid = (overrides: Record<string, unknown> = {}) => values(unpaidValues(overrides));

/** The messages of a failed parse, by field path ("primaryBeneficiary.tiedToEducation"). */
function errorsOf(input: Record<string, unknown>) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  const byField: Record<string, string[]> = {};
  for (const issue of result.error!.issues) (byField[issue.path.join(".")] ??= []).push(issue.message);
  return byField;
}

const passes = (input: Record<string, unknown>) => {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
};

describe("a complete slot", () => {
  test("a paid slot passes, and keeps only the paid fields", () => {
    const slot = passes(values({ stipendAmount: 900, learningPlan: "", primaryBeneficiary: PRIMARY_BENEFICIARY_ANSWERS }));
    expect(slot).toMatchObject({ compensation: "paid", hourlyRate: 25, currency: "USD", stipendAmount: null, primaryBeneficiary: null });
    expect(slot.requiredSkills).toEqual([{ skill: "Python", level: 2, index: 0 }]);
  });

  test("an unpaid slot with a plan, mentor hours and the seven answers passes, without money fields", () => {
    const slot = passes(unpaid({ hourlyRate: 30, currency: "USD" }));
    expect(slot).toMatchObject({ compensation: "unpaid", hourlyRate: null, currency: null });
    expect(Object.keys(slot.primaryBeneficiary!).sort()).toEqual(PRIMARY_BENEFICIARY_FACTORS.map((f) => f.key).sort());
  });

  test("a course-credit slot always lists course credit among what the intern gets back", () => {
    expect(passes(unpaid({ compensation: "course_credit", offers: ["referral"] })).offers).toEqual(["referral", "course_credit"]);
  });

  test("empty questions are dropped; more than three are refused", () => {
    expect(passes(values({ questions: ["Why us?", undefined, "What did you build?"] })).questions).toEqual(["Why us?", "What did you build?"]);
    expect(errorsOf(values({ questions: ["a", "b", "c", "d"] })).questions).toEqual(["Ask at most 3 questions"]);
  });
});

describe("unpaid and course-credit slots", () => {
  test.each(["unpaid", "course_credit"])("%s: refused without a learning plan, with the reason on the field", (compensation) => {
    const errors = errorsOf(unpaid({ compensation, learningPlan: undefined }));
    expect(errors.learningPlan).toEqual([expect.stringContaining("needs a learning plan")]);
  });

  test("a learning plan of a few words is refused", () => {
    expect(errorsOf(unpaid({ learningPlan: "Learn stuff." })).learningPlan).toEqual([expect.stringContaining("at least 80 characters")]);
  });

  test("needs at least one hour a week of mentoring", () => {
    expect(errorsOf(unpaid({ mentorHoursPerWeek: 0 })).mentorHoursPerWeek).toEqual([
      "An unpaid or course-credit slot needs at least 1 hour a week of mentoring",
    ]);
  });

  test.each(PRIMARY_BENEFICIARY_FACTORS.map((f) => f.key))("refused without an answer to %s", (key) => {
    const answers = { ...PRIMARY_BENEFICIARY_ANSWERS, [key]: undefined };
    const errors = errorsOf(unpaid({ primaryBeneficiary: answers }));
    expect(Object.keys(errors)).toEqual([`primaryBeneficiary.${key}`]);
  });

  test("a one-word answer is not an answer", () => {
    expect(errorsOf(unpaid({ primaryBeneficiary: { ...PRIMARY_BENEFICIARY_ANSWERS, complementsStaff: "Yes" } }))["primaryBeneficiary.complementsStaff"]).toEqual([
      "Answer in a sentence or more (at least 20 characters)",
    ]);
  });

  test("in Canada it names its school and program instead of answering the US questions; a paid Canadian slot need not", () => {
    const canadian = { country: "CA", region: "ON", timezone: "America/Toronto", acceptedAuthorizations: ["ca_citizen_pr", "ca_coop_permit"], paperwork: ["coop_agreement"] };
    const errors = errorsOf(unpaid({ ...canadian, primaryBeneficiary: undefined }));
    expect(errors.academicProgram).toEqual([expect.stringContaining("must be part of an academic program")]);
    expect(errors.academicSchool).toEqual([expect.stringContaining("name the school")]);
    // The US Department of Labor's seven questions are not asked of a slot in Canada.
    expect(Object.keys(errors).filter((k) => k.startsWith("primaryBeneficiary"))).toEqual([]);
    const saved = passes(unpaid({ ...canadian, primaryBeneficiary: undefined, academicSchool: "University of Waterloo", academicProgram: "Computer Science co-op" }));
    expect(saved).toMatchObject({ academicSchool: "University of Waterloo", academicProgram: "Computer Science co-op", primaryBeneficiary: null });
    expect(passes(values({ ...canadian, currency: "CAD" })).academicProgram).toBeNull();
  });

  test("all missing pieces are reported at once, together with other fields' errors", () => {
    const errors = errorsOf(unpaid({ title: "", learningPlan: undefined, primaryBeneficiary: undefined }));
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(["title", "learningPlan", ...PRIMARY_BENEFICIARY_FACTORS.map((f) => `primaryBeneficiary.${f.key}`)]));
  });
});

describe("conflicts caught when posting", () => {
  test.each(["unpaid", "course_credit"])("STEM OPT on a %s slot is refused on the authorizations", (compensation) => {
    const input = unpaid({ compensation, acceptedAuthorizations: ["us_f1_stem_opt"], paperwork: ["everify_i983"] });
    expect(errorsOf(input).acceptedAuthorizations).toEqual(["F-1 STEM OPT needs a paid position (wages, or a stipend of at least the minimum wage): untick STEM OPT, or pay the intern"]);
  });

  test("STEM OPT on a stipend slot passes (the stipend's rules are its own)", () => {
    passes(values({ compensation: "stipend", stipendAmount: 9000, acceptedAuthorizations: ["us_f1_stem_opt"], paperwork: ["everify_i983"] }));
  });

  test("STEM OPT without E-Verify and the I-983 plan is refused on the paperwork", () => {
    const errors = errorsOf(values({ acceptedAuthorizations: ["us_f1_stem_opt"], paperwork: ["cpt_offer_letter"] }));
    expect(Object.keys(errors)).toEqual(["paperwork"]);
    expect(errors.paperwork![0]).toMatch(/E-Verify .* I-983/);
  });

  test("STEM OPT under 20 hours a week is refused on the hours", () => {
    expect(errorsOf(values({ acceptedAuthorizations: ["us_f1_stem_opt"], paperwork: ["everify_i983"], hoursPerWeek: 15 })).hoursPerWeek).toEqual([
      expect.stringContaining("at least 20 hours a week"),
    ]);
  });

  test("STEM OPT on a paid slot of 20+ hours with E-Verify passes", () => {
    passes(values({ acceptedAuthorizations: ["us_f1_stem_opt"], paperwork: ["everify_i983"], hoursPerWeek: 20 }));
  });

  test("post-completion OPT under 20 hours passes, paid or unpaid, with a warning for the mentor", () => {
    passes(unpaid({ acceptedAuthorizations: ["us_f1_opt_post"], hoursPerWeek: 10 }));
    passes(values({ acceptedAuthorizations: ["us_f1_opt_post"], hoursPerWeek: 10 }));
    expect(slotWarnings({ acceptedAuthorizations: ["us_f1_opt_post"], hoursPerWeek: 10 })).toEqual([expect.stringContaining("under 20 hours a week does not count as OPT employment")]);
  });

  test.each(["onsite", "hybrid"])("a %s slot without a city is refused on the city; remote needs none", (workMode) => {
    expect(errorsOf(values({ workMode, city: "" })).city).toEqual([expect.stringContaining("needs the city")]);
    passes(values({ workMode, city: "Boston" }));
    expect(passes(values({ workMode: "remote", city: "" })).city).toBeNull();
  });

  test("fewer than one seat is refused", () => {
    expect(errorsOf(values({ seats: 0 })).seats).toEqual(["A slot needs at least one seat"]);
  });

  test("a deadline after the start date is refused on the deadline", () => {
    expect(errorsOf(values({ startDate: addDays(TODAY, 10), applicationDeadline: addDays(TODAY, 11) })).applicationDeadline).toEqual([
      "The application deadline must be on or before the start date",
    ]);
    passes(values({ startDate: addDays(TODAY, 10), applicationDeadline: addDays(TODAY, 10) }));
  });

  test("a start date or deadline in the past is refused; today is fine", () => {
    const errors = errorsOf(values({ startDate: addDays(TODAY, -1), applicationDeadline: addDays(TODAY, -2) }));
    expect(errors.startDate).toEqual(["The start date has passed: choose today or a later date"]);
    expect(errors.applicationDeadline).toEqual(["The application deadline has passed: choose today or a later date"]);
    passes(values({ startDate: TODAY, applicationDeadline: TODAY }));
  });

  test("an impossible date is refused", () => {
    expect(errorsOf(values({ startDate: "2027-02-30" })).startDate).toEqual(["Enter the start date as a date, like 2026-06-01"]);
  });

  test("more mentor hours than the intern's hours is refused", () => {
    expect(errorsOf(values({ hoursPerWeek: 5, mentorHoursPerWeek: 6 })).mentorHoursPerWeek).toEqual([
      "Mentor hours (6) cannot be more than the intern's hours a week (5)",
    ]);
  });

  test("a paid slot needs a rate and a currency; a stipend needs an amount", () => {
    const paid = errorsOf(values({ hourlyRate: undefined, currency: undefined }));
    expect(paid.hourlyRate).toEqual(["Enter the hourly rate of this paid slot"]);
    expect(paid.currency).toEqual(["Choose the currency of the pay"]);
    expect(errorsOf(values({ compensation: "stipend" })).stipendAmount).toEqual(["Enter the stipend for the whole internship"]);
  });

  test("needs a mentor, a required skill, an accepted authorization and a real time zone", () => {
    const errors = errorsOf(values({ mentorIds: [], requiredSkills: [], acceptedAuthorizations: [], timezone: "Mars/Olympus" }));
    expect(errors.mentorIds).toEqual([expect.stringContaining("Name at least one mentor")]);
    expect(errors.requiredSkills).toEqual(["List at least one skill the intern needs"]);
    expect(errors.acceptedAuthorizations).toEqual(["Tick at least one work authorization you accept"]);
    expect(errors.timezone).toEqual(["Enter a time zone like America/Toronto"]);
  });

  test("more than 40 hours a week with CPT accepted is a warning, not an error", () => {
    const slot = passes(values({ hoursPerWeek: 45, mentorHoursPerWeek: 3 }));
    const warnings = slotWarnings({ ...slot });
    expect(warnings).toEqual(expect.arrayContaining([expect.stringContaining("more than full time"), expect.stringContaining("most schools allow CPT students more than 20 hours a week only during breaks")]));
  });

  test("pay below the minimum wage where the slot is: refused when paid; a stipend below it counts as unpaid", () => {
    expect(errorsOf(values({ hourlyRate: 5, region: "" })).hourlyRate).toEqual(["$5.00 an hour is below the US federal minimum wage ($7.25): pay at least the minimum"]);
    expect(errorsOf(values({ hourlyRate: 15, region: "WA" })).hourlyRate).toEqual(["$15.00 an hour is below the minimum wage in Washington ($17.13): pay at least the minimum"]);
    passes(values({ hourlyRate: 18, region: "WA" }));
    // $1 for 40 hours × 12 weeks: the unpaid rules apply, review included.
    const token = { compensation: "stipend", stipendAmount: 1, currency: "USD", hoursPerWeek: 40, durationWeeks: 12, country: "US", region: "WA" };
    expect(errorsOf(values(token)).learningPlan).toEqual([expect.stringContaining("needs a learning plan")]);
    expect(needsReview(token, { verifiedAt: new Date() })).toBe(true);
    expect(needsReview({ ...token, stipendAmount: 9000 }, { verifiedAt: new Date() })).toBe(false);
    expect(slotWarnings(token).join("\n")).toContain("it counts as unpaid");
    // …so STEM OPT, which needs pay, cannot be accepted on it.
    expect(errorsOf(values({ ...token, acceptedAuthorizations: ["us_f1_stem_opt"], paperwork: ["everify_i983"] })).acceptedAuthorizations).toEqual([
      expect.stringContaining("F-1 STEM OPT needs a paid position"),
    ]);
  });

  test("a US slot that turns away US citizens and permanent residents is warned about", () => {
    expect(slotWarnings({ country: "US", acceptedAuthorizations: ["us_f1_cpt"], paperwork: ["cpt_offer_letter"] }).join("\n")).toContain("citizenship-status discrimination");
  });

  test("softer issues are warnings: no CPT offer letter, co-op without agreement, authorizations of the other country", () => {
    const slot = passes(values({ paperwork: [], acceptedAuthorizations: ["us_f1_cpt", "ca_coop_permit"] }));
    const warnings = slotWarnings(slot).join("\n");
    expect(warnings).toContain("did not tick the offer letter CPT needs");
    expect(warnings).toContain("did not tick a co-op agreement");
    expect(warnings).toContain("accepts CA co-op permit, which authorize work in the other country");
    expect(slotWarnings(passes(values()))).toEqual([]);
  });

  // The posting rules and the matching engine's authorizationFit must agree: a slot that passes
  // never accepts a status the engine then calls ineligible (dates aside, which are the student's).
  test("a slot that passes never accepts a work authorization that authorizationFit rules out", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COMPENSATIONS),
        fc.integer({ min: 1, max: 60 }),
        fc.subarray([...WORK_AUTHORIZATIONS], { minLength: 1 }),
        fc.subarray([...PAPERWORK]),
        (compensation, hoursPerWeek, acceptedAuthorizations, paperwork) => {
          const base = compensation === "unpaid" || compensation === "course_credit" ? unpaid({ compensation }) : values({ compensation, stipendAmount: 1000 });
          const result = schema.safeParse({ ...base, hoursPerWeek, mentorHoursPerWeek: 1, acceptedAuthorizations, paperwork });
          if (!result.success) return;
          for (const status of result.data.acceptedAuthorizations) {
            expect(authorizationFit({ workAuthorization: status }, result.data).problems).toEqual([]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("review routing", () => {
  test("unpaid and course-credit slots are always reviewed; so is every slot of an unverified organization", () => {
    const verified = { verifiedAt: new Date() };
    const unverified = { verifiedAt: null };
    expect(needsReview({ compensation: "unpaid" }, verified)).toBe(true);
    expect(needsReview({ compensation: "course_credit" }, verified)).toBe(true);
    expect(needsReview({ compensation: "paid" }, unverified)).toBe(true);
    expect(needsReview({ compensation: "stipend" }, unverified)).toBe(true);
    expect(needsReview({ compensation: "paid" }, verified)).toBe(false);
    expect(needsReview({ compensation: "stipend" }, verified)).toBe(false);
  });

  test("sending back needs a reason; opening does not", () => {
    const slotId = "0b8c3a47-5a1e-4f5e-8f4c-2b1d3e4f5a6b";
    expect(ReviewSchema.safeParse({ slotId, decision: "send_back" }).success).toBe(false);
    expect(ReviewSchema.safeParse({ slotId, decision: "send_back", reason: "too short" }).success).toBe(false);
    expect(ReviewSchema.safeParse({ slotId, decision: "send_back", reason: "Add what the intern learns each month." }).success).toBe(true);
    expect(ReviewSchema.safeParse({ slotId, decision: "open" }).success).toBe(true);
  });
});

describe("parseSlotSearch", () => {
  test("reads every filter from the URL", () => {
    const params = new URLSearchParams(
      "q=data+pipeline&skill=Python&skill=k8s&pay=paid_only&mode=remote&mode=hybrid&country=CA&orgType=nonprofit&maxHours=20&maxWeeks=12&startFrom=2027-05-01&fit=mine&sort=deadline",
    );
    expect(parseSlotSearch(params)).toEqual({
      q: "data pipeline",
      skills: ["python", "k8s"],
      pay: "paid_only",
      modes: ["remote", "hybrid"],
      country: "CA",
      organizationType: "nonprofit",
      maxHours: 20,
      maxWeeks: 12,
      startFrom: "2027-05-01",
      fitsMe: true,
      sort: "deadline",
    });
  });

  test("drops what it does not understand instead of failing a shared link", () => {
    const params = new URLSearchParams("q=&skill=&pay=free&mode=moon&country=XX&orgType=cult&maxHours=-3&maxWeeks=1.5&startFrom=2027-13-01&fit=yes&sort=random");
    expect(parseSlotSearch(params)).toEqual({ skills: [], modes: [], fitsMe: false });
  });
});
