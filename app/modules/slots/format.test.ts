import { describe, expect, test } from "vitest";
import { describePay } from "./format";

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
