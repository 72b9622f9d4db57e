import type { FieldMetadata, FormMetadata } from "@conform-to/react";
import { getCollectionProps, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { createContext, useContext, useEffect, useRef, type InputHTMLAttributes, type ReactNode } from "react";
import { useHydrated } from "./use-hydrated";

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

/**
 * When a Conform form checks its fields: on submit, then again on every keystroke of a field it
 * refused. Checking on blur showed a message the moment a person clicked the next box or button,
 * so the page moved under the pointer between its press and release and the click was lost.
 * Spread into useForm: `useForm({ id, ...CHECK_ON_SUBMIT, onValidate })`.
 */
export const CHECK_ON_SUBMIT = { shouldValidate: "onSubmit", shouldRevalidate: "onInput" } as const;

/** The look of every text input, select and textarea (without its top margin). */
export const inputClass =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-slate-900 shadow-sm ring-1 ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:ring-red-500";

const RowFocusContext = createContext(false);

/**
 * Whether a kit input carries `autoFocus`. In the server's HTML every invalid field does, and the
 * browser focuses the first of them in page order — so no form lists its fields, and it works
 * without JavaScript; so do the inputs of a row just added, or of the row that took a removed
 * one's place (ListRows). Once React runs it is off: Conform focuses the first invalid field after
 * a submission and ListRows the row, and a field shown later (one a chosen compensation needs)
 * must not take the focus. An explicit `autoFocus` wins.
 */
export function useAutoFocus(field: { errors?: string[] }, autoFocus?: boolean) {
  const hydrated = useHydrated();
  const row = useContext(RowFocusContext);
  return autoFocus ?? (!hydrated && (row || Boolean(field.errors?.length)));
}

type InputType = "text" | "email" | "password" | "search" | "url" | "tel" | "number" | "date";

/**
 * A labelled input wired to a Conform field: errors are tied to it with aria-describedby,
 * and after a server-side error the first invalid field gets focus (useAutoFocus).
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
  label: ReactNode;
  type?: InputType;
  hint?: ReactNode;
  autoFocus?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "name" | "id" | "form">) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  const props = getInputProps(field, { type, ariaDescribedBy: hintId });
  const focus = useAutoFocus(field, autoFocus);
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

/**
 * Conform's props for a one-choice <select>. why: a hand-made request can name such a field twice;
 * what the action sends back (with the field's error) is then a list, which a <select> without
 * `multiple` cannot show: React warns and shows nothing chosen. The first of them is shown.
 */
export function oneChoiceSelectProps<T>(field: FieldMetadata<T>, options?: Parameters<typeof getSelectProps>[1]) {
  const props = getSelectProps(field, options);
  return Array.isArray(props.defaultValue) ? { ...props, defaultValue: props.defaultValue[0] } : props;
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
  const { key, ...props } = oneChoiceSelectProps(field, { ariaDescribedBy: hint ? `${field.id}-hint` : undefined });
  const focus = useAutoFocus(field, autoFocus);
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
  maxLength,
  autoFocus,
}: {
  field: FieldMetadata<T>;
  label: ReactNode;
  hint?: ReactNode;
  rows: number;
  /** When the schema's own limit does not reach the browser (a field whose schema transforms it). */
  maxLength?: number;
  autoFocus?: boolean;
}) {
  const { key, ...props } = getTextareaProps(field, { ariaDescribedBy: hint ? `${field.id}-hint` : undefined });
  const focus = useAutoFocus(field, autoFocus);
  return (
    <div>
      <FieldLabel id={field.id} label={label} hint={hint} />
      <textarea key={key} {...props} rows={rows} maxLength={maxLength ?? props.maxLength} autoFocus={focus} className={`mt-1.5 ${inputClass}`} />
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
 * Whether a server reply marks a field (not only the form as a whole). A page that focuses a
 * field on arrival (log in) does so only without such a reply; with one, the kit focuses the
 * first invalid field (useAutoFocus).
 */
export function hasFieldErrors(result: { error?: Record<string, string[] | null> | null } | null | undefined) {
  return Object.entries(result?.error ?? {}).some(([name, messages]) => name !== "" && Boolean(messages?.length));
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
  // why: a second group of the same field leaves the focus, like the errors, to the first.
  const focus = useAutoFocus(errors ? field : {}, autoFocus);
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

/** A checkbox wired to a Conform field, with its label beside it and a line that describes it. */
export function CheckboxField({ field, label, description }: { field: FieldMetadata<unknown>; label: ReactNode; description?: ReactNode }) {
  const descriptionId = description ? `${field.id}-description` : undefined;
  const { key, ...props } = getInputProps(field, { type: "checkbox", ariaDescribedBy: descriptionId });
  const focus = useAutoFocus(field);
  return (
    <div>
      <div className="flex gap-3">
        <input key={key} {...props} autoFocus={focus} className="mt-1 h-4 w-4 shrink-0 accent-brand-700" />
        <div>
          <label htmlFor={field.id} className="text-sm font-medium text-slate-900">
            {label}
          </label>
          {description ? (
            <p id={descriptionId} className="text-sm text-slate-600">
              {description}
            </p>
          ) : null}
        </div>
      </div>
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}

// why: a list of rows of any shape in any form — the kit only counts, adds and removes them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ListField = FieldMetadata<Record<string, unknown>[] | undefined, any, string[]>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyForm = FormMetadata<any, string[]>;
/** The part of a server reply ListRows reads: which list button, if any, the page was sent back for. */
type ListReply = { intent?: { type: string; payload?: unknown } } | null | undefined;

/**
 * `field.getFieldList()`, or no rows when the submitted value is not a list (a body no page of ours
 * sends, such as `projects=x`): Conform throws there, and the page must still answer.
 */
export function fieldList<Item>(field: { getFieldList: () => Item[] }): Item[] {
  try {
    return field.getFieldList();
  } catch {
    return [];
  }
}

/** The row to focus after the server answered a list button of `name` (no JavaScript): the new row, or the one in a removed row's place. */
function rowAfterReply(reply: ListReply, name: string, count: number): number | "add" | null {
  const intent = reply?.intent;
  const payload = intent?.payload as { name?: unknown; index?: unknown } | undefined;
  if (!intent || payload?.name !== name) return null;
  if (intent.type === "insert") return typeof payload.index === "number" ? payload.index : count - 1;
  if (intent.type === "remove") return count === 0 ? "add" : Math.min(Number(payload.index) || 0, count - 1);
  return null;
}

const ROW_INPUTS = "input:not([type=hidden]), select, textarea";

const ListContext = createContext<{ form: AnyForm; field: ListField; focusAfterRemoving: (index: number) => void } | null>(null);

/**
 * Rows of a list field through Conform's list intents: `children` draws each row (put a
 * RemoveRowButton in it), and an "add" button closes the list. Both buttons post an intent, so they
 * work without JavaScript: the action answers an intent with `submission.reply()` (saving
 * nothing) and the page comes back with the row added or removed, its first input focused; with
 * JavaScript Conform changes the list in place and the kit moves the focus the same way.
 */
export function ListRows({
  form,
  field,
  legend,
  addLabel,
  max,
  lastResult,
  className = "space-y-3",
  footer,
  children,
}: {
  form: AnyForm;
  field: ListField;
  /** Names the list to screen readers (the visible heading is the section's). */
  legend: string;
  addLabel: string;
  /** No add button once the list has this many rows. */
  max: number;
  /** The action's reply, to focus the row a list button added or removed without JavaScript. */
  lastResult?: ListReply;
  className?: string;
  /** A line beside the add button. */
  footer?: ReactNode;
  children: (row: FieldMetadata<Record<string, unknown>>, index: number) => ReactNode;
}) {
  const rows = fieldList(field) as FieldMetadata<Record<string, unknown>>[];
  const hydrated = useHydrated();
  const list = useRef<HTMLOListElement>(null);
  const add = useRef<HTMLButtonElement>(null);
  // The row to focus once the list has changed: set by the buttons, read after the render.
  const pending = useRef<number | "add" | null>(null);
  useEffect(() => {
    const target = pending.current;
    if (target === null) return;
    pending.current = null;
    const row = target === "add" ? undefined : list.current?.children[target];
    const input = row?.querySelector<HTMLElement>(ROW_INPUTS);
    (input ?? add.current)?.focus();
  }, [rows.length]);
  const serverFocus = hydrated ? null : rowAfterReply(lastResult, field.name, rows.length);
  const context = {
    form,
    field,
    // why: the row below moves up into the removed one's place; after the last row, the add button.
    focusAfterRemoving: (index: number) => {
      pending.current = rows.length > 1 ? Math.min(index, rows.length - 2) : "add";
    },
  };
  return (
    <fieldset aria-describedby={field.errors?.length ? field.errorId : undefined}>
      <legend className="sr-only">{legend}</legend>
      <ListContext.Provider value={context}>
        <ol ref={list} className={className}>
          {/* why: a row the server added (a list button without JavaScript) has no key of its own from Conform. */}
          {rows.map((row, i) => (
            <li key={row.key ?? `row-${i}`}>
              <RowFocusContext.Provider value={serverFocus === i}>{children(row, i)}</RowFocusContext.Provider>
            </li>
          ))}
        </ol>
      </ListContext.Provider>
      <ErrorList id={field.errorId} errors={field.errors} />
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {rows.length < max ? (
          <button
            ref={add}
            {...form.insert.getButtonProps({ name: field.name })}
            onClick={() => {
              pending.current = rows.length;
            }}
            autoFocus={serverFocus === "add"}
            className="rounded-md px-3 py-1.5 text-sm font-semibold text-brand-700 ring-1 ring-brand-200 hover:bg-brand-50"
          >
            {addLabel}
          </button>
        ) : null}
        {footer}
      </div>
    </fieldset>
  );
}

/** A row's remove button, inside a row ListRows draws; `label` names the row ("Remove project 2"). */
export function RemoveRowButton({ index, label }: { index: number; label: string }) {
  const list = useContext(ListContext);
  if (!list) throw new Error("RemoveRowButton belongs inside ListRows");
  return (
    <button
      {...list.form.remove.getButtonProps({ name: list.field.name, index })}
      aria-label={label}
      onClick={() => list.focusAfterRemoving(index)}
      className="rounded-md px-2 py-1 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-red-700"
    >
      Remove
    </button>
  );
}

/** `rows` and `empty` blank rows after them, at most `max` in all: room to type more without pressing "add". */
export function withEmptyRows<Row>(rows: readonly Row[] | undefined, empty: number, max: number): (Row | Record<string, never>)[] {
  const list = rows ?? [];
  return [...list, ...Array.from({ length: Math.max(0, Math.min(empty, max - list.length)) }, () => ({}))];
}

/** A label table (`WORK_MODE_LABELS`) as the options of a select or a choice group, in its order. */
export function optionsFrom<Value extends string>(labels: Readonly<Record<Value, string>>): { value: Value; label: string }[] {
  return (Object.entries(labels) as [Value, string][]).map(([value, label]) => ({ value, label }));
}
