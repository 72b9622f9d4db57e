import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { parseForm } from "~/forms/gate";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireAnonymous, safeRedirectPath } from "~/auth/guards.server";
import { CHECK_ON_SUBMIT, ErrorList, Field, FormErrors, useAutoFocus } from "~/components/forms";
import { Button, NarrowPage } from "~/components/ui";
import { signUp } from "~/modules/accounts/accounts.server";
import { SignupSchema } from "~/modules/accounts/schemas";
import { readForm } from "~/forms/read.server";

export const meta: MetaFunction = () => [{ title: "Sign up · Steppingstone" }];

// An invitation's link fills in the invited address and the mentor role, and `redirectTo` (a
// page of ours) rides through the confirmation email to the login, which then opens it.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const url = new URL(request.url);
  const role = url.searchParams.get("role");
  return {
    email: (url.searchParams.get("email") ?? "").slice(0, 254),
    role: role === "student" || role === "mentor" ? role : undefined,
    redirectTo: safeRedirectPath(url.searchParams.get("redirectTo"), ""),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const submission = parseForm(await readForm(request), { schema: SignupSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const result = await signUp(getDb(), submission.value, { ip: context.clientIp });
  if (!result.ok) {
    return data(
      { result: submission.reply({ formErrors: ["Too many emails were requested from your network. Wait an hour and try again."], hideFields: ["password"] }) },
      { status: 429 },
    );
  }
  return redirect(`/check-email?for=signup&email=${encodeURIComponent(submission.value.email)}`);
}

const ROLES = [
  { value: "student", label: "I am a student", description: "Looking for a mentored internship" },
  { value: "mentor", label: "I am a mentor", description: "Offering internships at my organization" },
] as const;

export default function SignupPage() {
  const { email, role, redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "signup",
    lastResult: actionData?.result,
    defaultValue: { email, role, redirectTo },
    constraint: getZodConstraint(SignupSchema),
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: SignupSchema }),
  });
  const roleFocus = useAutoFocus(fields.role);
  const roleProps = (value: string) => getInputProps(fields.role, { type: "radio", value });

  return (
    <NarrowPage
      title="Create your account"
      description={
        <>
          Already have one? <Link to={redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login"} className="font-semibold text-brand-700 hover:underline">Log in</Link>
        </>
      }
    >
      <Form method="post" {...getFormProps(form)} className="space-y-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <fieldset aria-describedby={fields.role.errors ? fields.role.errorId : undefined}>
          <legend className="text-sm font-medium text-slate-800">How will you use Steppingstone?</legend>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            {ROLES.map((role, index) => {
              const { key: _key, ...props } = roleProps(role.value);
              return (
                <label
                  key={role.value}
                  className="flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-slate-300 has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-600"
                >
                  <input {...props} autoFocus={roleFocus && index === 0} className="mt-1 accent-brand-700" />
                  <span>
                    <span className="block text-sm font-semibold text-slate-900">{role.label}</span>
                    <span className="block text-xs text-slate-600">{role.description}</span>
                  </span>
                </label>
              );
            })}
          </div>
          <ErrorList id={fields.role.errorId} errors={fields.role.errors} />
        </fieldset>
        <Field field={fields.name} label="Full name" autoComplete="name" />
        <Field field={fields.email} label="Email" type="email" autoComplete="email" />
        <Field
          field={fields.password}
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="8 to 128 characters. A short sentence is easy to remember and hard to guess."
        />
        <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Creating your account…" : "Create account"}
        </Button>
        <p className="text-center text-xs text-slate-500">We will email you a link to confirm your address.</p>
      </Form>
    </NarrowPage>
  );
}
