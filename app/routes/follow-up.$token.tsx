import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CHECK_ON_SUBMIT, Field, FormErrors } from "~/components/forms";
import { formatDateTime } from "~/components/format";
import { Alert, Button, buttonClass, NarrowPage } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { FOLLOW_UP_ANSWERS } from "~/domain/vocabulary";
import { parseForm } from "~/forms/gate";
import { readForm, readQuery } from "~/forms/read.server";
import { FOLLOW_UP_CHANGE_DAYS, FOLLOW_UP_LINK_DAYS } from "~/modules/mentorship/follow-up-timing";
import { FOLLOW_UP_LABELS } from "~/modules/mentorship/outcome-labels";
import { FollowUpActionSchema, FollowUpAnswerQuerySchema, MAX_ORGANIZATION_NAME } from "~/modules/mentorship/outcome-schemas";
import { addFollowUpOrganization, answerFollowUp, isPersonsClick, readFollowUp, type FollowUpView } from "~/modules/mentorship/outcomes.server";

// Public: "Where are you now?" from the follow-up email, 3 and 6 months after an internship. The
// token is the credential, its secret checked on every use. A person's click (a GET with
// ?answer=… from a browser that is no bot) records the answer at once; a link scanner (isbot, or
// no user agent) or a HEAD only sees the page, whose buttons post it. As a Chrome-like scanner may
// still click first, the link changes the answer for FOLLOW_UP_CHANGE_DAYS after the first one:
// the person's own click then says "Changed to …". After that, or FOLLOW_UP_LINK_DAYS after
// sending unanswered, it says it has expired (410).

export const meta: MetaFunction = () => [{ title: "Where are you now? · Steppingstone" }, { name: "robots", content: "noindex" }];

type Notice = "recorded" | "changed" | null;

type Page =
  | { state: "invalid" }
  | { state: "expired"; view: FollowUpView }
  | { state: "open"; view: FollowUpView; chosen: string | null }
  | { state: "answered"; view: FollowUpView; notice: Notice };

const invalid = () => data<Page>({ state: "invalid" }, { status: 404 });
const expiredPage = (view: FollowUpView) => data<Page>({ state: "expired", view }, { status: 410 });
const pathOf = (token: string) => `/follow-up/${encodeURIComponent(token)}`;
const NOTICE_OF = {
  recorded: "recorded",
  unchanged: "recorded",
  changed: "changed",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const { params: query } = readQuery(request);
  const asked = FollowUpAnswerQuerySchema.safeParse({
    answer: query.get("answer") ?? undefined,
  });
  if (asked.success && isPersonsClick(request.method, request.headers.get("user-agent"))) {
    const result = await answerFollowUp(getDb(), token, asked.data.answer);
    if (result.state === "invalid") return invalid();
    if (result.state === "expired") return expiredPage(result.view);
    // why: the address without ?answer, so reloading the page (or Remix revalidating it) does not answer again.
    return redirect(`${pathOf(token)}?notice=${NOTICE_OF[result.state]}`);
  }
  const found = await readFollowUp(getDb(), token);
  if (found.state === "invalid") return invalid();
  if (found.state === "expired") return expiredPage(found.view);
  if (found.state === "open")
    return data<Page>({
      state: "open",
      view: found.view,
      chosen: asked.success ? asked.data.answer : null,
    });
  const notice = query.get("notice");
  return data<Page>({
    state: "answered",
    view: found.view,
    notice: notice === "recorded" || notice === "changed" ? notice : null,
  });
}

