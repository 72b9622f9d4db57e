import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { clearedSessionCookie } from "~/auth/cookie.server";
import { requireAuth } from "~/auth/guards.server";
import { invalidateUserSessions, listUserSessions } from "~/auth/session.server";
import { Field, FormErrors, firstErrorField } from "~/components/forms";
import { describeUserAgent, formatDateTime } from "~/components/format";
import { Alert, Button, Card, PageHeader } from "~/components/ui";
import { changePassword } from "~/modules/accounts/accounts.server";
import { ChangePasswordSchema } from "~/modules/accounts/schemas";

export const meta: MetaFunction = () => [{ title: "Your account · Steppingstone" }];

const NOTICES: Record<string, string> = {
  "password-reset": "Your new password is set, and every other device was signed out.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, sessionId } = await requireAuth(request);
  const sessions = await listUserSessions(getDb(), user.id);
  const notice = NOTICES[new URL(request.url).searchParams.get("notice") ?? ""] ?? null;
  return {
    user: { name: user.name, email: user.email, role: user.role },
    sessions: sessions.map((s) => ({ id: s.id === sessionId ? "current" : s.id.slice(0, 6), current: s.id === sessionId, device: describeUserAgent(s.userAgent), createdAt: s.createdAt, lastActiveAt: s.lastActiveAt })),
    notice,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, sessionId } = await requireAuth(request);
  const formData = await request.formData();
  const db = getDb();

  if (formData.get("intent") === "logout-everywhere") {
    await invalidateUserSessions(db, user.id);
    return redirect("/login", { headers: { "Set-Cookie": clearedSessionCookie() } });
  }

  const submission = parseWithZod(formData, { schema: ChangePasswordSchema });
  const hideFields = ["currentPassword", "password", "confirmPassword"];
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields }), changed: false }, { status: 400 });
  const result = await changePassword(db, { userId: user.id, sessionId, ...submission.value });
  if (!result.ok) {
    return data({ result: submission.reply({ fieldErrors: { currentPassword: ["That is not your current password."] }, hideFields }), changed: false }, { status: 400 });
  }
  return { result: submission.reply({ resetForm: true }), changed: true };
}

export default function AccountPage() {
  const { user, sessions, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "change-password",
    lastResult: actionData?.result,
    constraint: getZodConstraint(ChangePasswordSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
  });
  const focus = firstErrorField(actionData?.result.error ?? undefined, ["currentPassword", "password", "confirmPassword"]);
  const busy = navigation.state === "submitting";

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
            {actionData?.changed ? <Alert tone="success">Your password was changed. Other devices were signed out.</Alert> : null}
            <FormErrors id={form.errorId} errors={form.errors} />
            <Field field={fields.currentPassword} label="Current password" type="password" autoComplete="current-password" autoFocus={focus === "currentPassword"} />
            <Field field={fields.password} label="New password" type="password" autoComplete="new-password" hint="8 to 128 characters." autoFocus={focus === "password"} />
            <Field field={fields.confirmPassword} label="New password again" type="password" autoComplete="new-password" autoFocus={focus === "confirmPassword"} />
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
    </div>
  );
}
