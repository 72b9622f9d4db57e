import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { entryFor, parseForm } from "~/forms/gate";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import type { MatchStatus } from "~db/schema";
import { getDb } from "~db/client.server";
import { requireUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors } from "~/components/forms";
import { formatDateTime } from "~/components/format";
import { MatchStatusBadge, MatchSteps, ScoreDial } from "~/components/matches/match-ui";
import { Alert, Button, Card } from "~/components/ui";
import { getMatchPage, moveMatch, type MatchPage, type MoveError } from "~/modules/matches/lifecycle.server";
import { MATCH_SOURCE_LABELS, MATCH_STATUS_LABELS } from "~/modules/matches/labels";
import { MoveSchema, type MatchMove } from "~/modules/matches/schemas";
import { nothingToConfirm } from "~/messages/render";
import { readForm } from "~/forms/read.server";
import { notFound } from "~/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.view.slot.title} · Match · Steppingstone` : "Match · Steppingstone" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const view = await getMatchPage(getDb(), { id: user.id, role: user.role }, params.matchId ?? "");
  // One answer for "no such match" and "not yours to see", so ids cannot be probed.
  if (!view) throw notFound();
  return { view };
}

const REFUSALS: Record<Exclude<MoveError, "not_found">, string> = {
  not_allowed: "That step is the other side's to take.",
  wrong_status: "The match moved on meanwhile (the other side may have just changed it). The page below is up to date.",
  slot_full: "Every seat of this slot is taken now: someone else confirmed first. Talk to the mentors about another start, or say you are not going ahead.",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readForm(request);
  const submission = parseForm(formData, { schema: MoveSchema });
  const move = String(formData.get("move") ?? "");
  if (submission.status !== "success") return data({ move, result: submission.reply() }, { status: 400 });
  const matchId = params.matchId ?? "";
  const result = await moveMatch(getDb(), { viewer: { id: user.id, role: user.role }, matchId, input: submission.value });
  if (!result.ok) {
    if (result.error === "not_found") throw notFound();
    return data({ move, result: submission.reply({ formErrors: [REFUSALS[result.error]] }) }, { status: result.error === "not_allowed" ? 403 : 409 });
  }
  return redirect(`/matches/${matchId}?moved=${result.status}`);
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

type LastResult = SubmissionResult<string[]> | null;

/** The work-authorization section, as app/messages/audiences.ts built it for this reader. */
function AuthorizationPart({ side, firstName, authorization }: { side: MatchPage["side"]; firstName: string; authorization: MatchPage["authorization"] }) {
  const { statusLabel, steps, summary, documents } = authorization;
  return (
    <>
      {statusLabel ? (
        <p className="mb-2 text-sm text-slate-600">
          {side === "student" ? "Your status on your profile: " : side === "admin" ? "Status on the profile: " : `Work authorization (shared by ${firstName}): `}
          <span className="font-medium text-slate-900">{statusLabel}</span>
          {side === "student" ? " (mentors see it only if you share it on your profile)." : null}
        </p>
      ) : null}
      {summary ? <p className="text-sm text-slate-700">{summary}</p> : null}
      {steps.length ? (
        <>
          <p className="text-sm text-slate-700">{side === "student" ? "Before your first day:" : `Before ${firstName}'s first day:`}</p>
          <ul className="mt-2 space-y-1.5">
            {steps.map((step) => (
              <li key={step} className="flex gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200">
                <span aria-hidden="true">•</span>
                {step}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {documents ? <p className="mt-3 text-sm text-slate-700">{documents}</p> : null}
      {steps.length || documents ? (
        <p className="mt-3 text-xs text-slate-500">Guidance to confirm with the school&apos;s international office, not legal advice.</p>
      ) : (
        <p className="text-sm text-slate-600">{nothingToConfirm()}</p>
      )}
    </>
  );
}

const MOVE_TEXT: Record<MatchMove, { button: string; hint: string }> = {
  interviewing: { button: "We are talking", hint: "You have been in touch and are getting to know each other." },
  confirm: { button: "Confirm the match", hint: "You both agreed to start. This takes one of the slot's seats." },
  start: { button: "The internship has started", hint: "Mark it on the first day." },
  complete: { button: "Mark as completed", hint: "The internship is over. Thank you for mentoring." },
  not_proceeding: { button: "Not going ahead", hint: "Either of you can end the match before the internship starts." },
};

const SUCCESS: Partial<Record<MatchStatus, string>> = {
  interviewing: "Marked as talking. The other side was told.",
  confirmed: "Confirmed: the internship is on, and the seat is yours. The mentors were told.",
  active: "The internship is marked as started. The student was told.",
  completed: "The internship is marked as completed.",
  not_proceeding: "The match is closed as not going ahead. The other side was told, with your reason.",
};

function MoveForm({ move, lastResult, busy }: { move: Exclude<MatchMove, "confirm" | "not_proceeding">; lastResult: LastResult; busy: boolean }) {
  const [form] = useForm({ id: `move-${move}`, lastResult, onValidate: ({ formData }) => parseForm(formData, { schema: MoveSchema }) });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2">
      <input type="hidden" name="move" value={move} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Button type="submit" variant={move === "interviewing" ? "secondary" : "primary"} disabled={busy} className="w-full">
        {MOVE_TEXT[move].button}
      </Button>
      <p className="text-xs text-slate-500">{MOVE_TEXT[move].hint}</p>
    </Form>
  );
}

function ConfirmForm({ steps, lastResult, busy }: { steps: string[]; lastResult: LastResult; busy: boolean }) {
  const [form, fields] = useForm({
    id: "move-confirm",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseForm(formData, { schema: MoveSchema }),
  });
  const { key, ...box } = getInputProps(fields.acknowledge, { type: "checkbox", value: "on" });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 rounded-lg bg-brand-50/60 p-4 ring-1 ring-brand-100">
      <input type="hidden" name="move" value="confirm" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <p className="text-sm text-slate-700">{MOVE_TEXT.confirm.hint}</p>
      <div className="flex items-start gap-2">
        <input key={key} {...box} className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 text-brand-700 focus:ring-brand-600" />
        <label htmlFor={fields.acknowledge.id} className="text-sm text-slate-800">
          {steps.length
            ? "I have read the work-authorization steps on this page and will complete them before my first day."
            : "We agreed to start, and I will take part for the dates and hours of this slot."}
        </label>
      </div>
      <ErrorList id={fields.acknowledge.errorId} errors={fields.acknowledge.errors} />
      <Button type="submit" disabled={busy} className="w-full">
        {MOVE_TEXT.confirm.button}
      </Button>
    </Form>
  );
}

function NotProceedingForm({ lastResult, busy }: { lastResult: LastResult; busy: boolean }) {
  const [form, fields] = useForm({
    id: "move-not_proceeding",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseForm(formData, { schema: MoveSchema }),
  });
  const { key, ...reason } = getTextareaProps(fields.reason, { ariaDescribedBy: `${fields.reason.id}-hint` });
  const failed = Boolean(lastResult?.error && Object.keys(lastResult.error).length);
  return (
    // why: <details> works without JavaScript; it stays open after a refusal so the error shows.
    <details open={failed} className="group rounded-lg ring-1 ring-slate-200 open:p-3">
      <summary className="cursor-pointer list-none rounded-lg px-3 py-2 text-center text-sm font-semibold text-red-700 hover:bg-red-50 group-open:mb-2 group-open:p-0 group-open:text-left group-open:hover:bg-transparent">
        {MOVE_TEXT.not_proceeding.button}…
      </summary>
      <Form method="post" {...getFormProps(form)} className="space-y-2">
        <input type="hidden" name="move" value="not_proceeding" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <label htmlFor={fields.reason.id} className="block text-sm font-medium text-slate-800">
          Why not
        </label>
        <p id={`${fields.reason.id}-hint`} className="text-xs text-slate-500">
          Required, and sent to the other side. A sentence is enough: dates, hours, the project, or that it did not click.
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
          End the match with this reason
        </Button>
      </Form>
    </details>
  );
}

function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <Card className="!p-6">
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </Card>
  );
}

function Actions({ view, lastResult, busy }: { view: MatchPage; lastResult: { move: string; result: LastResult } | undefined; busy: boolean }) {
  const resultFor = (move: MatchMove) => (lastResult?.move === move ? lastResult.result : null);
  const { moves, side, match } = view;
  if (side === "admin") return <p className="text-sm text-slate-600">Admins follow matches here; the student and the mentors move them on.</p>;
  if (!moves.length) {
    const waiting: Partial<Record<MatchStatus, string>> = {
      confirmed: side === "student" ? "Your mentor marks the internship as started on your first day." : "",
      active: side === "student" ? "Your mentor marks the internship as completed at the end." : "",
      completed: "This internship is complete.",
      not_proceeding: "This match is closed.",
      proposed: "An admin reviews this proposal; once approved, the introduction email goes out.",
      rejected: "An admin did not approve this proposal.",
    };
    return <p className="text-sm text-slate-600">{waiting[match.status] || "Nothing to do right now."}</p>;
  }
  return (
    <div className="space-y-4">
      {moves.map((move) =>
        move === "confirm" ? (
          <ConfirmForm key={move} steps={view.authorization.steps} lastResult={resultFor(move)} busy={busy} />
        ) : move === "not_proceeding" ? (
          <NotProceedingForm key={move} lastResult={resultFor(move)} busy={busy} />
        ) : (
          <MoveForm key={move} move={move} lastResult={resultFor(move)} busy={busy} />
        ),
      )}
    </div>
  );
}

export default function MatchPageRoute() {
  const { view } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const moved = entryFor(SUCCESS, params.get("moved"));
  const { match, student, mentors, organization, slot, side, authorization } = view;

  return (
    <div>
      <p className="mb-4 text-sm">
        <Link to={side === "admin" ? "/admin/matches" : "/matches"} className="font-medium text-brand-700 hover:underline">
          ← {side === "admin" ? "Matches" : "Your matches"}
        </Link>
      </p>

      <header className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex items-center gap-4">
          <ScoreDial score={match.score} />
          <div>
            <div className="flex flex-wrap items-center gap-2">
              <MatchStatusBadge status={match.status} />
              <span className="text-xs text-slate-500">{MATCH_SOURCE_LABELS[match.source]}</span>
            </div>
            <h1 className="mt-1 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{slot.title}</h1>
            <p className="mt-1 text-slate-600">
              {side === "student" ? `You and ${organization.name}` : `${student.name} and ${organization.name}`}
            </p>
          </div>
        </div>
      </header>

      <div className="mb-6 space-y-3">
        {moved ? <Alert tone="success">{moved}</Alert> : null}
        {match.status === "not_proceeding" ? (
          <Alert tone="info" title="Not going ahead">
            {match.closingReason ? <p className="whitespace-pre-line">Reason given: {match.closingReason}</p> : null}
          </Alert>
        ) : match.status === "rejected" ? (
          <Alert tone="info" title="Not approved by an admin">
            {match.closingReason ? <p className="whitespace-pre-line">{match.closingReason}</p> : null}
          </Alert>
        ) : match.status === "proposed" ? (
          <Alert tone="info" title="Waiting for an admin">
            Nobody has been introduced yet.
          </Alert>
        ) : (
          <div className="overflow-x-auto rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <MatchSteps status={match.status} />
          </div>
        )}
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-6">
          <Section title="Who is who">
            <dl className="grid gap-5 sm:grid-cols-2">
              <div>
                <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">Student</dt>
                <dd className="mt-1">
                  <p className="font-semibold text-slate-900">
                    {side === "student" ? (
                      `${student.name} (you)`
                    ) : (
                      <Link to={`/students/${student.id}`} className="hover:underline">
                        {student.name}
                      </Link>
                    )}
                  </p>
                  {student.about ? <p className="mt-0.5 text-sm text-slate-600">{student.about}</p> : null}
                  <p className="mt-0.5 text-sm">
                    <a href={`mailto:${student.email}`} className="text-brand-700 hover:underline">
                      {student.email}
                    </a>
                  </p>
                </dd>
              </div>
              <div>
                <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{mentors.length === 1 ? "Mentor" : "Mentors"}</dt>
                <dd className="mt-1 space-y-1.5">
                  {mentors.map((m) => (
                    <div key={m.id}>
                      <p className="font-semibold text-slate-900">
                        {m.name}
                        {m.you ? " (you)" : ""}
                      </p>
                      <p className="text-sm">
                        <a href={`mailto:${m.email}`} className="text-brand-700 hover:underline">
                          {m.email}
                        </a>
                      </p>
                    </div>
                  ))}
                  <p className="text-sm text-slate-600">{organization.name}</p>
                </dd>
              </div>
            </dl>
            <div className="mt-5 rounded-lg bg-slate-50 px-4 py-3 text-sm">
              <Link to={`/slots/${slot.id}`} className="font-semibold text-brand-700 hover:underline">
                {slot.title}
              </Link>
              <p className="mt-0.5 text-slate-600">{slot.terms}</p>
              <p className="mt-0.5 text-slate-600">
                Seats taken: {slot.seatsTaken} of {slot.seats}
              </p>
            </div>
          </Section>

          <Section title={side === "student" ? "Why we matched you" : `Why ${student.firstName} was matched`}>
            <ul className="space-y-3">
              {view.reasons.map((r) => (
                <li key={r.key}>
                  <div className="flex items-baseline justify-between gap-3 text-sm">
                    <span className="font-medium text-slate-900">{r.label}</span>
                    <span className="tabular-nums text-slate-500">
                      {r.points} / {r.max}
                    </span>
                  </div>
                  {/* why: an SVG attribute, not an inline style, which production's CSP (style-src 'self') blocks — every bar was drawn full. */}
                  <svg className="mt-1 block h-1.5 w-full overflow-hidden rounded-full" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">
                    <rect width="100" height="1" className="fill-slate-100" />
                    <rect width={Math.round((r.points / r.max) * 100)} height="1" className="fill-brand-600" />
                  </svg>
                  <p className="mt-1 text-sm text-slate-600">{r.text}</p>
                </li>
              ))}
            </ul>
          </Section>

          <Section title="Work authorization before the first day">
            <AuthorizationPart side={side} firstName={student.firstName} authorization={authorization} />
          </Section>
        </div>

        <aside className="space-y-6">
          <div className="rounded-xl bg-white p-5 shadow-sm ring-2 ring-brand-600/30">
            <h2 className="text-sm font-semibold text-slate-900">{side === "admin" ? "Status" : "What you can do"}</h2>
            <p className="mt-1 text-sm text-slate-600">
              Now: <span className="font-medium text-slate-900">{MATCH_STATUS_LABELS[match.status]}</span>
            </p>
            <div className="mt-4">
              <Actions view={view} lastResult={actionData} busy={navigation.state === "submitting"} />
            </div>
          </div>

          <div className="rounded-xl bg-white p-5 text-sm shadow-sm ring-1 ring-slate-200">
            <h2 className="font-semibold text-slate-900">Who does what</h2>
            <ul className="mt-2 space-y-1.5 text-slate-600">
              <li>
                <span className="font-medium text-slate-800">Talking:</span> either of you, once you are in touch.
              </li>
              <li>
                <span className="font-medium text-slate-800">Confirmed:</span> the student, when you both agree to start. It takes a seat; when the last seat is taken the slot is
                filled.
              </li>
              <li>
                <span className="font-medium text-slate-800">Started, completed:</span> the mentor, on the first and the last day.
              </li>
              <li>
                <span className="font-medium text-slate-800">Not going ahead:</span> either of you, with a reason, until the internship starts. A confirmed seat is freed.
              </li>
            </ul>
            <p className="mt-2 text-slate-500">Each change emails the other side.</p>
          </div>

          <div className="rounded-xl bg-white p-5 text-sm shadow-sm ring-1 ring-slate-200">
            <h2 className="font-semibold text-slate-900">History</h2>
            <ol className="mt-2 space-y-2">
              {view.history.map((h, i) => (
                <li key={i} className="border-l-2 border-brand-600/40 pl-3">
                  <p className="text-slate-800">{h.what}</p>
                  <p className="text-xs text-slate-500">
                    {h.who} · {formatDateTime(h.at)}
                  </p>
                </li>
              ))}
              {view.history.length === 0 ? <li className="text-slate-500">Proposed {formatDateTime(match.createdAt)}.</li> : null}
            </ol>
          </div>
        </aside>
      </div>
    </div>
  );
}
