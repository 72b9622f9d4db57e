import { expect, test } from "vitest";
import { organizationAddress, organizationPlace } from "./place";

test("the place is the city and the country, or the country alone; the address puts the street before it", () => {
  expect(organizationPlace({ city: "Winnipeg", country: "CA" })).toBe("Winnipeg, Canada");
  expect(organizationPlace({ city: null, country: "MX" })).toBe("Mexico");
  expect(organizationAddress({ address: "66 Chancellors Circle", city: "Winnipeg", country: "CA" })).toBe("66 Chancellors Circle, Winnipeg, Canada");
  expect(organizationAddress({ address: null, city: null, country: "US" })).toBe("United States");
});
