import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import type { Db } from "./client.server";

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/** Applies the committed SQL migrations in db/migrations that the database has not seen yet. */
export async function runMigrations(db: Db) {
  await migrate(db, { migrationsFolder });
}
