import { entryFor, parseForm } from "~/forms/gate";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { ApplicationStatusBadge } from "~/components/apply-section";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDateTime } from "~/components/format";
import { Pagination, pageParam } from "~/components/pagination";
import { FitLines } from "~/components/slots/fit-lines";
import { SlotListHeader } from "~/components/slots/slot-list-header";
import { Alert, Button } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { APPLICANTS_PAGE_SIZE, countApplicants, decline, listApplicants, proposeMatchFromApplication, shortlist, type ApplicantsPage } from "~/modules/applications/applications.server";
import { ApplicantActionSchema, DECISION_ERROR_MESSAGES, MAX_DECLINE_REASON, MAX_SHORTLIST_RANK } from "~/modules/applications/schemas";
import { isIn, UNDECIDED_APPLICATION_STATUSES } from "~/domain/vocabulary";
import { readForm } from "~/forms/read.server";
import { notFound } from "~/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Applicants · ${data?.slot.title ?? "Slot"} · Steppingstone` }];

const NOTICES: Record<string, string> = {
  shortlisted: "Shortlisted. The student gets an email the first time.",
  declined: "Declined. The student gets an email, with your reason if you gave one.",
  proposed: "Match proposed. It is in the admin review queue; the student gets an email now and the introduction once it is approved.",
};

// why: a slot of another organization is "not found", never "forbidden" — its existence is not theirs to learn.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "mentor");
  const page = pageParam(request);
  const applicants = await listApplicants(getDb(), user.id, params.slotId ?? "", page);
  if (!applicants) throw notFound();
  const notice = entryFor(NOTICES, new URL(request.url).searchParams.get("notice"));
  return { ...applicants, page, offset: (page - 1) * APPLICANTS_PAGE_SIZE, notice };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "mentor");
  const db = getDb();
  const slotId = params.slotId ?? "";
  if ((await countApplicants(db, user.id, slotId)) === null) throw notFound();
  const submission = parseForm(await readForm(request), { schema: ApplicantActionSchema });
  if (submission.status !== "success") {
    const message = Object.values(submission.error ?? {}).flat().filter(Boolean)[0] ?? "Check the form and try again.";
    return data({ applicationId: String(submission.payload.applicationId ?? ""), error: message }, { status: 400 });
  }
  const input = submission.value;
  const result =
    input.intent === "shortlist"
      ? await shortlist(db, user.id, input.applicationId, input.rank ?? null)
      : input.intent === "decline"
        ? await decline(db, user.id, input.applicationId, input.reason ?? null)
        : await proposeMatchFromApplication(db, user.id, input.applicationId);
  if (!result.ok) {
    if (result.error === "not_found") throw notFound();
    return data({ applicationId: input.applicationId, error: DECISION_ERROR_MESSAGES[result.error] }, { status: 409 });
  }
  const notice = input.intent === "shortlist" ? "shortlisted" : input.intent === "decline" ? "declined" : "proposed";
  return redirect(`/mentor/slots/${slotId}/applicants?notice=${notice}`);
}

type Applicant = ApplicantsPage["rows"][number];

