import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ReferralDetail, type ReferralReply } from "~/components/referrals/referral-detail";
import { Alert } from "~/components/ui";
import { entryFor, parseForm } from "~/forms/gate";
import { readForm } from "~/forms/read.server";
import { REFERRAL_NOTICES, REFERRAL_REFUSALS, type ReferralNotice } from "~/modules/referrals/referral-labels";
import { ReferralActionSchema } from "~/modules/referrals/referral-schemas";
import { answerReferral, findReferral, recordReferralOutcome, referralPath, withdrawReferral } from "~/modules/referrals/referrals.server";
import { notFound } from "~/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Referral: ${data.referral.role} at ${data.referral.company} · Steppingstone` : "Referral · Steppingstone" },
];

// The student of the referral's match, the mentor asked, and admins read it; anyone else gets the
// same 404 as for a referral that does not exist (the query decides: app/modules/referrals).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const referral = await findReferral(getDb(), { id: user.id, role: user.role }, params.referralId ?? "");
  if (!referral) throw notFound();
  return { referral };
}

const FORMS = ["accept", "decline", "outcome", "withdraw"] as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const viewer = { id: user.id, role: user.role };
  const db = getDb();
  const referralId = params.referralId ?? "";
  if (!(await findReferral(db, viewer, referralId))) throw notFound();
  const formData = await readForm(request);
  const form = entryFor(Object.fromEntries(FORMS.map((f) => [f, f])), String(formData.get("intent") ?? "")) ?? "outcome";
  const submission = parseForm(formData, { schema: ReferralActionSchema });
  const reply = (status: number, result: SubmissionResult<string[]> = submission.reply()) => data<ReferralReply>({ form, result }, { status });
  if (submission.status !== "success") return reply(400);
  const value = submission.value;
  const done = (notice: ReferralNotice) => redirect(`${value.intent === "withdraw" ? "/referrals" : referralPath(referralId)}?notice=${notice}`);

  if (value.intent === "accept" || value.intent === "decline") {
    const result = await answerReferral(db, {
      viewer,
      referralId,
      answer: value.intent === "accept" ? { accept: true, method: value.method, methodNote: value.methodNote, referredOn: value.referredOn } : { accept: false, reason: value.reason },
    });
    if (result.ok) return done(value.intent === "accept" ? "accepted" : "declined");
    if (result.error === "not_found") throw notFound();
    if (result.error === "future_date") return reply(400, submission.reply({ fieldErrors: { referredOn: [REFERRAL_REFUSALS.future_date] } }));
    return reply(result.error === "already_answered" ? 409 : 403, submission.reply({ formErrors: [REFERRAL_REFUSALS[result.error]] }));
  }
  if (value.intent === "outcome") {
    const result = await recordReferralOutcome(db, { viewer, referralId, outcome: value.outcome });
    if (result.ok) return done("outcome");
    if (result.error === "not_found") throw notFound();
    return reply(403, submission.reply({ formErrors: [REFERRAL_REFUSALS.not_allowed_outcome] }));
  }
  const result = await withdrawReferral(db, { viewer, referralId });
  if (result.ok) return done("withdrawn");
  if (result.error === "not_found") throw notFound();
  return reply(409, submission.reply({ formErrors: [REFERRAL_REFUSALS.not_allowed_withdraw] }));
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

export default function ReferralRoute() {
  const { referral } = useLoaderData<typeof loader>();
  const lastReply = useActionData<typeof action>() as ReferralReply | undefined;
  const [params] = useSearchParams();
  const notice = lastReply ? null : entryFor(REFERRAL_NOTICES, params.get("notice"));
  return (
    <div>
      {notice ? (
        <div className="mb-6">
          <Alert tone="success">{notice}</Alert>
        </div>
      ) : null}
      <ReferralDetail referral={referral} lastReply={lastReply} />
    </div>
  );
}
