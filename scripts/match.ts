// npm run match -- --in instance.json [--out result.json] [--list-length N]
// Runs a matching round offline on a JSON instance with the platform's own engine
// (docs/matching.md). Bad input: a message per problem, exit code 2, no stack trace.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseInstance } from "~/engine/instance";
import type { Explanation } from "~/engine/explanations";
import { DEFAULT_LIST_LENGTH, runRound } from "~/engine/round";
import { renderExplanation } from "~/messages/render";

function fail(message: string): never {
  process.stderr.write(`match: ${message}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({ options: { in: { type: "string" }, out: { type: "string" }, "list-length": { type: "string" } } }).values;
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\nusage: npm run match -- --in instance.json [--out result.json] [--list-length N]`);
}
if (!args.in) fail("usage: npm run match -- --in instance.json [--out result.json] [--list-length N]");
const listLength = args["list-length"] === undefined ? DEFAULT_LIST_LENGTH : Number(args["list-length"]);
if (!Number.isInteger(listLength) || listLength < 1 || listLength > 1000) fail("--list-length must be a whole number from 1 to 1000");

let text: string;
try {
  text = readFileSync(args.in, "utf8");
} catch {
  fail(`cannot read ${args.in}`);
}
let json: unknown;
try {
  json = JSON.parse(text);
} catch (error) {
  fail(`${args.in} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
}
const parsed = parseInstance(json);
if (!parsed.ok) {
  const shown = parsed.problems.slice(0, 50);
  fail(`${args.in} has ${parsed.problems.length} problem${parsed.problems.length === 1 ? "" : "s"}:\n${shown.map((p) => `  ${p}`).join("\n")}${parsed.problems.length > shown.length ? `\n  … and ${parsed.problems.length - shown.length} more` : ""}`);
}

const result = runRound(parsed.instance, { listLength });
// Each reason and warning as its code and params (for programs), with the admin-voice text (for people reading the file).
const worded = (e: Explanation) => ({ code: e.code, params: e.params, text: renderExplanation(e, { audience: "admin", name: null }) });
const output = `${JSON.stringify(
  {
    ...result,
    assignments: result.assignments.map((a) => ({
      ...a,
      reasons: a.reasons.map((c) => ({ key: c.key, points: c.points, max: c.max, ...worded(c.reason) })),
      warnings: a.warnings.map(worded),
    })),
  },
  null,
  2,
)}\n`;
if (args.out) {
  writeFileSync(args.out, output);
  const s = result.stats;
  process.stderr.write(`match: assigned ${s.assigned} of ${s.students} students to ${s.slots} slots (${s.seatsLeft} seats left); wrote ${args.out}\n`);
} else {
  process.stdout.write(output);
}
