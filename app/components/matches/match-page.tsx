import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { MatchStatus } from "~db/schema";
import { CHECK_ON_SUBMIT, ErrorList, FormErrors } from "~/components/forms";
import { formatDateTime } from "~/components/format";
import { ReasonForm } from "~/components/reason-form";
import { Button, Card } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { parseForm } from "~/forms/gate";
import { nothingToConfirm } from "~/messages/render";
import type { LaterMove, MatchPage } from "~/modules/matches/lifecycle.server";
import { MATCH_MOVES, MoveSchema, type MatchMove } from "~/modules/matches/schemas";
import { formatDay } from "~/modules/slots/format";

// The sections of a match's page (/matches/:matchId) and the forms that move the match on.

type LastResult = SubmissionResult<string[]> | null;

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <Card className="!p-6">
      <h2 id={id} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </Card>
  );
}

/** The student and the mentors, with their addresses, and the slot they meet over. */
export function WhoIsWho({ view }: { view: MatchPage }) {
  const { student, mentors, organization, slot, side } = view;
  return (
    <>
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
              <MailLink email={student.email} />
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
                  <MailLink email={m.email} />
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
    </>
  );
}

function MailLink({ email }: { email: string }) {
  return (
    <a href={`mailto:${email}`} className="text-brand-700 hover:underline">
      {email}
    </a>
  );
}

/** Each part of the score, with its points drawn as a bar and its reason in words. */
export function ScoreReasons({ reasons }: { reasons: MatchPage["reasons"] }) {
  return (
    <ul className="space-y-3">
      {reasons.map((r) => (
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
  );
}

/** The work-authorization section, as app/messages/audiences.ts built it for this reader. */
export function AuthorizationPart({ side, firstName, authorization }: { side: MatchPage["side"]; firstName: string; authorization: MatchPage["authorization"] }) {
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
  start: { button: "The internship has started", hint: "Mark it on the first day (possible from a week before the start date)." },
  complete: { button: "Mark as completed", hint: "The internship is over. Thank you for mentoring." },
  not_proceeding: { button: "Not going ahead", hint: "Either of you can end the match, with a reason — an internship under way can end early too." },
};

/** When a move the server refuses today becomes possible, in words. */
export function whenPossible(later: LaterMove) {
  if (later.until === "seat") {
    return "Every seat of this slot is taken now, so there is no seat to confirm. If one frees up, you can confirm then.";
  }
  return `Possible from ${formatDay(later.opensOn)} (${later.move === "start" ? "a week before the start date" : "the start date"}).`;
}

/** A move the reader will have, shown greyed out with the day (or the seat) it waits for. */
function LaterMoveNote({ later }: { later: LaterMove }) {
  const id = `later-${later.move}`;
  return (
    <div className="space-y-2">
      <Button type="button" variant="secondary" disabled aria-describedby={id} className="w-full">
        {MOVE_TEXT[later.move].button}
      </Button>
      <p id={id} className="text-xs text-slate-600">
        {whenPossible(later)}
      </p>
    </div>
  );
}

/** What this reader can do to the match now: a form for each move open to them, or what they wait for. */
export function Actions({ view, lastResult }: { view: MatchPage; lastResult: { move: string; result: LastResult } | undefined }) {
  const resultFor = (move: MatchMove) => (lastResult?.move === move ? lastResult.result : null);
  const { moves, later, side, match } = view;
  if (side === "admin") return <p className="text-sm text-slate-600">Admins follow matches here; the student and the mentors move them on.</p>;
  if (!moves.length && !later.length) {
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
      {MATCH_MOVES.filter((move) => moves.includes(move) || later.some((l) => l.move === move)).map((move) => {
        const waits = later.find((l) => l.move === move);
        return waits ? (
          <LaterMoveNote key={move} later={waits} />
        ) : move === "confirm" ? (
          <ConfirmForm key={move} steps={view.authorization.steps} lastResult={resultFor(move)} />
        ) : move === "not_proceeding" ? (
          <ReasonForm
            key={move}
            id="move-not_proceeding"
            schema={MoveSchema}
            lastResult={resultFor(move)}
            hidden={{ move: "not_proceeding" }}
            fold={`${MOVE_TEXT.not_proceeding.button}…`}
            compact
            label="Why not"
            hint="Required, and sent to the other side. A sentence is enough: dates, hours, the project, or that it did not click."
            buttons={[{ label: "End the match with this reason", variant: "danger" }]}
          />
        ) : (
          <MoveForm key={move} move={move} lastResult={resultFor(move)} />
        );
      })}
    </div>
  );
}

function MoveForm({ move, lastResult }: { move: Exclude<MatchMove, "confirm" | "not_proceeding">; lastResult: LastResult }) {
  const [form] = useForm({ id: `move-${move}`, lastResult, onValidate: ({ formData }) => parseForm(formData, { schema: MoveSchema }) });
  const pending = useIsPending({ fields: { move } });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2">
      <input type="hidden" name="move" value={move} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Button type="submit" variant={move === "interviewing" ? "secondary" : "primary"} disabled={pending} className="w-full">
        {MOVE_TEXT[move].button}
      </Button>
      <p className="text-xs text-slate-500">{MOVE_TEXT[move].hint}</p>
    </Form>
  );
}

function ConfirmForm({ steps, lastResult }: { steps: string[]; lastResult: LastResult }) {
  const [form, fields] = useForm({
    id: "move-confirm",
    lastResult,
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: MoveSchema }),
  });
  const pending = useIsPending({ fields: { move: "confirm" } });
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
      <Button type="submit" disabled={pending} className="w-full">
        {MOVE_TEXT.confirm.button}
      </Button>
    </Form>
  );
}

/** Who takes which step, for the side column. */
export function WhoDoesWhat() {
  return (
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
          <span className="font-medium text-slate-800">Started, completed:</span> the mentor, on the first and the last day: started from a week before the start
          date, completed from the start date.
        </li>
        <li>
          <span className="font-medium text-slate-800">Not going ahead:</span> either of you, with a reason, until the internship is completed — it can end early.
          A confirmed seat is freed.
        </li>
      </ul>
      <p className="mt-2 text-slate-500">Each change emails the other side.</p>
    </div>
  );
}

export function History({ history, createdAt }: { history: MatchPage["history"]; createdAt: Date }) {
  return (
    <div className="rounded-xl bg-white p-5 text-sm shadow-sm ring-1 ring-slate-200">
      <h2 className="font-semibold text-slate-900">History</h2>
      <ol className="mt-2 space-y-2">
        {history.map((h, i) => (
          <li key={i} className="border-l-2 border-brand-600/40 pl-3">
            <p className="text-slate-800">{h.what}</p>
            <p className="text-xs text-slate-500">
              {h.who} · {formatDateTime(h.at)}
            </p>
            {h.why ? (
              <p className="mt-1 whitespace-pre-line text-slate-700">
                <span className="font-medium">Why: </span>
                {h.why}
              </p>
            ) : null}
          </li>
        ))}
        {history.length === 0 ? <li className="text-slate-500">Proposed {formatDateTime(createdAt)}.</li> : null}
      </ol>
    </div>
  );
}
