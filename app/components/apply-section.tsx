import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseForm } from "~/forms/gate";
import { Form, Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { ApplicationStatus } from "~db/schema";
import { CHECK_ON_SUBMIT, FormErrors, TextareaField } from "~/components/forms";
import { Alert, Button, ButtonLink } from "~/components/ui";
import { APPLICATION_STATUS_HINTS, APPLICATION_STATUS_LABELS, applicationFormSchema, MAX_STATEMENT } from "~/modules/applications/schemas";
import { isIn, UNDECIDED_APPLICATION_STATUSES } from "~/domain/vocabulary";
import type { MissingItem } from "~/modules/profiles/completeness";

export type ApplySectionData = {
  /** The student's application to the slot; what they wrote is where applying again starts. */
  application: { status: ApplicationStatus; declineReason: string | null; statement: string; answers: string[] } | null;
  profileReady: boolean;
  /** What the profile lacks before the student can apply, each with its section of the profile page. */
  missing: MissingItem[];
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

function ApplyForm({
  questions,
  lastResult,
  previous,
  busy,
}: {
  questions: string[];
  lastResult?: SubmissionResult<string[]> | null;
  /** A withdrawn application's words: the form starts from them. */
  previous: { statement: string; answers: string[] } | null;
  busy: boolean;
}) {
  const schema = applicationFormSchema(questions.length);
  const [form, fields] = useForm<{ intent: "apply"; statement: string; answers: string[] }>({
    id: "apply-form",
    lastResult: lastResult ?? undefined,
    // why: one answer input per question from the first render; getFieldList follows the default's length.
    defaultValue: { statement: previous?.statement ?? "", answers: questions.map((_, i) => previous?.answers[i] ?? "") },
    ...CHECK_ON_SUBMIT,
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
        {previous ? "Apply again" : "Send application"}
      </Button>
    </Form>
  );
}

/** "Withdraw your application?": the step between the Withdraw link and the withdrawal, a page of its own without JavaScript. */
function ConfirmWithdraw({ keepHref, busy }: { keepHref: string; busy: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // why: the question replaces the link the keyboard was on; the focus follows it.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="rounded-lg bg-red-50 p-4 ring-1 ring-red-200">
      <h3 id="withdraw-heading" ref={heading} tabIndex={-1} className="text-sm font-semibold text-red-900 focus:outline-none">
        Withdraw your application?
      </h3>
      <p className="mt-1 text-sm text-red-900">
        The mentors will be told by email that you withdrew, and your application leaves their list. You can apply again while the slot is open, starting from what
        you wrote.
      </p>
      <Form method="post" className="mt-3 flex flex-wrap items-center gap-3" aria-labelledby="withdraw-heading">
        <Button type="submit" name="intent" value="withdraw" variant="danger" disabled={busy}>
          Yes, withdraw
        </Button>
        <Link to={keepHref} className="text-sm font-medium text-brand-700 hover:underline">
          Keep my application
        </Link>
      </Form>
    </div>
  );
}

const capitalized = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

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
  confirmWithdraw,
  slotHref,
  lastResult,
  error,
  busy,
}: {
  signedOut: boolean;
  section: ApplySectionData | null;
  questions: string[];
  accepting: boolean;
  loginHref: string;
  /** The student asked to withdraw (`?withdraw`): ask them to confirm. */
  confirmWithdraw: boolean;
  /** The slot page's own address. */
  slotHref: string;
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
          {isIn(UNDECIDED_APPLICATION_STATUSES, live.status) && confirmWithdraw ? <ConfirmWithdraw keepHref={`${slotHref}#apply`} busy={busy} /> : null}
          <div className="flex flex-wrap items-center gap-3">
            {isIn(UNDECIDED_APPLICATION_STATUSES, live.status) && !confirmWithdraw ? (
              <ButtonLink to={`${slotHref}?withdraw#apply`} variant="danger">
                Withdraw…
              </ButtonLink>
            ) : null}
            <Link to="/applications" className="text-sm font-medium text-brand-700 hover:underline">
              All your applications
            </Link>
          </div>
        </div>
      ) : !accepting ? (
        <p className="mt-2 text-sm text-slate-700">This slot is not taking applications.</p>
      ) : !section?.profileReady ? (
        <div className="mt-2 text-sm text-slate-700">
          <p>
            <Link to="/profile" className="font-semibold text-brand-700 hover:underline">
              Complete your profile
            </Link>{" "}
            to apply: the mentors see how you fit this slot from it. Still missing:
          </p>
          <ul className="mt-2 list-disc space-y-1 pl-5" aria-label="Missing from your profile">
            {section?.missing.map((m) => (
              <li key={m.missing}>
                <Link to={`/profile#${m.section}`} className="font-medium text-brand-700 hover:underline">
                  {capitalized(m.missing)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
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
          {application?.status === "withdrawn" ? (
            <p className="mt-2 text-sm text-slate-600">You withdrew your application. What you sent last time is filled in below: change what you like and apply again.</p>
          ) : null}
          <ApplyForm questions={questions} lastResult={lastResult} previous={application?.status === "withdrawn" ? application : null} busy={busy} />
        </>
      )}
    </section>
  );
}
