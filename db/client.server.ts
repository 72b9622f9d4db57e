import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Db = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };

export function createDb(url: string, options: { max?: number } = {}): Db {
  const client = postgres(url, {
    max: options.max ?? 10,
    // why: pg-boss passes `undefined` for optional parameters; postgres.js must send NULL.
    transform: { undefined: null },
    onnotice: () => {},
  });
  return drizzle(client, { schema, casing: "snake_case" });
}

// why: the Remix server bundle and the tsx-loaded server (worker, scripts) are two copies of this
// module in one process; keeping the pool on globalThis gives them one pool, not two.
const holder = globalThis as typeof globalThis & { __steppingstoneDb?: Db };

/** The process's database, for `DATABASE_URL` (set by the embedded server when unset by the user). */
export function getDb(): Db {
  if (!holder.__steppingstoneDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set and no embedded database was started");
    holder.__steppingstoneDb = createDb(url);
  }
  return holder.__steppingstoneDb;
}

export async function closeDb() {
  const db = holder.__steppingstoneDb;
  holder.__steppingstoneDb = undefined;
  await db?.$client.end({ timeout: 5 });
}

/**
 * Runs `fn` in one transaction. `tx` is a full Drizzle handle whose `$client` is the
 * transaction's postgres.js client, so jobs can be queued on it (see app/jobs/queue.server.ts).
 * Called with a handle that is already a transaction, it opens a savepoint.
 */
export async function transaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  // why: postgres.js types `begin`/`savepoint` results as deep row lists; we only pass T through.
  type Runner = (run: (sqlTx: postgres.TransactionSql) => Promise<T>) => Promise<T>;
  const client = db.$client as unknown as { begin?: Runner; savepoint?: Runner };
  const open = (client.savepoint ?? client.begin)!.bind(client);
  return open((sqlTx) => {
    // why: drizzle reads `options` (parsers, serializers) from the client it wraps, and a postgres.js
    // transaction handle has none; it runs on the pool's connections, so it shares the pool's options.
    const client = Object.assign(sqlTx, { options: db.$client.options }) as unknown as postgres.Sql;
    return fn(drizzle(client, { schema, casing: "snake_case" }) as Db);
  });
}
