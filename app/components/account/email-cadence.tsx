import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { CHECK_ON_SUBMIT, ChoiceGroup, FormErrors } from "~/components/forms";
import { Alert, Button, Card } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import type { EMAIL_CADENCES } from "~/domain/vocabulary";
import { parseForm } from "~/forms/gate";
import { EMAIL_CADENCE_LABELS } from "~/modules/mentorship/email-cadence-labels";
import { EMAIL_CADENCE_INTENT, EmailCadenceSchema } from "~/modules/mentorship/email-preference-schemas";

type EmailCadence = (typeof EMAIL_CADENCES)[number];

const OPTIONS = (Object.keys(EMAIL_CADENCE_LABELS) as EmailCadence[]).map((value) => ({ value, ...EMAIL_CADENCE_LABELS[value] }));

/** The reminders section of /account: each reminder as it comes, or one weekly digest. */
export function EmailCadenceCard({ cadence, lastResult, saved }: { cadence: EmailCadence; lastResult: SubmissionResult<string[]> | undefined; saved: boolean }) {
  const [form, fields] = useForm({
    id: "email-cadence",
    lastResult,
    defaultValue: { cadence },
    constraint: getZodConstraint(EmailCadenceSchema),
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: EmailCadenceSchema }),
  });
  const busy = useIsPending({ fields: { intent: EMAIL_CADENCE_INTENT } });
  return (
    <Card>
      <h2 id="reminders" className="text-lg font-semibold text-slate-900">
        Reminders
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Reminders about a match: a check-in due, a reply waiting, a feedback round open. Messages on a match, a nudge from an admin and the
        follow-ups after an internship always come at once.
      </p>
      <Form method="post" {...getFormProps(form)} className="mt-5 space-y-4">
        {saved ? <Alert tone="success">Saved. From now on: {EMAIL_CADENCE_LABELS[cadence].label}.</Alert> : null}
        <FormErrors id={form.errorId} errors={form.errors} />
        <ChoiceGroup field={fields.cadence} type="radio" legend="How reminders reach you" options={OPTIONS} look="cards" columns="" />
        <Button type="submit" name="intent" value={EMAIL_CADENCE_INTENT} disabled={busy}>
          Save
        </Button>
      </Form>
    </Card>
  );
}
