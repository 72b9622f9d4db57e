import { describe, expect, it } from "vitest";
import { authorizationGroupOf, insightFiltersQuery, rangeInstants, readInsightFilters, suppress, suppressColumn } from "./filters";

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

describe("suppressColumn: no hidden count comes out by subtraction from the column's total", () => {
  it("nothing small: everything shows", () => {
    expect(suppressColumn([12, 0, 7])).toEqual([12, 0, 7]);
  });
  it("one small count: the smallest other non-zero count is hidden with it", () => {
    expect(suppressColumn([30, 12, 3, 0])).toEqual([30, null, null, 0]);
  });
  it("two small counts adding up to under 5: a third is hidden", () => {
    expect(suppressColumn([1, 2, 9, 40])).toEqual([null, null, null, 40]);
  });
  it("two small counts adding up to 5 or more are protection enough", () => {
    expect(suppressColumn([3, 4, 9, 40])).toEqual([null, null, 9, 40]);
  });
  it("five ones add up to 5 but would each be 1: another is hidden", () => {
    expect(suppressColumn([1, 1, 1, 1, 1, 20])).toEqual([null, null, null, null, null, null]);
  });
  it("with nothing else to hide, what is small stays hidden and the zeros show", () => {
    expect(suppressColumn([0, 2, 0])).toEqual([0, null, 0]);
  });
  it("in no column can a hidden count be pinned down from the total: each could be any of several values", () => {
    // Every hidden count reads the same, each is at least 1, and the total less what is shown is
    // their sum S over k cells. One cell is pinned down when k is 1, or when S equals k (all ones).
    for (let seed = 1; seed < 2000; seed++) {
      const column = Array.from({ length: 2 + (seed % 5) }, (_, i) => ((seed * (i + 7) * 31) % 17) % (i % 2 ? 6 : 30));
      const shown = suppressColumn(column);
      if (!shown.includes(null)) continue;
      const hidden = column.filter((_, i) => shown[i] === null);
      const sum = hidden.reduce((a, b) => a + b, 0);
      const pinned = hidden.length === 1 || sum === hidden.length;
      const everythingHidden = hidden.length === column.filter((v) => v > 0).length;
      expect(!pinned || everythingHidden, `${column} → ${shown}`).toBe(true);
      if (!everythingHidden) expect(sum, `${column} → ${shown}`).toBeGreaterThanOrEqual(5);
    }
  });
});
