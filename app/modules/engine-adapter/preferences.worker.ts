import { parentPort } from "node:worker_threads";
import type { RankingTables } from "../../engine/compile";
import { rankStudents, type ExplicitRankings } from "../../engine/round";

// The helper thread of threads.ts: ranks a range of students on its copy of the ranking tables.

type Request = { id: number; tables: RankingTables; from: number; to: number; listLength: number; explicit: ExplicitRankings };

parentPort!.on("message", ({ id, tables, from, to, listLength, explicit }: Request) => {
  try {
    const range = rankStudents(tables, from, to, listLength, explicit);
    parentPort!.postMessage({ id, range }, [range.start.buffer, range.slots.buffer, range.scores.buffer] as ArrayBuffer[]);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort!.postMessage({ ready: true });
