import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { AdminNav } from "~/components/admin-nav";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDateTime } from "~/components/format";
import { Pagination, pageParam } from "~/components/pagination";
import { Alert, Button, Card, PageHeader } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { NOT_FROM_OUR_PAGES, parseForm } from "~/forms/gate";
import { readForm } from "~/forms/read.server";
import { MATCH_STATUS_LABELS } from "~/modules/matches/labels";
import { STALL_DAYS } from "~/modules/mentorship/schedule";
import { LAST_ACTIVITY_LABELS } from "~/modules/mentorship/stalled-labels";
import { NudgeSchema } from "~/modules/mentorship/stalled-schemas";
import { listStalledMatches, nudgeStalledMatch } from "~/modules/mentorship/stalled.server";

export const meta: MetaFunction = () => [{ title: "Stalled matches · Admin · Steppingstone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const page = pageParam(request);
  const list = await listStalledMatches(getDb(), new Date(), { page });
  return { list, page };
}

const REFUSALS = {
  not_stalled: "That match is not stalled any more: the pair wrote something, or it moved on. Nothing was sent.",
  already_nudged: "Both sides were already nudged today — perhaps by another admin a moment ago. Nothing was sent again.",
} as const;

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const formData = await readForm(request);
  const submission = parseForm(formData, { schema: NudgeSchema });
  const matchId = String(formData.get("matchId") ?? "");
  if (submission.status !== "success") return data({ matchId, notice: null, failure: Object.values(submission.reply().error ?? {}).flat()[0] ?? NOT_FROM_OUR_PAGES }, { status: 400 });
  const result = await nudgeStalledMatch(getDb(), { admin: { id: admin.id, email: admin.email }, matchId: submission.value.matchId, now: new Date() });
  if (!result.ok) return data({ matchId, notice: null, failure: REFUSALS[result.error] }, { status: 409 });
  const people = result.sent === 1 ? "1 person" : `${result.sent} people`;
  return { matchId, notice: `Nudged: the student and the mentors were emailed (${people}). Their replies come to you.`, failure: null };
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

export default function AdminStalledPage() {
  const { list, page } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();

  return (
    <div className="space-y-6">
      <AdminNav />
      <PageHeader
        title="Stalled matches"
        description={`Internships confirmed or under way with no check-in, reply or message for ${STALL_DAYS} days or more, longest silent first. A nudge emails the student and the mentors a friendly reminder with the link to their match; their replies come to you. Each match can be nudged once a day.`}
      >
        <p className="text-sm text-slate-600">{list.total === 1 ? "1 match stalled" : `${list.total} matches stalled`}</p>
      </PageHeader>

      <div aria-live="polite">
        {actionData?.notice ? <Alert tone="success">{actionData.notice}</Alert> : null}
        {actionData?.failure ? <Alert tone="warning">{actionData.failure}</Alert> : null}
      </div>

      {list.rows.length === 0 ? (
        <Card className="text-center">
          <h2 className="text-lg font-semibold text-slate-900">No stalled matches</h2>
          <p className="mx-auto mt-2 max-w-lg text-slate-600">
            Every confirmed or running internship has had a check-in, a reply or a message in the last {STALL_DAYS} days. A match shows up here when it goes quiet for longer.
          </p>
        </Card>
      ) : (
        <Card className="!p-0">
          <div className="overflow-x-auto">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">Stalled matches, longest silent first</caption>
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-3">Student and slot</th>
                  <th scope="col" className="px-4 py-3">Status</th>
                  <th scope="col" className="px-4 py-3">Last activity</th>
                  <th scope="col" className="px-4 py-3">Silent</th>
                  <th scope="col" className="px-4 py-3">Last nudge</th>
                  <th scope="col" className="px-4 py-3">
                    <span className="sr-only">Nudge</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 bg-white">
                {list.rows.map((row) => (
                  <StalledRow key={row.matchId} row={row} />
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
      <Pagination page={page} pages={list.pages} />
    </div>
  );
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["list"]["rows"][number];

function StalledRow({ row }: { row: Row }) {
  const nudging = useIsPending({ fields: { intent: "nudge", matchId: row.matchId } });
  return (
    <tr className="align-top">
      <td className="px-4 py-3">
        <Link to={`/matches/${row.matchId}`} className="font-medium text-brand-700 hover:underline">
          {row.student.name}
        </Link>
        <p className="mt-0.5 text-slate-700">{row.slot.title}</p>
        <p className="text-xs text-slate-500">{row.organization.name}</p>
      </td>
      <td className="whitespace-nowrap px-4 py-3 text-slate-700">{MATCH_STATUS_LABELS[row.status]}</td>
      <td className="px-4 py-3">
        <p className="text-slate-900">{LAST_ACTIVITY_LABELS[row.lastActivity]}</p>
        <p className="text-xs text-slate-500">{formatDateTime(row.lastActivityAt)}</p>
      </td>
      <td className="whitespace-nowrap px-4 py-3">
        <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-800 ring-1 ring-amber-600/20">{row.daysSilent} days</span>
      </td>
      <td className="px-4 py-3 text-slate-700">{row.lastNudgeAt ? formatDateTime(row.lastNudgeAt) : <span className="text-slate-500">Never</span>}</td>
      <td className="whitespace-nowrap px-4 py-3 text-right">
        {row.nudgedToday ? (
          <span className="inline-flex items-center gap-1 rounded-md bg-emerald-50 px-2.5 py-1.5 text-xs font-semibold text-emerald-800 ring-1 ring-emerald-600/20">
            <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-current">
              <path fillRule="evenodd" d="M13.78 4.22a.75.75 0 0 1 0 1.06l-7.25 7.25a.75.75 0 0 1-1.06 0L2.22 9.28a.75.75 0 0 1 1.06-1.06L6 10.94l6.72-6.72a.75.75 0 0 1 1.06 0Z" clipRule="evenodd" />
            </svg>
            Nudged today
          </span>
        ) : (
          <Form method="post">
            <input type="hidden" name="matchId" value={row.matchId} />
            <Button type="submit" name="intent" value="nudge" variant="secondary" disabled={nudging} aria-label={`Nudge both sides: ${row.student.name}, ${row.slot.title}`}>
              Nudge both sides
            </Button>
          </Form>
        )}
      </td>
    </tr>
  );
}
