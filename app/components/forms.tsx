import type { FieldMetadata } from "@conform-to/react";
import { getCollectionProps, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { createContext, useContext, type InputHTMLAttributes, type ReactNode } from "react";

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const list = errors?.filter(Boolean);
  if (!list?.length) return null;
  return (
    <ul id={id} className="mt-1.5 space-y-1 text-sm text-red-700">
      {list.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

/** The look of every text input, select and textarea (without its top margin). */
export const inputClass =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-slate-900 shadow-sm ring-1 ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:ring-red-500";

const FocusContext = createContext<string | undefined>(undefined);

/**
 * Gives `autoFocus` to the field named `name` among the Field, SelectField, TextareaField and
 * ChoiceGroup inside it: the first invalid one, from `firstErrorField`. The attribute is in the
 * server's HTML, so the browser focuses it even without JavaScript.
 */
export function FocusFirstError({ name, children }: { name: string | undefined; children: ReactNode }) {
  return <FocusContext.Provider value={name}>{children}</FocusContext.Provider>;
}

/** Whether the field named `name` is the one to focus; an explicit `autoFocus` wins. */
function useAutoFocus(name: string, autoFocus: boolean | undefined) {
  const focus = useContext(FocusContext);
  return autoFocus ?? (focus !== undefined && focus === name);
}

type InputType = "text" | "email" | "password" | "search" | "url" | "tel" | "number" | "date";

/**
 * A labelled input wired to a Conform field: errors are tied to it with aria-describedby,
 * and after a server-side error the first invalid field gets focus even without JavaScript.
 */
export function Field({
  field,
  label,
  type = "text",
  hint,
  autoFocus,
  ...rest
}: {
  field: FieldMetadata<string | undefined>;
  label: string;
  type?: InputType;
  hint?: ReactNode;
  autoFocus?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "name" | "id" | "form">) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  const props = getInputProps(field, { type, ariaDescribedBy: hintId });
  const focus = useAutoFocus(field.name, autoFocus);
  return (
    <div>
      <FieldLabel id={field.id} label={label} hint={hint} />
      <input
        {...props}
        {...rest}
        key={props.key}
        autoFocus={focus}
        className={`mt-1.5 ${inputClass}`}
      />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** A field's label, and its hint (id `<field id>-hint`, for aria-describedby). */
export function FieldLabel({ id, label, hint }: { id: string; label: ReactNode; hint?: ReactNode }) {
  return (
    <>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-sm text-slate-500">
          {hint}
        </p>
      ) : null}
    </>
  );
}

/** A labelled select wired to a Conform field; `placeholder` adds an empty first option. */
export function SelectField<T>({
  field,
  label,
  hint,
  options,
  placeholder,
  autoFocus,
  onChange,
}: {
  field: FieldMetadata<T>;
  label: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: string }[];
  placeholder?: string;
  autoFocus?: boolean;
  onChange?: (value: string) => void;
}) {
  const { key, ...props } = getSelectProps(field, { ariaDescribedBy: hint ? `${field.id}-hint` : undefined });
  const focus = useAutoFocus(field.name, autoFocus);
  return (
    <div>
      <FieldLabel id={field.id} label={label} hint={hint} />
      <select
        key={key}
        {...props}
        autoFocus={focus}
        onChange={onChange ? (e) => onChange(e.currentTarget.value) : undefined}
        className={`mt-1.5 ${inputClass}`}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** A labelled textarea wired to a Conform field. */
export function TextareaField<T>({
  field,
  label,
  hint,
  rows,
  autoFocus,
}: {
  field: FieldMetadata<T>;
  label: ReactNode;
  hint?: ReactNode;
  rows: number;
  autoFocus?: boolean;
}) {
  const { key, ...props } = getTextareaProps(field, { ariaDescribedBy: hint ? `${field.id}-hint` : undefined });
  const focus = useAutoFocus(field.name, autoFocus);
  return (
    <div>
      <FieldLabel id={field.id} label={label} hint={hint} />
      <textarea key={key} {...props} rows={rows} autoFocus={focus} className={`mt-1.5 ${inputClass}`} />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** The form-level error (not tied to one input), announced when it appears. */
export function FormErrors({ id, errors }: { id: string; errors?: string[] | null }) {
  const list = errors?.filter(Boolean);
  if (!list?.length) return null;
  return (
    <div id={id} role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-red-200">
      {list.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}

/**
 * Name of the first field with an error, in page order, to focus it on a page rendered by the
 * server. `order` lists the fields as they stand on the page; a name stands for itself, its rows
 * (`skills[2].level`) and its parts (`primaryBeneficiary.duties`), rows in row order; a name
 * ending in `[]` stands for its rows only (the list's own message has no input to focus).
 */
export function firstErrorField(error: Record<string, string[] | null | undefined> | undefined | null, order: readonly string[]) {
  if (!error) return undefined;
  const invalid = Object.keys(error).filter((k) => error[k]?.length);
  const row = (k: string) => Number(/\[(\d+)\]/.exec(k)?.[1] ?? -1);
  for (const entry of order) {
    const rowsOnly = entry.endsWith("[]");
    const name = rowsOnly ? entry.slice(0, -2) : entry;
    const hits = invalid
      .filter((k) => (!rowsOnly && k === name) || k.startsWith(`${name}[`) || (!rowsOnly && k.startsWith(`${name}.`)))
      .sort((a, b) => row(a) - row(b));
    if (hits[0]) return hits[0];
  }
  return undefined;
}

type ChoiceLook = "list" | "cards" | "tiles";

const CHOICE_LOOKS: Record<ChoiceLook, { label: string; input: string; text: string }> = {
  list: {
    label: "flex cursor-pointer items-start gap-2.5 rounded-md px-1 py-1 text-sm hover:bg-slate-50",
    input: "mt-0.5 h-4 w-4 shrink-0 accent-brand-700",
    text: "text-slate-800",
  },
  cards: {
    label: "flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-slate-300 has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-600",
    input: "mt-0.5 h-4 w-4 shrink-0 accent-brand-700",
    text: "block text-sm font-semibold text-slate-900",
  },
  tiles: {
    label:
      "flex cursor-pointer items-start gap-2.5 rounded-lg p-3 text-sm ring-1 ring-slate-300 has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-600",
    input: "mt-0.5 accent-brand-700",
    text: "block font-medium text-slate-900",
  },
};

/**
 * Checkboxes (several values) or radio buttons (one) for one Conform field, in a fieldset whose
 * legend names it and which the hint and errors describe. `options` may be part of the field's
 * choices (a second group of the same field): then pass `errors={false}` so its errors show once.
 */
export function ChoiceGroup({
  field,
  type,
  legend,
  hint,
  options,
  columns = "sm:grid-cols-2",
  look = "list",
  describeOptions = true,
  errors = true,
  autoFocus,
}: {
  // why: any field type — the values of a list field (string[]) and of a radio (string) are both strings in the form.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  field: FieldMetadata<any, any, any>;
  type: "checkbox" | "radio";
  legend: string;
  hint?: ReactNode;
  options: readonly { value: string; label: string; description?: string }[];
  /** Grid columns of the options, as Tailwind classes. */
  columns?: string;
  look?: ChoiceLook;
  /** Also tie the hint and errors to each option, not only to the fieldset. */
  describeOptions?: boolean;
  /** Show the field's errors under this group. */
  errors?: boolean;
  autoFocus?: boolean;
}) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  const focus = useAutoFocus(field.name, autoFocus);
  const inputs = getCollectionProps(field, { type, options: options.map((o) => o.value), ariaDescribedBy: hintId });
  const classes = CHOICE_LOOKS[look];
  const describedBy = [hintId, field.errors?.length ? field.errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-sm text-slate-500">
          {hint}
        </p>
      ) : null}
      <div className={`mt-2 grid gap-2 ${columns}`}>
        {inputs.map(({ key, ...props }, i) => {
          const option = options[i]!;
          return (
            <label key={key} className={classes.label}>
              <input
                {...props}
                aria-describedby={describeOptions ? props["aria-describedby"] : undefined}
                autoFocus={focus && i === 0}
                className={classes.input}
              />
              <span>
                <span className={classes.text}>{option.label}</span>
                {option.description ? <span className="block text-xs text-slate-600">{option.description}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
      {errors ? <ErrorList id={field.errorId} errors={field.errors} /> : null}
    </fieldset>
  );
}
