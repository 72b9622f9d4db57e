import { useEffect, useRef, useState } from "react";
import { SKILL_LEVEL_LABELS } from "~/domain/labels";
import { ErrorList, inputClass } from "./forms";
import { useHydrated } from "./use-hydrated";

export type SkillOption = { name: string; aliases?: readonly string[] };
export type SkillPickerRow = { skill?: string | null; level?: number | string | null } | null | undefined;

type Props = {
  /** Field name of the list: rows post as `${name}[i].skill` and `${name}[i].level`. */
  name: string;
  /** The taxonomy (`listSkills(db)` from the loader): offered as you type. */
  skills: readonly SkillOption[];
  /** Rows to show filled in: the saved ones, or what was submitted when the page shows an error. */
  defaultRows?: readonly SkillPickerRow[];
  /** Empty rows after the filled ones, so more can be added without JavaScript. */
  extraRows?: number;
  /** Heading of the level column: "Your level", "Minimum level". */
  levelLabel?: string;
  /** Heading of the skill column. */
  skillLabel?: string;
  /** The form's errors keyed by field name (Conform's `form.allErrors`, or the server reply's `error`). */
  errors?: Record<string, string[] | null | undefined> | null;
  /** The field name to focus on load (the first invalid field after a server-side error). */
  autoFocusField?: string;
  /** Describes the group to screen readers, e.g. "Your skills". */
  legend: string;
  maxRows?: number;
};

/**
 * Rows of [skill, level] for any form that lists skills (a student's skills, a slot's required
 * or nice-to-have skills).
 *
 * Usage: put it inside a Conform form whose zod schema has `[name]: skillRowsSchema()` (from
 * ~/modules/skills/schemas); pass `skills={await listSkills(db)}` from the loader, the saved or
 * submitted rows as `defaultRows`, and `errors={form.allErrors}`. On the server, call
 * `resolveSkillRows(db, value[name])` and, when it is not ok, reply with
 * `fieldErrors: unknownSkillErrors(name, result.rows)` — the message lands on the right row.
 *
 * The skill input searches the taxonomy as you type through a native `<datalist>` (no
 * JavaScript needed; aliases like `js` or `k8s` are accepted on the server). Blank rows are
 * ignored; without JavaScript there are always `extraRows` empty ones, with it an
 * "Add another skill" button adds more.
 */
export function SkillPicker({
  name,
  skills,
  defaultRows = [],
  extraRows = 3,
  levelLabel = "Level",
  skillLabel = "Skill",
  errors,
  autoFocusField,
  legend,
  maxRows = 30,
}: Props) {
  const hydrated = useHydrated();
  const [added, setAdded] = useState(0);
  const count = Math.min(maxRows, defaultRows.length + extraRows + added);
  const idPrefix = name.replace(/[^a-zA-Z0-9_-]/g, "-");
  const listId = `${idPrefix}-skill-options`;
  const groupErrorId = `${idPrefix}-errors`;
  const groupErrors = errors?.[name];
  const focusNext = useRef<number | null>(null);

  useEffect(() => {
    if (focusNext.current === null) return;
    document.getElementById(`${idPrefix}-${focusNext.current}-skill`)?.focus();
    focusNext.current = null;
  }, [count, idPrefix]);

  return (
    <fieldset aria-describedby={groupErrors?.length ? groupErrorId : undefined}>
      <legend className="sr-only">{legend}</legend>
      <div aria-hidden="true" className="hidden grid-cols-[1fr_12rem] gap-3 text-sm font-medium text-slate-800 sm:grid">
        <span>{skillLabel}</span>
        <span>{levelLabel}</span>
      </div>
      <ol className="mt-1.5 space-y-3">
        {Array.from({ length: count }, (_, i) => {
          const row = defaultRows[i];
          const skillName = `${name}[${i}].skill`;
          const levelName = `${name}[${i}].level`;
          const skillId = `${idPrefix}-${i}-skill`;
          const levelId = `${idPrefix}-${i}-level`;
          const skillErrors = errors?.[skillName];
          const levelErrors = errors?.[levelName];
          return (
            <li key={i}>
              <div className="grid gap-2 sm:grid-cols-[1fr_12rem] sm:gap-3">
                <div>
                  <label htmlFor={skillId} className="block text-sm font-medium text-slate-800 sm:sr-only">
                    {skillLabel} {i + 1}
                  </label>
                  <input
                    id={skillId}
                    name={skillName}
                    type="text"
                    list={listId}
                    autoComplete="off"
                    maxLength={80}
                    placeholder="Start typing: Python, React, k8s…"
                    defaultValue={row?.skill ?? ""}
                    aria-invalid={skillErrors?.length ? true : undefined}
                    aria-describedby={skillErrors?.length ? `${skillId}-error` : undefined}
                    autoFocus={autoFocusField === skillName}
                    className={`mt-1 sm:mt-0 ${inputClass}`}
                  />
                </div>
                <div>
                  <label htmlFor={levelId} className="block text-sm font-medium text-slate-800 sm:sr-only">
                    {levelLabel} for {skillLabel.toLowerCase()} {i + 1}
                  </label>
                  <select
                    id={levelId}
                    name={levelName}
                    defaultValue={row?.level == null ? "" : String(row.level)}
                    aria-invalid={levelErrors?.length ? true : undefined}
                    aria-describedby={levelErrors?.length ? `${levelId}-error` : undefined}
                    autoFocus={autoFocusField === levelName}
                    className={`mt-1 sm:mt-0 ${inputClass}`}
                  >
                    <option value="">Choose a level…</option>
                    {([1, 2, 3, 4] as const).map((level) => (
                      <option key={level} value={level}>
                        {level} · {SKILL_LEVEL_LABELS[level]}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <ErrorList id={`${skillId}-error`} errors={skillErrors} />
              <ErrorList id={`${levelId}-error`} errors={levelErrors} />
            </li>
          );
        })}
      </ol>
      <ErrorList id={groupErrorId} errors={groupErrors} />
      <datalist id={listId}>
        {skills.map((s) => (
          <option key={s.name} value={s.name} label={s.aliases?.length ? `also: ${s.aliases.join(", ")}` : undefined} />
        ))}
      </datalist>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {hydrated && count < maxRows ? (
          <button
            type="button"
            onClick={() => {
              focusNext.current = count;
              setAdded((n) => n + 1);
            }}
            className="rounded-md px-3 py-1.5 text-sm font-semibold text-brand-700 ring-1 ring-brand-200 hover:bg-brand-50"
          >
            + Add another skill
          </button>
        ) : null}
        <p className="text-xs text-slate-500">
          Leave a row empty to skip it.{hydrated ? "" : " Need more rows? Save, and empty ones appear again."}
        </p>
      </div>
    </fieldset>
  );
}
