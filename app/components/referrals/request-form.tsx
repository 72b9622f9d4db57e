import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { CHECK_ON_SUBMIT, Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { Button } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { parseForm } from "~/forms/gate";
import { MAX_COMPANY, MAX_POSTING_URL, MAX_REFERRAL_NOTE, MAX_ROLE, RequestReferralSchema } from "~/modules/referrals/referral-schemas";

/** The student's request for a referral: whom they ask (a mentor of an internship of theirs), the posting, and a note. */
export function RequestReferralForm({ choices, lastResult }: { choices: { value: string; label: string }[]; lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm({
    id: "request-referral",
    lastResult,
    defaultValue: { intent: "request", asked: choices.length === 1 ? choices[0]!.value : undefined },
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: RequestReferralSchema }),
  });
  const pending = useIsPending({ fields: { intent: "request" } });
  return (
    <Form method="post" {...getFormProps(form)} aria-label="Ask for a referral" className="space-y-4">
      <input type="hidden" name="intent" value="request" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <SelectField field={fields.asked} label="Whom do you ask?" options={choices} placeholder={choices.length === 1 ? undefined : "Choose a mentor"} />
      <Field field={fields.company} label="Company" maxLength={MAX_COMPANY} autoComplete="organization" />
      <Field field={fields.role} label="Role" hint="As the posting names it." maxLength={MAX_ROLE} />
      <Field field={fields.postingUrl} label="Link to the posting" type="url" placeholder="https://" maxLength={MAX_POSTING_URL} />
      <TextareaField
        field={fields.note}
        label="A short note (optional)"
        hint="Why this role, and what the mentor could mention about your work."
        rows={4}
        maxLength={MAX_REFERRAL_NOTE}
      />
      <Button type="submit" disabled={pending}>
        Send the request
      </Button>
      <p className="text-xs text-slate-500">Only the mentor you ask and the Steppingstone admins see the request; the other mentors do not.</p>
    </Form>
  );
}
