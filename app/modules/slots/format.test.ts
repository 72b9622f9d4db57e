import { describe, expect, test } from "vitest";
import { describePay, EXCERPT_CHARS, excerpt, plural } from "./format";

describe("describePay", () => {
  test("names the currency once", () => {
    expect(describePay({ compensation: "paid", hourlyRate: "22.50", stipendAmount: null, currency: "CAD" })).toBe("$22.50 CAD an hour");
    expect(describePay({ compensation: "paid", hourlyRate: 25, stipendAmount: null, currency: "USD" })).toBe("$25.00 USD an hour");
    expect(describePay({ compensation: "stipend", hourlyRate: null, stipendAmount: 3000, currency: "CAD" })).toBe("$3,000 CAD stipend for the internship");
  });

  test("unpaid and course-credit slots name no amount", () => {
    expect(describePay({ compensation: "unpaid", hourlyRate: null, stipendAmount: null, currency: null })).toBe("Unpaid");
    expect(describePay({ compensation: "course_credit", hourlyRate: null, stipendAmount: null, currency: null })).toBe("Unpaid, for course credit");
  });
});

describe("excerpt", () => {
  test("a text that fits comes back whole", () => {
    expect(excerpt("Build the data pipeline.")).toBe("Build the data pipeline.");
    expect(excerpt("x".repeat(EXCERPT_CHARS))).toBe("x".repeat(EXCERPT_CHARS));
  });

  test("a longer text is cut at a word and marked, never past the limit", () => {
    const text = "word ".repeat(100);
    const cut = excerpt(text);
    expect(cut.endsWith("word…")).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(EXCERPT_CHARS + 1);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
  });

  test("one long word is cut where the limit falls", () => {
    expect(excerpt("y".repeat(EXCERPT_CHARS + 1))).toBe(`${"y".repeat(EXCERPT_CHARS)}…`);
  });
});

describe("plural", () => {
  test("groups thousands and matches the noun to the count", () => {
    expect([plural(1, "open slot"), plural(0, "open slot"), plural(10_017, "open slot"), plural(2, "match", "matches")]).toEqual(["1 open slot", "0 open slots", "10,017 open slots", "2 matches"]);
  });
});
