import { defineConfig } from "drizzle-kit";

// `npm run db:generate` only diffs the schema against db/migrations; it needs no database.
// Migrations are applied by `npm run db:migrate` (db/scripts/migrate.ts), which also
// starts the embedded database when DATABASE_URL is unset.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5433/postgres" },
});
