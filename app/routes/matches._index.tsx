import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDateTime } from "~/components/format";
import { MatchStatusBadge, ScoreDial } from "~/components/matches/match-ui";
import { Pagination, pageParam } from "~/components/pagination";
import { ButtonLink, Card, PageHeader } from "~/components/ui";
import { listMyMatches } from "~/modules/matches/lifecycle.server";
import { formatDay } from "~/modules/slots/format";

export const meta: MetaFunction = () => [{ title: "Your matches · Steppingstone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "student", "mentor", "admin");
  const page = pageParam(request);
  const list = await listMyMatches(getDb(), { id: user.id, role: user.role }, { page });
  return { list, page, role: user.role };
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

const DESCRIPTIONS = {
  student: "Introductions an admin approved, and where each stands. Confirm a match once you and the mentor agree to start.",
  mentor: "Students introduced to your organization's slots, and where each match stands. You mark an internship started and completed.",
  admin: "Every match from its introduction on. Proposals waiting for review are under Admin → Matches.",
} as const;

export default function MatchesPage() {
  const { list, page, role } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title={role === "admin" ? "All matches" : "Your matches"} description={DESCRIPTIONS[role]} />
      {list.rows.length === 0 ? (
        <Card className="text-center">
          <h2 className="text-lg font-semibold text-slate-900">No matches yet</h2>
          <p className="mx-auto mt-2 max-w-lg text-slate-600">
            {role === "student"
              ? "When an admin approves a match for you, you and the mentor get an introduction email, and the match appears here. Opting in to matching rounds on your profile, and applying to slots, both lead here."
              : role === "mentor"
                ? "When an admin approves a match for one of your slots, you and the student get an introduction email, and the match appears here."
                : "No match has been introduced yet."}
          </p>
          <div className="mt-6 flex justify-center">
            {role === "student" ? <ButtonLink to="/slots">Browse slots</ButtonLink> : role === "admin" ? <ButtonLink to="/admin/matches">Review proposals</ButtonLink> : null}
          </div>
        </Card>
      ) : (
        <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
          {list.rows.map((row) => (
            <li key={row.id}>
              <Link to={`/matches/${row.id}`} className="flex items-center gap-4 px-5 py-4 hover:bg-slate-50">
                <ScoreDial score={row.score} size="sm" />
                <div className="min-w-0 flex-1">
                  <p className="truncate font-semibold text-slate-900">{row.slot.title}</p>
                  <p className="truncate text-sm text-slate-600">
                    {role === "student" ? row.organizationName : `${row.studentName} · ${row.organizationName}`} · starts {formatDay(row.slot.startDate)}
                  </p>
                  {row.waiting ? <p className="mt-0.5 truncate text-sm font-medium text-brand-700">{row.waiting}</p> : null}
                </div>
                <div className="flex shrink-0 flex-col items-end gap-1">
                  <MatchStatusBadge status={row.status} />
                  <span className="hidden text-xs text-slate-500 sm:inline">Updated {formatDateTime(row.updatedAt)}</span>
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={list.pages} />
    </div>
  );
}
