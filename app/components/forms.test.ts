import { describe, expect, it } from "vitest";
import { firstErrorField } from "./forms";

describe("firstErrorField", () => {
  const order = ["title", "skills[]", "primaryBeneficiary", "questions"];

  it("picks the first invalid field in page order, not in the order of the errors", () => {
    expect(firstErrorField({ questions: ["Too long"], title: ["Required"] }, order)).toBe("title");
  });

  it("skips fields whose error list is empty or null", () => {
    expect(firstErrorField({ title: [], "questions[1]": ["Too long"], primaryBeneficiary: null }, order)).toBe("questions[1]");
  });

  it("orders a list's rows by number, so row 2 comes before row 10", () => {
    expect(firstErrorField({ "skills[10].skill": ["Unknown"], "skills[2].level": ["Pick a level"] }, order)).toBe("skills[2].level");
  });

  it("keeps the errors' order within one row (the skill before its level)", () => {
    expect(firstErrorField({ "skills[0].skill": ["Unknown"], "skills[0].level": ["Pick a level"] }, order)).toBe("skills[0].skill");
  });

  it("with [] stands for the rows only: the list's own message has no input", () => {
    expect(firstErrorField({ skills: ["Too many"] }, order)).toBeUndefined();
  });

  it("finds the parts of a nested field, and a list's own message before its rows", () => {
    expect(firstErrorField({ "primaryBeneficiary.duties": ["Answer this"] }, order)).toBe("primaryBeneficiary.duties");
    expect(firstErrorField({ "questions[0]": ["Too long"], questions: ["At most 3"] }, order)).toBe("questions");
  });

  it("returns nothing without errors", () => {
    expect(firstErrorField(undefined, order)).toBeUndefined();
    expect(firstErrorField({ titles: ["Not a field here"] }, order)).toBeUndefined();
  });
});
