import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { CHECK_ON_SUBMIT, ChoiceGroup, Field, FormErrors, optionsFrom, TextareaField } from "~/components/forms";
import { formatDateTime } from "~/components/format";
import { Alert, Button, Card } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { FORMER_MENTOR } from "~/domain/names";
import { parseForm } from "~/forms/gate";
import { REFERRAL_METHOD_LABELS, REFERRAL_METHOD_WORDS, REFERRAL_OUTCOME_LABELS } from "~/modules/referrals/referral-labels";
import { AcceptReferralSchema, DeclineReferralSchema, MAX_REFERRAL_NOTE, ReferralOutcomeSchema } from "~/modules/referrals/referral-schemas";
import type { ReferralView } from "~/modules/referrals/referrals.server";
import { REFERRAL_QUIET_DAYS, REFERRAL_UNANSWERED_DAYS } from "~/modules/referrals/rules";
import { formatDay } from "~/modules/slots/format";
import { ReferralStatusBadge } from "./referral-ui";

// One referral (/referrals/:referralId), for the student, the mentor asked, or an admin (read only):
// the request, the mentor's answer (or the forms to give it), and what came of it.

/** The action's reply, naming the form it belongs to, so only that form shows its errors. */
export type ReferralReply = { form: "accept" | "decline" | "outcome" | "withdraw"; result: SubmissionResult<string[]> };

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card className="!p-6">
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      <div className="mt-3">{children}</div>
    </Card>
  );
}

function Quoted({ children }: { children: string }) {
  return <p className="whitespace-pre-line border-l-2 border-slate-200 pl-3 text-sm leading-relaxed text-slate-800">{children}</p>;
}

