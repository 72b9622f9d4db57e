import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDateTime } from "~/components/format";
import { Pagination, pageParam } from "~/components/pagination";
import { ReferralStatusBadge } from "~/components/referrals/referral-ui";
import { RequestReferralForm } from "~/components/referrals/request-form";
import { Alert, Card, PageHeader } from "~/components/ui";
import { FORMER_MENTOR } from "~/domain/names";
import { entryFor, parseForm } from "~/forms/gate";
import { readForm } from "~/forms/read.server";
import { REFERRAL_NOTICES, REFERRAL_REFUSALS } from "~/modules/referrals/referral-labels";
import { RequestReferralSchema } from "~/modules/referrals/referral-schemas";
import { referralPath } from "~/modules/referrals/paths";
import { listReferrals, referralRequestChoices, requestReferral } from "~/modules/referrals/referrals.server";

export const meta: MetaFunction = () => [{ title: "Referrals · Steppingstone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "student", "mentor", "admin");
  const viewer = { id: user.id, role: user.role };
  const page = pageParam(request);
  const [list, choices] = await Promise.all([listReferrals(getDb(), viewer, { page }), referralRequestChoices(getDb(), viewer)]);
  return { list, choices, page, role: user.role };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "student");
  const formData = await readForm(request);
  const submission = parseForm(formData, { schema: RequestReferralSchema });
  const refuse = (status: number, result: SubmissionResult<string[]> = submission.reply()) => data({ result }, { status });
  if (submission.status !== "success") return refuse(400);
  const { intent: _, ...input } = submission.value;
  const result = await requestReferral(getDb(), { viewer: { id: user.id, role: user.role }, input });
  if (result.ok) return redirect(`${referralPath(result.id)}?notice=requested`);
  if (result.error === "not_a_mentor") return refuse(409, submission.reply({ fieldErrors: { asked: [REFERRAL_REFUSALS.not_a_mentor] } }));
  if (result.error === "already_asked") return refuse(409, submission.reply({ formErrors: [REFERRAL_REFUSALS.already_asked] }));
  return refuse(403, submission.reply({ fieldErrors: { asked: [REFERRAL_REFUSALS.not_allowed_request] } }));
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

const DESCRIPTIONS = {
  student: "Ask a mentor of your internship to refer you for a job, then follow it to its outcome together. Only you, the mentor you ask and the admins see each one.",
  mentor: "Students you mentor ask you for referrals here. Record how and when you referred them — or decline with a reason — and follow what came of it.",
  admin: "Every referral, read only: the student and the mentor asked change them.",
} as const;

export default function ReferralsPage() {
  const { list, choices, page, role } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = actionData ? null : entryFor(REFERRAL_NOTICES, params.get("notice"));
  const student = role === "student";

  const listing =
    list.rows.length === 0 ? (
      <Card className="text-center">
        <h2 className="text-lg font-semibold text-slate-900">No referrals yet</h2>
        <p className="mx-auto mt-2 max-w-lg text-slate-600">
          {student
            ? "Your requests will be listed here, with where each stands."
            : role === "mentor"
              ? "When a student you mentor asks you for a referral, it appears here and you get an email."
              : "No student has asked for a referral yet."}
        </p>
      </Card>
    ) : (
      <ul aria-label="Referrals" className="divide-y divide-slate-100 overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        {list.rows.map((row) => (
          <li key={row.id}>
            <Link to={referralPath(row.id)} className="flex items-center gap-4 px-5 py-4 hover:bg-slate-50">
              <div className="min-w-0 flex-1">
                <p className="truncate font-semibold text-slate-900">
                  {row.role} at {row.company}
                </p>
                <p className="truncate text-sm text-slate-600">
                  {role === "student"
                    ? `Asked of ${row.mentorName ?? FORMER_MENTOR.toLowerCase()}`
                    : role === "mentor"
                      ? `Asked by ${row.studentName}`
                      : `${row.studentName} asked ${row.mentorName ?? FORMER_MENTOR.toLowerCase()}`}{" "}
                  ·{" "}
                  {row.slotTitle}, {row.organizationName}
                </p>
              </div>
              <div className="flex shrink-0 flex-col items-end gap-1">
                <ReferralStatusBadge state={row.state} outcome={row.outcome} />
                <span className="hidden text-xs text-slate-500 sm:inline">Last update {formatDateTime(row.lastUpdateAt)}</span>
              </div>
            </Link>
          </li>
        ))}
      </ul>
    );

  return (
    <div>
      <PageHeader title="Referrals" description={DESCRIPTIONS[role]} />
      {notice ? (
        <div className="mb-6">
          <Alert tone="success">{notice}</Alert>
        </div>
      ) : null}
      {actionData && !choices.length ? (
        // why: a refused request from a page that no longer shows the form (the internship ended meanwhile) still says why.
        <div className="mb-6">
          <Alert tone="error">{REFERRAL_REFUSALS.not_allowed_request}</Alert>
        </div>
      ) : null}
      {student ? (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
          <div>
            {listing}
            <Pagination page={page} pages={list.pages} />
          </div>
          <aside>
            <Card className="!p-6">
              <h2 className="text-lg font-semibold text-slate-900">Ask for a referral</h2>
              <div className="mt-3">
                {choices.length ? (
                  <RequestReferralForm choices={choices} lastResult={actionData?.result} />
                ) : (
                  <p className="text-sm text-slate-600">
                    Once an internship of yours has started, you can ask its mentors for a referral here. Until then, your matches are on{" "}
                    <Link to="/matches" className="font-medium text-brand-700 hover:underline">
                      Your matches
                    </Link>
                    .
                  </p>
                )}
              </div>
            </Card>
          </aside>
        </div>
      ) : (
        <>
          {listing}
          <Pagination page={page} pages={list.pages} />
        </>
      )}
    </div>
  );
}
