import { notLike } from "drizzle-orm";
import { afterAll, expect, test } from "vitest";
import { closeDb, getDb } from "~db/client.server";
import { skills } from "~db/schema";
import { SKILL_NAMES } from "./skill-names";

const db = getDb();
afterAll(() => closeDb());

// The catalogue words skill slugs from SKILL_NAMES (the command line has no database); the
// taxonomy ships with the migrations. A migration that adds or renames a skill must update both.
test("the skill names the catalogue uses are the taxonomy the migrations ship", async () => {
  // why: module tests add skills of their own (db/test/slot-factories.ts makeSkill) to the shared database.
  const rows = await db.select({ slug: skills.slug, name: skills.name }).from(skills).where(notLike(skills.slug, "test-skill-%"));
  expect(rows.length).toBeGreaterThan(300);
  expect(Object.fromEntries(rows.map((r) => [r.slug, r.name]))).toEqual(SKILL_NAMES);
});