type ActionResult = { result: SubmissionResult<string[]> } | { state: "invalid" };

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const submission = parseForm(await readForm(request), {
    schema: FollowUpActionSchema,
  });
  if (submission.status !== "success") return data<ActionResult>({ result: submission.reply() }, { status: 400 });
  if (submission.value.intent === "answer") {
    const result = await answerFollowUp(getDb(), token, submission.value.answer);
    if (result.state === "invalid") return data<ActionResult>({ state: "invalid" }, { status: 404 });
    // An expired link: its page says so.
    return redirect(result.state === "expired" ? pathOf(token) : `${pathOf(token)}?notice=${NOTICE_OF[result.state]}`);
  }
  const result = await addFollowUpOrganization(getDb(), token, submission.value.organizationName);
  if (result.ok) return redirect(`${pathOf(token)}?notice=recorded`);
  if (result.error === "invalid") return data<ActionResult>({ state: "invalid" }, { status: 404 });
  if (result.error === "expired") return redirect(pathOf(token));
  return data<ActionResult>(
    {
      result: submission.reply({
        formErrors: ["“Still searching” has no organization to name. Choose another answer first if it changed."],
      }),
    },
    { status: 409 },
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

const PRIVATE = "Only you and the Steppingstone admins see this answer.";

export default function FollowUpPage() {
  const page = useLoaderData<typeof loader>() as Page;
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  if (page.state === "invalid" || (actionData && "state" in actionData)) return <InvalidLink />;
  const { view } = page;
  const lead = `${view.months} months after your internship “${view.slotTitle}” at ${view.organizationName}.`;
  if (page.state === "expired") return <ExpiredLink view={view} />;
  if (page.state === "open") {
    return (
      <NarrowPage title="Where are you now?" description={lead}>
        <div className="space-y-4">
          <Choices chosen={page.chosen} current={null} />
          <p className="text-xs text-slate-500">
            {PRIVATE} If you pick the wrong one, this link changes it until {formatDateTime(view.openUntil)} ({FOLLOW_UP_CHANGE_DAYS} days after your first
            answer).
          </p>
        </div>
      </NarrowPage>
    );
  }
  const recorded = `${FOLLOW_UP_LABELS[view.answer!]}${view.answeredOrganization ? ` — ${view.answeredOrganization}` : ""}`;
  return (
    <NarrowPage title={page.notice ? "Thank you" : "Your answer"} description={lead}>
      <div className="space-y-5">
        {page.notice === "changed" ? (
          <Alert tone="success" title={`Changed to “${FOLLOW_UP_LABELS[view.answer!]}”`}>
            Your answer is now: {recorded}. It helps us learn which internships become a stepping stone.
          </Alert>
        ) : page.notice === "recorded" ? (
          <Alert tone="success" title="Your answer is recorded">
            {recorded}. It helps us learn which internships become a stepping stone.
          </Alert>
        ) : (
          <Alert tone="info" title="Your answer">
            The answer recorded is “{FOLLOW_UP_LABELS[view.answer!]}”{view.answeredOrganization ? `, at ${view.answeredOrganization}` : ""}.
          </Alert>
        )}
        <p className="text-sm text-slate-600">{PRIVATE}</p>
        {view.mayAddOrganization ? (
          <OrganizationForm lastResult={actionData && "result" in actionData ? actionData.result : undefined} current={view.answeredOrganization} />
        ) : null}
        <details className="border-t border-slate-200 pt-5">
          <summary className="cursor-pointer text-sm font-semibold text-brand-700 hover:underline">Not right? Change your answer</summary>
          <div className="mt-4 space-y-3">
            <p className="text-sm text-slate-600">This link changes your answer until {formatDateTime(view.openUntil)}.</p>
            <Choices chosen={null} current={view.answer} />
          </div>
        </details>
        <p className="text-sm text-slate-600">
          You can close this page.{" "}
          <Link to="/" className="font-semibold text-brand-700 hover:underline">
            Go to Steppingstone
          </Link>
        </p>
      </div>
    </NarrowPage>
  );
}

/** The four answers as buttons that post: for a person whose browser opened the page without recording (a scanner came first, or no answer in the link), or who changes the answer. */
function Choices({ chosen, current }: { chosen: string | null; current: string | null }) {
  const pending = useIsPending({ fields: { intent: "answer" } });
  return (
    <Form method="post" className="space-y-3" aria-label="Where are you now?">
      <input type="hidden" name="intent" value="answer" />
      {current ? null : (
        <p className="text-sm text-slate-700">{chosen ? "Press your answer to record it:" : "Choose one — it is recorded with this click, no login needed:"}</p>
      )}
      {FOLLOW_UP_ANSWERS.filter((answer) => answer !== current).map((answer) => (
        <button
          key={answer}
          type="submit"
          name="answer"
          value={answer}
          disabled={pending}
          className={`${buttonClass(!current && (chosen === answer || !chosen) ? "primary" : "secondary")} w-full`}
        >
          {FOLLOW_UP_LABELS[answer]}
        </button>
      ))}
    </Form>
  );
}

function OrganizationForm({ lastResult, current }: { lastResult: SubmissionResult<string[]> | undefined; current: string | null }) {
  const [form, fields] = useForm({
    id: "organization",
    lastResult,
    defaultValue: { intent: "organization", organizationName: current ?? "" },
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: FollowUpActionSchema }),
  });
  const pending = useIsPending({ fields: { intent: "organization" } });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-slate-200 pt-5" aria-label="At which organization?">
      <input type="hidden" name="intent" value="organization" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field field={fields.organizationName} label="At which organization? (optional)" hint="Only if you want to say." maxLength={MAX_ORGANIZATION_NAME} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {current ? "Change the organization" : "Add the organization"}
      </Button>
    </Form>
  );
}

function ExpiredLink({ view }: { view: FollowUpView }) {
  return (
    <NarrowPage title="This link has expired" description={`${view.months} months after your internship “${view.slotTitle}” at ${view.organizationName}.`}>
      <div className="space-y-4 text-slate-700">
        <p>
          The link takes answers for {FOLLOW_UP_LINK_DAYS} days after we send it, and changes them for {FOLLOW_UP_CHANGE_DAYS} days after the first answer. That
          time has passed, so nothing was changed.
        </p>
        <p>
          You can still give or change your answer signed in, on your internship's outcome page.{" "}
          <Link to={`/matches/${view.matchId}/outcome`} className="font-semibold text-brand-700 hover:underline">
            Open the outcome page
          </Link>
        </p>
      </div>
    </NarrowPage>
  );
}

function InvalidLink() {
  return (
    <NarrowPage title="This link is not valid">
      <div className="space-y-4 text-slate-700">
        <p>We could not find the question this link belongs to. It may have been copied only in part: open the email again and click its button.</p>
        <p className="text-sm text-slate-600">
          <Link to="/" className="font-semibold text-brand-700 hover:underline">
            Go to Steppingstone
          </Link>
        </p>
      </div>
    </NarrowPage>
  );
}
