import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { AdminNav } from "~/components/admin-nav";
import { LogTable } from "~/components/admin/log-table";
import { EmailStatusBadge } from "~/components/email-status";
import { formatDateTime } from "~/components/format";
import { Pagination, pageParam } from "~/components/pagination";
import { ButtonLink, Card, PageHeader } from "~/components/ui";
import { listEmails } from "~/mail/mailbox.server";
import { getAdminOverview } from "~/modules/admin/overview.server";
import { EMAIL_STATUSES } from "~/domain/vocabulary";

export const meta: MetaFunction = () => [{ title: "Admin · Steppingstone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const db = getDb();
  const requested = new URL(request.url).searchParams.get("status");
  const status = EMAIL_STATUSES.find((s) => s === requested);
  const page = pageParam(request);
  const [overview, log] = await Promise.all([getAdminOverview(db), listEmails(db, { page, status })]);
  return { overview, log, page, status: status ?? null };
}

function Stat({ label, value, tone = "text-slate-900" }: { label: string; value: number; tone?: string }) {
  return (
    <div className="rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold ${tone}`}>{value}</dd>
    </div>
  );
}

export default function AdminPage() {
  const { overview, log, page, status } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const filterHref = (s: string | null) => {
    const next = new URLSearchParams(params);
    next.delete("page");
    if (s) next.set("status", s);
    else next.delete("status");
    return `?${next.toString()}`;
  };
  return (
    <div className="space-y-8">
      <AdminNav />
      <PageHeader title="Admin" description="Accounts on the platform and the delivery of every email it sends." />
      <Card>
        <h2 className="text-lg font-semibold">People</h2>
        <dl className="mt-4 grid gap-4 sm:grid-cols-4">
          <Stat label="Students" value={overview.roles.student} />
          <Stat label="Mentors" value={overview.roles.mentor} />
          <Stat label="Admins" value={overview.roles.admin} />
          <Stat label="Confirmed email" value={overview.verified} />
        </dl>
      </Card>
      <Card>
        <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
          <div>
            <h2 className="text-lg font-semibold">Program at a glance</h2>
            <p className="mt-1 text-sm text-slate-600">The funnel from sign-up to paid work, what each kind of slot led to, and what needs you now.</p>
          </div>
          <ButtonLink to="/admin/insights" variant="secondary" className="shrink-0">
            Open insights
          </ButtonLink>
        </div>
      </Card>
      <Card>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <h2 className="text-lg font-semibold">Email log</h2>
          <nav aria-label="Filter emails by status" className="flex gap-1 text-sm">
            {[null, ...EMAIL_STATUSES].map((s) => (
              <Link
                key={s ?? "all"}
                to={filterHref(s)}
                aria-current={status === s ? "page" : undefined}
                className={`rounded-md px-3 py-1.5 capitalize ring-1 ${status === s ? "bg-brand-50 text-brand-800 ring-brand-200" : "ring-slate-200 hover:bg-slate-50"}`}
              >
                {s ?? "all"} {s ? `(${overview.deliveries[s]})` : ""}
              </Link>
            ))}
          </nav>
        </div>
        {log.rows.length === 0 ? (
          <p className="mt-6 text-sm text-slate-600">No emails {status ? `with status ${status}` : "yet"}.</p>
        ) : (
          <LogTable columns={["To", "Email", "Queued", "Status", "Attempts"]} className="mt-4">
            {log.rows.map((e) => (
              <tr key={e.id}>
                <td className="py-2 pr-4">{e.to.join(", ")}</td>
                <td className="py-2 pr-4">
                  <span className="font-medium">{e.subject}</span>
                  {e.lastError ? <span className="block text-xs text-red-700">{e.lastError}</span> : null}
                </td>
                <td className="whitespace-nowrap py-2 pr-4 text-slate-500">{formatDateTime(e.createdAt)}</td>
                <td className="py-2 pr-4"><EmailStatusBadge status={e.status} transport={e.transport} /></td>
                <td className="py-2">{e.attempts}</td>
              </tr>
            ))}
          </LogTable>
        )}
        <Pagination page={page} pages={log.pages} />
      </Card>
    </div>
  );
}