function ApplicantCard({ a, position, questions, error }: { a: Applicant; position: number; questions: string[]; error: string | null }) {
  const busy = useIsPending({ fields: { applicationId: a.id } });
  const undecided = isIn(UNDECIDED_APPLICATION_STATUSES, a.status);
  return (
    <li aria-label={a.name} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">#{position}</p>
          <h2 className="text-lg font-semibold text-slate-900">
            <Link to={`/students/${a.studentId}`} className="hover:underline">
              {a.name}
            </Link>
          </h2>
          <p className="mt-0.5 text-sm text-slate-600">
            Applied {formatDateTime(a.submittedAt)}
            {a.authorization ? ` · Work authorization (shared by the student): ${a.authorization}` : ""}
          </p>
        </div>
        <div className="flex flex-col items-end gap-1">
          <p className="text-2xl font-bold text-slate-900">
            {a.score === null ? "—" : a.score}
            <span className="text-sm font-medium text-slate-500">/100</span>
          </p>
          <span className="flex items-center gap-2">
            {a.status === "shortlisted" && a.shortlistRank ? <span className="text-xs text-slate-600">Rank {a.shortlistRank}</span> : null}
            <ApplicationStatusBadge status={a.status} />
          </span>
        </div>
      </div>

      {error ? (
        <div className="mt-3">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}

      <div className="mt-4 grid gap-5 md:grid-cols-2">
        <div>
          <h3 className="text-sm font-semibold text-slate-800">Why this score</h3>
          <ul className="mt-1 space-y-1 text-sm text-slate-700">
            {a.components.map((c) => (
              <li key={c.key}>
                <span className="font-medium">
                  {c.label} ({c.points}/{c.max}):
                </span>{" "}
                {c.text}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="text-sm font-semibold text-slate-800">Fit</h3>
          <FitLines lines={a.fit} className="mt-1 space-y-1" />
        </div>
      </div>

      <details className="mt-4 rounded-lg bg-slate-50 p-3 text-sm">
        <summary className="cursor-pointer font-medium text-slate-800">Statement and answers</summary>
        <p className="mt-2 whitespace-pre-line text-slate-700">{a.statement}</p>
        {questions.map((q, i) => (
          <div key={q} className="mt-3">
            <p className="font-medium text-slate-800">{q}</p>
            <p className="whitespace-pre-line text-slate-700">{a.answers[i] ?? ""}</p>
          </div>
        ))}
      </details>

      {a.status === "not_selected" && a.declineReason ? <p className="mt-3 text-sm text-slate-600">Your reason: {a.declineReason}</p> : null}

      {undecided ? (
        <div className="mt-4 flex flex-wrap items-end gap-4 border-t border-slate-200 pt-4">
          <Form method="post" className="flex items-end gap-2">
            <input type="hidden" name="applicationId" value={a.id} />
            <div>
              <label htmlFor={`rank-${a.id}`} className="block text-xs font-medium text-slate-700">
                Shortlist rank (optional)
              </label>
              <input
                id={`rank-${a.id}`}
                name="rank"
                type="number"
                min={1}
                max={MAX_SHORTLIST_RANK}
                defaultValue={a.shortlistRank ?? undefined}
                className="mt-1 block w-24 rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-slate-300"
              />
            </div>
            <Button type="submit" name="intent" value="shortlist" variant="secondary" disabled={busy}>
              {a.status === "shortlisted" ? "Update rank" : "Shortlist"}
            </Button>
          </Form>
          <Form method="post" className="max-w-sm">
            <input type="hidden" name="applicationId" value={a.id} />
            <Button type="submit" name="intent" value="propose" disabled={busy || !a.eligible} aria-describedby={a.blocker ? `blocker-${a.id}` : undefined}>
              Propose match
            </Button>
            {a.blocker ? (
              <p id={`blocker-${a.id}`} className="mt-1 text-xs text-amber-900">
                Not possible: {a.blocker}
              </p>
            ) : null}
          </Form>
          <Form method="post" className="flex w-full flex-wrap items-end gap-2">
            <input type="hidden" name="applicationId" value={a.id} />
            <div className="min-w-64 flex-1">
              <label htmlFor={`reason-${a.id}`} className="block text-xs font-medium text-slate-700">
                Reason for declining (optional, the student reads it)
              </label>
              <input
                id={`reason-${a.id}`}
                name="reason"
                type="text"
                maxLength={MAX_DECLINE_REASON}
                className="mt-1 block w-full rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-slate-300"
              />
            </div>
            <Button type="submit" name="intent" value="decline" variant="danger" disabled={busy}>
              Decline
            </Button>
          </Form>
        </div>
      ) : null}
    </li>
  );
}

export default function ApplicantsRoute() {
  const { slot, rows, total, page, pages, offset, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div>
      <SlotListHeader
        slot={slot}
        title="Applicants"
        description={`${total} applicant${total === 1 ? "" : "s"} for “${slot.title}”, ranked by fit: students who meet the slot's hard requirements first, then by score.`}
      />
      {notice ? (
        <div className="mb-4">
          <Alert tone="success">{notice}</Alert>
        </div>
      ) : null}
      {rows.length === 0 ? (
        <p className="rounded-xl bg-white p-8 text-center text-slate-700 shadow-sm ring-1 ring-slate-200">No applications yet.</p>
      ) : (
        <ol className="space-y-4">
          {rows.map((a, i) => (
            <ApplicantCard
              key={a.id}
              a={a}
              position={offset + i + 1}
              questions={slot.questions}
              error={actionData?.applicationId === a.id ? actionData.error : null}
            />
          ))}
        </ol>
      )}
      <Pagination page={page} pages={pages} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
