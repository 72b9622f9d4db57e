import { describe, expect, test } from "vitest";
import { dayAfterWeeks, inTerm, toDay } from "./dates";

const run = (start: string, weeks: number) => inTerm(toDay(start), dayAfterWeeks(start, weeks));

describe("inTerm", () => {
  test("January to April and September to December are term; May to August and the winter holidays are breaks", () => {
    expect(run("2027-01-11", 14)).toBe(true);
    expect(run("2027-09-13", 12)).toBe(true);
    expect(run("2027-05-03", 16)).toBe(false);
    expect(run("2027-12-16", 3)).toBe(false);
  });

  test("a week or less of term at either end still counts as a break; more is term", () => {
    // 24 Apr to 21 Aug: seven days of April in term.
    expect(run("2027-04-24", 17)).toBe(false);
    // 23 Apr: eight days.
    expect(run("2027-04-23", 17)).toBe(true);
    // A whole year always runs in term.
    expect(run("2027-05-03", 52)).toBe(true);
  });
});
