import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { entryFor, parseForm } from "~/forms/gate";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { clearedSessionCookie } from "~/auth/cookie.server";
import { requireAuth } from "~/auth/guards.server";
import { invalidateUserSessions, listUserSessions } from "~/auth/session.server";
import { EmailCadenceCard } from "~/components/account/email-cadence";
import { CHECK_ON_SUBMIT, Field, FormErrors } from "~/components/forms";
import { describeUserAgent, formatDateTime } from "~/components/format";
import { Alert, Button, buttonClass, Card, PageHeader } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { changePassword } from "~/modules/accounts/accounts.server";
import { getEmailCadence, setEmailCadence } from "~/modules/mentorship/email-preferences.server";
import { EMAIL_CADENCE_INTENT, EmailCadenceSchema } from "~/modules/mentorship/email-preference-schemas";
import { ChangePasswordSchema } from "~/modules/accounts/schemas";
import { deleteAccount, type DeleteAccountError } from "~/modules/privacy/privacy.server";
import { DeleteAccountSchema } from "~/modules/privacy/schemas";
import { readForm, requireCleanForm } from "~/forms/read.server";

export const meta: MetaFunction = () => [{ title: "Your account · Steppingstone" }];

const NOTICES: Record<string, string> = {
  "password-reset": "Your new password is set, and every other device was signed out.",
};

const DELETE_ERRORS: Record<DeleteAccountError, string> = {
  wrong_password: "That is not your password. Nothing was deleted.",
  throttled: "Too many wrong passwords. Wait ten minutes, then try again. Nothing was deleted.",
  last_admin: "You are the only admin. Make someone else an admin first, then delete your account.",
  not_found: "This account no longer exists.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, sessionId } = await requireAuth(request);
  const [sessions, cadence] = await Promise.all([listUserSessions(getDb(), user.id), getEmailCadence(getDb(), user.id)]);
  const notice = entryFor(NOTICES, new URL(request.url).searchParams.get("notice"));
  return {
    user: { name: user.name, email: user.email, role: user.role },
    cadence,
    sessions: sessions.map((s) => ({ id: s.id === sessionId ? "current" : s.id.slice(0, 6), current: s.id === sessionId, device: describeUserAgent(s.userAgent), createdAt: s.createdAt, lastActiveAt: s.lastActiveAt })),
    notice,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, sessionId } = await requireAuth(request);
  const formData = await readForm(request);
  const db = getDb();

  if (formData.get("intent") === "logout-everywhere") {
    requireCleanForm(formData);
    await invalidateUserSessions(db, user.id);
    return redirect("/login", { headers: { "Set-Cookie": clearedSessionCookie() } });
  }

  if (formData.get("intent") === EMAIL_CADENCE_INTENT) {
    const submission = parseForm(formData, { schema: EmailCadenceSchema });
    if (submission.status !== "success") return data({ intent: EMAIL_CADENCE_INTENT, result: submission.reply(), changed: false }, { status: 400 });
    await setEmailCadence(db, { userId: user.id, cadence: submission.value.cadence, now: new Date() });
    return { intent: EMAIL_CADENCE_INTENT, result: submission.reply(), changed: true };
  }

  if (formData.get("intent") === "delete-account") {
    const submission = parseForm(formData, { schema: DeleteAccountSchema });
    const hideFields = ["password"];
    if (submission.status !== "success") return data({ intent: "delete-account" as const, result: submission.reply({ hideFields }), changed: false }, { status: 400 });
    const deleted = await deleteAccount(db, user.id, submission.value);
    if (!deleted.ok) {
      const message = [DELETE_ERRORS[deleted.error]];
      const reply = deleted.error === "wrong_password" ? submission.reply({ fieldErrors: { password: message }, hideFields }) : submission.reply({ formErrors: message, hideFields });
      return data({ intent: "delete-account" as const, result: reply, changed: false }, { status: deleted.error === "last_admin" ? 409 : deleted.error === "throttled" ? 429 : 400 });
    }
    return redirect("/?notice=account-deleted", { headers: { "Set-Cookie": clearedSessionCookie() } });
  }

  const submission = parseForm(formData, { schema: ChangePasswordSchema });
  const hideFields = ["currentPassword", "password", "confirmPassword"];
  if (submission.status !== "success") return data({ intent: "change-password" as const, result: submission.reply({ hideFields }), changed: false }, { status: 400 });
  const result = await changePassword(db, { userId: user.id, sessionId, ...submission.value });
  if (!result.ok) {
    return data({ intent: "change-password" as const, result: submission.reply({ fieldErrors: { currentPassword: ["That is not your current password."] }, hideFields }), changed: false }, { status: 400 });
  }
  return { intent: "change-password" as const, result: submission.reply({ resetForm: true }), changed: true };
}

