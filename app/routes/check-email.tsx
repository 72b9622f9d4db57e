import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { isProduction } from "~/env.server";
import { Alert, NarrowPage } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Check your email · Steppingstone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // Public on purpose: it only repeats the address the visitor just typed.
  const url = new URL(request.url);
  const purpose = url.searchParams.get("for") === "reset" ? "reset" : "signup";
  const email = (url.searchParams.get("email") ?? "").slice(0, 254);
  return { purpose, email, showMailbox: !isProduction() };
}

export default function CheckEmailPage() {
  const { purpose, email, showMailbox } = useLoaderData<typeof loader>();
  const to = email ? <strong className="font-semibold text-slate-900">{email}</strong> : "the address you entered";
  return (
    <NarrowPage title="Check your email">
      <div className="space-y-4 text-slate-700">
        {purpose === "signup" ? (
          <p>We sent an email to {to}. Open the link in it to confirm your address, then log in. The link works for 24 hours.</p>
        ) : (
          <p>
            We sent an email to {to} with what to do next. If there is an account with that address, the email has a link to
            choose a new password; it works for one hour.
          </p>
        )}
        <p className="text-sm text-slate-500">Nothing arrived after a few minutes? Check your spam folder, or try again.</p>
        {showMailbox ? (
          <Alert tone="info" title="Trying Steppingstone locally?">
            Emails are not sent from this installation; read them in the <Link to="/dev/mailbox" className="font-semibold underline">local mailbox</Link>.
          </Alert>
        ) : null}
        <p className="text-sm">
          <Link to="/login" className="font-semibold text-brand-700 hover:underline">Back to log in</Link>
        </p>
      </div>
    </NarrowPage>
  );
}
