import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { parseForm } from "~/forms/gate";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { sessionCookie } from "~/auth/cookie.server";
import { requireAnonymous, safeRedirectPath } from "~/auth/guards.server";
import { CHECK_ON_SUBMIT, Field, FormErrors, hasFieldErrors } from "~/components/forms";
import { Alert, Button, NarrowPage } from "~/components/ui";
import { logIn, resendVerification } from "~/modules/accounts/accounts.server";
import { ForgotPasswordSchema, LoginSchema } from "~/modules/accounts/schemas";
import { readForm } from "~/forms/read.server";

export const meta: MetaFunction = () => [{ title: "Log in · Steppingstone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const url = new URL(request.url);
  return {
    email: (url.searchParams.get("email") ?? "").slice(0, 254),
    redirectTo: safeRedirectPath(url.searchParams.get("redirectTo"), ""),
  };
}

function minutesUntil(date: Date) {
  return Math.max(1, Math.ceil((date.getTime() - Date.now()) / 60_000));
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await readForm(request);
  const db = getDb();

  if (formData.get("intent") === "resend-verification") {
    const submission = parseForm(formData, { schema: ForgotPasswordSchema });
    if (submission.status !== "success") {
      return data({ result: submission.reply(), unverified: true, notice: null }, { status: 400 });
    }
    const sent = await resendVerification(db, submission.value.email, { ip: context.clientIp });
    const notice = sent.ok
      ? `If ${submission.value.email} still needs confirming, a new link is on its way. It works for 24 hours.`
      : "Too many emails were requested from your network. Wait an hour and try again.";
    return data({ result: submission.reply(), unverified: false, notice }, { status: sent.ok ? 200 : 429 });
  }

  const submission = parseForm(formData, { schema: LoginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), unverified: false, notice: null }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;

  const result = await logIn(db, { email, password }, { ip: context.clientIp, userAgent: request.headers.get("User-Agent") });
  if (result.ok) {
    return redirect(safeRedirectPath(redirectTo, "/"), { headers: { "Set-Cookie": sessionCookie(result.token) } });
  }
  const messages = {
    invalid_credentials: { status: 401, text: "That email and password do not match an account. Check both and try again." },
    unverified: { status: 403, text: "Confirm your email address first: open the link we emailed you when you signed up." },
    suspended: { status: 403, text: "This account is suspended. Write to the Steppingstone team if you think this is a mistake." },
    throttled: {
      status: 429,
      text:
        result.error === "throttled"
          ? `Too many failed attempts. Logging in is paused for ${minutesUntil(result.retryAt)} more minute${minutesUntil(result.retryAt) === 1 ? "" : "s"}. You can reset your password meanwhile.`
          : "",
    },
  } as const;
  const message = messages[result.error];
  return data(
    { result: submission.reply({ formErrors: [message.text], hideFields: ["password"] }), unverified: result.error === "unverified", notice: null },
    { status: message.status },
  );
}

export default function LoginPage() {
  const { email, redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    defaultValue: { email, redirectTo },
    constraint: getZodConstraint(LoginSchema),
    // why: the email field has focus on arrival; checking it on blur showed "Enter your email address"
    // to someone only clicking a link below it, and the message pushed the link away from the click.
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: LoginSchema }),
  });
  // On arrival the first empty field has focus; after a refused field, the kit focuses it.
  const arrival = !hasFieldErrors(actionData?.result);
  const busy = navigation.state === "submitting";

  return (
    <NarrowPage
      title="Log in to Steppingstone"
      description={
        <>
          New here? <Link to={redirectTo ? `/signup?redirectTo=${encodeURIComponent(redirectTo)}` : "/signup"} className="font-semibold text-brand-700 hover:underline">Create an account</Link>
        </>
      }
    >
      <Form method="post" {...getFormProps(form)} className="space-y-5">
        {actionData?.notice ? <Alert tone="success">{actionData.notice}</Alert> : null}
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field field={fields.email} label="Email" type="email" autoComplete="email" autoFocus={arrival ? !email : undefined} />
        <Field field={fields.password} label="Password" type="password" autoComplete="current-password" autoFocus={arrival ? Boolean(email) : undefined} />
        <div className="flex items-center justify-between text-sm">
          <Link to="/forgot-password" className="font-semibold text-brand-700 hover:underline">
            Forgot your password?
          </Link>
        </div>
        <Button type="submit" className="w-full" disabled={busy}>
          {busy ? "Logging in…" : "Log in"}
        </Button>
        {actionData?.unverified ? (
          <Button type="submit" name="intent" value="resend-verification" variant="secondary" className="w-full" formNoValidate>
            Email me a new confirmation link
          </Button>
        ) : null}
      </Form>
    </NarrowPage>
  );
}
