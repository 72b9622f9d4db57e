import { ensureDatabase } from "~db/connect.server";
import { startQueue } from "~/jobs/queue.server";
import { startWorkers } from "~/mail/worker.server";
import { stopOnSignal } from "./shutdown";

// The background worker for production: `npm run worker`, beside `npm start` (which then runs
// with RUN_WORKER=false, its default in production).
const { url, embedded } = await ensureDatabase();
const boss = await startQueue(url);
await startWorkers(boss);
console.log("Steppingstone worker is running.");
stopOnSignal(embedded);