export default function AccountPage() {
  const { user, sessions, notice, cadence } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const passwordResult = actionData?.intent === "change-password" ? actionData.result : undefined;
  const [form, fields] = useForm({
    id: "change-password",
    lastResult: passwordResult,
    constraint: getZodConstraint(ChangePasswordSchema),
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: ChangePasswordSchema }),
  });
  const busy = useIsPending({ fields: { intent: "change-password" } });

  return (
    <div className="space-y-8">
      <PageHeader title="Your account" description={`Signed in as ${user.email}.`} />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <div className="grid gap-8 lg:grid-cols-2">
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Profile</h2>
          <dl className="mt-4 grid grid-cols-3 gap-y-3 text-sm">
            <dt className="text-slate-500">Name</dt>
            <dd className="col-span-2 font-medium">{user.name}</dd>
            <dt className="text-slate-500">Email</dt>
            <dd className="col-span-2 font-medium">{user.email}</dd>
            <dt className="text-slate-500">Role</dt>
            <dd className="col-span-2 font-medium capitalize">{user.role}</dd>
          </dl>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Change password</h2>
          <p className="mt-1 text-sm text-slate-600">Changing it signs you out on every other device.</p>
          <Form method="post" {...getFormProps(form)} className="mt-5 space-y-4">
            {actionData?.intent === "change-password" && actionData.changed ? <Alert tone="success">Your password was changed. Other devices were signed out.</Alert> : null}
            <FormErrors id={form.errorId} errors={form.errors} />
            <Field field={fields.currentPassword} label="Current password" type="password" autoComplete="current-password" />
            <Field field={fields.password} label="New password" type="password" autoComplete="new-password" hint="8 to 128 characters." />
            <Field field={fields.confirmPassword} label="New password again" type="password" autoComplete="new-password" />
            <Button type="submit" name="intent" value="change-password" disabled={busy}>
              Change password
            </Button>
          </Form>
        </Card>
      </div>
      <Card>
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
          <div>
            <h2 className="text-lg font-semibold text-slate-900">Where you are signed in</h2>
            <p className="mt-1 text-sm text-slate-600">
              {sessions.length === 1 ? "Only this device." : `${sessions.length} devices.`} Lost a device, or used a shared computer? Sign out everywhere.
            </p>
          </div>
          <Form method="post">
            <Button type="submit" name="intent" value="logout-everywhere" variant="danger">
              Log out of every device
            </Button>
          </Form>
        </div>
        <ul className="mt-5 divide-y divide-slate-200 text-sm">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:justify-between">
              <span className="font-medium text-slate-800">
                {s.device}
                {s.current ? <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-800">this device</span> : null}
              </span>
              <span className="text-slate-500">
                Signed in {formatDateTime(s.createdAt)} · last active {formatDateTime(s.lastActiveAt)}
              </span>
            </li>
          ))}
        </ul>
      </Card>
      <EmailCadenceCard
        cadence={cadence}
        lastResult={actionData?.intent === EMAIL_CADENCE_INTENT ? actionData.result : undefined}
        saved={actionData?.intent === EMAIL_CADENCE_INTENT && actionData.changed}
      />
      <div className="grid gap-8 lg:grid-cols-2">
        <YourDataCard />
        <DeleteAccountCard role={user.role} lastResult={actionData?.intent === "delete-account" ? actionData.result : undefined} />
      </div>
    </div>
  );
}

function YourDataCard() {
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">Your data</h2>
      <p className="mt-1 text-sm text-slate-600">
        Download everything Steppingstone holds about you as one JSON file: your account, profile and skills, your applications,
        starred slots and matches, where you are signed in, your organization and slots, and the emails we sent you (their subjects and dates, not their text).
      </p>
      {/* why: a plain link, not Remix's <Link>: the file is a download, not a page to render. */}
      <a href="/account/export" download className={buttonClass("secondary", "mt-5")}>
        Download your data (JSON)
      </a>
    </Card>
  );
}

function DeleteAccountCard({ role, lastResult }: { role: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const busy = useIsPending({ fields: { intent: "delete-account" } });
  const [form, fields] = useForm({
    id: "delete-account",
    lastResult,
    constraint: getZodConstraint(DeleteAccountSchema),
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: DeleteAccountSchema }),
  });
  const mentorLike = role !== "student";
  return (
    <Card>
      <h2 className="text-lg font-semibold text-red-800">Delete your account</h2>
      <p className="mt-1 text-sm text-slate-600">This cannot be undone. Download your data first if you want a copy.</p>
      <div className="mt-4 grid gap-4 text-sm sm:grid-cols-2">
        <div>
          <h3 className="font-semibold text-slate-900">Deleted now</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-700">
            <li>Your account, name, email and password</li>
            <li>Every session: you are signed out everywhere</li>
            {mentorLike ? (
              <li>Your organization membership and your place as a named mentor</li>
            ) : (
              <>
                <li>Your profile, skills, projects and work authorization</li>
                <li>Your matches, and with them each internship&apos;s plan, check-ins, messages, feedback and outcome</li>
              </>
            )}
            <li>Emails waiting to be sent to you, and the log of emails we sent you</li>
          </ul>
        </div>
        <div>
          <h3 className="font-semibold text-slate-900">Kept, without your name</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-700">
            {mentorLike ? (
              <>
                <li>Organizations and slots you created, for their other members</li>
                <li>Open slots that only you mentor are closed; if you are your organization&apos;s last member, it stays, but its open slots close</li>
                <li>What you wrote on an intern&apos;s match (replies, messages, feedback), shown as &ldquo;A former mentor&rdquo;: it is their record of the internship too</li>
              </>
            ) : null}
            <li>A count that an account like yours existed ({role}), with no name or email</li>
            <li>Records of changes you made, no longer linked to you</li>
          </ul>
        </div>
      </div>
      <Form method="post" {...getFormProps(form)} className="mt-5 space-y-4">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          field={fields.password}
          label="Your password"
          type="password"
          autoComplete="current-password"
          hint="To confirm it is you."
          autoFocus={Boolean(lastResult?.error?.password?.length)}
        />
        <button
          type="submit"
          name="intent"
          value="delete-account"
          disabled={busy}
          className="inline-flex items-center justify-center rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-red-800 disabled:cursor-not-allowed disabled:bg-red-700/60"
        >
          Delete my account forever
        </button>
      </Form>
    </Card>
  );
}
