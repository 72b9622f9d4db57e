import { z } from "zod";

// The "skills with levels" part of a form (student profile, slot requirements), shared by the
// server and the browser. Rows arrive as `${name}[i].skill` / `${name}[i].level`.

export const SKILL_LEVEL_VALUES = [1, 2, 3, 4] as const;
export type SkillLevel = (typeof SKILL_LEVEL_VALUES)[number];

/** A filled row, with `index` = its position in the form, so an error can point back at it. */
export type SkillRow = { skill: string; level: SkillLevel; index: number };

const row = z.object({
  skill: z.string().trim().max(80, "Use at most 80 characters").optional(),
  level: z
    .number({ error: "Choose a level" })
    .int("Choose a level")
    .min(1, "Choose a level")
    .max(4, "Choose a level")
    .optional(),
})
  // why: on the row, not the list, so it is reported even when another row has an error.
  .superRefine((r, ctx) => {
    if (r.skill && r.level === undefined) ctx.addIssue({ code: "custom", path: ["level"], message: `Choose how well you know ${r.skill}` });
  });

/**
 * Rows of [skill, level]: blank rows (no skill typed) are dropped; a typed skill needs a level
 * 1–4; the same name twice is refused. Whether the skill exists is checked on the server
 * (`resolveSkillRows`), since only the server holds every alias.
 */
export function skillRowsSchema({ max = 30, noun = "skills" }: { max?: number; noun?: string } = {}) {
  return z
    .array(row)
    .optional()
    .transform((rows) => rows ?? [])
    .superRefine((rows, ctx) => {
      const seen = new Map<string, number>();
      rows.forEach((r, i) => {
        if (!r.skill) return;
        const key = r.skill.toLowerCase().replace(/\s+/g, " ");
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i, "skill"], message: `${r.skill} is already listed above` });
        else seen.set(key, i);
      });
      const filled = rows.filter((r) => r.skill).length;
      if (filled > max) ctx.addIssue({ code: "custom", message: `List at most ${max} ${noun}` });
    })
    .transform((rows): SkillRow[] =>
      rows.flatMap((r, index) => (r.skill && r.level ? [{ skill: r.skill, level: r.level as SkillLevel, index }] : [])),
    );
}

/** The field errors for rows the server did not recognise, for `submission.reply({ fieldErrors })`. */
export function unknownSkillErrors(name: string, unknown: Pick<SkillRow, "skill" | "index">[]): Record<string, string[]> {
  return Object.fromEntries(
    unknown.map((r) => [`${name}[${r.index}].skill`, [`We don't know “${r.skill}” — pick a skill from the list`]]),
  );
}
