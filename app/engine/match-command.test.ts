import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { renderExplanation } from "~/messages/render";
import type { Explanation } from "./explanations";
import { generateInstance, mulberry32 } from "./generate";
import { runRound } from "./round";
import { findBlockingPairs } from "./stability";
import type { MatchInstance } from "./types";

// `npm run match` (scripts/match.ts) against the result the command gave before it was made
// fast: runRound, every reason and warning with its admin-voice text, one JSON document.

/** The command's output as it was written before (one JSON.stringify of the whole result). */
function previousOutput(instance: MatchInstance, listLength?: number) {
  const result = runRound(instance, { listLength });
  const worded = (e: Explanation) => ({ code: e.code, params: e.params, text: renderExplanation(e, { audience: "admin", name: null }) });
  return {
    ...result,
    assignments: result.assignments.map((a) => ({
      ...a,
      reasons: a.reasons.map((c) => ({ key: c.key, points: c.points, max: c.max, ...worded(c.reason) })),
      warnings: a.warnings.map(worded),
    })),
  };
}

type Output = ReturnType<typeof previousOutput>;
const withoutText = (output: Output) => ({
  ...output,
  assignments: output.assignments.map((a) => ({
    ...a,
    reasons: a.reasons.map(({ text: _text, ...rest }) => rest),
    warnings: a.warnings.map(({ text: _text, ...rest }) => rest),
  })),
});

/** The command as a child process; awaited, so the test runner stays responsive while it runs. */
function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "scripts/match.ts", ...args]);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** A seeded instance with students' and mentors' own rankings, shuffled so compiled order differs from the input's. */
function seededInstance(students: number, slots: number) {
  const instance = generateInstance({ students, slots, seats: Math.round(students * 0.8), seed: 31 });
  const random = mulberry32(5);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  instance.students.forEach((s, i) => {
    if (i % 7 === 0) s.ranking = [pick(instance.slots).id, pick(instance.slots).id];
  });
  instance.slots.forEach((t, i) => {
    if (i % 5 === 0) t.ranking = [pick(instance.students).id, pick(instance.students).id, pick(instance.students).id];
  });
  return instance;
}

test("on a seeded 3,000 × 1,000 instance the command gives the same round as before, on two threads, with codes (and text with --text)", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "match-command-"));
  const instance = seededInstance(3000, 1000);
  const file = path.join(dir, "instance.json");
  writeFileSync(file, JSON.stringify(instance));
  const expected = previousOutput(instance);
  expect(expected.stats.assigned).toBeGreaterThan(1000);

  const codes = path.join(dir, "codes.json");
  const plain = await run(["--in", file, "--out", codes]);
  expect(plain.status).toBe(0);
  expect(plain.stderr).toContain(`assigned ${expected.stats.assigned} of 3000 students`);
  expect(plain.stderr).toContain("on two threads");
  const result = JSON.parse(readFileSync(codes, "utf8"));
  expect(result).toEqual(withoutText(expected));
  expect(JSON.stringify(result)).not.toContain('"text"');
  expect(findBlockingPairs(instance, result)).toEqual([]);

  const worded = path.join(dir, "text.json");
  expect((await run(["--in", file, "--out", worded, "--text"])).status).toBe(0);
  expect(JSON.parse(readFileSync(worded, "utf8"))).toEqual(expected);
}, 120_000);

test("a small instance runs on one thread and prints to standard output; --list-length still bounds the lists", async () => {
  const example = JSON.parse(readFileSync("docs/examples/instance.json", "utf8"));
  const printed = await run(["--in", "docs/examples/instance.json", "--list-length", "1", "--text"]);
  expect(printed.status).toBe(0);
  expect(JSON.parse(printed.stdout)).toEqual(previousOutput(example, 1));
  // One line per assignment and per list, not one line for the whole result.
  expect(printed.stdout.split("\n").length).toBeGreaterThan(10);
}, 60_000);

test("bad input exits 2 with the schema's messages and leaves an existing output file as it was", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "match-command-"));
  const bad = path.join(dir, "bad.json");
  const example = JSON.parse(readFileSync("docs/examples/instance.json", "utf8"));
  example.slots[1].seats = 0;
  writeFileSync(bad, JSON.stringify(example));
  const out = path.join(dir, "out.json");
  writeFileSync(out, "before");
  const failed = await run(["--in", bad, "--out", out]);
  expect(failed.status).toBe(2);
  expect(failed.stderr).toMatch(/slots\[1\] \(id "t2"\): seats: /);
  expect(failed.stderr).not.toMatch(/\n\s+at /);
  expect(readFileSync(out, "utf8")).toBe("before");

  const nowhere = await run(["--in", "docs/examples/instance.json", "--out", path.join(dir, "missing", "out.json")]);
  expect(nowhere.status).toBe(2);
  expect(nowhere.stderr).toContain("cannot write");
  expect(existsSync(path.join(dir, "missing"))).toBe(false);
}, 60_000);
