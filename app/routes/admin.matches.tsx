import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseForm } from "~/forms/gate";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { AdminNav } from "~/components/admin-nav";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors } from "~/components/forms";
import { formatDateTime } from "~/components/format";
import { ScoreDial } from "~/components/matches/match-ui";
import { Pagination, pageParam } from "~/components/pagination";
import { Alert, Button, Card, PageHeader } from "~/components/ui";
import { VerifiedBadge } from "~/components/verified-badge";
import { SLOT_STATUS_LABELS } from "~/domain/labels";
import { MATCH_SOURCE_LABELS } from "~/modules/matches/labels";
import { approveMatch, approveMatches, getReviewPage, rejectMatch, REVIEW_SOURCES, type ReviewError } from "~/modules/matches/review.server";
import { runMatchingRound } from "~/modules/matches/rounds.server";
import { ApproveSchema, BulkApproveSchema, RejectSchema, ReviewActionSchema, RunRoundSchema } from "~/modules/matches/schemas";
import { readForm } from "~/forms/read.server";

export const meta: MetaFunction = () => [{ title: "Matches · Admin · Steppingstone" }];

const SearchSchema = z.object({
  source: z.enum(REVIEW_SOURCES).catch("all"),
  round: z.string().nullable().catch(null),
  approved: z.string().catch(""),
  rejected: z.string().catch(""),
  refused: z.coerce.number().int().min(0).catch(0),
});

const ids = (list: string) => list.split(",").filter(Boolean).slice(0, 100);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const params = new URL(request.url).searchParams;
  const search = SearchSchema.parse({
    source: params.get("source") ?? undefined,
    round: params.get("round"),
    approved: params.get("approved") ?? "",
    rejected: params.get("rejected") ?? "",
    refused: params.get("refused") ?? 0,
  });
  const page = pageParam(request);
  const view = await getReviewPage(getDb(), { page, source: search.source, roundId: search.round, approved: ids(search.approved), rejected: ids(search.rejected) });
  return { ...view, page, source: search.source, refused: search.refused };
}

const REFUSALS: Record<ReviewError | "round_running", string> = {
  not_found: "That proposal no longer exists.",
  already_decided: "This proposal was already decided, perhaps by another admin: nothing was sent twice. The list below is up to date.",
  slot_unavailable: "The slot is no longer open (it was closed or every seat is taken), so nobody can be introduced to it. Reject the proposal with that reason.",
  round_running: "Another admin is running a round right now. Wait for it to finish, then look at its proposals below.",
};

