import { afterAll, beforeAll } from "vitest";
import { stopQueue } from "~/jobs/queue.server";
import { closeDb, getDb, type Db } from "../client.server";
import { startTestQueue } from "./factories";

// Vitest only: Playwright imports factories.ts, which must not pull in vitest, so this lives apart.

/**
 * The test database of a module test file, called once at its top: closes the pool after the
 * file and, with `queue`, runs the job queue (queueEmail needs it) for the file's duration.
 * A file's own afterAll hooks run before these (Vitest runs after-hooks last registered first),
 * so its cleanup still has the database.
 */
export function moduleTestDb({ queue = false }: { queue?: boolean } = {}): Db {
  if (queue) beforeAll(() => startTestQueue());
  afterAll(async () => {
    if (queue) await stopQueue();
    await closeDb();
  });
  return getDb();
}
