// npm run bench:match — the matching engine on a seeded 50,000-student × 10,000-slot
// instance (40,000 seats). Prints each figure beside a same-run baseline so ratios can be
// compared across machines.
import { compileInstance } from "~/engine/compile";
import { deferredAcceptance } from "~/engine/assign";
import { generateInstance } from "~/engine/generate";
import { describeRound } from "~/engine/round";
import { buildPreferencesInThreads, rankingHelper } from "~/modules/engine-adapter/threads";
import { findBlockingPairs } from "~/engine/stability";

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 50_000);
const SLOTS = Number(process.env.BENCH_SLOTS ?? 10_000);
const SEATS = Number(process.env.BENCH_SEATS ?? 40_000);

const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
let peakRss = process.memoryUsage().rss;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

// The helper thread starts once per process (a server starts it on its first round), so its
// start is timed on its own.
let t0 = process.hrtime.bigint();
const helperReady = (await rankingHelper()) !== null;
const helperMs = ms(t0);

const instance = generateInstance({ students: STUDENTS, slots: SLOTS, seats: SEATS, seed: 2027 });
const json = JSON.stringify(instance);
t0 = process.hrtime.bigint();
JSON.parse(json);
const parseMs = ms(t0);
// Collect what generating the instance and the baseline left behind (npm run bench:match runs
// with --expose-gc), so that collection does not land on the engine's time.
(globalThis as { gc?: () => void }).gc?.();

t0 = process.hrtime.bigint();
const compiled = compileInstance(instance);
const compileMs = ms(t0);
t0 = process.hrtime.bigint();
const { prefs, threads } = await buildPreferencesInThreads(compiled, 50);
const prefsMs = ms(t0);
t0 = process.hrtime.bigint();
const { assigned, proposals } = deferredAcceptance({ ...prefs, seats: compiled.tSeats });
const daMs = ms(t0);
const inMemoryMs = compileMs + prefsMs + daMs;
t0 = process.hrtime.bigint();
const result = describeRound(compiled, prefs, assigned, proposals);
const describeMs = ms(t0);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
clearInterval(sample);

const blocking = process.env.BENCH_CHECK === "false" ? "skipped" : String(findBlockingPairs(instance, result).length);
const listEntries = prefs.slots.length;

const rows: [string, string, string][] = [
  ["baseline: JSON.parse of the instance", `${parseMs.toFixed(0)} ms`, `${(json.length / 1024 / 1024).toFixed(0)} MB of JSON`],
  ["deferred acceptance", `${daMs.toFixed(1)} ms`, `target ≤ 100 ms; ${proposals.toLocaleString("en-US")} proposals; ${(daMs / parseMs).toFixed(2)}× parse`],
  ["compile + candidates + scoring + assignment", `${inMemoryMs.toFixed(0)} ms`, `target ≤ 1000 ms (compile ${compileMs.toFixed(0)}, preferences ${prefsMs.toFixed(0)} on ${threads} thread${threads === 1 ? "" : "s"}, DA ${daMs.toFixed(0)}); ${(inMemoryMs / parseMs).toFixed(2)}× parse`],
  ["helper thread start (once per process)", `${helperMs.toFixed(0)} ms`, helperReady ? "ranks half the students" : "could not start: one thread"],
  ["explaining the assignments", `${describeMs.toFixed(0)} ms`, "reasons, warnings, output lists: what a round in the app does (npm run match writes its own file instead)"],
  ["peak memory (RSS)", mib(peakRss), "target ≤ 1 GiB"],
];
console.log(`Matching engine: ${STUDENTS.toLocaleString("en-US")} students × ${SLOTS.toLocaleString("en-US")} slots, ${SEATS.toLocaleString("en-US")} seats, node ${process.version}`);
for (const [what, figure, note] of rows) console.log(`  ${what.padEnd(46)} ${figure.padStart(10)}   ${note}`);
console.log(`  assigned ${result.stats.assigned.toLocaleString("en-US")}, unassigned ${result.stats.unassigned.toLocaleString("en-US")}, average score ${result.stats.averageScore}, first choice ${result.stats.gotFirstChoice.toLocaleString("en-US")}, list entries ${listEntries.toLocaleString("en-US")}, blocking pairs ${blocking}`);
