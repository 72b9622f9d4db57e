import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PlanPage, planFormId } from "~/components/mentorship/plan";
import { entryFor, parseForm } from "~/forms/gate";
import { readForm, readQuery } from "~/forms/read.server";
import { actOnPlan, getPlan, MAX_EVIDENCE_PER_GOAL, MAX_GOALS, type PlanError, type PlanNotice } from "~/modules/mentorship/plan.server";
import { planActionSchema, type PlanAction } from "~/modules/mentorship/plan-schemas";
import { headerOf, requireMentorship } from "~/modules/mentorship/route.server";
import { notFound } from "~/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Plan · ${data.header.slotTitle} · Steppingstone` : "Plan · Steppingstone" }];

const NOTICES: Record<PlanNotice, string> = {
  drafted: "The plan is drafted from the slot. Make it yours: edit, add or drop goals.",
  added: "Goal added.",
  edited: "Goal saved.",
  state: "State saved.",
  done_waiting: "Marked done. A mentor confirms it.",
  confirmed: "Confirmed done.",
  evidence_added: "Link added.",
  evidence_removed: "Link removed.",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { mentorship } = await requireMentorship(request, params);
  const plan = await getPlan(getDb(), mentorship);
  const notice = entryFor(NOTICES, readQuery(request).params.get("done"));
  return { header: headerOf(mentorship), side: mentorship.side, plan, notice };
}

/** What a refusal says, and on which field (none: the form as a whole); not_found is a 404. */
function refusal(error: Exclude<PlanError, "not_found">, action: PlanAction, durationWeeks: number): { status: number; field?: string; message: string } {
  switch (error) {
    case "admins_read":
      return { status: 403, message: "Admins read the plan; the student and the mentors keep it." };
    case "not_allowed":
      return {
        status: 403,
        message: action.intent === "remove_evidence" ? "Only the person who added a link, or a mentor, removes it." : "Only a mentor confirms a goal done.",
      };
    case "read_only":
      return { status: 409, message: "The plan can be changed while the match is confirmed or the internship is under way." };
    case "already_drafted":
      return { status: 409, message: "The plan already has goals: it was drafted a moment ago. The page below is up to date." };
    case "nothing_to_draft":
      return { status: 409, message: "The slot has no learning plan and promises nothing to draft from. Add your goals below." };
    case "week_out_of_range":
      return { status: 400, field: "targetWeek", message: `The internship has ${durationWeeks} weeks` };
    case "not_done":
      return { status: 409, message: "This goal is no longer marked done, so there is nothing to confirm. The page below is up to date." };
    case "confirmed_done":
      return { status: 403, message: "A mentor confirmed this goal done, so only a mentor can reopen it. Ask your mentor to reopen it." };
    case "too_many_goals":
      return { status: 409, message: `A plan holds at most ${MAX_GOALS} goals. Edit or drop one instead.` };
    case "too_many_links":
      return { status: 409, message: `A goal holds at most ${MAX_EVIDENCE_PER_GOAL} links. Remove one first.` };
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, mentorship } = await requireMentorship(request, params);
  const { durationWeeks } = mentorship.dates;
  const submission = parseForm(await readForm(request), { schema: planActionSchema(durationWeeks) });
  const form = planFormId(submission.payload);
  if (submission.status !== "success") return data({ form, result: submission.reply() }, { status: 400 });
  const result = await actOnPlan(getDb(), { viewer: { id: user.id, role: user.role }, matchId: mentorship.match.id, action: submission.value });
  if (!result.ok) {
    if (result.error === "not_found") throw notFound();
    const { status, field, message } = refusal(result.error, submission.value, durationWeeks);
    return data({ form, result: submission.reply(field ? { fieldErrors: { [field]: [message] } } : { formErrors: [message] }) }, { status });
  }
  return redirect(`/matches/${mentorship.match.id}/plan?done=${result.notice}`);
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

export default function PlanRoute() {
  const { header, side, plan, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <PlanPage header={header} side={side} plan={plan} notice={notice} lastAction={actionData} />;
}
