import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FeedbackRounds, type FeedbackFormResult } from "~/components/mentorship/feedback";
import { MentorshipPage } from "~/components/mentorship/mentorship-header";
import { parseForm } from "~/forms/gate";
import { readForm } from "~/forms/read.server";
import { getFeedbackPage, saveFeedback, type SaveFeedbackError } from "~/modules/mentorship/feedback.server";
import { MentorFeedbackSchema, StudentFeedbackSchema } from "~/modules/mentorship/feedback-schemas";
import { headerOf, requireMentorship } from "~/modules/mentorship/route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Feedback · ${data.header.slotTitle} · Steppingstone` : "Feedback · Steppingstone" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { mentorship } = await requireMentorship(request, params);
  const { student, mentors } = mentorship;
  return {
    header: headerOf(mentorship),
    side: mentorship.side,
    names: { student: student.firstName, mentor: mentors.length === 1 ? mentors[0]!.name : null },
    // why: only what this reader may read — the other side's answers only when shared (feedback.server.ts).
    page: await getFeedbackPage(getDb(), mentorship),
  };
}

const REFUSALS: Record<SaveFeedbackError, string> = {
  not_allowed: "Feedback is answered by the student and the slot's mentors while the internship is under way or after it is completed.",
  upcoming: "This round is not open yet. It opens on the day shown below.",
  not_open: "This round has closed, so its answers can no longer be changed.",
};

const NOTICES = { saved: "Thank you: your feedback is saved. You can change it while the round is open." } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { mentorship } = await requireMentorship(request, params);
  const formData = await readForm(request);
  const sent = String(formData.get("round") ?? "");
  const round = sent === "midpoint" || sent === "final" ? sent : "";
  // why: each side answers its own questions; admins read and never answer.
  const schema = mentorship.side === "mentor" ? MentorFeedbackSchema : StudentFeedbackSchema;
  const submission = parseForm(formData, { schema });
  const refuse = (status: number, result = submission.reply()) => data<FeedbackFormResult>({ round, result }, { status });
  if (mentorship.side === "admin") return refuse(403, submission.reply({ formErrors: [REFUSALS.not_allowed] }));
  if (submission.status !== "success") return refuse(400);
  const result = await saveFeedback(getDb(), mentorship, submission.value);
  if (!result.ok) return refuse(result.error === "not_allowed" ? 403 : 409, submission.reply({ formErrors: [REFUSALS[result.error]] }));
  return redirect(`/matches/${mentorship.match.id}/feedback?notice=saved#round-${submission.value.round}`);
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

export default function FeedbackRoute() {
  const { header, side, names, page } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <MentorshipPage header={header} notices={NOTICES} showingErrors={Boolean(actionData)}>
      <FeedbackRounds page={page} side={side} names={names} actionData={actionData} />
    </MentorshipPage>
  );
}

