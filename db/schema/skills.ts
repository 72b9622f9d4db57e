import { sql } from "drizzle-orm";
import { check, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
// why: a relative path, because drizzle-kit loads the schema without the app's path aliases.
import { SKILL_CATEGORIES } from "../../app/domain/vocabulary";

export const skillCategory = pgEnum("skill_category", SKILL_CATEGORIES);

// The taxonomy is reference data, shipped by migrations (not the demo seed): production has it too.
export const skills = pgTable(
  "skills",
  {
    slug: text().primaryKey(),
    name: text().notNull().unique(),
    category: skillCategory().notNull(),
    // Other names people type for it, lower-cased: `js`, `k8s`, `postgres`.
    aliases: text().array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [check("skills_slug_format", sql`${t.slug} ~ '^[a-z0-9][a-z0-9.+#-]*$'`)],
);

export type Skill = typeof skills.$inferSelect;
export type SkillCategory = (typeof skillCategory.enumValues)[number];

/** 1 learning, 2 used in projects, 3 used at work, 4 could teach it. */
export const SKILL_LEVELS = [1, 2, 3, 4] as const;
