import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { AdminNav } from "~/components/admin-nav";
import { LogTable } from "~/components/admin/log-table";
import { inputClass } from "~/components/forms";
import { formatDateTime } from "~/components/format";
import { Pagination, pageParam } from "~/components/pagination";
import { Button, Card, PageHeader } from "~/components/ui";
import { USER_ROLES } from "~/domain/vocabulary";
import { readQuery } from "~/forms/read.server";
import { ROLE_LABELS } from "~/modules/people/labels";
import { searchPeople } from "~/modules/people/people.server";
import { peopleSearchFrom } from "~/modules/people/schemas";

export const meta: MetaFunction = () => [{ title: "People · Admin · Steppingstone" }];

// Every filter is a query parameter, so a search can be shared with another admin.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const search = peopleSearchFrom(readQuery(request).params);
  const page = pageParam(request);
  return { search, page, list: await searchPeople(getDb(), search, page) };
}

export default function AdminPeoplePage() {
  const { search, page, list } = useLoaderData<typeof loader>();
  const filtered = Boolean(search.q || search.role || search.organization);
  return (
    <div className="space-y-8">
      <AdminNav />
      <PageHeader title="People" description="Find an account by name, email, role or organization, and open it to see what they do on Steppingstone or to suspend it." />

      <Form method="get" role="search" aria-label="Search people" className="grid gap-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-[2fr_1fr_2fr_auto] sm:items-end">
        <div>
          <label htmlFor="q" className="block text-sm font-medium text-slate-800">
            Name or email
          </label>
          <input id="q" name="q" type="search" defaultValue={search.q} maxLength={200} className={`${inputClass} mt-1`} />
        </div>
        <div>
          <label htmlFor="role" className="block text-sm font-medium text-slate-800">
            Role
          </label>
          <select id="role" name="role" defaultValue={search.role ?? ""} className={`${inputClass} mt-1`}>
            <option value="">Any role</option>
            {USER_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="organization" className="block text-sm font-medium text-slate-800">
            Organization
          </label>
          <input id="organization" name="organization" type="search" defaultValue={search.organization} maxLength={200} className={`${inputClass} mt-1`} />
        </div>
        <div className="flex gap-2">
          <Button type="submit">Search</Button>
          {filtered ? (
            <Link to="/admin/users" className="self-center text-sm font-medium text-brand-700 hover:underline">
              Clear
            </Link>
          ) : null}
        </div>
      </Form>

      <Card>
        <p className="mb-4 text-sm text-slate-600" aria-live="polite">
          {list.total === 0
            ? filtered
              ? "Nobody matches this search. Try part of a name or an address, or fewer filters."
              : "No accounts yet."
            : `${list.total.toLocaleString("en-US")} ${list.total === 1 ? "person" : "people"}${filtered ? " match" : ""}.`}
        </p>
        {list.rows.length > 0 ? (
          <LogTable columns={["Name", "Email", "Role", "Organization", "Email confirmed", "Suspended", "Joined"]} caption={`People, page ${page} of ${list.pages}`}>
            {list.rows.map((person) => (
              <tr key={person.id} className="align-top">
                <td className="py-3 pr-4">
                  <Link to={`/admin/users/${person.id}`} className="font-medium text-brand-700 hover:underline">
                    {person.name}
                  </Link>
                </td>
                <td className="break-all py-3 pr-4 text-slate-700">{person.email}</td>
                <td className="py-3 pr-4 text-slate-700">{ROLE_LABELS[person.role]}</td>
                <td className="py-3 pr-4 text-slate-700">{person.organization ?? <span className="text-slate-400">—</span>}</td>
                <td className="py-3 pr-4">{person.emailVerifiedAt ? <span className="text-slate-700">Yes</span> : <span className="font-medium text-amber-800">Not yet</span>}</td>
                <td className="py-3 pr-4">
                  {person.suspendedAt ? <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800 ring-1 ring-red-200">Suspended</span> : <span className="text-slate-500">No</span>}
                </td>
                <td className="whitespace-nowrap py-3 text-slate-500">{formatDateTime(person.createdAt)}</td>
              </tr>
            ))}
          </LogTable>
        ) : null}
        <Pagination page={page} pages={list.pages} />
      </Card>
    </div>
  );
}
