import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { rankingTables, type Compiled } from "../../engine/compile";
import { assemblePreferences, explicitRankings, rankStudents, type ExplicitRankings, type Preferences, type RankedRange } from "../../engine/round";

// Preference building on two threads: students are independent, so a helper thread ranks
// the first half on a copy of the ranking tables while this thread ranks the second. The
// helper is started once per process and kept (it does not keep the process alive). When it
// cannot start (no second core, no tsx to load TypeScript), everything runs on this thread:
// the lists are the same either way.

/** Below this many student × slot pairs, one thread is quicker than handing work over. */
const PARALLEL_MIN_PAIRS = 20_000_000;
const WORKER_FILE = "preferences.worker.ts";
const START_TIMEOUT_MS = 20_000;

type Request = { id: number; tables: ReturnType<typeof rankingTables>; from: number; to: number; listLength: number; explicit: ExplicitRankings };
type Reply = { id: number; range?: RankedRange; error?: string };

const state = globalThis as typeof globalThis & { __steppingstoneRankingHelper?: Promise<Worker | null> };
let nextId = 1;

/** The worker file: beside this module, or (when this module is bundled) in the project's source. */
function workerPath() {
  const beside = fileURLToPath(new URL(WORKER_FILE, import.meta.url));
  if (existsSync(beside)) return beside;
  const inSource = path.resolve("app/modules/engine-adapter", WORKER_FILE);
  return existsSync(inSource) ? inSource : null;
}

/** tsx's ESM API, which lets the helper load the engine's TypeScript as this process does. */
function tsxApi() {
  try {
    const file = createRequire(import.meta.url).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs");
    return existsSync(file) ? pathToFileURL(file).href : null;
  } catch {
    return null;
  }
}

function startHelper(): Promise<Worker | null> {
  const file = workerPath();
  const api = tsxApi();
  if (!file || !api) return Promise.resolve(null);
  return new Promise((resolve) => {
    const bootstrap = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`;
    const worker = new Worker(bootstrap, { eval: true });
    const timer = setTimeout(() => fail(), START_TIMEOUT_MS);
    const fail = () => {
      clearTimeout(timer);
      state.__steppingstoneRankingHelper = undefined;
      void worker.terminate();
      resolve(null);
    };
    worker.once("error", fail);
    worker.once("exit", fail);
    worker.once("message", () => {
      clearTimeout(timer);
      worker.removeListener("error", fail);
      worker.removeListener("exit", fail);
      worker.on("error", () => (state.__steppingstoneRankingHelper = undefined));
      worker.on("exit", () => (state.__steppingstoneRankingHelper = undefined));
      worker.unref();
      resolve(worker);
    });
  });
}

/** The helper thread, started on first use (null when it cannot run). */
export function rankingHelper() {
  return (state.__steppingstoneRankingHelper ??= startHelper());
}

function ask(worker: Worker, request: Omit<Request, "id">): Promise<RankedRange> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (reply: Reply) => {
      if (reply.id !== id) return;
      done();
      if (reply.range) resolve(reply.range);
      else reject(new Error(reply.error ?? "the ranking helper failed"));
    };
    const onExit = () => (done(), reject(new Error("the ranking helper stopped")));
    const done = () => {
      worker.removeListener("message", onMessage);
      worker.removeListener("exit", onExit);
      worker.unref();
    };
    // why: ref while waiting, so the process stays up for the reply.
    worker.ref();
    worker.on("message", onMessage);
    worker.on("exit", onExit);
    worker.postMessage({ id, ...request } satisfies Request);
  });
}

/** Whether an instance this size is ranked on two threads. */
function worthThreads(students: number, slots: number) {
  return students * slots >= PARALLEL_MIN_PAIRS && availableParallelism() > 1;
}

/** Starts the helper early (while other work goes on) when an instance this size will use it. */
export function prepareThreads(students: number, slots: number) {
  if (worthThreads(students, slots)) void rankingHelper();
}

/**
 * buildPreferences (round.ts) on two threads when the instance is large and a helper can run;
 * the same lists either way. `threads` says how many took part.
 */
export async function buildPreferencesInThreads(c: Compiled, listLength: number): Promise<{ prefs: Preferences; threads: number }> {
  const explicit = explicitRankings(c);
  const helper = worthThreads(c.S, c.T) ? await rankingHelper() : null;
  if (!helper) return { prefs: assemblePreferences(c, [rankStudents(c, 0, c.S, listLength, explicit)]), threads: 1 };
  const half = c.S >> 1;
  const theirs = ask(helper, { tables: rankingTables(c), from: 0, to: half, listLength, explicit });
  const ours = rankStudents(c, half, c.S, listLength, explicit);
  const first = await theirs.catch(() => rankStudents(c, 0, half, listLength, explicit));
  return { prefs: assemblePreferences(c, [first, ours]), threads: 2 };
}
