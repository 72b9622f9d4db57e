import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { CHECK_ON_SUBMIT, ErrorList, inputClass } from "~/components/forms";
import { Button } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { parseForm } from "~/forms/gate";
import { VerifyCodeSchema } from "~/modules/documents/schemas";

/** The form that checks a verification code: a GET to /verify, which sends a well-formed code on to /verify/:code. */
export function VerifyForm({ lastResult, defaultCode }: { lastResult?: SubmissionResult<string[]> | null; defaultCode?: string }) {
  const [form, fields] = useForm({
    id: "verify",
    lastResult,
    defaultValue: { code: defaultCode ?? "" },
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: VerifyCodeSchema }),
  });
  const pending = useIsPending({ formAction: "/verify", formMethod: "GET" });
  const { key, ...input } = getInputProps(fields.code, { type: "text", ariaDescribedBy: `${fields.code.id}-hint` });
  return (
    <Form method="get" action="/verify" {...getFormProps(form)} aria-label="Check a verification code" className="space-y-3">
      <div>
        <label htmlFor={fields.code.id} className="block text-sm font-medium text-slate-800">
          Verification code
        </label>
        <p id={`${fields.code.id}-hint`} className="mt-0.5 text-sm text-slate-500">
          Printed at the foot of the document: four groups of four letters and digits.
        </p>
        <input
          key={key}
          {...input}
          autoFocus={Boolean(fields.code.errors?.length)}
          autoComplete="off"
          spellCheck={false}
          placeholder="K7QM-2XPA-D4TR-W6NB"
          className={`mt-1.5 font-mono uppercase tracking-wide ${inputClass}`}
        />
        <ErrorList id={fields.code.errorId} errors={fields.code.errors} />
      </div>
      <Button type="submit" disabled={pending}>
        Check
      </Button>
    </Form>
  );
}