/** Back to the page the admin was on, with what just happened named in the query. */
function backTo(request: Request, outcome: Record<string, string>) {
  const current = new URL(request.url).searchParams;
  const next = new URLSearchParams(outcome);
  for (const key of ["page", "source"]) {
    const value = current.get(key);
    if (value) next.set(key, value);
  }
  return redirect(`/admin/matches?${next.toString()}`);
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const formData = await readForm(request);
  const submission = parseForm(formData, { schema: ReviewActionSchema });
  const intent = String(formData.get("intent") ?? "");
  const matchId = String(formData.get("matchId") ?? "");
  if (submission.status !== "success") return data({ intent, matchId, result: submission.reply() }, { status: 400 });
  const db = getDb();
  const input = submission.value;

  switch (input.intent) {
    case "run_round": {
      const result = await runMatchingRound(db, admin.id, { listLength: input.listLength });
      if (!result.ok) return data({ intent, matchId, result: submission.reply({ formErrors: [REFUSALS[result.error]] }) }, { status: 409 });
      return redirect(`/admin/matches?round=${result.roundId}`);
    }
    case "approve": {
      const result = await approveMatch(db, { adminId: admin.id, matchId: input.matchId });
      if (!result.ok) return data({ intent, matchId, result: submission.reply({ formErrors: [REFUSALS[result.error]] }) }, { status: 409 });
      return backTo(request, { approved: input.matchId });
    }
    case "approve_selected": {
      const result = await approveMatches(db, { adminId: admin.id, matchIds: input.matchIds });
      return backTo(request, { approved: result.approved.join(","), refused: String(result.refused.length) });
    }
    case "reject": {
      const result = await rejectMatch(db, { adminId: admin.id, matchId: input.matchId, reason: input.reason });
      if (!result.ok) return data({ intent, matchId, result: submission.reply({ formErrors: [REFUSALS[result.error]] }) }, { status: 409 });
      return backTo(request, { rejected: input.matchId });
    }
  }
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

type LastResult = SubmissionResult<string[]> | null;

function RunRoundForm({ lastResult, busy }: { lastResult: LastResult; busy: boolean }) {
  const [form, fields] = useForm({
    id: "run-round",
    lastResult,
    defaultValue: { listLength: "50" },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseForm(formData, { schema: RunRoundSchema }),
  });
  const { key, ...listLength } = getInputProps(fields.listLength, { type: "number", ariaDescribedBy: `${fields.listLength.id}-hint` });
  return (
    <Form method="post" {...getFormProps(form)} aria-label="Run a matching round" className="space-y-3">
      <input type="hidden" name="intent" value="run_round" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <div>
        <label htmlFor={fields.listLength.id} className="block text-sm font-medium text-slate-800">
          Slots on each student&apos;s list
        </label>
        <p id={`${fields.listLength.id}-hint`} className="mt-0.5 text-sm text-slate-500">
          Starred slots first, then the best-scoring eligible ones. 50 is the default.
        </p>
        <div className="mt-1.5 flex flex-wrap items-start gap-2">
          <input
            key={key}
            {...listLength}
            min={1}
            max={1000}
            className="block w-28 rounded-md border-0 bg-white px-3 py-2 text-slate-900 shadow-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:ring-red-500"
          />
          <Button type="submit" disabled={busy}>
            {busy ? "Running…" : "Run a matching round"}
          </Button>
        </div>
        <ErrorList id={fields.listLength.errorId} errors={fields.listLength.errors} />
      </div>
    </Form>
  );
}

function ApproveForm({ matchId, studentName, lastResult, busy }: { matchId: string; studentName: string; lastResult: LastResult; busy: boolean }) {
  const [form] = useForm({ id: `approve-${matchId}`, lastResult, onValidate: ({ formData }) => parseForm(formData, { schema: ApproveSchema }) });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2">
      <input type="hidden" name="intent" value="approve" />
      <input type="hidden" name="matchId" value={matchId} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Button type="submit" disabled={busy} className="w-full" aria-label={`Approve and introduce ${studentName}`}>
        Approve and introduce
      </Button>
    </Form>
  );
}

function RejectForm({ matchId, studentName, lastResult, busy }: { matchId: string; studentName: string; lastResult: LastResult; busy: boolean }) {
  const [form, fields] = useForm({
    id: `reject-${matchId}`,
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseForm(formData, { schema: RejectSchema }),
  });
  const { key, ...reason } = getTextareaProps(fields.reason, { ariaDescribedBy: `${fields.reason.id}-hint` });
  const failed = Boolean(lastResult?.error && Object.keys(lastResult.error).length);
  return (
    // why: <details> opens and closes without JavaScript; it stays open after a refused submission so the error is seen.
    <details open={failed} className="group rounded-lg ring-1 ring-slate-200 open:bg-white open:p-3">
      <summary className="cursor-pointer list-none rounded-lg px-3 py-2 text-center text-sm font-semibold text-red-700 hover:bg-red-50 group-open:mb-2 group-open:p-0 group-open:text-left group-open:hover:bg-transparent">
        Reject…
      </summary>
      <Form method="post" {...getFormProps(form)} className="space-y-2" aria-label={`Reject the proposal for ${studentName}`}>
        <input type="hidden" name="intent" value="reject" />
        <input type="hidden" name="matchId" value={matchId} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <label htmlFor={fields.reason.id} className="block text-sm font-medium text-slate-800">
          Reason
        </label>
        <p id={`${fields.reason.id}-hint`} className="text-xs text-slate-500">
          Required. Kept with the decision; a mentor who proposed the match reads it, so do not name the student&apos;s work authorization (they may
          keep it private). The student is not emailed.
        </p>
        <textarea
          key={key}
          {...reason}
          rows={3}
          autoFocus={failed}
          className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:ring-red-500"
        />
        <ErrorList id={fields.reason.errorId} errors={fields.reason.errors} />
        <Button type="submit" variant="danger" disabled={busy} className="w-full">
          Reject with this reason
        </Button>
      </Form>
    </details>
  );
}

