import { closeDb, getDb } from "../client.server";
import { ensureDatabase } from "../connect.server";
import { runMigrations } from "../migrate.server";
import { seedDemoData } from "../seed.server";

const { embedded } = await ensureDatabase();
try {
  await runMigrations(getDb());
  const result = await seedDemoData(getDb());
  console.log(
    result.created
      ? `Created ${result.accounts} demo accounts, ${result.organizations} organizations, ${result.slots} slots, ${result.profiles} student profiles and ${result.mentorships} internships under way or completed.`
      : "Demo data is already there.",
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDb();
  await embedded?.stop();
}
