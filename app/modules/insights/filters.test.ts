import { describe, expect, it } from "vitest";
import { authorizationGroupOf, insightFiltersQuery, rangeInstants, readInsightFilters, suppress } from "./filters";

const read = (query: string) => readInsightFilters(new URLSearchParams(query));

describe("insight filters", () => {
  it("reads every filter from the query string", () => {
    const { filters, problems } = read("from=2026-05-01&to=2026-08-31&organizationType=startup&country=us&compensation=unpaid&authorizationGroup=us_student");
    expect(problems).toEqual([]);
    expect(filters).toEqual({ from: "2026-05-01", to: "2026-08-31", organizationType: "startup", country: "US", compensation: "unpaid", authorizationGroup: "us_student" });
    expect(insightFiltersQuery(filters)).toBe("from=2026-05-01&to=2026-08-31&organizationType=startup&country=US&compensation=unpaid&authorizationGroup=us_student");
  });

  it("leaves out what it does not understand, and says so", () => {
    const { filters, problems } = read("from=2026-02-30&organizationType=castle&country=USA&compensation=&authorizationGroup=us_f1_cpt");
    expect(filters).toEqual({ from: null, to: null, organizationType: null, country: null, compensation: null, authorizationGroup: null });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain("2026-02-30");
    expect(insightFiltersQuery(filters)).toBe("");
  });

  it("swaps a range written backwards", () => {
    const { filters, problems } = read("from=2026-09-01&to=2026-05-01");
    expect([filters.from, filters.to]).toEqual(["2026-05-01", "2026-09-01"]);
    expect(problems[0]).toContain("swapped");
  });

  it("ends the range after its last day", () => {
    const { start, end } = rangeInstants({ from: "2026-05-01", to: "2026-05-31" });
    expect(start?.toISOString()).toBe("2026-05-01T00:00:00.000Z");
    expect(end?.toISOString()).toBe("2026-06-01T00:00:00.000Z");
  });

  it("hides counts under five people, never zero", () => {
    expect([0, 1, 4, 5, 12].map(suppress)).toEqual([0, null, null, 5, 12]);
  });

  it("groups statuses, and a missing one is 'not stated'", () => {
    expect(authorizationGroupOf("us_f1_stem_opt")).toBe("us_student");
    expect(authorizationGroupOf("ca_coop_permit")).toBe("ca_student");
    expect(authorizationGroupOf(null)).toBe("not_stated");
  });
});
