import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { isbot } from "isbot";
import { getDb } from "~db/client.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CHECK_ON_SUBMIT, Field, FormErrors } from "~/components/forms";
import { Alert, Button, buttonClass, NarrowPage } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { FOLLOW_UP_ANSWERS } from "~/domain/vocabulary";
import { parseForm } from "~/forms/gate";
import { readForm, readQuery } from "~/forms/read.server";
import { FOLLOW_UP_LABELS } from "~/modules/mentorship/outcome-labels";
import { FollowUpActionSchema, FollowUpAnswerQuerySchema, MAX_ORGANIZATION_NAME } from "~/modules/mentorship/outcome-schemas";
import { addFollowUpOrganization, answerFollowUp, readFollowUp, type FollowUpView } from "~/modules/mentorship/outcomes.server";

// Public: "Where are you now?" from the follow-up email, 3 and 6 months after an internship. The
// token is the credential (single use). A person's click (a GET with ?answer=…) records the
// answer at once; a link scanner (isbot) or a HEAD only sees the page, whose buttons post it.

export const meta: MetaFunction = () => [{ title: "Where are you now? · Steppingstone" }, { name: "robots", content: "noindex" }];

type Page =
  | { state: "invalid" }
  | { state: "open"; view: FollowUpView; chosen: string | null }
  | { state: "answered"; view: FollowUpView; justNow: boolean };

const invalid = () => data<Page>({ state: "invalid" }, { status: 404 });
const pathOf = (token: string) => `/follow-up/${encodeURIComponent(token)}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const { params: query } = readQuery(request);
  const asked = FollowUpAnswerQuerySchema.safeParse({ answer: query.get("answer") ?? undefined });
  const person = request.method === "GET" && !isbot(request.headers.get("user-agent") ?? "");
  if (person && asked.success) {
    const result = await answerFollowUp(getDb(), token, asked.data.answer);
    if (result.state === "invalid") return invalid();
    // why: the address without ?answer, so reloading the page (or Remix revalidating it) does not answer again.
    if (result.state === "recorded") return redirect(`${pathOf(token)}?recorded=1`);
    return data<Page>({ state: "answered", view: result.view, justNow: false });
  }
  const found = await readFollowUp(getDb(), token);
  if (found.state === "invalid") return invalid();
  if (found.state === "open") return data<Page>({ state: "open", view: found.view, chosen: asked.success ? asked.data.answer : null });
  return data<Page>({ state: "answered", view: found.view, justNow: query.get("recorded") === "1" });
}

type ActionResult = { result: SubmissionResult<string[]> } | { state: "invalid" };

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const submission = parseForm(await readForm(request), { schema: FollowUpActionSchema });
  if (submission.status !== "success") return data<ActionResult>({ result: submission.reply() }, { status: 400 });
  if (submission.value.intent === "answer") {
    const result = await answerFollowUp(getDb(), token, submission.value.answer);
    if (result.state === "invalid") return data<ActionResult>({ state: "invalid" }, { status: 404 });
    return redirect(result.state === "recorded" ? `${pathOf(token)}?recorded=1` : pathOf(token));
  }
  const result = await addFollowUpOrganization(getDb(), token, submission.value.organizationName);
  if (result.ok) return redirect(`${pathOf(token)}?recorded=1`);
  if (result.error === "invalid") return data<ActionResult>({ state: "invalid" }, { status: 404 });
  return data<ActionResult>(
    { result: submission.reply({ formErrors: ["The organization is taken within an hour of answering, and that hour has passed. Your answer itself is recorded."] }) },
    { status: 409 },
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

export default function FollowUpPage() {
  const page = useLoaderData<typeof loader>() as Page;
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  if (page.state === "invalid" || (actionData && "state" in actionData)) return <InvalidLink />;
  const { view } = page;
  const lead = `${view.months} months after your internship “${view.slotTitle}” at ${view.organizationName}.`;
  if (page.state === "open") {
    return (
      <NarrowPage title="Where are you now?" description={lead}>
        <OpenChoices chosen={page.chosen} />
      </NarrowPage>
    );
  }
  return (
    <NarrowPage title={page.justNow ? "Thank you" : "Already answered"} description={lead}>
      <div className="space-y-5">
        {page.justNow ? (
          <Alert tone="success" title="Your answer is recorded">
            {FOLLOW_UP_LABELS[view.answer!]}
            {view.answeredOrganization ? ` — ${view.answeredOrganization}` : ""}. It helps us learn which internships become a stepping stone.
          </Alert>
        ) : (
          <Alert tone="info" title="This link was already used">
            The answer recorded is “{FOLLOW_UP_LABELS[view.answer!]}”{view.answeredOrganization ? `, at ${view.answeredOrganization}` : ""}. Each link works once,
            so nothing was changed.
          </Alert>
        )}
        {view.mayAddOrganization ? (
          <OrganizationForm lastResult={actionData && "result" in actionData ? actionData.result : undefined} current={view.answeredOrganization} />
        ) : null}
        <p className="text-sm text-slate-600">
          You can close this page. <Link to="/" className="font-semibold text-brand-700 hover:underline">Go to Steppingstone</Link>
        </p>
      </div>
    </NarrowPage>
  );
}

/** The four answers as buttons that post: for a person whose browser opened the page without recording (a scanner came first, or no answer in the link). */
function OpenChoices({ chosen }: { chosen: string | null }) {
  const pending = useIsPending({ fields: { intent: "answer" } });
  return (
    <Form method="post" className="space-y-3" aria-label="Where are you now?">
      <input type="hidden" name="intent" value="answer" />
      <p className="text-sm text-slate-700">{chosen ? "Press your answer to record it:" : "Choose one — it is recorded with this click, no login needed:"}</p>
      {FOLLOW_UP_ANSWERS.map((answer) => (
        <button
          key={answer}
          type="submit"
          name="answer"
          value={answer}
          disabled={pending}
          className={`${buttonClass(chosen === answer || !chosen ? "primary" : "secondary")} w-full`}
        >
          {FOLLOW_UP_LABELS[answer]}
        </button>
      ))}
      <p className="text-xs text-slate-500">The link works once: the first answer counts.</p>
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
      <Field field={fields.organizationName} label="At which organization? (optional)" hint="Only if you want to say. You can add it within the hour." maxLength={MAX_ORGANIZATION_NAME} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {current ? "Change the organization" : "Add the organization"}
      </Button>
    </Form>
  );
}

function InvalidLink() {
  return (
    <NarrowPage title="This link is not valid">
      <div className="space-y-4 text-slate-700">
        <p>We could not find the question this link belongs to. It may have been copied only in part: open the email again and click its button.</p>
        <p className="text-sm text-slate-600">
          <Link to="/" className="font-semibold text-brand-700 hover:underline">Go to Steppingstone</Link>
        </p>
      </div>
    </NarrowPage>
  );
}