export function ReferralDetail({ referral, lastReply }: { referral: ReferralView; lastReply: ReferralReply | undefined }) {
  const r = referral;
  // The mentor's name where a sentence starts, and inside one.
  const mentorName = r.mentor?.name ?? FORMER_MENTOR;
  const mentorNamed = r.mentor?.name ?? FORMER_MENTOR.toLowerCase();
  const you = (side: "student" | "mentor", name: string) => (r.side === side ? "you" : name);
  const resultFor = (form: ReferralReply["form"]) => (lastReply?.form === form ? lastReply.result : undefined);
  // why: a reply whose form the page no longer shows (answered meanwhile in another tab, or a button
  // it never had) would lose its message; it shows at the top instead.
  const shown = { accept: r.may.answer, decline: r.may.answer, outcome: r.may.recordOutcome, withdraw: r.may.withdraw };
  const orphan = lastReply && !shown[lastReply.form] ? Object.values(lastReply.result.error ?? {}).flatMap((m) => m ?? []) : [];
  return (
    <div>
      {orphan.length ? (
        <div className="mb-6">
          <Alert tone="error">{orphan.join(" ")}</Alert>
        </div>
      ) : null}
      <p className="mb-3 text-sm">
        <Link to="/referrals" className="font-medium text-brand-700 hover:underline">
          ← All referrals
        </Link>
      </p>
      <header className="mb-6">
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span className="font-medium text-slate-800">Referral</span>
          <ReferralStatusBadge state={r.state} outcome={r.outcome} />
        </div>
        <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
          {r.role} at {r.company}
        </h1>
        <p className="mt-2 text-sm text-slate-600">
          {r.side === "student" ? "You asked" : `${r.student.name} asked`} {r.side === "mentor" ? "you" : mentorNamed}, {r.side === "student" ? "your" : "their"} mentor on “
          <Link to={`/matches/${r.matchId}`} className="font-medium text-brand-700 hover:underline">
            {r.slotTitle}
          </Link>
          ” at {r.organizationName}, on {formatDateTime(r.createdAt)}.
        </p>
        {r.side === "admin" ? <p className="mt-2 text-sm text-slate-500">You read this as an admin: only the student and the mentor asked change it.</p> : null}
      </header>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-6">
          <Block title="The request">
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-slate-500">The posting</dt>
                <dd>
                  {r.postingUrl ? (
                    <a href={r.postingUrl} target="_blank" rel="noopener noreferrer nofollow" className="break-all font-medium text-brand-700 hover:underline">
                      {r.postingUrl}
                    </a>
                  ) : (
                    <span className="text-slate-500">No link given</span>
                  )}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">{r.side === "student" ? "Your note" : `${r.student.firstName}'s note`}</dt>
                <dd className="mt-1">{r.note ? <Quoted>{r.note}</Quoted> : <span className="text-slate-500">No note</span>}</dd>
              </div>
            </dl>
          </Block>

          <Block title={r.side === "mentor" && r.state === "requested" ? "Your answer" : "The mentor's answer"}>
            {r.state === "accepted" ? (
              <div className="space-y-2 text-sm text-slate-800">
                <p>
                  <span className="font-medium">{r.side === "mentor" ? "You" : mentorName}</span> referred {you("student", r.student.firstName)} on{" "}
                  {formatDay(r.referredOn!)}, {REFERRAL_METHOD_WORDS[r.method!]}.
                </p>
                {r.methodNote ? <Quoted>{r.methodNote}</Quoted> : null}
              </div>
            ) : r.state === "declined" ? (
              <div className="space-y-2 text-sm text-slate-800">
                <p>
                  <span className="font-medium">{r.side === "mentor" ? "You" : mentorName}</span> declined. The reason:
                </p>
                <Quoted>{r.declineReason!}</Quoted>
                {r.side === "student" ? <p className="text-slate-600">You can ask another of your internship&apos;s mentors from the referrals page.</p> : null}
              </div>
            ) : r.may.answer ? (
              <AnswerForms referral={r} acceptResult={resultFor("accept")} declineResult={resultFor("decline")} />
            ) : (
              <div className="space-y-3 text-sm text-slate-700">
                <p>
                  {r.mentor
                    ? `Waiting for ${mentorName}'s answer. If none comes within ${REFERRAL_UNANSWERED_DAYS} days, we remind them once.`
                    : "The mentor asked no longer has an account, so no answer will come."}
                  {r.may.withdraw ? " You can withdraw the request and ask another mentor." : ""}
                </p>
                {r.may.withdraw ? <WithdrawForm lastResult={resultFor("withdraw")} mentorPresent={Boolean(r.mentor)} /> : null}
              </div>
            )}
          </Block>

          {r.state === "accepted" ? (
            <Block title="What came of it">
              <div className="space-y-4">
                {r.outcome ? (
                  <p className="text-sm text-slate-800">
                    <span className="font-semibold">{REFERRAL_OUTCOME_LABELS[r.outcome]}</span>
                    <span className="text-slate-500">
                      {" "}
                      · recorded by {r.outcomeByName === FORMER_MENTOR ? FORMER_MENTOR.toLowerCase() : r.outcomeByName}, last update {formatDateTime(r.lastUpdateAt)}
                    </span>
                  </p>
                ) : (
                  <p className="text-sm text-slate-700">Nothing recorded yet since the referral ({formatDateTime(r.lastUpdateAt)}).</p>
                )}
                {r.may.recordOutcome ? <OutcomeForm referral={r} lastResult={resultFor("outcome")} /> : null}
              </div>
            </Block>
          ) : null}
        </div>

        <aside className="space-y-6">
          <Block title="Who sees this">
            <p className="text-sm text-slate-700">
              Only {r.side === "student" ? "you" : r.student.name}, {r.side === "mentor" ? "you" : mentorNamed} and the Steppingstone admins. The internship&apos;s
              other mentors do not.
            </p>
            {r.state === "accepted" ? (
              <p className="mt-3 text-sm text-slate-700">
                Either side records what came of it; the other sees it here, and is emailed when it changes. After {REFERRAL_QUIET_DAYS} days without an update, we
                ask{" "}
                {r.side === "student" ? "you" : r.student.firstName} what happened.
              </p>
            ) : null}
          </Block>
        </aside>
      </div>
    </div>
  );
}

