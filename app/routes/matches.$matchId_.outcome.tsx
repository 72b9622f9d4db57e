import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MentorshipPage } from "~/components/mentorship/mentorship-header";
import { Outcome } from "~/components/mentorship/outcome";
import { parseForm } from "~/forms/gate";
import { readForm } from "~/forms/read.server";
import { OutcomeActionSchema } from "~/modules/mentorship/outcome-actions";
import { changeFollowUp, getOutcomePage, recordOutcome } from "~/modules/mentorship/outcomes.server";
import { headerOf, requireMentorship } from "~/modules/mentorship/route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data ? `Outcome · ${data.header.slotTitle} · Steppingstone` : "Outcome · Steppingstone",
  },
];

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
const FOLLOW_UP_NOT_ALLOWED = "Only the student answers where they are now.";
const NOT_SENT = "That question has not been sent yet: it comes 3 and 6 months after completion.";
const NOTICES = {
  recorded: "Thank you: the outcome is recorded. You can change it here later.",
  follow_up: "Thank you: your answer is saved.",
} as const;

/** Which form a reply belongs to ("outcome", or "follow-up-3" / "follow-up-6"), so only that form shows its errors. */
export type OutcomeReply = { form: string; result: SubmissionResult<string[]> };

/** The form a posted body names, read before the schema (which may refuse it). */
function formOf(formData: FormData): string {
  const intent = formData.get("intent");
  const months = formData.get("months");
  return intent === "follow_up" && (months === "3" || months === "6") ? `follow-up-${months}` : "outcome";
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { mentorship } = await requireMentorship(request, params);
  const formData = await readForm(request);
  const form = formOf(formData);
  const submission = parseForm(formData, { schema: OutcomeActionSchema });
  const reply = (result: SubmissionResult<string[]>, status: number) => data<OutcomeReply>({ form, result }, { status });
  if (submission.status !== "success") return reply(submission.reply(), 400);
  const value = submission.value;
  if (value.intent === "follow_up") {
    const result = await changeFollowUp(getDb(), mentorship, value);
    if (!result.ok)
      return reply(
        submission.reply({
          formErrors: [result.error === "not_allowed" ? FOLLOW_UP_NOT_ALLOWED : NOT_SENT],
        }),
        result.error === "not_allowed" ? 403 : 409,
      );
    return redirect(`/matches/${mentorship.match.id}/outcome?notice=follow_up`);
  }
  const result = await recordOutcome(getDb(), mentorship, value);
  if (!result.ok) {
    if (result.error === "not_allowed") return reply(submission.reply({ formErrors: [NOT_ALLOWED] }), 403);
    const fieldErrors = Object.fromEntries(result.benefits.map((offer) => [`delivered.${offer}`, ["Choose yes or no"]]));
    return reply(submission.reply({ fieldErrors }), 400);
  }
  return redirect(`/matches/${mentorship.match.id}/outcome?notice=recorded`);
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

export default function OutcomeRoute() {
  const { header, side, status, studentFirstName, page } = useLoaderData<typeof loader>();
  const lastReply = useActionData<typeof action>() as OutcomeReply | undefined;
  return (
    <MentorshipPage header={header} notices={NOTICES} showingErrors={Boolean(lastReply)}>
      <Outcome page={page} side={side} status={status} studentFirstName={studentFirstName} lastReply={lastReply} />
    </MentorshipPage>
  );
}
