// npm run bench:whatif — the what-if command, `npm run match`, as a whole process on a seeded
// 50,000-student × 10,000-slot instance (40,000 seats), beside the floor: a `node -e` that
// reads and parses the same file. The two run in turn, several times; each run's ratio is taken
// against the floor run next to it, and the medians are printed with the targets (issue 16):
// ≤ 4 s, ≤ 5.5× the floor, peak memory ≤ 1 GiB. Peak memory is read with GNU time
// (/usr/bin/time) when it is there.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateInstance } from "~/engine/generate";

const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 50_000);
const SLOTS = Number(process.env.BENCH_SLOTS ?? 10_000);
const SEATS = Number(process.env.BENCH_SEATS ?? 40_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_S = 4;
const TARGET_RATIO = 5.5;
const TARGET_MIB = 1024;

const dir = mkdtempSync(path.join(tmpdir(), "bench-whatif-"));
const file = path.join(dir, "instance.json");
const out = path.join(dir, "result.json");
writeFileSync(file, JSON.stringify(generateInstance({ students: STUDENTS, slots: SLOTS, seats: SEATS, seed: 2027 })));

const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
/** One whole process: wall seconds, and peak RSS in MiB when GNU time can say. */
function timed(command: string[]) {
  const [program, ...args] = gnuTime ? [gnuTime, "-f", "peak-kib %M", ...command] : command;
  const t0 = performance.now();
  const run = spawnSync(program!, args, { encoding: "utf8", maxBuffer: 1 << 24 });
  const seconds = (performance.now() - t0) / 1000;
  if (run.status !== 0) throw new Error(`${command.join(" ")} exited ${run.status}: ${run.stderr}`);
  const peak = /peak-kib (\d+)/.exec(run.stderr ?? "");
  return { seconds, mib: peak ? Number(peak[1]) / 1024 : null };
}

const floorCommand = ["node", "-e", `JSON.parse(require("fs").readFileSync(${JSON.stringify(file)}, "utf8"))`];
const matchCommand = ["npm", "run", "--silent", "match", "--", "--in", file, "--out", out];
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

try {
  // One of each first, not counted: the file and the compiled TypeScript come from caches after.
  timed(floorCommand);
  timed(matchCommand);
  const floor: number[] = [];
  const command: number[] = [];
  const ratios: number[] = [];
  const peaks: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const f = timed(floorCommand);
    const m = timed(matchCommand);
    floor.push(f.seconds);
    command.push(m.seconds);
    ratios.push(m.seconds / f.seconds);
    if (m.mib !== null) peaks.push(m.mib);
  }
  const seconds = median(command);
  const ratio = median(ratios);
  const peak = peaks.length ? Math.max(...peaks) : null;
  const verdict = (ok: boolean) => (ok ? "met" : "NOT MET");
  const range = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
  console.log(`What-if command: npm run match on ${STUDENTS.toLocaleString("en-US")} students × ${SLOTS.toLocaleString("en-US")} slots (${SEATS.toLocaleString("en-US")} seats), ${RUNS} runs each, in turn, node ${process.version}`);
  console.log(`  ${"floor: node -e reading + JSON.parse of the file".padEnd(52)} median ${median(floor).toFixed(2)} s   (${range(floor)})`);
  console.log(`  ${"npm run match, whole process".padEnd(52)} median ${seconds.toFixed(2)} s   (${range(command)})   target ≤ ${TARGET_S} s: ${verdict(seconds <= TARGET_S)}`);
  console.log(`  ${"ratio to the floor (run by run)".padEnd(52)} median ${ratio.toFixed(2)}×     (${range(ratios)})   target ≤ ${TARGET_RATIO}×: ${verdict(ratio <= TARGET_RATIO)}`);
  console.log(`  ${"peak memory (RSS), largest run".padEnd(52)} ${peak === null ? "not measured (no /usr/bin/time)" : `${peak.toFixed(0)} MiB   target ≤ 1 GiB: ${verdict(peak <= TARGET_MIB)}`}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
