import { parseForm } from "~/forms/gate";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { AdminNav } from "~/components/admin-nav";
import { formatDateTime } from "~/components/format";
import { Pagination, pageParam } from "~/components/pagination";
import { ReasonForm } from "~/components/reason-form";
import { PayBadge, SlotDetails } from "~/components/slot-details";
import { Alert, Card, PageHeader } from "~/components/ui";
import { VerifiedBadge } from "~/components/verified-badge";
import { ReviewSchema } from "~/modules/slots/schemas";
import { getSlotSummary, listReviewQueue, reviewSlot } from "~/modules/slots/slots.server";
import { readForm } from "~/forms/read.server";

export const meta: MetaFunction = () => [{ title: "Slot review · Admin · Steppingstone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const db = getDb();
  const url = new URL(request.url);
  const page = pageParam(request);
  const reviewed = url.searchParams.get("reviewed");
  const [queue, decided] = await Promise.all([listReviewQueue(db, { page }), reviewed ? getSlotSummary(db, reviewed) : null]);
  return { queue, page, decided };
}

const REFUSALS = {
  not_found: "That slot no longer exists.",
  not_pending: "This slot is no longer waiting for review: another admin decided first. The list below is up to date.",
  dates_passed: "Its application deadline has passed, so opening it would list a slot nobody can apply to. Send it back so the mentors pick new dates.",
} as const;

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const formData = await readForm(request);
  const submission = parseForm(formData, { schema: ReviewSchema });
  const slotId = String(formData.get("slotId") ?? "");
  if (submission.status !== "success") return data({ slotId, result: submission.reply() }, { status: 400 });
  const result = await reviewSlot(getDb(), { adminId: admin.id, input: submission.value });
  if (!result.ok) return data({ slotId, result: submission.reply({ formErrors: [REFUSALS[result.error]] }) }, { status: 409 });
  const page = new URL(request.url).searchParams.get("page");
  return redirect(`/admin/slots?reviewed=${submission.value.slotId}${page ? `&page=${encodeURIComponent(page)}` : ""}`);
}

export default function AdminSlotsPage() {
  const { queue, page, decided } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();

  return (
    <div>
      <AdminNav />
      <PageHeader
        title="Slot review"
        description="Every unpaid or course-credit slot, and every slot of an organization not yet verified, waits here before students can see it. Oldest first."
      >
        <p className="text-sm text-slate-600">{queue.total === 1 ? "1 slot waiting" : `${queue.total} slots waiting`}</p>
      </PageHeader>

      {decided ? (
        <div className="mb-6">
          <Alert tone="success">
            {decided.status === "open" ? (
              <>
                “<Link to={`/slots/${decided.id}`} className="font-semibold underline">{decided.title}</Link>” is open.
              </>
            ) : (
              <>“{decided.title}” was sent back to its mentors as a draft.</>
            )}{" "}
            Its mentors were emailed.
          </Alert>
        </div>
      ) : null}

      {queue.rows.length === 0 ? (
        <Card className="text-center">
          <h2 className="text-lg font-semibold text-slate-900">Nothing to review</h2>
          <p className="mx-auto mt-2 max-w-lg text-slate-600">New slots that need a review appear here as mentors submit them.</p>
        </Card>
      ) : (
        <ol className="space-y-10">
          {queue.rows.map(({ slot, organization, skills, mentors, warnings, submittedBy }) => (
            <li key={slot.id}>
              <article aria-labelledby={`slot-${slot.id}-title`} className="rounded-2xl bg-slate-100/70 p-4 ring-1 ring-slate-200 sm:p-6">
                <header className="mb-5 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                  <div>
                    <div className="flex flex-wrap items-center gap-2">
                      <PayBadge slot={slot} />
                      <span className="text-sm text-slate-700">{organization.name}</span>
                      <VerifiedBadge verified={organization.verifiedAt !== null} />
                    </div>
                    <h2 id={`slot-${slot.id}-title`} className="mt-2 text-xl font-semibold text-slate-900">
                      {slot.title}
                    </h2>
                    <p className="mt-1 text-sm text-slate-600">
                      Submitted {slot.submittedAt ? formatDateTime(slot.submittedAt) : ""}
                      {submittedBy ? ` · posted by ${submittedBy}` : ""}
                    </p>
                  </div>
                  <p className="text-sm text-slate-600">
                    Why it is here:{" "}
                    {[
                      slot.compensation === "unpaid" || slot.compensation === "course_credit" ? "unpaid" : null,
                      organization.verifiedAt === null ? "organization not verified" : null,
                    ]
                      .filter(Boolean)
                      .join(" and ") || "its organization was not verified when it was submitted"}
                  </p>
                </header>
                <div className="mb-5 space-y-3">
                  {slot.reviewNote ? (
                    <Alert tone="info" title="Sent back before, with this note">
                      <p className="whitespace-pre-line">{slot.reviewNote}</p>
                    </Alert>
                  ) : null}
                  {warnings.length ? (
                    <Alert tone="warning" title="Worth a second look">
                      <ul className="list-disc space-y-0.5 pl-5">
                        {warnings.map((w) => (
                          <li key={w}>{w}</li>
                        ))}
                      </ul>
                    </Alert>
                  ) : null}
                </div>
                <SlotDetails
                  slot={slot}
                  organization={organization}
                  skills={skills}
                  mentors={mentors}
                  answersOpen
                  aside={
                    <div className="rounded-xl bg-white p-5 shadow-sm ring-2 ring-brand-600/30">
                      <h3 className="text-sm font-semibold text-slate-900">Your decision</h3>
                      <div className="mt-3">
                        <ReasonForm
                          id={`review-${slot.id}`}
                          schema={ReviewSchema}
                          lastResult={actionData?.slotId === slot.id ? actionData.result : null}
                          // why: no HTML constraints (the default) — the note is required only to send back, and a browser cannot tell which button will be pressed.
                          hidden={{ slotId: slot.id }}
                          ariaLabel={`Review of ${slot.title}`}
                          label="Note to the mentors"
                          hint="Required to send the slot back: say what to change. Optional when opening it; it goes in the email."
                          buttons={[
                            { label: "Open the slot", name: "decision", value: "open" },
                            { label: "Send back with this note", name: "decision", value: "send_back", variant: "danger" },
                          ]}
                        />
                      </div>
                    </div>
                  }
                />
              </article>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pages={queue.pages} />
    </div>
  );
}
