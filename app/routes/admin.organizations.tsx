import { parseForm, UNKNOWN_BUTTON } from "~/forms/gate";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { AdminNav } from "~/components/admin-nav";
import { formatDateTime } from "~/components/format";
import { Pagination, pageParam } from "~/components/pagination";
import { AdminPromiseRecord } from "~/components/promises/promise-record";
import { ReasonForm } from "~/components/reason-form";
import { Alert, Button, Card, PageHeader } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { VerifiedBadge } from "~/components/verified-badge";
import { countryName, ORGANIZATION_SIZE_LABELS, organizationKind } from "~/domain/labels";
import { ORGANIZATION_FILTERS, UnverifyOrganizationSchema, type OrganizationFilter } from "~/modules/organizations/schemas";
import { listOrganizationsForAdmin, unverifyOrganization, verifyOrganization } from "~/modules/organizations/verification.server";
import { promiseRecordsOf } from "~/modules/promises/promises.server";
import { readForm, requireCleanForm } from "~/forms/read.server";

export const meta: MetaFunction = () => [{ title: "Organizations · Admin · Steppingstone" }];

const FILTER_LABELS: Record<OrganizationFilter, string> = { unverified: "Waiting for verification", verified: "Verified", all: "All" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const requested = new URL(request.url).searchParams.get("filter");
  // The queue is what an admin comes here for, so it is the default view.
  const filter = ORGANIZATION_FILTERS.find((f) => f === requested) ?? "unverified";
  const page = pageParam(request);
  const list = await listOrganizationsForAdmin(getDb(), { filter, page });
  // The record of promises kept of the page's organizations, in one query, whatever their number of completed internships.
  const records = await promiseRecordsOf(getDb(), list.rows.map((org) => org.id));
  return { list: { ...list, rows: list.rows.map((org) => ({ ...org, promises: records.get(org.id)! })) }, filter, page };
}

const FAILURES = {
  forbidden: "Only admins can do that.",
  not_found: "That organization no longer exists.",
  already_verified: "That organization was already verified — perhaps by another admin a moment ago.",
  not_verified: "That organization is not verified any more — perhaps another admin removed it a moment ago.",
} as const;

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const formData = await readForm(request);
  const db = getDb();

  if (formData.get("intent") === "unverify") {
    const submission = parseForm(formData, { schema: UnverifyOrganizationSchema });
    const organizationId = String(formData.get("organizationId") ?? "");
    if (submission.status !== "success") return data({ organizationId, result: submission.reply(), notice: null, failure: null }, { status: 400 });
    const result = await unverifyOrganization(db, admin.id, submission.value.organizationId, submission.value.reason);
    if (!result.ok) return data({ organizationId, result: submission.reply(), notice: null, failure: FAILURES[result.error] }, { status: 409 });
    const notice = `${result.organization.name} is no longer verified. ${mentorsEmailed(result.notified)}`;
    return { organizationId, result: submission.reply({ resetForm: true }), notice, failure: null };
  }

  if (formData.get("intent") !== "verify") throw new Response(UNKNOWN_BUTTON, { status: 400 });
  const organizationId = String(requireCleanForm(formData).get("organizationId") ?? "");
  const result = await verifyOrganization(db, admin.id, organizationId);
  if (!result.ok) return data({ organizationId, result: null, notice: null, failure: FAILURES[result.error] }, { status: 409 });
  return { organizationId, result: null, notice: `${result.organization.name} is verified. ${mentorsEmailed(result.notified)}`, failure: null };
}

function mentorsEmailed(n: number) {
  return n === 0 ? "It has no mentors to email." : n === 1 ? "Its mentor was emailed." : `Its ${n} mentors were emailed.`;
}

/** The registrable-looking part of a host: "www.northwind.dev" → "northwind.dev". */
function hostOf(url: string | null) {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "").toLowerCase();
  } catch {
    return null;
  }
}

