import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { AdminNav } from "~/components/admin-nav";
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

const SUBJECT_LABELS: Record<string, string> = { organization: "Organization", slot: "Slot", user: "Account", match: "Match", application: "Application" };

/** The parts of an entry's detail a person reads: the reason first, then plain values (ids left out). */
function Detail({ detail }: { detail: Record<string, unknown> | null }) {
  if (!detail) return null;
  const { reason, ...rest } = detail;
  const plain = Object.entries(rest).filter(
    ([key, value]) => key !== "name" && (typeof value === "string" || typeof value === "number" || typeof value === "boolean") && !/^[0-9a-f-]{36}$/i.test(String(value)),
  );
  return (
    <>
      {typeof reason === "string" ? <span className="block italic text-slate-600">“{reason}”</span> : null}
      {plain.map(([key, value]) => (
        <span key={key} className="block text-xs text-slate-500">
          {key}: {String(value)}
        </span>
      ))}
    </>
  );
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
                  <Detail detail={entry.detail} />
                </td>
                <td className="py-3">
                  <span className="block text-xs uppercase tracking-wide text-slate-500">{SUBJECT_LABELS[entry.subjectType] ?? entry.subjectType}</span>
                  <span className="font-medium text-slate-900">{entry.subjectName ?? (typeof entry.detail?.name === "string" ? entry.detail.name : `#${entry.subjectId.slice(0, 8)}`)}</span>
                  {entry.subjectName === null ? <span className="block text-xs text-slate-500">no longer exists</span> : null}
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
