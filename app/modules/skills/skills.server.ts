import { asc } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { skills } from "~db/schema";
import type { SkillLevel, SkillRow } from "./schemas";
import { resolveSkill, type SkillRef } from "./skills";

export { resolveSkill, type SkillRef } from "./skills";

// why: the taxonomy changes only through migrations, which run before a release starts, so a
// short-lived copy per database handle is always current enough; the TTL covers a migration
// applied to a running development server.
const TTL_MS = 5 * 60_000;
const cache = new WeakMap<Db, { at: number; list: Promise<SkillRef[]> }>();

/** Every skill in the taxonomy, by category then name. Cached per database handle for a few minutes. */
export function listSkills(db: Db): Promise<SkillRef[]> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.list;
  const list = db
    .select({ slug: skills.slug, name: skills.name, category: skills.category, aliases: skills.aliases })
    .from(skills)
    .orderBy(asc(skills.category), asc(skills.name));
  cache.set(db, { at: Date.now(), list });
  // A failed query must not stay cached.
  list.catch(() => cache.get(db)?.list === list && cache.delete(db));
  return list;
}

/** Forgets the cached taxonomy (tests that add skills). */
export function forgetSkills(db: Db) {
  cache.delete(db);
}

export type ResolvedSkillRows =
  | { ok: true; skills: { slug: string; level: SkillLevel }[] }
  | { ok: false; unknown: string[]; rows: Pick<SkillRow, "skill" | "index">[] };

/**
 * Turns typed rows into taxonomy slugs. Unknown names come back (with their form row) so the
 * page can say so on that row. Two rows naming one skill (`js` and `JavaScript`) keep the higher level.
 */
export async function resolveSkillRows(db: Db, rows: readonly SkillRow[]): Promise<ResolvedSkillRows> {
  const list = await listSkills(db);
  const unknown: Pick<SkillRow, "skill" | "index">[] = [];
  const levels = new Map<string, SkillLevel>();
  for (const row of rows) {
    const skill = resolveSkill(list, row.skill);
    if (!skill) unknown.push({ skill: row.skill, index: row.index });
    else levels.set(skill.slug, Math.max(levels.get(skill.slug) ?? 0, row.level) as SkillLevel);
  }
  if (unknown.length) return { ok: false, unknown: unknown.map((r) => r.skill), rows: unknown };
  return { ok: true, skills: [...levels].map(([slug, level]) => ({ slug, level })) };
}
