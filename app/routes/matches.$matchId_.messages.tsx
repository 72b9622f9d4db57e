import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MentorshipPage } from "~/components/mentorship/mentorship-header";
import { Messages } from "~/components/mentorship/messages";
import { parseForm } from "~/forms/gate";
import { readForm, readQuery } from "~/forms/read.server";
import { PostMessageSchema, shownFrom } from "~/modules/mentorship/message-schemas";
import { getThreadPage, postMessage } from "~/modules/mentorship/messages.server";
import { headerOf, requireMentorship } from "~/modules/mentorship/route.server";
import { notFound } from "~/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Messages · ${data.header.slotTitle} · Steppingstone` : "Messages · Steppingstone" }];

const NOTICES: Record<string, string> = { sent: "Sent. The others get an email about it." };

const REFUSALS = {
  admin: "Admins read the thread; only the student and the slot's mentors write on it. Nothing was sent.",
  closed: "This thread is closed to new messages: the match is not going ahead. Nothing was sent.",
  invalid_body: "Write a message of 1 to 5,000 characters.",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { mentorship } = await requireMentorship(request, params);
  const shown = shownFrom(readQuery(request).params);
  return { header: headerOf(mentorship), page: await getThreadPage(getDb(), mentorship, { shown }) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, mentorship } = await requireMentorship(request, params);
  const submission = parseForm(await readForm(request), { schema: PostMessageSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const matchId = mentorship.match.id;
  const result = await postMessage(getDb(), { viewer: { id: user.id, role: user.role }, matchId, body: submission.value.body, now: new Date() });
  if (result.ok) return redirect(`/matches/${matchId}/messages?notice=sent#message-${result.messageId}`);
  if (result.error === "not_found") throw notFound();
  if (result.error === "not_allowed") return data({ result: submission.reply({ formErrors: [REFUSALS[mentorship.side === "admin" ? "admin" : "closed"]] }) }, { status: 403 });
  return data({ result: submission.reply({ fieldErrors: { body: [REFUSALS.invalid_body] } }) }, { status: 400 });
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

export default function MessagesRoute() {
  const { header, page } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <MentorshipPage header={header} notices={NOTICES} showingErrors={Boolean(actionData)}>
      <Messages matchId={header.matchId} {...page} lastResult={actionData?.result} />
    </MentorshipPage>
  );
}