function AnswerForms({
  referral,
  acceptResult,
  declineResult,
}: {
  referral: ReferralView;
  acceptResult: SubmissionResult<string[]> | undefined;
  declineResult: SubmissionResult<string[]> | undefined;
}) {
  const [accept, acceptFields] = useForm({
    id: "accept-referral",
    lastResult: acceptResult,
    defaultValue: { intent: "accept", referredOn: referral.today },
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: AcceptReferralSchema }),
  });
  const [decline, declineFields] = useForm({
    id: "decline-referral",
    lastResult: declineResult,
    defaultValue: { intent: "decline" },
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: DeclineReferralSchema }),
  });
  const accepting = useIsPending({ fields: { intent: "accept" } });
  const declining = useIsPending({ fields: { intent: "decline" } });
  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-700">
        Once you have referred {referral.student.firstName}, record how and when: they are emailed, and follow it up with you here. If you cannot, decline with a
        reason they will read.
      </p>
      <Form method="post" {...getFormProps(accept)} aria-label="Record the referral" className="space-y-4">
        <input type="hidden" name="intent" value="accept" />
        <FormErrors id={accept.errorId} errors={accept.errors} />
        <ChoiceGroup field={acceptFields.method} type="radio" legend="How did you refer them?" options={optionsFrom(REFERRAL_METHOD_LABELS)} columns="grid-cols-1" look="tiles" />
        <TextareaField
          field={acceptFields.methodNote}
          label="Details (optional, unless “Another way”)"
          hint="Which tool or recruiter, anything the student should know."
          rows={3}
          maxLength={MAX_REFERRAL_NOTE}
        />
        <Field field={acceptFields.referredOn} label="When did you refer them?" type="date" max={referral.today} />
        <Button type="submit" disabled={accepting}>
          I referred them
        </Button>
      </Form>
      <details open={Boolean(declineResult)} className="border-t border-slate-200 pt-4">
        <summary className="cursor-pointer text-sm font-semibold text-brand-700 hover:underline">I cannot refer them…</summary>
        <Form method="post" {...getFormProps(decline)} aria-label="Decline the request" className="mt-4 space-y-4">
          <input type="hidden" name="intent" value="decline" />
          <FormErrors id={decline.errorId} errors={decline.errors} />
          <TextareaField field={declineFields.reason} label="Why? The student reads this." rows={3} maxLength={MAX_REFERRAL_NOTE} />
          <Button type="submit" variant="danger" disabled={declining}>
            Decline the request
          </Button>
        </Form>
      </details>
    </div>
  );
}

function OutcomeForm({ referral, lastResult }: { referral: ReferralView; lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm({
    id: "referral-outcome",
    lastResult,
    defaultValue: { intent: "outcome", outcome: referral.outcome ?? undefined },
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: ReferralOutcomeSchema }),
  });
  const pending = useIsPending({ fields: { intent: "outcome" } });
  return (
    <Form method="post" {...getFormProps(form)} aria-label="What came of the referral" className="space-y-4 border-t border-slate-200 pt-4">
      <input type="hidden" name="intent" value="outcome" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <ChoiceGroup
        field={fields.outcome}
        type="radio"
        legend={referral.outcome ? "Any news? Choose the same again if nothing changed." : "What happened?"}
        options={optionsFrom(REFERRAL_OUTCOME_LABELS)}
        columns="grid-cols-1 sm:grid-cols-2"
        look="tiles"
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        Save
      </Button>
    </Form>
  );
}

function WithdrawForm({ lastResult, mentorPresent }: { lastResult: SubmissionResult<string[]> | undefined; mentorPresent: boolean }) {
  const pending = useIsPending({ fields: { intent: "withdraw" } });
  const errors = lastResult?.error?.[""] ?? null;
  return (
    <Form method="post" aria-label="Withdraw the request">
      <FormErrors id="withdraw-errors" errors={errors} />
      <Button type="submit" name="intent" value="withdraw" variant="secondary" disabled={pending}>
        Withdraw the request
      </Button>
      <p className="mt-2 text-xs text-slate-500">
        {mentorPresent ? "The mentor is emailed that you withdrew it, and no longer sees it. " : ""}You can then ask another mentor.
      </p>
    </Form>
  );
}
