import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MentorshipHeader } from "~/components/mentorship/mentorship-header";
import { Outcome } from "~/components/mentorship/outcome";
import { Alert } from "~/components/ui";
import { entryFor, parseForm } from "~/forms/gate";
import { readForm } from "~/forms/read.server";
import { OutcomeSchema } from "~/modules/mentorship/outcome-schemas";
import { getOutcomePage, recordOutcome } from "~/modules/mentorship/outcomes.server";
import { headerOf, requireMentorship } from "~/modules/mentorship/route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Outcome · ${data.header.slotTitle} · Steppingstone` : "Outcome · Steppingstone" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { mentorship } = await requireMentorship(request, params);
  return {
    header: headerOf(mentorship),
    side: mentorship.side,
    status: mentorship.match.status,
    studentFirstName: mentorship.student.firstName,
    page: await getOutcomePage(getDb(), mentorship),
  };
}

const NOT_ALLOWED = "The student records the outcome once the internship is completed.";
const NOTICES = { recorded: "Thank you: the outcome is recorded. You can change it here later." } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { mentorship } = await requireMentorship(request, params);
  const submission = parseForm(await readForm(request), { schema: OutcomeSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await recordOutcome(getDb(), mentorship, submission.value);
  if (!result.ok) {
    if (result.error === "not_allowed") return data(submission.reply({ formErrors: [NOT_ALLOWED] }), { status: 403 });
    const fieldErrors = Object.fromEntries(result.benefits.map((offer) => [`delivered.${offer}`, ["Choose yes or no"]]));
    return data(submission.reply({ fieldErrors }), { status: 400 });
  }
  return redirect(`/matches/${mentorship.match.id}/outcome?notice=recorded`);
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

export default function OutcomeRoute() {
  const { header, side, status, studentFirstName, page } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = lastResult ? null : entryFor(NOTICES, params.get("notice"));
  return (
    <div>
      <MentorshipHeader header={header} />
      {notice ? (
        <div className="mb-6">
          <Alert tone="success">{notice}</Alert>
        </div>
      ) : null}
      <Outcome page={page} side={side} status={status} studentFirstName={studentFirstName} lastResult={lastResult} />
    </div>
  );
}
