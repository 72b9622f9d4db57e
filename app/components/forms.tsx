import type { FieldMetadata } from "@conform-to/react";
import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import type { InputHTMLAttributes, ReactNode } from "react";

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

const inputClass =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-slate-900 shadow-sm ring-1 ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:ring-red-500";

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
  return (
    <div>
      <FieldLabel id={field.id} label={label} hint={hint} />
      <input
        {...props}
        {...rest}
        key={props.key}
        autoFocus={autoFocus}
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
  return (
    <div>
      <FieldLabel id={field.id} label={label} hint={hint} />
      <select
        key={key}
        {...props}
        autoFocus={autoFocus}
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
  return (
    <div>
      <FieldLabel id={field.id} label={label} hint={hint} />
      <textarea key={key} {...props} rows={rows} autoFocus={autoFocus} className={`mt-1.5 ${inputClass}`} />
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

/** Name of the first field with an error, to focus it on a page rendered by the server. */
export function firstErrorField(error: Record<string, string[] | null> | undefined | null, order: string[]) {
  return order.find((name) => error?.[name]?.length);
}
