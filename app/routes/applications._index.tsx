import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { ApplicationStatusBadge } from "~/components/apply-section";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MatchStatusBadge } from "~/components/matches/match-ui";
import { formatDateTime } from "~/components/format";
import { Pagination, pageParam } from "~/components/pagination";
import { ButtonLink, PageHeader } from "~/components/ui";
import { listStudentApplications } from "~/modules/applications/applications.server";
import { APPLICATION_STATUS_HINTS, INTRODUCED_MATCH_HINTS } from "~/modules/applications/schemas";

export const meta: MetaFunction = () => [{ title: "My applications · Steppingstone" }];

// Only the signed-in student's own applications: the query is by their id, never by one from the URL.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "student");
  const page = pageParam(request);
  return { page, ...(await listStudentApplications(getDb(), user.id, { page })) };
}

export default function ApplicationsPage() {
  const { rows, page, pages, total } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title="My applications" description={total ? `${total} application${total === 1 ? "" : "s"}, most recent first.` : undefined} />
      {rows.length === 0 ? (
        <div className="rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
          <p className="text-slate-700">You have not applied to a slot yet.</p>
          <ButtonLink to="/slots" className="mt-4">
            Browse slots
          </ButtonLink>
        </div>
      ) : (
        <ul className="space-y-3">
          {rows.map((a) => (
            <li key={a.id} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <p className="text-sm text-slate-600">{a.organization.name}</p>
                  <h2 className="text-base font-semibold text-slate-900">
                    {a.slot.status === "open" ? (
                      <Link to={`/slots/${a.slot.id}`} className="hover:underline">
                        {a.slot.title}
                      </Link>
                    ) : (
                      a.slot.title
                    )}
                  </h2>
                </div>
                {/* After the introduction the application stands where its match does. */}
                {a.match ? <MatchStatusBadge status={a.match.status} /> : <ApplicationStatusBadge status={a.status} />}
              </div>
              <p className="mt-2 text-sm text-slate-600">
                {a.match ? INTRODUCED_MATCH_HINTS[a.match.status] : APPLICATION_STATUS_HINTS[a.status]}
                {a.match ? (
                  <>
                    {" "}
                    <Link to={`/matches/${a.match.id}`} className="font-medium text-brand-700 hover:underline">
                      See the match
                    </Link>
                  </>
                ) : null}
              </p>
              {a.status === "not_selected" && a.declineReason ? (
                <p className="mt-2 border-l-4 border-slate-300 pl-3 text-sm text-slate-700">The mentor&apos;s reason: {a.declineReason}</p>
              ) : null}
              <details className="mt-3 text-sm">
                <summary className="cursor-pointer font-medium text-brand-700">What you sent</summary>
                <dl className="mt-2 space-y-3 border-l-4 border-slate-200 pl-3">
                  <div>
                    <dt className="font-medium text-slate-800">Your statement</dt>
                    <dd className="whitespace-pre-line text-slate-700">{a.statement}</dd>
                  </div>
                  {a.answers.map((answer, i) => (
                    <div key={i}>
                      <dt className="font-medium text-slate-800">{a.slot.questions[i] ?? `Answer ${i + 1}`}</dt>
                      <dd className="whitespace-pre-line text-slate-700">{answer}</dd>
                    </div>
                  ))}
                </dl>
              </details>
              <p className="mt-2 text-xs text-slate-500">
                Applied {formatDateTime(a.submittedAt)} · updated {formatDateTime(a.updatedAt)}
                {a.status === "withdrawn" && a.slotAccepting ? (
                  <>
                    {" · "}
                    <Link to={`/slots/${a.slot.id}#apply`} className="font-medium text-brand-700 hover:underline">
                      Apply again
                    </Link>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
