import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireDevelopmentTools } from "~/auth/guards.server";
import { EmailStatusBadge } from "~/components/email-status";
import { formatDateTime } from "~/components/format";
import { Card } from "~/components/ui";
import { getEmail, linksIn } from "~/mail/mailbox.server";
import { notFound } from "~/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.email.subject ?? "Email"} · Local mailbox` }];

export async function loader({ params }: LoaderFunctionArgs) {
  requireDevelopmentTools();
  const email = await getEmail(getDb(), params.emailId ?? "");
  if (!email) throw notFound("No such email");
  return {
    email: { id: email.id, to: email.to, replyTo: email.replyTo ?? [], subject: email.subject, status: email.status, createdAt: email.createdAt, sentAt: email.sentAt, attempts: email.attempts, lastError: email.lastError, hasBody: Boolean(email.html) },
    links: email.html ? linksIn(email.html) : [],
  };
}

export default function MailboxEmailPage() {
  const { email, links } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <Link to="/dev/mailbox" className="text-sm font-semibold text-brand-700 hover:underline">← All emails</Link>
      <Card>
        <h1 className="text-xl font-bold text-slate-900">{email.subject}</h1>
        <dl className="mt-3 grid grid-cols-[6rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-500">To</dt>
          <dd>{email.to.join(", ")}</dd>
          {email.replyTo.length ? (
            <>
              <dt className="text-slate-500">Reply to</dt>
              <dd>{email.replyTo.join(", ")}</dd>
            </>
          ) : null}
          <dt className="text-slate-500">Queued</dt>
          <dd>{formatDateTime(email.createdAt)}</dd>
          <dt className="text-slate-500">Status</dt>
          <dd className="flex items-center gap-2">
            <EmailStatusBadge status={email.status} />
            {email.sentAt ? <span className="text-slate-500">delivered {formatDateTime(email.sentAt)}</span> : null}
            {email.lastError ? <span className="text-red-700">after {email.attempts} attempts: {email.lastError}</span> : null}
          </dd>
        </dl>
      </Card>
      {email.hasBody ? (
        <>
          <iframe
            title={`Email: ${email.subject}`}
            src={`/dev/mailbox/${email.id}/raw`}
            sandbox="allow-popups allow-top-navigation-by-user-activation"
            className="h-[640px] w-full rounded-xl bg-white ring-1 ring-slate-200"
          />
          {links.length ? (
            <Card>
              <h2 className="text-sm font-semibold text-slate-900">Links in this email</h2>
              <ul className="mt-2 space-y-1 text-sm">
                {links.map((href) => (
                  <li key={href}>
                    <a href={href} className="break-all text-brand-700 hover:underline">{href}</a>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </>
      ) : (
        <Card>
          <p className="text-slate-600">The body of this email is not kept: it was delivered through Resend.</p>
        </Card>
      )}
    </div>
  );
}
