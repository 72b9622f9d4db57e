import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { AdminNav } from "~/components/admin-nav";
import { countryOptions } from "~/components/insights/filters-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CHECK_ON_SUBMIT, CheckboxField, Field, FormErrors, SelectField, TextareaField, optionsFrom } from "~/components/forms";
import { Alert, Button, Card, PageHeader } from "~/components/ui";
import { ORGANIZATION_TYPE_LABELS, SLOT_COMPENSATION_LABELS } from "~/domain/labels";
import { parseForm } from "~/forms/gate";
import { readForm, readQuery } from "~/forms/read.server";
import { EXPORT_COLUMNS, EXPORT_FILES, EXPORT_KINDS, EXPORT_LINK_MINUTES, WORK_AUTHORIZATION_COLUMN } from "~/modules/exports/columns";
import { recordExport } from "~/modules/exports/exports.server";
import { EXPORT_FILTER_FIELDS, ExportSchema, MAX_REASON } from "~/modules/exports/schemas";
import { AUTHORIZATION_GROUP_KEYS, AUTHORIZATION_GROUPS, insightFiltersQuery, readInsightFilters } from "~/modules/insights/filters";

export const meta: MetaFunction = () => [{ title: "Exports · Admin · Steppingstone" }];

// Admins only. The filters come from the address (the dashboard links here with its own), and each
// download is a POST: it writes an audit entry, so it is never a side effect of following a link.
// A valid request is recorded, then the browser is sent to the file the entry describes
// (admin.exports_.$exportId.ts); an invalid one comes back with what was typed and why.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const { params, refused } = readQuery(request);
  const { filters, problems } = readInsightFilters(params);
  if (refused.length) problems.unshift("Part of this address had an invisible control character in it, so that filter was left out.");
  return { filters, problems };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const formData = await readForm(request);
  const submission = parseForm(formData, { schema: ExportSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const value = submission.value;
  const filterParams = new URLSearchParams();
  for (const name of EXPORT_FILTER_FIELDS) if (value[name]) filterParams.set(name, value[name]);
  const { filters } = readInsightFilters(filterParams);
  const { exportId } = await recordExport(getDb(), {
    admin,
    kind: value.kind,
    filters,
    workAuthorizationReason: value.includeWorkAuthorization ? (value.reason ?? null) : null,
  });
  // why: 303, so the browser fetches the file with GET; the form's page stays where it is.
  return redirect(`/admin/exports/${exportId}`, 303);
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

export default function AdminExportsPage() {
  const { filters, problems } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "export",
    lastResult: actionData?.result,
    defaultValue: {
      from: filters.from ?? "",
      to: filters.to ?? "",
      organizationType: filters.organizationType ?? "",
      country: filters.country ?? "",
      compensation: filters.compensation ?? "",
      authorizationGroup: filters.authorizationGroup ?? "",
    },
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: ExportSchema }),
  });
  const dashboard = insightFiltersQuery(filters);

  return (
    <div className="space-y-6">
      <AdminNav />
      <PageHeader
        title="Exports"
        description="Spreadsheets of the program for your own reports: applications, matches with their history, and outcomes. Each file has only the columns listed under it. Every download is recorded in the audit log with its filters."
      >
        <Link to={dashboard ? `/admin/insights?${dashboard}` : "/admin/insights"} className="text-sm font-medium text-brand-700 hover:underline">
          Back to the dashboard
        </Link>
      </PageHeader>

      {problems.length ? (
        <Alert tone="warning" title="Some filters in the address were left out">
          <ul className="list-disc pl-5">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      {/* why: reloadDocument — the answer to a valid form is a file, which only the browser itself can download. */}
      <Form method="post" reloadDocument {...getFormProps(form)} className="space-y-6">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Filters</h2>
          <p className="mt-1 text-sm text-slate-600">
            The same as the dashboard&apos;s. The dates pick applications submitted, matches proposed and internships completed on those days (UTC); the organization, country and pay are the
            slot&apos;s; the work-authorization group is the student&apos;s.
          </p>
          <div className="mt-5 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Field field={fields.from} label="From" type="date" />
            <Field field={fields.to} label="To" type="date" />
            <SelectField field={fields.organizationType} label="Kind of organization" options={optionsFrom(ORGANIZATION_TYPE_LABELS)} placeholder="All kinds" />
            <SelectField field={fields.country} label="Country of the internship" options={countryOptions(typeof fields.country.initialValue === "string" ? fields.country.initialValue : null)} placeholder="All countries" />
            <SelectField field={fields.compensation} label="Pay" options={optionsFrom(SLOT_COMPENSATION_LABELS)} placeholder="Any pay" />
            <SelectField
              field={fields.authorizationGroup}
              label="Work-authorization group"
              options={AUTHORIZATION_GROUP_KEYS.map((key) => ({ value: key, label: AUTHORIZATION_GROUPS[key].label }))}
              placeholder="Everyone"
            />
          </div>
        </Card>

        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Work authorization</h2>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">
            Left out of every file unless you need it — for a report to a school&apos;s international office, say. Ticked, the file you download gets a last column, “{WORK_AUTHORIZATION_COLUMN.header}
            ”, and the audit log records that it was included and your reason.
          </p>
          <div className="mt-4 max-w-2xl space-y-4">
            <CheckboxField field={fields.includeWorkAuthorization} label="Include each student's work-authorization status" />
            <TextareaField field={fields.reason} label="Why this export needs it" hint="Kept in the audit log with the export." rows={2} maxLength={MAX_REASON} />
          </div>
        </Card>

        <div className="grid gap-6 lg:grid-cols-3">
          {EXPORT_KINDS.map((kind) => (
            <Card key={kind} className="flex flex-col">
              <h2 className="text-lg font-semibold text-slate-900">{EXPORT_FILES[kind].title}</h2>
              <p className="mt-1 text-sm text-slate-600">{EXPORT_FILES[kind].rows}</p>
              <Button type="submit" name="kind" value={kind} className="mt-4 self-start">
                Download {EXPORT_FILES[kind].title.toLowerCase()} (CSV)
              </Button>
              <h3 className="mt-5 text-xs font-semibold uppercase tracking-wide text-slate-500">Columns</h3>
              <dl className="mt-2 space-y-1.5 text-sm">
                {EXPORT_COLUMNS[kind].map((column) => (
                  <div key={column.key}>
                    <dt className="inline font-medium text-slate-900">{column.header}</dt>
                    <dd className="inline text-slate-600"> — {column.about}</dd>
                  </div>
                ))}
              </dl>
            </Card>
          ))}
        </div>
        <p className="text-sm text-slate-600">
          Files are UTF-8 CSV with times in UTC. Cells that start with =, +, - or @ begin with an apostrophe, so a spreadsheet shows them as text. A download&apos;s link works for {EXPORT_LINK_MINUTES}{" "}
          minutes, for you only.
        </p>
      </Form>
    </div>
  );
}
