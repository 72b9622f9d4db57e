import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { parseForm } from "~/forms/gate";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { sessionCookie } from "~/auth/cookie.server";
import { CHECK_ON_SUBMIT, Field, FormErrors, hasFieldErrors } from "~/components/forms";
import { Alert, Button, ButtonLink, NarrowPage } from "~/components/ui";
import { checkResetToken, resetPassword } from "~/modules/accounts/accounts.server";
import { linkProblem } from "~/modules/accounts/messages";
import { ResetPasswordSchema } from "~/modules/accounts/schemas";
import { readForm } from "~/forms/read.server";

export const meta: MetaFunction = () => [{ title: "Choose a new password · Steppingstone" }];

// Public: the token in the link is the credential; it is checked here and used by the action.
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const check = await checkResetToken(getDb(), token);
  return { token, problem: check.ok ? null : linkProblem(check.error, "reset") };
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseForm(await readForm(request), { schema: ResetPasswordSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password", "confirmPassword"] }) }, { status: 400 });
  }
  const result = await resetPassword(getDb(), submission.value, { userAgent: request.headers.get("User-Agent") });
  if (!result.ok) {
    return data({ result: submission.reply({ formErrors: [linkProblem(result.error, "reset")], hideFields: ["password", "confirmPassword"] }) }, { status: 400 });
  }
  if (!result.token) return redirect("/login");
  return redirect("/account?notice=password-reset", { headers: { "Set-Cookie": sessionCookie(result.token) } });
}

export default function ResetPasswordPage() {
  const { token, problem } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult: actionData?.result,
    constraint: getZodConstraint(ResetPasswordSchema),
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: ResetPasswordSchema }),
  });
  const arrival = !hasFieldErrors(actionData?.result);

  if (problem) {
    return (
      <NarrowPage title="Choose a new password">
        <div className="space-y-5">
          <Alert tone="error" title="This reset link cannot be used">
            {problem}
          </Alert>
          <ButtonLink to="/forgot-password" className="w-full">
            Ask for a new link
          </ButtonLink>
        </div>
      </NarrowPage>
    );
  }
  return (
    <NarrowPage title="Choose a new password" description="Setting it signs you out on every other device.">
      <Form method="post" {...getFormProps(form)} className="space-y-5">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="token" value={token} />
        <Field field={fields.password} label="New password" type="password" autoComplete="new-password" hint="8 to 128 characters." autoFocus={arrival || undefined} />
        <Field field={fields.confirmPassword} label="New password again" type="password" autoComplete="new-password" />
        <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
          Set new password
        </Button>
      </Form>
    </NarrowPage>
  );
}
