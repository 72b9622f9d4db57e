import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { parseInstance } from "./instance";

const example = JSON.parse(readFileSync("docs/examples/instance.json", "utf8"));

test("the documented example instance is valid", () => {
  const parsed = parseInstance(example);
  expect(parsed.ok).toBe(true);
});

test("each problem names the record and the field", () => {
  const bad = structuredClone(example);
  delete bad.students[1].timezone;
  bad.students[2].workAuthorization = "us_h1b";
  bad.slots[0].seats = 0;
  bad.slots[2].id = "t1";
  const parsed = parseInstance(bad);
  expect(parsed.ok).toBe(false);
  if (parsed.ok) return;
  expect(parsed.problems).toEqual(
    expect.arrayContaining([
      'students[1] (id "s2"): timezone: is missing',
      expect.stringMatching(/^students\[2\] \(id "s3"\): workAuthorization: must be one of "us_citizen_pr"/),
      expect.stringMatching(/^slots\[0\] \(id "t1"\): seats: /),
      'slots[2] (id "t1"): id: duplicates slots[0]',
    ]),
  );
});

test("npm run match: bad input exits 2 with messages and no stack trace; good input writes the result", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "match-"));
  const bad = path.join(dir, "bad.json");
  writeFileSync(bad, JSON.stringify({ students: [{ id: "a" }], slots: [] }));
  const failed = spawnSync("npx", ["tsx", "scripts/match.ts", "--in", bad], { encoding: "utf8" });
  expect(failed.status).toBe(2);
  expect(failed.stderr).toContain('students[0] (id "a"): workAuthorization: is missing');
  expect(failed.stderr).not.toMatch(/\n\s+at /);

  const out = path.join(dir, "out.json");
  const ok = spawnSync("npx", ["tsx", "scripts/match.ts", "--in", "docs/examples/instance.json", "--out", out, "--list-length", "2"], { encoding: "utf8" });
  expect(ok.status).toBe(0);
  const result = JSON.parse(readFileSync(out, "utf8"));
  expect(result.assignments.map((a: { studentId: string }) => a.studentId)).toEqual(["s1", "s2"]);
  expect(result.unassigned).toEqual(["s3"]);
  for (const list of Object.values(result.preferences.students) as string[][]) expect(list.length).toBeLessThanOrEqual(2);
}, 30_000);
