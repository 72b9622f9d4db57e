import { closeDb } from "~db/client.server";
import type { EmbeddedDatabase } from "~db/embedded.server";
import { stopQueue } from "~/jobs/queue.server";

/**
 * On SIGINT or SIGTERM, once: `first` (the web server stops taking requests), then the job
 * queue, the database pool and the embedded database, in that order, and the process exits.
 */
export function stopOnSignal(embedded: EmbeddedDatabase | null, first: () => void = () => {}) {
  let closing = false;
  async function shutdown() {
    if (closing) return;
    closing = true;
    first();
    await stopQueue();
    await closeDb();
    await embedded?.stop();
    process.exit(0);
  }
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
