import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { safeRedirectPath } from "~/auth/guards.server";
import { Alert, Button, ButtonLink, NarrowPage } from "~/components/ui";
import { verifyEmail } from "~/modules/accounts/accounts.server";
import { linkProblem } from "~/modules/accounts/messages";
import { readGatedForm } from "~/forms/read.server";

export const meta: MetaFunction = () => [{ title: "Confirm your email · Steppingstone" }];

// Public: the token in the link is the credential. Opening the link only shows a button;
// the token is used by the POST, so mail scanners that prefetch links do not spend it.
// `redirectTo` (a page of ours: an invitation the person signed up for) goes on to the login.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return { token: url.searchParams.get("token") ?? "", redirectTo: safeRedirectPath(url.searchParams.get("redirectTo"), "") };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readGatedForm(request);
  const result = await verifyEmail(getDb(), String(form.get("token") ?? ""));
  if (!result.ok) return data({ ok: false as const, message: linkProblem(result.error, "verify") }, { status: 400 });
  return { ok: true as const, email: result.email, redirectTo: safeRedirectPath(form.get("redirectTo"), "") };
}

export default function VerifyEmailPage() {
  const { token, redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();

  if (result?.ok) {
    const login = new URLSearchParams({ email: result.email, ...(result.redirectTo ? { redirectTo: result.redirectTo } : {}) });
    return (
      <NarrowPage title="Your email is confirmed">
        <div className="space-y-5">
          <Alert tone="success">
            {result.email} is confirmed. {result.redirectTo ? "Log in to carry on where you left off." : "You can log in now."}
          </Alert>
          <ButtonLink to={`/login?${login}`} className="w-full">
            {result.redirectTo ? "Log in and carry on" : "Log in"}
          </ButtonLink>
        </div>
      </NarrowPage>
    );
  }
  return (
    <NarrowPage title="Confirm your email">
      <div className="space-y-5">
        {result && !result.ok ? (
          <Alert tone="error" title="This link cannot be used">
            {result.message}
          </Alert>
        ) : null}
        {token ? (
          <Form method="post" className="space-y-4">
            <input type="hidden" name="token" value={token} />
            {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
            <p className="text-slate-700">Press the button to confirm that this email address is yours.</p>
            <Button type="submit" className="w-full">
              Confirm my email
            </Button>
          </Form>
        ) : (
          <p className="text-slate-700">This page needs the link from your confirmation email. Open the email and click its button.</p>
        )}
        <p className="text-sm text-slate-600">
          Link expired? <Link to="/login" className="font-semibold text-brand-700 hover:underline">Log in</Link> and we will
          offer to send a new one.
        </p>
      </div>
    </NarrowPage>
  );
}
