import { closeDb } from "~db/client.server";
import { ensureDatabase } from "~db/connect.server";
import { startQueue, stopQueue } from "~/jobs/queue.server";
import { startWorkers } from "~/mail/worker.server";

// The background worker for production: `npm run worker`, beside `npm start` (which then runs
// with RUN_WORKER=false, its default in production).
const { url, embedded } = await ensureDatabase();
const boss = await startQueue(url);
await startWorkers(boss);
console.log("Steppingstone worker is running.");

async function shutdown() {
  await stopQueue();
  await closeDb();
  await embedded?.stop();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
