// npm run match -- --in instance.json [--out result.json] [--list-length N] [--text]
// Runs a matching round offline on a JSON instance with the platform's own engine
// (docs/matching.md). Bad input: a message per problem, exit code 2, no stack trace.
//
// Written for instances of tens of thousands of students: the instance is checked by hand
// (instance-quick.ts, the schema only when something is wrong), the lists are ranked on two
// threads, reasons and warnings go out as codes (their text only with --text), and the result
// is written a line at a time while a helper thread writes the preference lists.
import { createWriteStream, openSync, readFileSync, statSync } from "node:fs";
import { once } from "node:events";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import type { Writable } from "node:stream";
import { deferredAcceptance } from "~/engine/assign";
import { compileInstance, rankingTables } from "~/engine/compile";
import { checkEligibility } from "~/engine/eligibility";
import type { Explanation } from "~/engine/explanations";
import { quickInstance } from "~/engine/instance-quick";
import { assemblePreferences, DEFAULT_LIST_LENGTH, explicitRankings, rankStudents, type RankedRange } from "~/engine/round";
import { scorePair, topComponents } from "~/engine/score";
import { encodeIds, listsBytes, type ListsInput } from "./match-output";
import type { HelperRequest } from "./match.worker";

const USAGE = "usage: npm run match -- --in instance.json [--out result.json] [--list-length N] [--text]";
/** Below this many student × slot pairs one thread is quicker than handing work over. */
const THREADS_MIN_PAIRS = 1_000_000;
/** Files smaller than this are not worth starting the helper for while they are read. */
const THREADS_MIN_BYTES = 256 * 1024;
/** Text is handed to the output in pieces of about this many characters. */
const CHUNK = 1 << 20;
let nextId = 1;

