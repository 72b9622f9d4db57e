import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { createDb } from "../client.server";
import { startEmbeddedDatabase } from "../embedded.server";
import { runMigrations } from "../migrate.server";

// Vitest globalSetup: one fresh, migrated database for the whole run. Test workers are forked
// after this runs and inherit process.env, so getDb() in a test finds DATABASE_URL.

async function migrate(url: string) {
  const db = createDb(url, { max: 1 });
  try {
    await runMigrations(db);
  } finally {
    await db.$client.end({ timeout: 5 });
  }
}

/** The server's address without credentials, for the log line. */
function address(url: URL) {
  return `${url.hostname}:${url.port || 5432}${url.pathname}`;
}

/** A throwaway database on the PostgreSQL server of `serverUrl`, dropped in teardown. */
async function useServer(serverUrl: string) {
  const name = `steppingstone_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  let created = false;
  try {
    const [server] = await admin<{ version: string }[]>`select current_setting('server_version') as version`;
    await admin.unsafe(`create database "${name}"`);
    created = true;

    const testUrl = new URL(serverUrl);
    testUrl.pathname = `/${name}`;
    process.env.DATABASE_URL = testUrl.toString();
    await migrate(process.env.DATABASE_URL);
    console.log(`[tests] database: PostgreSQL ${server!.version} at ${address(testUrl)} (dropped afterwards)`);
  } catch (error) {
    if (created) await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
    throw error;
  }

  return async () => {
    try {
      // why: `with (force)` ends connections a test file may have left open, so the drop never hangs.
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
    } finally {
      await admin.end({ timeout: 5 });
    }
  };
}

async function useEmbedded() {
  const embedded = await startEmbeddedDatabase({ dataDir: "memory://" });
  process.env.DATABASE_URL = embedded.url;
  try {
    await migrate(embedded.url);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  console.log(`[tests] database: embedded PGlite in memory at ${address(new URL(embedded.url))} (set TEST_DATABASE_URL to use a PostgreSQL server)`);
  return () => embedded.stop();
}

export default async function setup() {
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  return serverUrl ? useServer(serverUrl) : useEmbedded();
}
