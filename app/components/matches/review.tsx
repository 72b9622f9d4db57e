import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link, useLocation } from "@remix-run/react";
import { CHECK_ON_SUBMIT, ErrorList, FormErrors } from "~/components/forms";
import { formatDateTime } from "~/components/format";
import { ScoreDial } from "~/components/matches/match-ui";
import { ReasonForm } from "~/components/reason-form";
import { Button } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { VerifiedBadge } from "~/components/verified-badge";
import { SLOT_STATUS_LABELS } from "~/domain/labels";
import { parseForm } from "~/forms/gate";
import { MATCH_SOURCE_LABELS } from "~/modules/matches/labels";
import type { getReviewPage, REVIEW_SOURCES } from "~/modules/matches/review.server";
import { ApproveSchema, BulkApproveSchema, RejectSchema, RunRoundSchema } from "~/modules/matches/schemas";

// The admin's review of proposed matches (/admin/matches): running a round, the recent rounds,
// and the queue of proposals with a decision on each.

type ReviewPage = Awaited<ReturnType<typeof getReviewPage>>;
type LastResult = SubmissionResult<string[]> | null;
/** The action's reply to the form of this intent (and match), if it was the last one sent. */
export type ResultFor = (intent: string, matchId?: string) => LastResult;

export function RunRoundForm({ lastResult }: { lastResult: LastResult }) {
  const [form, fields] = useForm({
    id: "run-round",
    lastResult,
    defaultValue: { listLength: "50" },
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: RunRoundSchema }),
  });
  const pending = useIsPending({ fields: { intent: "run_round" } });
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
          <Button type="submit" disabled={pending}>
            {pending ? "Running…" : "Run a matching round"}
          </Button>
        </div>
        <ErrorList id={fields.listLength.errorId} errors={fields.listLength.errors} />
      </div>
    </Form>
  );
}

export function RecentRounds({ rounds }: { rounds: ReviewPage["rounds"] }) {
  if (rounds.length === 0) return <p className="mt-2 text-sm text-slate-600">No round has been run yet.</p>;
  return (
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
  );
}

export function SourceTabs({ source, counts }: { source: string; counts: Record<(typeof REVIEW_SOURCES)[number], number> }) {
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

/** The proposals of one page, each a card; the checkboxes on the cards join one bulk-approve form. */
export function ReviewQueue({ rows, resultFor }: { rows: ReviewPage["queue"]["rows"]; resultFor: ResultFor }) {
  return (
    <>
      <BulkApproveForm count={rows.length} lastResult={resultFor("approve_selected")} />
      <ol className="space-y-4">
        {rows.map((row) => (
          <li key={row.id}>
            <ProposalCard row={row} resultFor={resultFor} />
          </li>
        ))}
      </ol>
      {rows.length > 3 ? (
        <div className="mt-4 flex justify-end">
          <ApproveSelectedButton />
        </div>
      ) : null}
    </>
  );
}

/** One form for the whole page: the checkboxes on each card join it with form="bulk-approve", so it works without JavaScript. */
function BulkApproveForm({ count, lastResult }: { count: number; lastResult: LastResult }) {
  const [form] = useForm({ id: "bulk-approve", lastResult, onValidate: ({ formData }) => parseForm(formData, { schema: BulkApproveSchema }) });
  const errors = [...(form.errors ?? []), ...(lastResult?.error?.matchIds ?? [])];
  return (
    <Form method="post" {...getFormProps(form)} className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-xl bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200">
      <input type="hidden" name="intent" value="approve_selected" />
      <div className="space-y-2 text-sm text-slate-700">
        <p>Tick the proposals you have read, then approve them together{count > 1 ? ` (${count} on this page)` : ""}. Each pair gets its own introduction.</p>
        <FormErrors id={form.errorId} errors={errors} />
      </div>
      <ApproveSelectedButton inForm />
    </Form>
  );
}

/** The bulk form's button; below a long list, a second one joins the form from outside it. */
function ApproveSelectedButton({ inForm = false }: { inForm?: boolean }) {
  const pending = useIsPending({ fields: { intent: "approve_selected" } });
  return (
    <Button type="submit" form={inForm ? undefined : "bulk-approve"} disabled={pending}>
      Approve selected
    </Button>
  );
}

function ProposalCard({ row, resultFor }: { row: ReviewPage["queue"]["rows"][number]; resultFor: ResultFor }) {
  const full = row.seatsTaken >= row.slot.seats;
  return (
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
              <BulletList items={row.reasons} tone="fit" />
            </div>
            <div>
              <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">To confirm before a start date</h4>
              {row.warnings.length ? (
                <BulletList items={row.warnings} tone="warning" />
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
          <ApproveForm matchId={row.id} studentName={row.student.name} lastResult={resultFor("approve", row.id)} />
          <ReasonForm
            id={`reject-${row.id}`}
            schema={RejectSchema}
            lastResult={resultFor("reject", row.id)}
            hidden={{ intent: "reject", matchId: row.id }}
            fold="Reject…"
            compact
            ariaLabel={`Reject the proposal for ${row.student.name}`}
            label="Reason"
            hint="Required. Kept with the decision; a mentor who proposed the match reads it, so do not name the student's work authorization (they may keep it private). The student is not emailed."
            buttons={[{ label: "Reject with this reason", variant: "danger" }]}
          />
        </div>
      </div>
    </article>
  );
}

const BULLET_TONES = {
  fit: { list: "text-slate-700", dot: "bg-brand-600" },
  warning: { list: "text-amber-900", dot: "bg-amber-500" },
};

function BulletList({ items, tone }: { items: string[]; tone: keyof typeof BULLET_TONES }) {
  return (
    <ul className={`mt-1.5 space-y-1 text-sm ${BULLET_TONES[tone].list}`}>
      {items.map((item) => (
        <li key={item} className="flex gap-2">
          <span aria-hidden="true" className={`mt-2 h-1.5 w-1.5 shrink-0 rounded-full ${BULLET_TONES[tone].dot}`} />
          {item}
        </li>
      ))}
    </ul>
  );
}

function ApproveForm({ matchId, studentName, lastResult }: { matchId: string; studentName: string; lastResult: LastResult }) {
  const [form] = useForm({ id: `approve-${matchId}`, lastResult, onValidate: ({ formData }) => parseForm(formData, { schema: ApproveSchema }) });
  const pending = useIsPending({ fields: { intent: "approve", matchId } });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2">
      <input type="hidden" name="intent" value="approve" />
      <input type="hidden" name="matchId" value={matchId} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Button type="submit" disabled={pending} className="w-full" aria-label={`Approve and introduce ${studentName}`}>
        Approve and introduce
      </Button>
    </Form>
  );
}