function fail(message: string): never {
  process.stderr.write(`match: ${message}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({ options: { in: { type: "string" }, out: { type: "string" }, "list-length": { type: "string" }, text: { type: "boolean" } } }).values;
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
}
if (!args.in) fail(USAGE);
const listLength = args["list-length"] === undefined ? DEFAULT_LIST_LENGTH : Number(args["list-length"]);
if (!Number.isInteger(listLength) || listLength < 1 || listLength > 1000) fail("--list-length must be a whole number from 1 to 1000");

// The helper thread loads the engine while this one reads the file.
let size = 0;
try {
  size = statSync(args.in).size;
} catch {
  fail(`cannot read ${args.in}`);
}
const helper = size >= THREADS_MIN_BYTES && availableParallelism() > 1 ? startHelper() : Promise.resolve(null);

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
text = "";
// why: the schema (zod) is loaded only when the quick check is unsure — to word the problems.
const quick = quickInstance(json);
const parsed = quick ? ({ ok: true, instance: quick } as const) : (await import("~/engine/instance")).parseInstance(json);
json = null;
if (!parsed.ok) {
  const shown = parsed.problems.slice(0, 50);
  fail(`${args.in} has ${parsed.problems.length} problem${parsed.problems.length === 1 ? "" : "s"}:\n${shown.map((p) => `  ${p}`).join("\n")}${parsed.problems.length > shown.length ? `\n  … and ${parsed.problems.length - shown.length} more` : ""}`);
}

// The round: runRound (round.ts) with the students' lists ranked on two threads when it pays.
const c = compileInstance(parsed.instance);
const explicit = explicitRankings(c);
const worker = c.S * c.T >= THREADS_MIN_PAIRS ? await helper : null;
let ranges: RankedRange[];
if (worker) {
  const half = c.S >> 1;
  const theirs = ask<RankedRange>(worker, { kind: "rank", tables: rankingTables(c), from: 0, to: half, listLength, explicit }, "range");
  const ours = rankStudents(c, half, c.S, listLength, explicit);
  ranges = [await theirs.catch(() => rankStudents(c, 0, half, listLength, explicit)), ours];
} else ranges = [rankStudents(c, 0, c.S, listLength, explicit)];
const prefs = assemblePreferences(c, ranges);
const { assigned, proposals } = deferredAcceptance({ ...prefs, seats: c.tSeats });

// The output, opened only now: bad input leaves an existing file as it was.
let out: Writable;
if (args.out) {
  let fd: number;
  try {
    fd = openSync(args.out, "w");
  } catch {
    fail(`cannot write ${args.out}`);
  }
  out = createWriteStream(args.out, { fd });
} else out = process.stdout;
let pending: string[] = [];
let pendingSize = 0;
async function flush() {
  if (!pendingSize) return;
  const chunk = pending.join("");
  pending = [];
  pendingSize = 0;
  if (!out.write(chunk)) await once(out, "drain");
}
async function emit(piece: string) {
  pending.push(piece);
  pendingSize += piece.length;
  if (pendingSize >= CHUNK) await flush();
}

const { students, slots } = c.instance;
const lists: ListsInput = { studentIds: encodeIds(students.map((r) => r.id)), slotIds: encodeIds(slots.map((r) => r.id)), inputPosition: c.inputPosition, start: prefs.start, slots: prefs.slots, keys: prefs.keys, scores: prefs.scores, studentOrder: c.studentOrder };
// The helper writes the preference lists while this thread explains the assignments.
const listsFromHelper = worker ? ask<Uint8Array>(worker, { kind: "lists", ...lists }, "bytes").catch(() => null) : Promise.resolve(null);

// Each reason and warning as its code and params; with --text, also in the admin's voice.
const withText = args.text === true;
// why: the catalogue and Intl formatters are loaded only when text is asked for.
const { renderExplanation } = withText ? await import("~/messages/render") : { renderExplanation: null };
const worded = (e: Explanation) => (withText ? { code: e.code, params: e.params, text: renderExplanation!(e, { audience: "admin", name: null }) } : { code: e.code, params: e.params });
const unassigned: string[] = [];
let assignedCount = 0;
let scoreSum = 0;
let gotFirstChoice = 0;
await emit('{"assignments":[');
for (let s = 0; s < c.S; s++) {
  const t = assigned[s]!;
  if (t < 0) {
    unassigned.push(JSON.stringify(students[s]!.id));
    continue;
  }
  const pair = scorePair(students[s]!, slots[t]!);
  const assignment = {
    studentId: students[s]!.id,
    slotId: slots[t]!.id,
    score: pair.score,
    reasons: topComponents(pair.components).map((r) => ({ key: r.key, points: r.points, max: r.max, ...worded(r.reason) })),
    warnings: checkEligibility(students[s]!, slots[t]!).warnings.map(worded),
  };
  await emit(`${assignedCount ? ",\n" : "\n"}${JSON.stringify(assignment)}`);
  assignedCount++;
  scoreSum += pair.score;
  if (prefs.slots[prefs.start[s]!] === t && prefs.start[s + 1]! > prefs.start[s]!) gotFirstChoice++;
}
await emit(`\n],\n"unassigned":[${unassigned.join(",")}],\n`);
const bytes = (await listsFromHelper) ?? listsBytes(lists);
await flush();
if (!out.write(bytes)) await once(out, "drain");
const seats = slots.reduce((sum, t) => sum + t.seats, 0);
const stats = {
  students: c.S,
  slots: c.T,
  seats,
  assigned: assignedCount,
  unassigned: unassigned.length,
  seatsLeft: seats - assignedCount,
  proposals,
  averageScore: assignedCount ? Math.round((scoreSum / assignedCount) * 10) / 10 : 0,
  gotFirstChoice,
};
await emit(`"stats":${JSON.stringify(stats)}}\n`);
await flush();
if (args.out) {
  out.end();
  await once(out, "finish");
  const threads = worker ? "two threads" : "one thread";
  process.stderr.write(`match: assigned ${stats.assigned} of ${stats.students} students to ${stats.slots} slots (${stats.seatsLeft} seats left) on ${threads}; wrote ${args.out}\n`);
}

/** The helper thread (match.worker.ts), loaded through tsx as this process is; null when it cannot start. */
function startHelper(): Promise<Worker | null> {
  let api: string;
  try {
    api = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href;
  } catch {
    return Promise.resolve(null);
  }
  const file = pathToFileURL(fileURLToPath(new URL("match.worker.ts", import.meta.url))).href;
  return new Promise((resolve) => {
    const bootstrap = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file)}); });`;
    const started = new Worker(bootstrap, { eval: true });
    started.unref();
    const failed = () => resolve(null);
    started.once("error", failed);
    started.once("exit", failed);
    started.once("message", () => {
      started.removeListener("error", failed);
      started.removeListener("exit", failed);
      started.on("error", () => undefined);
      resolve(started);
    });
  });
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** One request to the helper; rejects when it fails or stops, so the caller can do the work itself. */
function ask<T>(to: Worker, request: DistributiveOmit<HelperRequest, "id">, field: "range" | "bytes"): Promise<T> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (reply: { id: number; error?: string } & Record<string, unknown>) => {
      if (reply.id !== id) return;
      done();
      if (reply[field]) resolve(reply[field] as T);
      else reject(new Error(reply.error ?? "the helper thread failed"));
    };
    const onExit = () => (done(), reject(new Error("the helper thread stopped")));
    const done = () => {
      to.removeListener("message", onMessage);
      to.removeListener("exit", onExit);
      to.unref();
    };
    // why: ref while waiting, so the process stays up for the reply.
    to.ref();
    to.on("message", onMessage);
    to.on("exit", onExit);
    to.postMessage({ id, ...request });
  });
}