/** One form for the whole page: the checkboxes on each card join it with form="bulk-approve", so it works without JavaScript. */
function BulkApproveForm({ count, lastResult, busy }: { count: number; lastResult: LastResult; busy: boolean }) {
  const [form] = useForm({ id: "bulk-approve", lastResult, onValidate: ({ formData }) => parseForm(formData, { schema: BulkApproveSchema }) });
  const errors = [...(form.errors ?? []), ...(lastResult?.error?.matchIds ?? [])];
  return (
    <Form method="post" {...getFormProps(form)} className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-xl bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200">
      <input type="hidden" name="intent" value="approve_selected" />
      <div className="space-y-2 text-sm text-slate-700">
        <p>Tick the proposals you have read, then approve them together{count > 1 ? ` (${count} on this page)` : ""}. Each pair gets its own introduction.</p>
        <FormErrors id={form.errorId} errors={errors} />
      </div>
      <Button type="submit" disabled={busy}>
        Approve selected
      </Button>
    </Form>
  );
}

function SourceTabs({ source, counts }: { source: string; counts: Record<(typeof REVIEW_SOURCES)[number], number> }) {
  const location = useLocation();
  const tabs = [
    { value: "all", label: "All proposals" },
    { value: "round", label: "From rounds" },
    { value: "application", label: "From mentors" },
  ] as const;
  return (
    <nav aria-label="Proposals by source" className="mb-4 flex flex-wrap gap-2">
      {tabs.map((tab) => {
        const params = new URLSearchParams();
        if (tab.value !== "all") params.set("source", tab.value);
        const active = source === tab.value;
        return (
          <Link
            key={tab.value}
            to={`${location.pathname}${params.size ? `?${params}` : ""}`}
            aria-current={active ? "page" : undefined}
            className={`rounded-full px-3 py-1.5 text-sm font-medium ring-1 ${active ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
          >
            {tab.label} <span className={active ? "text-brand-100" : "text-slate-500"}>({counts[tab.value]})</span>
          </Link>
        );
      })}
    </nav>
  );
}

export default function AdminMatchesPage() {
  const { queue, rounds, round, decided, page, source, refused } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const resultFor = (intent: string, matchId = "") => (actionData && actionData.intent === intent && actionData.matchId === matchId ? actionData.result : null);
  const approvedNow = decided.filter((d) => d.status === "introduced");
  const rejectedNow = decided.filter((d) => d.status === "rejected");

  return (
    <div>
      <AdminNav />
      <PageHeader
        title="Matches"
        description="Proposals from matching rounds and from mentors wait here. Approving one sends a single introduction email to the student and the slot's mentors together; rejecting needs a reason."
      >
        <p className="text-sm text-slate-600">{queue.counts.all === 1 ? "1 proposal waiting" : `${queue.counts.all} proposals waiting`}</p>
      </PageHeader>

      <div className="mb-6 space-y-3" aria-live="polite">
        {round ? (
          <Alert tone="success" title="Round saved">
            {round.stats.saved === 0
              ? "It found no new pairs: every opted-in student already has a match, or no open slot fits them."
              : `${round.stats.saved} ${round.stats.saved === 1 ? "proposal" : "proposals"} for ${round.stats.students} opted-in ${round.stats.students === 1 ? "student" : "students"} (${round.stats.unassigned} without a slot this time), average score ${round.stats.averageScore}. Nobody is emailed until you approve.`}
          </Alert>
        ) : null}
        {approvedNow.length ? (
          <Alert tone="success" title={approvedNow.length === 1 ? "Introduced" : `${approvedNow.length} introductions sent`}>
            {approvedNow.length === 1
              ? `${approvedNow[0]!.studentName} and the mentors of “${approvedNow[0]!.slotTitle}” were introduced: the email is on its way to them together.`
              : "Each pair gets its own introduction email."}
          </Alert>
        ) : null}
        {refused > 0 ? (
          <Alert tone="warning" title={`${refused} not approved`}>
            {refused === 1 ? "One selected proposal" : `${refused} selected proposals`} had been decided meanwhile or its slot is no longer open; nothing was sent for
            {refused === 1 ? " it" : " them"}.
          </Alert>
        ) : null}
        {rejectedNow.length ? (
          <Alert tone="info" title="Rejected">
            The proposal for {rejectedNow[0]!.studentName} and “{rejectedNow[0]!.slotTitle}” was rejected; the reason is kept with it.
          </Alert>
        ) : null}
      </div>

      <div className="mb-10 grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Card className="!p-6">
          <h2 className="text-lg font-semibold text-slate-900">Run a matching round</h2>
          <p className="mt-1 text-sm text-slate-600">
            Students who opted in and have no match are matched to the seats left in open slots: stable, explainable, the same result for the same data.
            Proposals land in the queue below.
          </p>
          <div className="mt-4">
            <RunRoundForm lastResult={resultFor("run_round")} busy={busy} />
          </div>
        </Card>
        <Card className="!p-6">
          <h2 className="text-lg font-semibold text-slate-900">Recent rounds</h2>
          {rounds.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">No round has been run yet.</p>
          ) : (
            <ol className="mt-3 divide-y divide-slate-100">
              {rounds.map((r) => (
                <li key={r.id} className="flex flex-col gap-1 py-2.5 text-sm sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">{formatDateTime(r.createdAt)}</p>
                    <p className="text-slate-500">
                      by {r.runBy ?? "a former admin"} · lists of {r.listLength}
                    </p>
                  </div>
                  <div className="text-slate-700 sm:text-right">
                    <p>
                      <span className="font-semibold tabular-nums">{r.stats.saved ?? 0}</span> proposed for <span className="tabular-nums">{r.stats.students ?? 0}</span> students
                      {r.stats.saved ? (
                        <>
                          {" "}· average <span className="tabular-nums">{r.stats.averageScore}</span>
                        </>
                      ) : null}
                    </p>
                    <p className="text-slate-500">
                      {r.approved} approved · {r.rejected} rejected · {r.waiting} waiting
                    </p>
                  </div>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>

      <h2 className="mb-3 text-xl font-semibold text-slate-900">Waiting for review</h2>
      <SourceTabs source={source} counts={queue.counts} />

      {queue.rows.length === 0 ? (
        <Card className="text-center">
          <h3 className="text-lg font-semibold text-slate-900">Nothing to review</h3>
          <p className="mx-auto mt-2 max-w-lg text-slate-600">
            Proposals appear here when a round is run or a mentor proposes a match from an application.
          </p>
        </Card>
      ) : (
        <>
          <BulkApproveForm count={queue.rows.length} lastResult={resultFor("approve_selected")} busy={busy} />
          <ol className="space-y-4">
            {queue.rows.map((row) => {
              const full = row.seatsTaken >= row.slot.seats;
              return (
                <li key={row.id}>
                  <article aria-labelledby={`match-${row.id}-title`} className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
                    <div className="grid grid-cols-1 gap-5 p-5 sm:p-6 lg:grid-cols-[minmax(0,1fr)_15rem]">
                      <div className="min-w-0">
                        <div className="flex items-start gap-4">
                          <input
                            type="checkbox"
                            name="matchIds"
                            value={row.id}
                            form="bulk-approve"
                            id={`select-${row.id}`}
                            aria-label={`Select ${row.student.name} for ${row.slot.title}`}
                            className="mt-1.5 h-4 w-4 shrink-0 rounded border-slate-300 text-brand-700 focus:ring-brand-600"
                          />
                          <ScoreDial score={row.score} />
                          <div className="min-w-0">
                            <div className="flex flex-wrap items-center gap-2 text-xs">
                              <span
                                className={`rounded-full px-2 py-0.5 font-semibold ring-1 ${row.source === "round" ? "bg-violet-50 text-violet-800 ring-violet-200" : "bg-sky-50 text-sky-800 ring-sky-200"}`}
                              >
                                {MATCH_SOURCE_LABELS[row.source]}
                              </span>
                              <span className="text-slate-500">
                                {row.source === "round"
                                  ? `Round of ${formatDateTime(row.roundAt ?? row.createdAt)}`
                                  : `Proposed ${formatDateTime(row.createdAt)}${row.proposedBy ? ` by ${row.proposedBy}` : ""}`}
                              </span>
                            </div>
                            <h3 id={`match-${row.id}-title`} className="mt-1.5 text-lg font-semibold leading-snug text-slate-900">
                              <Link to={`/students/${row.student.id}`} className="hover:underline">
                                {row.student.name}
                              </Link>
                              <span className="mx-2 font-normal text-slate-400" aria-label="for">→</span>
                              <Link to={`/slots/${row.slot.id}`} className="hover:underline">
                                {row.slot.title}
                              </Link>
                            </h3>
                            {row.student.about ? <p className="mt-1 text-sm text-slate-600">{row.student.about}</p> : null}
                            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                              <span className="font-medium text-slate-800">{row.organization.name}</span>
                              <VerifiedBadge verified={row.organization.verifiedAt !== null} />
                            </p>
                            <p className="mt-1 text-sm text-slate-500">{row.slot.terms}</p>
                          </div>
                        </div>

                        <div className="mt-4 grid gap-4 md:grid-cols-2">
                          <div>
                            <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Why they fit</h4>
                            <ul className="mt-1.5 space-y-1 text-sm text-slate-700">
                              {row.reasons.map((reason) => (
                                <li key={reason} className="flex gap-2">
                                  <span aria-hidden="true" className="mt-2 h-1.5 w-1.5 shrink-0 rounded-full bg-brand-600" />
                                  {reason}
                                </li>
                              ))}
                            </ul>
                          </div>
                          <div>
                            <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">To confirm before a start date</h4>
                            {row.warnings.length ? (
                              <ul className="mt-1.5 space-y-1 text-sm text-amber-900">
                                {row.warnings.map((w) => (
                                  <li key={w} className="flex gap-2">
                                    <span aria-hidden="true" className="mt-2 h-1.5 w-1.5 shrink-0 rounded-full bg-amber-500" />
                                    {w}
                                  </li>
                                ))}
                              </ul>
                            ) : (
                              <p className="mt-1.5 text-sm text-slate-500">No warnings for this pair.</p>
                            )}
                          </div>
                        </div>
                      </div>

                      <div className="flex flex-col gap-3 border-t border-slate-100 pt-4 lg:border-l lg:border-t-0 lg:pl-5 lg:pt-0">
                        <dl className="space-y-1 text-sm">
                          <div className="flex justify-between gap-2">
                            <dt className="text-slate-500">Seats taken</dt>
                            <dd className={`font-medium ${full ? "text-red-700" : "text-slate-900"}`}>
                              {row.seatsTaken} of {row.slot.seats}
                            </dd>
                          </div>
                          <div className="flex justify-between gap-2">
                            <dt className="text-slate-500">Slot</dt>
                            <dd className={`font-medium ${row.slot.status === "open" ? "text-slate-900" : "text-red-700"}`}>{SLOT_STATUS_LABELS[row.slot.status]}</dd>
                          </div>
                          {row.otherLive > 0 ? (
                            <div className="flex justify-between gap-2">
                              <dt className="text-slate-500">Student&apos;s other matches</dt>
                              <dd className="font-medium text-amber-800">{row.otherLive} live</dd>
                            </div>
                          ) : null}
                        </dl>
                        <ApproveForm matchId={row.id} studentName={row.student.name} lastResult={resultFor("approve", row.id)} busy={busy} />
                        <RejectForm matchId={row.id} studentName={row.student.name} lastResult={resultFor("reject", row.id)} busy={busy} />
                      </div>
                    </div>
                  </article>
                </li>
              );
            })}
          </ol>
          {queue.rows.length > 3 ? (
            <div className="mt-4 flex justify-end">
              <Button type="submit" form="bulk-approve" disabled={busy}>
                Approve selected
              </Button>
            </div>
          ) : null}
        </>
      )}
      <Pagination page={page} pages={queue.pages} />
    </div>
  );
}
