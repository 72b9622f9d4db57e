import { expect, test } from "vitest";
import { CA_REGIONS, CHECKED_ON, FALLBACK, isSubMinimumStipend, minimumWageFor, payAgainstMinimum, US_REGIONS } from "./minimum-wage";

const US_STATES = "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY".split(" ");
const PROVINCES = "AB BC MB NB NL NS NT NU ON PE QC SK YT".split(" ");

test("the minimum-wage table was checked within the last year", () => {
  const ageDays = (Date.now() - Date.parse(`${CHECKED_ON}T00:00:00Z`)) / 86_400_000;
  // When this fails: read the sources in docs/work-authorization.md again, update the rates and
  // their dates in minimum-wage.ts, and move CHECKED_ON.
  expect(ageDays, `minimum wages last checked on ${CHECKED_ON}`).toBeLessThanOrEqual(366);
});

test("every US state and DC, and every Canadian province and territory, has a rate no lower than the federal floor, in force by the check", () => {
  expect(Object.keys(US_REGIONS).sort()).toEqual([...US_STATES].sort());
  expect(Object.keys(CA_REGIONS).sort()).toEqual([...PROVINCES].sort());
  for (const { wage } of Object.values(US_REGIONS)) expect(wage.rate).toBeGreaterThanOrEqual(FALLBACK.US.rate);
  for (const { wage } of Object.values(CA_REGIONS)) expect(wage.rate).toBeGreaterThanOrEqual(FALLBACK.CA.rate);
  for (const { wage } of [...Object.values(US_REGIONS), ...Object.values(CA_REGIONS)]) expect(wage.since <= CHECKED_ON).toBe(true);
});

test("a slot's minimum: its state or province, else the federal (US) or lowest provincial (Canada) one", () => {
  expect(minimumWageFor("CA", "ON")).toMatchObject({ rate: 17.95, currency: "CAD", where: "Ontario", fallback: false });
  expect(minimumWageFor("US", null)).toMatchObject({ rate: 7.25, currency: "USD", fallback: true });
  expect(minimumWageFor("IN", "KA")).toBeNull();
});

test("a stipend is weighed per hour over the whole internship; a paid rate as it is", () => {
  // The $1 stipend for 40 hours × 12 weeks of the issue: an unpaid internship in all but name.
  expect(isSubMinimumStipend({ compensation: "stipend", stipendAmount: 1, currency: "USD", hoursPerWeek: 40, durationWeeks: 12, country: "US", region: "WA" })).toBe(true);
  // CA$13.89 an hour in Toronto, below Ontario's minimum.
  expect(payAgainstMinimum({ compensation: "paid", hourlyRate: "13.89", currency: "CAD", country: "CA", region: "ON" })).toMatchObject({ below: true });
  expect(isSubMinimumStipend({ compensation: "stipend", stipendAmount: 9000, currency: "USD", hoursPerWeek: 20, durationWeeks: 12, country: "US", region: "WA" })).toBe(false);
  // Paid in another currency: nothing to compare here (the form warns about the currency).
  expect(payAgainstMinimum({ compensation: "paid", hourlyRate: 5, currency: "USD", country: "CA", region: "ON" })).toBeNull();
});
