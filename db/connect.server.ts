import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded.server";

export const DEFAULT_DATA_DIR = ".data/pglite";

/**
 * Makes sure `DATABASE_URL` points at a database: the user's own when set; otherwise the
 * embedded one (PGLITE_DATA_DIR, default `.data/pglite`), started here and named in the env so
 * every later client (app, pg-boss, scripts) uses the same URL.
 */
export async function ensureDatabase(): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: null };
  if (process.env.NODE_ENV === "production") {
    // why: the embedded database is one process's folder — no backups, no second web process.
    throw new Error("DATABASE_URL must point at a PostgreSQL server in production (the embedded database is for trying and developing the app).");
  }
  const embedded = await startEmbeddedDatabase({
    dataDir: process.env.PGLITE_DATA_DIR || DEFAULT_DATA_DIR,
    port: process.env.PGLITE_PORT ? Number(process.env.PGLITE_PORT) : undefined,
  });
  process.env.DATABASE_URL = embedded.url;
  return { url: embedded.url, embedded };
}
