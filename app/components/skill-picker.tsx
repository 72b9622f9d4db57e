import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { SKILL_LEVEL_LABELS } from "~/domain/labels";
import { ErrorList, inputClass, ListRows, oneChoiceSelectProps, RemoveRowButton, useAutoFocus } from "./forms";

export type SkillOption = { name: string; aliases?: readonly string[] };

type ListRowsProps = Parameters<typeof ListRows>[0];

type Props = {
  form: ListRowsProps["form"];
  /** The list field (`fields.skills`): rows post as `skills[i].skill` and `skills[i].level`. */
  field: ListRowsProps["field"];
  /** The taxonomy (`listSkills(db)` from the loader): offered as you type. */
  skills: readonly SkillOption[];
  /** Heading of the level column: "Your level", "Minimum level". */
  levelLabel?: string;
  /** Heading of the skill column. */
  skillLabel?: string;
  /** Describes the group to screen readers, e.g. "Your skills". */
  legend: string;
  max: number;
  lastResult?: ListRowsProps["lastResult"];
};

/**
 * Rows of [skill, level] for any form that lists skills (a student's skills, a slot's required
 * or nice-to-have skills), added and removed through Conform's list intents (ListRows).
 *
 * Usage: put it inside a Conform form whose zod schema has `[name]: skillRowsSchema()` (from
 * ~/modules/skills/schemas), with a few empty rows in the default value (`withEmptyRows`); pass
 * `skills={await listSkills(db)}` from the loader. On the server, call
 * `resolveSkillRows(db, value[name])` and, when it is not ok, reply with
 * `fieldErrors: unknownSkillErrors(name, result.rows)` — the message lands on the right row.
 *
 * The skill input searches the taxonomy as you type through a native `<datalist>` (no
 * JavaScript needed; aliases like `js` or `k8s` are accepted on the server). Blank rows are ignored.
 */
export function SkillPicker({ form, field, skills, levelLabel = "Level", skillLabel = "Skill", legend, max, lastResult }: Props) {
  const listId = `${field.id}-skill-options`;
  return (
    <div>
      <div aria-hidden="true" className="hidden grid-cols-[1fr_12rem_4.5rem] gap-3 text-sm font-medium text-slate-800 sm:grid">
        <span>{skillLabel}</span>
        <span>{levelLabel}</span>
      </div>
      <ListRows
        form={form}
        field={field}
        legend={legend}
        addLabel="+ Add another skill"
        max={max}
        lastResult={lastResult}
        className="mt-1.5 space-y-3"
        footer={<p className="text-xs text-slate-500">Leave a row empty to skip it.</p>}
      >
        {(row, i) => <SkillRow row={row} index={i} listId={listId} skillLabel={skillLabel} levelLabel={levelLabel} />}
      </ListRows>
      <datalist id={listId}>
        {skills.map((s) => (
          <option key={s.name} value={s.name} label={s.aliases?.length ? `also: ${s.aliases.join(", ")}` : undefined} />
        ))}
      </datalist>
    </div>
  );
}

function SkillRow({ row, index, listId, skillLabel, levelLabel }: { row: FieldMetadata<Record<string, unknown>>; index: number; listId: string; skillLabel: string; levelLabel: string }) {
  const { skill, level } = row.getFieldset() as Record<"skill" | "level", FieldMetadata<string | undefined>>;
  const { key: skillKey, ...skillProps } = getInputProps(skill, { type: "text" });
  const { key: levelKey, ...levelProps } = oneChoiceSelectProps(level);
  const skillFocus = useAutoFocus(skill);
  const levelFocus = useAutoFocus(level);
  const name = `${skillLabel} ${index + 1}`;
  return (
    <>
      <div className="grid gap-2 sm:grid-cols-[1fr_12rem_4.5rem] sm:gap-3">
        <div>
          <label htmlFor={skill.id} className="block text-sm font-medium text-slate-800 sm:sr-only">
            {name}
          </label>
          <input
            key={skillKey}
            {...skillProps}
            list={listId}
            autoComplete="off"
            maxLength={80}
            placeholder="Start typing: Python, React, k8s…"
            autoFocus={skillFocus}
            className={`mt-1 sm:mt-0 ${inputClass}`}
          />
        </div>
        <div>
          <label htmlFor={level.id} className="block text-sm font-medium text-slate-800 sm:sr-only">
            {levelLabel} for {name.toLowerCase()}
          </label>
          <select key={levelKey} {...levelProps} autoFocus={levelFocus} className={`mt-1 sm:mt-0 ${inputClass}`}>
            <option value="">Choose a level…</option>
            {([1, 2, 3, 4] as const).map((value) => (
              <option key={value} value={value}>
                {value} · {SKILL_LEVEL_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="self-center">
          <RemoveRowButton index={index} label={`Remove ${name.toLowerCase()}`} />
        </div>
      </div>
      <ErrorList id={skill.errorId} errors={skill.errors} />
      <ErrorList id={level.errorId} errors={level.errors} />
    </>
  );
}
