import { describe, expect, it } from "vitest";
import { readInsightFilters } from "./filters";
import { recentProgramTerms } from "./terms";

describe("recentProgramTerms", () => {
  it("lists the current term and the two before it, newest first", () => {
    expect(recentProgramTerms(new Date("2026-11-30T12:00:00Z"))).toEqual([
      { label: "Fall 2026", from: "2026-09-01", to: "2026-12-31", current: true },
      { label: "Summer 2026", from: "2026-05-01", to: "2026-08-31", current: false },
      { label: "Spring 2026", from: "2026-01-01", to: "2026-04-30", current: false },
    ]);
  });

  it("reaches back into the year before from spring, and reads the month in UTC", () => {
    expect(recentProgramTerms(new Date("2028-02-10T00:00:00Z")).map((t) => [t.label, t.from, t.to])).toEqual([
      ["Spring 2028", "2028-01-01", "2028-04-30"],
      ["Fall 2027", "2027-09-01", "2027-12-31"],
      ["Summer 2027", "2027-05-01", "2027-08-31"],
    ]);
    // 23:30 on 30 April in Los Angeles is already May in UTC.
    expect(recentProgramTerms(new Date("2026-05-01T06:30:00Z"))[0]!.label).toBe("Summer 2026");
    expect(recentProgramTerms(new Date("2026-04-30T23:59:59Z"))[0]!.label).toBe("Spring 2026");
  });

  it("gives ranges the filters accept as they are", () => {
    for (const term of recentProgramTerms(new Date("2026-03-15T00:00:00Z"))) {
      const { filters, problems } = readInsightFilters(new URLSearchParams({ from: term.from, to: term.to }));
      expect(problems).toEqual([]);
      expect([filters.from, filters.to]).toEqual([term.from, term.to]);
    }
  });
});
