import { describe, expect, test } from "vitest";
import { NO_EVIDENCE, type SlotOffer, percentOf, promisedBenefits, promisesToAsk, promiseVerdicts, publicPromiseRecord, tallyPromises, type CompletedInternship } from "./promises";

const ALL = promisedBenefits(["mentorship", "recommendation_letter", "referral", "return_offer", "portfolio_project", "course_credit"]);

describe("how the objects and the student's answer combine", () => {
  test("mentorship is not a promise asked about; the rest keep the vocabulary's order", () => {
    expect(ALL).toEqual(["recommendation_letter", "referral", "return_offer", "course_credit", "portfolio_project"]);
  });

  test("a delivered letter, a referral made and a return-offer answer count as kept, whatever the student said", () => {
    const evidence = { letterDeliveredOn: "2026-11-02", referralMadeOn: "2026-10-20", returnOffer: "no" as const };
    const verdicts = promiseVerdicts(ALL, evidence, { recommendation_letter: false, referral: false, course_credit: true, portfolio_project: false });
    expect(verdicts).toEqual([
      { benefit: "recommendation_letter", kept: true, source: "letter" },
      { benefit: "referral", kept: true, source: "referral" },
      { benefit: "return_offer", kept: true, source: "return_offer" },
      { benefit: "course_credit", kept: true, source: "student" },
      { benefit: "portfolio_project", kept: false, source: "student" },
    ]);
    expect(promisesToAsk(ALL, evidence)).toEqual(["course_credit", "portfolio_project"]);
  });

  test("without an object the student's answer decides; without either it is not known", () => {
    const verdicts = promiseVerdicts(ALL, { ...NO_EVIDENCE, returnOffer: "pending" }, { recommendation_letter: true, return_offer: false });
    expect(verdicts.map((v) => [v.benefit, v.kept, v.source])).toEqual([
      ["recommendation_letter", true, "student"],
      ["referral", null, null],
      ["return_offer", false, "student"],
      ["course_credit", null, null],
      ["portfolio_project", null, null],
    ]);
    expect(promisesToAsk(ALL, NO_EVIDENCE)).toEqual(["recommendation_letter", "referral", "course_credit", "portfolio_project"]);
    expect(promiseVerdicts(ALL, NO_EVIDENCE, null).every((v) => v.kept === null)).toBe(true);
  });
});

describe("an organization's tally", () => {
  type Kept = [SlotOffer, boolean | null][];
  const internship = (kept: Kept, promised: number, delivered: number): CompletedInternship => ({
    verdicts: kept.map(([benefit, k]) => ({ benefit, kept: k })),
    mentorHoursPromised: promised,
    mentorHoursDelivered: delivered,
  });

  test("counts kept of known promises, leaves unknown ones out, and caps each internship's mentor time at its promise", () => {
    const tally = tallyPromises([
      internship([["recommendation_letter", true], ["referral", true], ["portfolio_project", false]], 36, 40),
      internship([["recommendation_letter", true], ["referral", null]], 24, 12.5),
      internship([], 0, 3),
    ]);
    expect(tally).toEqual({
      internships: 3,
      counted: 4,
      kept: 3,
      unknown: 1,
      mentorHoursPromised: 60,
      mentorHoursDelivered: 48.5,
      byBenefit: [
        { benefit: "recommendation_letter", internships: 2, counted: 2, kept: 2, unknown: 0 },
        { benefit: "referral", internships: 2, counted: 1, kept: 1, unknown: 1 },
        { benefit: "portfolio_project", internships: 1, counted: 1, kept: 0, unknown: 0 },
      ],
    });
  });

  test("the public sees nothing but the threshold before 3 completed internships; from 3 on the counts, and a kind of promise only when 3 made it", () => {
    const two = tallyPromises([internship([["referral", true]], 10, 10), internship([["referral", false]], 10, 5)]);
    expect(publicPromiseRecord(two)).toEqual({ shown: false, threshold: 3 });
    const three = tallyPromises([
      internship([["referral", true]], 10, 10),
      internship([["referral", false]], 10, 5),
      internship([["referral", true], ["course_credit", null]], 10, 10),
    ]);
    // The course credit only one internship promised is in neither the lines nor the totals (its unknown included).
    expect(publicPromiseRecord(three)).toEqual({
      shown: true,
      internships: 3,
      counted: 3,
      kept: 2,
      unknown: 0,
      mentorHoursPromised: 30,
      mentorHoursDelivered: 25,
      byBenefit: [{ benefit: "referral", internships: 3, counted: 3, kept: 2, unknown: 0 }],
    });
  });

  test("a share is rounded down, never up, and is none of nothing", () => {
    expect(percentOf(9, 10)).toBe(90);
    expect(percentOf(2, 3)).toBe(66);
    expect(percentOf(199, 200)).toBe(99);
    expect(percentOf(3, 3)).toBe(100);
    expect(percentOf(0, 0)).toBeNull();
  });
});
