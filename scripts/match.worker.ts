import { parentPort } from "node:worker_threads";
import type { RankingTables } from "../app/engine/compile";
import { rankStudents, type ExplicitRankings } from "../app/engine/round";
import { listsBytes, type ListsInput } from "./match-output";

// The helper thread of `npm run match` (scripts/match.ts): ranks the first half of the
// students on its copy of the ranking tables, then writes the preferences part of the result
// while the main thread explains the assignments.

export type HelperRequest =
  | { id: number; kind: "rank"; tables: RankingTables; from: number; to: number; listLength: number; explicit: ExplicitRankings }
  | ({ id: number; kind: "lists" } & ListsInput);

parentPort!.on("message", (request: HelperRequest) => {
  try {
    if (request.kind === "rank") {
      const range = rankStudents(request.tables, request.from, request.to, request.listLength, request.explicit);
      parentPort!.postMessage({ id: request.id, range }, [range.start.buffer, range.slots.buffer, range.scores.buffer] as ArrayBuffer[]);
    } else {
      const bytes = listsBytes(request);
      parentPort!.postMessage({ id: request.id, bytes }, [bytes.buffer] as ArrayBuffer[]);
    }
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort!.postMessage({ ready: true });