export default function AdminOrganizationsPage() {
  const { list, filter, page } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const filterHref = (f: OrganizationFilter) => {
    const next = new URLSearchParams(params);
    next.delete("page");
    next.set("filter", f);
    return `?${next.toString()}`;
  };

  return (
    <div className="space-y-8">
      <AdminNav />
      <PageHeader
        title="Organizations"
        description="Verify that each new organization is real and that its mentors belong to it: the website, the description and the mentors' addresses help. Verified organizations carry a badge."
      />
      {actionData?.notice ? <Alert tone="success">{actionData.notice}</Alert> : null}
      {actionData?.failure ? <Alert tone="error">{actionData.failure}</Alert> : null}

      <nav aria-label="Filter organizations" className="flex flex-wrap gap-1 text-sm">
        {ORGANIZATION_FILTERS.map((f) => (
          <Link
            key={f}
            to={filterHref(f)}
            aria-current={filter === f ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 ring-1 ${filter === f ? "bg-brand-50 font-semibold text-brand-800 ring-brand-600/30" : "bg-white text-slate-700 ring-slate-200 hover:bg-slate-50"}`}
          >
            {FILTER_LABELS[f]} <span className="text-slate-500">({list.counts[f]})</span>
          </Link>
        ))}
      </nav>

      {list.rows.length === 0 ? (
        <Card className="text-center">
          <p className="font-semibold text-slate-900">{filter === "unverified" ? "Nothing waiting: every organization is verified." : "No organizations here yet."}</p>
          <p className="mt-1 text-sm text-slate-600">New organizations appear under “Waiting for verification” as mentors create them.</p>
        </Card>
      ) : (
        <ul aria-label="Organizations" className="space-y-4">
          {list.rows.map((org) => (
            <li key={org.id}>
              <OrganizationRow org={org} actionData={actionData?.organizationId === org.id ? actionData : undefined} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={list.pages} />
    </div>
  );
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["list"]["rows"][number];
type ActionData = NonNullable<ReturnType<typeof useActionData<typeof action>>>;

function OrganizationRow({ org, actionData }: { org: Row; actionData: ActionData | undefined }) {
  const verified = org.verifiedAt !== null;
  const site = hostOf(org.website);
  const verifying = useIsPending({ fields: { intent: "verify", organizationId: org.id } });
  const place = [org.city, countryName(org.country)].filter(Boolean).join(", ");

  return (
    <article aria-labelledby={`org-${org.id}`} className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id={`org-${org.id}`} className="text-lg font-semibold text-slate-900">
              {org.name}
            </h2>
            <VerifiedBadge verified={verified} />
          </div>
          <p className="mt-1 text-sm text-slate-600">
            {organizationKind(org)} · {ORGANIZATION_SIZE_LABELS[org.size]} · {place}
          </p>
          <p className="mt-1 text-xs text-slate-500">
            Created {formatDateTime(org.createdAt)}
            {verified ? ` · verified ${formatDateTime(org.verifiedAt!)}${org.verifiedByName ? ` by ${org.verifiedByName}` : ""}` : ""}
          </p>
        </div>
        {verified ? null : (
          <Form method="post" className="shrink-0">
            <input type="hidden" name="organizationId" value={org.id} />
            <Button type="submit" name="intent" value="verify" disabled={verifying} aria-label={`Verify ${org.name}`}>
              <svg aria-hidden="true" viewBox="0 0 16 16" className="h-4 w-4 fill-current">
                <path fillRule="evenodd" d="M13.78 4.22a.75.75 0 0 1 0 1.06l-7.25 7.25a.75.75 0 0 1-1.06 0L2.22 9.28a.75.75 0 0 1 1.06-1.06L6 10.94l6.72-6.72a.75.75 0 0 1 1.06 0Z" clipRule="evenodd" />
              </svg>
              Verify
            </Button>
          </Form>
        )}
      </div>

      <div className="mt-5 grid gap-6 md:grid-cols-3">
        <div className="md:col-span-2">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">About</h3>
          <p className="mt-1 line-clamp-4 whitespace-pre-line text-sm text-slate-700">{org.description}</p>
          <p className="mt-2 text-sm">
            <span className="text-slate-500">Website: </span>
            {org.website ? (
              <a href={org.website} target="_blank" rel="noopener noreferrer nofollow" className="font-medium text-brand-700 hover:underline">
                {org.website.replace(/^https?:\/\//, "")}
              </a>
            ) : (
              <span className="text-slate-500">none given</span>
            )}
          </p>
          <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500">Promises kept</h3>
          <AdminPromiseRecord tally={org.promises} />
        </div>
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Mentors ({org.mentors.length})</h3>
          {org.mentors.length === 0 ? (
            <p className="mt-1 text-sm text-slate-500">No mentors any more.</p>
          ) : (
            <ul className="mt-1 space-y-2 text-sm">
              {org.mentors.map((m) => {
                const sameDomain = site !== null && m.email.split("@")[1]?.toLowerCase().endsWith(site);
                return (
                  <li key={m.id}>
                    <p className="font-medium text-slate-900">{m.name}</p>
                    <p className="break-all text-slate-500">
                      {m.email}
                      {sameDomain ? (
                        <span className="ml-1.5 whitespace-nowrap rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-800">same domain as website</span>
                      ) : null}
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </div>

      {verified ? (
        // Removing a badge is a decision mentors hear about, so it asks for the reason they will read.
        <div className="mt-5 border-t border-slate-200 pt-4">
          <ReasonForm
            id={`unverify-${org.id}`}
            schema={UnverifyOrganizationSchema}
            lastResult={actionData?.result}
            constraint
            revalidate="onInput"
            hidden={{ organizationId: org.id }}
            fold="Remove verification…"
            label="Why? Its mentors receive this in an email."
            rows={2}
            buttons={[{ label: `Remove verification of ${org.name}`, variant: "danger", name: "intent", value: "unverify" }]}
          />
        </div>
      ) : null}
    </article>
  );
}
