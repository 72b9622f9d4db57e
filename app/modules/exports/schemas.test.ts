import { describe, expect, test } from "vitest";
import { ExportSchema } from "./schemas";

const issuesOf = (form: Record<string, string>) => {
  const result = ExportSchema.safeParse(form);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.message]);
};

describe("the export form", () => {
  test("a list filtered by work-authorization group needs the same opt-in and reason as the column", () => {
    const [issue] = issuesOf({ kind: "applications", authorizationGroup: "us_student" });
    expect(issue?.[0]).toBe("authorizationGroup");
    expect(issue?.[1]).toContain("tells each person's group");
    expect(issuesOf({ kind: "applications", authorizationGroup: "us_student", includeWorkAuthorization: "on" }).map(([path]) => path)).toEqual(["reason"]);
    expect(issuesOf({ kind: "applications", authorizationGroup: "us_student", includeWorkAuthorization: "on", reason: "CPT paperwork audit for the term" })).toEqual([]);
  });

  test("other filters need no opt-in; a filter the dashboard cannot read is refused on its field", () => {
    expect(issuesOf({ kind: "matches", organizationType: "nonprofit", compensation: "unpaid", from: "2026-01-01", to: "2026-04-30" })).toEqual([]);
    expect(issuesOf({ kind: "matches", compensation: "free" }).map(([path]) => path)).toEqual(["compensation"]);
  });
});
