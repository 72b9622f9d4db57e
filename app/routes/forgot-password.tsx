import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { parseForm } from "~/forms/gate";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { CHECK_ON_SUBMIT, Field, FormErrors } from "~/components/forms";
import { Button, NarrowPage } from "~/components/ui";
import { requestPasswordReset } from "~/modules/accounts/accounts.server";
import { ForgotPasswordSchema } from "~/modules/accounts/schemas";
import { readForm } from "~/forms/read.server";

export const meta: MetaFunction = () => [{ title: "Reset your password · Steppingstone" }];

// Open to everyone, signed in or not: a signed-in user may want a reset link too.
export async function loader({ request }: LoaderFunctionArgs) {
  return { email: (new URL(request.url).searchParams.get("email") ?? "").slice(0, 254) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseForm(await readForm(request), { schema: ForgotPasswordSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await requestPasswordReset(getDb(), submission.value.email, { ip: context.clientIp });
  if (!result.ok) {
    return data(
      { result: submission.reply({ formErrors: ["Too many emails were requested from your network. Wait an hour and try again."] }) },
      { status: 429 },
    );
  }
  return redirect(`/check-email?for=reset&email=${encodeURIComponent(submission.value.email)}`);
}

export default function ForgotPasswordPage() {
  const { email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: actionData?.result,
    defaultValue: { email },
    constraint: getZodConstraint(ForgotPasswordSchema),
    // why: the email field has focus on arrival; checking it on blur showed "Enter your email address"
    // to someone only clicking a link below it, and the message pushed the link away from the click.
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: ForgotPasswordSchema }),
  });
  return (
    <NarrowPage title="Reset your password" description="Enter the email you signed up with. We will send you a link to choose a new password.">
      <Form method="post" {...getFormProps(form)} className="space-y-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field field={fields.email} label="Email" type="email" autoComplete="email" autoFocus />
        <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
          Email me a reset link
        </Button>
        <p className="text-center text-sm">
          <Link to="/login" className="font-semibold text-brand-700 hover:underline">Back to log in</Link>
        </p>
      </Form>
    </NarrowPage>
  );
}
