import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { formatDateTime } from "~/components/format";
import { Pagination, pageParam } from "~/components/pagination";
import { PayBadge, SlotStatusBadge } from "~/components/slot-details";
import { Alert, ButtonLink, Card, PageHeader } from "~/components/ui";
import { SLOT_STATUS_LABELS } from "~/domain/labels";
import { formatDay, plural } from "~/modules/slots/format";
import { SLOT_STATUSES } from "~/modules/slots/schemas";
import { listOrganizationSlots } from "~/modules/slots/slots.server";

export const meta: MetaFunction = () => [{ title: "Your slots · Steppingstone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "mentor");
  const requested = new URL(request.url).searchParams.get("status");
  const status = SLOT_STATUSES.find((s) => s === requested);
  const page = pageParam(request);
  const list = await listOrganizationSlots(getDb(), { userId: user.id, status, page });
  return { list, status: status ?? null, page };
}

const TAB_LABELS = { ...SLOT_STATUS_LABELS, draft: "Drafts" };

export default function MentorSlotsPage() {
  const { list, status, page } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();

  if (!list) {
    return (
      <div>
        <PageHeader title="Your slots" description="Mentored internship slots your organization posts." />
        <Card className="text-center">
          <h2 className="text-lg font-semibold text-slate-900">Create your organization first</h2>
          <p className="mx-auto mt-2 max-w-lg text-slate-600">
            Every slot belongs to an organization, so students know who they would work with. Create yours — an admin verifies it — or ask a colleague
            who already has one on Steppingstone to invite you.
          </p>
          <div className="mt-6 flex justify-center gap-3">
            <ButtonLink to="/organization/new">Create an organization</ButtonLink>
            <ButtonLink to="/organization" variant="secondary">
              My organization
            </ButtonLink>
          </div>
        </Card>
      </div>
    );
  }

  const tabHref = (s: string | null) => {
    const next = new URLSearchParams(params);
    next.delete("page");
    if (s) next.set("status", s);
    else next.delete("status");
    const query = next.toString();
    return query ? `?${query}` : ".";
  };
  const all = Object.values(list.counts).reduce((a, b) => a + b, 0);

  return (
    <div>
      <PageHeader title="Your slots" description="Your organization's mentored internship slots. Drafts and slots sent back with a note come first.">
        <ButtonLink to="/mentor/slots/new">Post a slot</ButtonLink>
      </PageHeader>

      <nav aria-label="Filter slots by status" className="mb-6 flex flex-wrap gap-1 text-sm">
        {[null, ...SLOT_STATUSES].map((s) => (
          <Link
            key={s ?? "all"}
            to={tabHref(s)}
            aria-current={status === s ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 ring-1 ${status === s ? "bg-brand-50 font-medium text-brand-800 ring-brand-200" : "bg-white text-slate-700 ring-slate-200 hover:bg-slate-50"}`}
          >
            {s ? TAB_LABELS[s] : "All"} <span className="text-slate-500">({s ? list.counts[s] : all})</span>
          </Link>
        ))}
      </nav>

      {list.rows.length === 0 ? (
        <Card className="text-center">
          <h2 className="text-lg font-semibold text-slate-900">{all === 0 ? "No slots yet" : `No ${status ? TAB_LABELS[status].toLowerCase() : ""} slots`}</h2>
          <p className="mx-auto mt-2 max-w-lg text-slate-600">
            {all === 0
              ? "Post your first slot: the work, the mentor, what the intern gets back. You can save it as a draft and submit it when it is ready."
              : "Nothing here right now."}
          </p>
        </Card>
      ) : (
        <ul className="space-y-3">
          {list.rows.map((slot) => {
            const sentBack = slot.status === "draft" && slot.reviewNote !== null;
            return (
              <li key={slot.id} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
                <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0">
                    <div className="flex flex-wrap items-center gap-2">
                      <SlotStatusBadge status={slot.status} sentBack={sentBack} />
                      {slot.compensation ? <PayBadge slot={{ ...slot, compensation: slot.compensation }} /> : null}
                    </div>
                    <h2 className="mt-2 text-lg font-semibold text-slate-900">
                      <Link to={`/mentor/slots/${slot.id}`} className="hover:text-brand-800 hover:underline">
                        {slot.title}
                      </Link>
                    </h2>
                    <p className="mt-1 text-sm text-slate-600">
                      {/* A draft may not have its dates and seats yet. */}
                      {[
                        slot.startDate ? `Starts ${formatDay(slot.startDate)}` : null,
                        slot.applicationDeadline ? `apply by ${formatDay(slot.applicationDeadline)}` : null,
                        slot.seats !== null ? plural(slot.seats, "seat") : null,
                      ]
                        .filter(Boolean)
                        .join(" · ") || "No dates or seats yet"}
                    </p>
                  </div>
                  <p className="shrink-0 text-xs text-slate-500">
                    {slot.status === "pending_review" && slot.submittedAt
                      ? `Submitted ${formatDateTime(slot.submittedAt)}`
                      : slot.status === "open" && slot.publishedAt
                        ? `Open since ${formatDateTime(slot.publishedAt)}`
                        : `Updated ${formatDateTime(slot.updatedAt)}`}
                  </p>
                </div>
                {sentBack ? (
                  <div className="mt-3">
                    <Alert tone="warning" title="Sent back by an admin">
                      <p className="whitespace-pre-line">{slot.reviewNote}</p>
                      <p className="mt-1">
                        <Link to={`/mentor/slots/${slot.id}`} className="font-semibold underline">
                          Change the slot and submit it again
                        </Link>
                      </p>
                    </Alert>
                  </div>
                ) : null}
                {slot.status === "pending_review" ? <p className="mt-3 text-sm text-slate-600">An admin reviews it before it opens; you will get an email either way.</p> : null}
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page} pages={list.pages} />
    </div>
  );
}
