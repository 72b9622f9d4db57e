import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { parseForm } from "~/forms/gate";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { CHECK_ON_SUBMIT, FormErrors } from "~/components/forms";
import { OrganizationFields } from "~/components/organization-form";
import { Button, Card, PageHeader } from "~/components/ui";
import { createOrganization } from "~/modules/organizations/organizations.server";
import { OrganizationSchema } from "~/modules/organizations/schemas";
import { getMembership } from "~/modules/organizations/membership.server";
import { readForm } from "~/forms/read.server";

export const meta: MetaFunction = () => [{ title: "Create your organization · Steppingstone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "mentor");
  // A mentor belongs to one organization: someone who has one goes to it.
  if (await getMembership(getDb(), user.id)) throw redirect("/organization");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "mentor");
  const submission = parseForm(await readForm(request), { schema: OrganizationSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await createOrganization(getDb(), user.id, submission.value);
  if (!result.ok) {
    return data(
      { result: submission.reply({ formErrors: ["You already belong to an organization, so you cannot create another. Open My organization to see it."] }) },
      { status: 409 },
    );
  }
  return redirect("/organization?notice=created");
}

export default function NewOrganizationPage() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "organization",
    lastResult: actionData?.result,
    constraint: getZodConstraint(OrganizationSchema),
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: OrganizationSchema }),
  });
  const busy = navigation.state === "submitting";

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Create your organization"
        description="Students see this when they read your slots. An admin verifies new organizations; until then they show as not yet verified."
      />
      <Card>
        <Form method="post" {...getFormProps(form)} className="space-y-6">
          <FormErrors id={form.errorId} errors={form.errors} />
          <OrganizationFields fields={fields} />
          <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-6">
            <Button type="submit" disabled={busy}>
              {busy ? "Creating…" : "Create organization"}
            </Button>
            <Link to="/organization" className="text-sm font-semibold text-slate-600 hover:underline">
              Cancel
            </Link>
          </div>
        </Form>
      </Card>
    </div>
  );
}
