import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseForm } from "~/forms/gate";
import { Form, Link } from "@remix-run/react";
import type { ApplicationStatus } from "~db/schema";
import { FormErrors, TextareaField } from "~/components/forms";
import { Alert, Button } from "~/components/ui";
import { APPLICATION_STATUS_HINTS, APPLICATION_STATUS_LABELS, applicationFormSchema, MAX_STATEMENT } from "~/modules/applications/schemas";
import { isIn, UNDECIDED_APPLICATION_STATUSES } from "~/domain/vocabulary";

export type ApplySectionData = {
  application: { status: ApplicationStatus; declineReason: string | null } | null;
  profileReady: boolean;
  /** Why the student's work authorization rules the slot out, in their voice; empty when it does not. */
  authorizationProblems: string[];
};

const STATUS_TONES: Record<ApplicationStatus, string> = {
  submitted: "bg-sky-50 text-sky-800 ring-sky-200",
  shortlisted: "bg-indigo-50 text-indigo-800 ring-indigo-200",
  match_proposed: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  introduced: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  not_selected: "bg-slate-100 text-slate-700 ring-slate-300",
  withdrawn: "bg-slate-50 text-slate-600 ring-slate-200",
};

/** A student's application status in plain words. */
export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  return <span className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${STATUS_TONES[status]}`}>{APPLICATION_STATUS_LABELS[status]}</span>;
}

function ApplyForm({ questions, lastResult, again, busy }: { questions: string[]; lastResult?: SubmissionResult<string[]> | null; again: boolean; busy: boolean }) {
  const schema = applicationFormSchema(questions.length);
  const [form, fields] = useForm<{ intent: "apply"; statement: string; answers: string[] }>({
    id: "apply-form",
    lastResult: lastResult ?? undefined,
    // why: one answer input per question from the first render; getFieldList follows the default's length.
    defaultValue: { statement: "", answers: questions.map(() => "") },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, { schema }),
  });
  const answers = fields.answers.getFieldList();
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 space-y-5">
      <input type="hidden" name="intent" value="apply" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextareaField field={fields.statement} label="Your statement" rows={6} hint={`Why this slot, and what you bring: a few short paragraphs (up to ${MAX_STATEMENT.toLocaleString("en-US")} characters).`} />
      {questions.map((q, i) => (
        <TextareaField key={q} field={answers[i]!} label={q} rows={3} />
      ))}
      <Button type="submit" disabled={busy}>
        {again ? "Apply again" : "Send application"}
      </Button>
    </Form>
  );
}

/**
 * The "Apply" part of a slot's page: the form, or the student's application and what they can do
 * with it; a signed-out visitor is asked to log in.
 */
export function ApplySection({
  signedOut,
  section,
  questions,
  accepting,
  loginHref,
  lastResult,
  error,
  busy,
}: {
  signedOut: boolean;
  section: ApplySectionData | null;
  questions: string[];
  accepting: boolean;
  loginHref: string;
  lastResult?: SubmissionResult<string[]> | null;
  error?: string | null;
  busy: boolean;
}) {
  if (!signedOut && !section) return null;
  const application = section?.application ?? null;
  const live = application && application.status !== "withdrawn" ? application : null;
  return (
    <section id="apply" aria-labelledby="apply-heading" className="mt-8 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
      <h2 id="apply-heading" className="text-lg font-semibold text-slate-900">
        Apply
      </h2>
      {error ? (
        <div className="mt-3">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      {signedOut ? (
        <p className="mt-2 text-sm text-slate-700">
          <Link to={loginHref} className="font-semibold text-brand-700 hover:underline">
            Log in to apply
          </Link>{" "}
          — students apply with a short statement{questions.length ? " and answers to the mentors' questions" : ""}.
        </p>
      ) : live ? (
        <div className="mt-3 space-y-3">
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-800">
            Your application: <ApplicationStatusBadge status={live.status} />
          </p>
          <p className="text-sm text-slate-600">{APPLICATION_STATUS_HINTS[live.status]}</p>
          {live.status === "not_selected" && live.declineReason ? (
            <p className="border-l-4 border-slate-300 pl-3 text-sm text-slate-700">The mentor&apos;s reason: {live.declineReason}</p>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            {isIn(UNDECIDED_APPLICATION_STATUSES, live.status) ? (
              <Form method="post">
                <Button type="submit" name="intent" value="withdraw" variant="danger" disabled={busy}>
                  Withdraw
                </Button>
              </Form>
            ) : null}
            <Link to="/applications" className="text-sm font-medium text-brand-700 hover:underline">
              All your applications
            </Link>
          </div>
        </div>
      ) : !accepting ? (
        <p className="mt-2 text-sm text-slate-700">This slot is not taking applications.</p>
      ) : !section?.profileReady ? (
        <p className="mt-2 text-sm text-slate-700">
          <Link to="/profile" className="font-semibold text-brand-700 hover:underline">
            Complete your profile
          </Link>{" "}
          to apply: the mentors see how you fit this slot from your work authorization, where and when you can work, your hours, pay and work modes.
        </p>
      ) : section.authorizationProblems.length ? (
        <div className="mt-2 text-sm text-slate-700">
          <p>This slot cannot take your work authorization, so you cannot apply to it:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {section.authorizationProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          <p className="mt-1">
            If your status has changed,{" "}
            <Link to="/profile" className="font-semibold text-brand-700 hover:underline">
              update your profile
            </Link>
            .
          </p>
        </div>
      ) : (
        <>
          {application?.status === "withdrawn" ? <p className="mt-2 text-sm text-slate-600">You withdrew your application. You can apply again while the slot is open.</p> : null}
          <ApplyForm questions={questions} lastResult={lastResult} again={application?.status === "withdrawn"} busy={busy} />
        </>
      )}
    </section>
  );
}
