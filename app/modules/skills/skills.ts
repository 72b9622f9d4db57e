import type { SkillCategory } from "~db/schema";

// Pure helpers over the skills taxonomy, safe in the browser and on the server.

export type SkillRef = { slug: string; name: string; category: SkillCategory; aliases: string[] };

/** How a typed skill is compared: trimmed, inner spaces collapsed, lower-cased. */
export function normalizeSkillInput(input: string) {
  return input.trim().replace(/\s+/g, " ").toLowerCase();
}

// why: the taxonomy is a few hundred rows resolved many times per request; one index per list.
const indexes = new WeakMap<readonly SkillRef[], Map<string, SkillRef>>();

function indexFor(list: readonly SkillRef[]) {
  let index = indexes.get(list);
  if (!index) {
    index = new Map();
    // Names win over slugs, slugs over aliases; the migration keeps them from colliding anyway.
    for (const skill of list) for (const alias of skill.aliases) index.set(normalizeSkillInput(alias), skill);
    for (const skill of list) index.set(skill.slug, skill);
    for (const skill of list) index.set(normalizeSkillInput(skill.name), skill);
    indexes.set(list, index);
  }
  return index;
}

/** The skill a person meant by `input` (its name, slug or an alias, any case), or null. */
export function resolveSkill<S extends SkillRef>(list: readonly S[], input: string): S | null {
  const key = normalizeSkillInput(input);
  if (!key) return null;
  return (indexFor(list).get(key) as S | undefined) ?? null;
}
