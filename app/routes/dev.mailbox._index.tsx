import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireDevelopmentTools } from "~/auth/guards.server";
import { EmailStatusBadge } from "~/components/email-status";
import { formatDateTime } from "~/components/format";
import { Pagination, pageParam } from "~/components/pagination";
import { Alert, Card, PageHeader } from "~/components/ui";
import { listEmails } from "~/mail/mailbox.server";

export const meta: MetaFunction = () => [{ title: "Local mailbox · Steppingstone" }];

// Outside production only, and open to anyone there: it is how a person trying the app
// locally receives the links that confirm an address or reset a password.
export async function loader({ request }: LoaderFunctionArgs) {
  requireDevelopmentTools();
  const page = pageParam(request);
  const { rows, pages, total } = await listEmails(getDb(), { page });
  return { emails: rows, page, pages, total, resend: Boolean(process.env.RESEND_API_KEY) };
}

export default function MailboxPage() {
  const { emails, page, pages, total, resend } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Local mailbox"
        description="Every email Steppingstone has queued on this installation, newest first. Open one to read it and follow its links."
      />
      {resend ? (
        <Alert tone="warning">RESEND_API_KEY is set: emails are delivered through Resend; this list is the delivery log.</Alert>
      ) : null}
      <Card className="mt-4 !p-0">
        {emails.length === 0 ? (
          <p className="p-8 text-center text-slate-600">No emails yet. Sign up or ask for a password reset, and the email lands here.</p>
        ) : (
          <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Emails, {total} in all</caption>
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-4 py-3">To</th>
                <th scope="col" className="px-4 py-3">Subject</th>
                <th scope="col" className="px-4 py-3">Queued</th>
                <th scope="col" className="px-4 py-3">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {emails.map((email) => (
                <tr key={email.id} className="hover:bg-slate-50">
                  <td className="px-4 py-3 text-slate-700">{email.to.join(", ")}</td>
                  <td className="px-4 py-3">
                    <Link to={`/dev/mailbox/${email.id}`} className="font-medium text-brand-700 hover:underline">
                      {email.subject}
                    </Link>
                  </td>
                  <td className="whitespace-nowrap px-4 py-3 text-slate-500">{formatDateTime(email.createdAt)}</td>
                  <td className="px-4 py-3"><EmailStatusBadge status={email.status} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
      </Card>
      <Pagination page={page} pages={pages} />
    </div>
  );
}
