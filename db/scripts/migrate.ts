import { closeDb, getDb } from "../client.server";
import { ensureDatabase } from "../connect.server";
import { runMigrations } from "../migrate.server";

const { embedded } = await ensureDatabase();
await runMigrations(getDb());
console.log(`Migrations applied (${embedded ? "embedded database" : "DATABASE_URL"}).`);
await closeDb();
await embedded?.stop();
