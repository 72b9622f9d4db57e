import { DrizzleQueryError } from "drizzle-orm";
import { expect, test } from "vitest";
import { errorForLog } from "./errors.server";

test("a failed query is logged with its SQL and code, never the values the request carried", () => {
  const cause = Object.assign(new Error("invalid byte sequence for encoding \"UTF8\": 0x00"), {
    code: "22021",
    query: "insert into applications (statement) values ($1)",
    parameters: ["My private statement \u0000 with a NUL"],
  });
  const error = new DrizzleQueryError("insert into applications (statement) values ($1)", ["My private statement \u0000 with a NUL"], cause);
  const logged = errorForLog(error);
  expect(logged).toContain("insert into applications (statement) values ($1)");
  expect(logged).toContain("[22021]");
  expect(logged).toContain("params: (not logged)");
  expect(logged).not.toContain("My private statement");
});

test("any other error keeps its name, message and frames", () => {
  const logged = errorForLog(new TypeError("Cannot read properties of undefined"));
  expect(logged).toMatch(/^TypeError: Cannot read properties of undefined\n\s+at /);
});
