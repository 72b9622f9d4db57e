import { getFormProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { $ZodType } from "zod/v4/core";
import { ErrorList, FormErrors, inputClass, TextareaField } from "~/components/forms";
import { Button } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { parseForm } from "~/forms/gate";

type ReasonButton = { label: ReactNode; variant?: "primary" | "danger"; name?: string; value?: string };

/**
 * A decision that needs words: a `reason` textarea under its label and hint, the hidden fields
 * that say what is decided, and the buttons. Folded in a <details> when `fold` names its summary:
 * it opens without JavaScript, and a refused submission renders it open with the textarea focused.
 * `compact` is for a narrow column: small type, full-width buttons, a summary that looks like one.
 */
export function ReasonForm({
  id,
  schema,
  lastResult,
  constraint = false,
  revalidate = "onSubmit",
  hidden,
  label,
  hint,
  rows = 3,
  buttons,
  ariaLabel,
  fold,
  compact = false,
}: {
  id: string;
  /** The route's own schema; it reads the field `reason`. */
  schema: $ZodType<unknown, { reason?: string; [name: string]: unknown }>;
  lastResult: SubmissionResult<string[]> | null | undefined;
  /** Give the textarea the schema's HTML constraints (only where every button needs the reason). */
  constraint?: boolean;
  revalidate?: "onSubmit" | "onInput";
  /** What is decided: sent as hidden inputs, and what tells this form's submission from the others'. */
  hidden: Record<string, string>;
  label: string;
  hint?: ReactNode;
  rows?: number;
  buttons: ReasonButton[];
  ariaLabel?: string;
  fold?: ReactNode;
  compact?: boolean;
}) {
  const [form, fields] = useForm({
    id,
    lastResult,
    constraint: constraint ? getZodConstraint(schema) : undefined,
    // why: checked when sent, as CHECK_ON_SUBMIT; after a refusal, as the caller's `revalidate` says.
    shouldValidate: "onSubmit",
    shouldRevalidate: revalidate,
    onValidate: ({ formData }) => parseForm(formData, { schema }),
  });
  const pending = useIsPending({ fields: hidden });
  const failed = Boolean(lastResult?.error && Object.keys(lastResult.error).length);
  const body = (
    <Form method="post" {...getFormProps(form)} aria-label={ariaLabel} className={compact ? "space-y-2" : fold ? "mt-3 space-y-3" : "space-y-3"}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormErrors id={form.errorId} errors={form.errors} />
      {compact ? (
        <CompactTextarea field={fields.reason} label={label} hint={hint} rows={rows} autoFocus={failed} />
      ) : (
        <TextareaField field={fields.reason} label={label} hint={hint} rows={rows} autoFocus={failed} />
      )}
      <div className="flex flex-wrap gap-2">
        {buttons.map((button, i) => (
          <Button
            key={i}
            type="submit"
            name={button.name}
            value={button.value}
            variant={button.variant ?? "primary"}
            disabled={pending}
            className={compact ? "w-full" : undefined}
          >
            {button.label}
          </Button>
        ))}
      </div>
    </Form>
  );
  if (!fold) return body;
  return (
    // why: <details> opens and closes without JavaScript; it renders open after a refused submission so the error is seen.
    <details open={failed} className={compact ? "group rounded-lg ring-1 ring-slate-200 open:bg-white open:p-3" : undefined}>
      <summary
        className={
          compact
            ? "cursor-pointer list-none rounded-lg px-3 py-2 text-center text-sm font-semibold text-red-700 hover:bg-red-50 group-open:mb-2 group-open:p-0 group-open:text-left group-open:hover:bg-transparent"
            : "cursor-pointer text-sm font-semibold text-red-700 hover:underline"
        }
      >
        {fold}
      </summary>
      {body}
    </details>
  );
}

/** The textarea in small type, its hint in smaller, spaced like the compact form around it. */
function CompactTextarea({ field, label, hint, rows, autoFocus }: { field: FieldMetadata<string | undefined>; label: string; hint?: ReactNode; rows: number; autoFocus: boolean }) {
  const { key, ...props } = getTextareaProps(field, { ariaDescribedBy: hint ? `${field.id}-hint` : undefined });
  return (
    <div className="space-y-2">
      <label htmlFor={field.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={`${field.id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <textarea key={key} {...props} rows={rows} autoFocus={autoFocus} className={`${inputClass} text-sm`} />
      <ErrorList id={field.errorId} errors={field.errors} />
    </div>
  );
}
