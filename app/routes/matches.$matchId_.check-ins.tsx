import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CheckIns, type FormResult } from "~/components/mentorship/check-ins";
import { MentorshipPage } from "~/components/mentorship/mentorship-header";
import { parseForm } from "~/forms/gate";
import { readForm } from "~/forms/read.server";
import { CHECK_IN_NOTICES, CHECK_IN_REFUSALS, type CheckInNotice } from "~/modules/mentorship/check-in-labels";
import { CheckInActionSchema } from "~/modules/mentorship/check-in-schemas";
import { checkInsPath, listCheckIns, replyToCheckIn, writeCheckIn } from "~/modules/mentorship/check-ins.server";
import { headerOf, requireMentorship } from "~/modules/mentorship/route.server";
import { notFound } from "~/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Check-ins · ${data.header.slotTitle} · Steppingstone` : "Check-ins · Steppingstone" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { mentorship } = await requireMentorship(request, params);
  return { header: headerOf(mentorship), side: mentorship.side, page: await listCheckIns(getDb(), mentorship) };
}

/** The form ids the page sends (see components/mentorship/check-ins.tsx); anything else is echoed as none. */
const FORM_ID = /^(check-in|check-in-week-\d{1,3}|reply-[0-9a-f-]{36})$/;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, mentorship } = await requireMentorship(request, params);
  const formData = await readForm(request);
  const sentId = String(formData.get("formId") ?? "");
  const formId = FORM_ID.test(sentId) ? sentId : "";
  const submission = parseForm(formData, { schema: CheckInActionSchema });
  const refuse = (status: number, result = submission.reply()) => data<FormResult>({ formId, result }, { status });
  if (submission.status !== "success") return refuse(400);
  const viewer = { id: user.id, role: user.role };
  const matchId = mentorship.match.id;
  const done = (notice: CheckInNotice) => redirect(`${checkInsPath(matchId)}?notice=${notice}`);

  if (submission.value.intent === "write") {
    const { intent: _, ...input } = submission.value;
    const result = await writeCheckIn(getDb(), { viewer, matchId, input });
    if (result.ok) return done(result.edited ? "edited" : result.late ? "written_late" : "written");
    if (result.error === "not_found") throw notFound();
    if (result.error === "not_allowed") return refuse(403, submission.reply({ formErrors: [CHECK_IN_REFUSALS.not_allowed_write] }));
    if (result.error === "week_not_writable") return refuse(400, submission.reply({ fieldErrors: { week: [CHECK_IN_REFUSALS.week_not_writable] } }));
    return refuse(409, submission.reply({ formErrors: [CHECK_IN_REFUSALS.already_replied] }));
  }

  const { checkInId, reply, mentorHoursGiven } = submission.value;
  const result = await replyToCheckIn(getDb(), { viewer, matchId, checkInId, input: { reply, mentorHoursGiven } });
  if (result.ok) return done(result.edited ? "reply_edited" : "replied");
  if (result.error === "not_found") throw notFound();
  return refuse(403, submission.reply({ formErrors: [CHECK_IN_REFUSALS.not_allowed_reply] }));
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

export default function CheckInsRoute() {
  const { header, side, page } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <MentorshipPage header={header} notices={CHECK_IN_NOTICES} showingErrors={Boolean(actionData)}>
      <CheckIns page={page} side={side} actionData={actionData} />
    </MentorshipPage>
  );
}
