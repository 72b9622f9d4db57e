import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { AdminNav } from "~/components/admin-nav";
import { AuditDetail, AuditSubjectCell } from "~/components/admin/audit-entry";
import { LogTable } from "~/components/admin/log-table";
import { formatDateTime } from "~/components/format";
import { Pagination, pageParam } from "~/components/pagination";
import { Card, PageHeader } from "~/components/ui";
import { describeAuditAction } from "~/modules/audit/actions";
import { listAuditLog } from "~/modules/audit/audit-log.server";

export const meta: MetaFunction = () => [{ title: "Audit log · Admin · Steppingstone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const page = pageParam(request);
  const log = await listAuditLog(getDb(), { page });
  return { log, page };
}

export default function AdminAuditPage() {
  const { log, page } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <AdminNav />
      <PageHeader title="Audit log" description="Every admin decision and other consequential change: who did what to what, and when. Newest first." />
      <Card>
        {log.rows.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing recorded yet. Decisions such as verifying an organization appear here.</p>
        ) : (
          <LogTable columns={["When", "Who", "What", "Subject"]} caption={`Audit log, page ${page} of ${log.pages}`}>
            {log.rows.map((entry) => (
              <tr key={entry.id} className="align-top">
                <td className="whitespace-nowrap py-3 pr-4 text-slate-500">{formatDateTime(entry.createdAt)}</td>
                <td className="py-3 pr-4">
                  {entry.actorName ? (
                    <>
                      <span className="font-medium text-slate-900">{entry.actorName}</span>
                      <span className="ml-1.5 rounded bg-slate-100 px-1.5 py-0.5 text-xs capitalize text-slate-600">{entry.actorRole}</span>
                    </>
                  ) : (
                    <span className="text-slate-500">Deleted account or the system</span>
                  )}
                </td>
                <td className="py-3 pr-4">
                  <span className="text-slate-900">{describeAuditAction(entry.action)}</span>
                  <AuditDetail detail={entry.detail} reason={entry.reason} />
                </td>
                <td className="py-3">
                  <AuditSubjectCell type={entry.subjectType} id={entry.subjectId} subject={entry.subject} detail={entry.detail} />
                </td>
              </tr>
            ))}
          </LogTable>
        )}
        <Pagination page={page} pages={log.pages} />
      </Card>
    </div>
  );
}
