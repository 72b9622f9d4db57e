import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { CHECK_ON_SUBMIT, ChoiceGroup, Field, FormErrors, optionsFrom } from "~/components/forms";
import { formatDateTime } from "~/components/format";
import { Section } from "~/components/matches/match-page";
import { Button } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import type { MatchStatus } from "~db/schema";
import { BENEFIT_LABELS } from "~/domain/labels";
import { parseForm } from "~/forms/gate";
import type { MentorshipSide } from "~/modules/mentorship/access.server";
import { FOLLOW_UP_LABELS, followUpSentence, RETURN_OFFER_LABELS } from "~/modules/mentorship/outcome-labels";
import { OutcomeActionSchema } from "~/modules/mentorship/outcome-actions";
import { MAX_ORGANIZATION_NAME } from "~/modules/mentorship/outcome-schemas";
import type { OutcomePage } from "~/modules/mentorship/outcomes.server";
import { PromiseRecordList } from "~/components/promises/promise-record";

// The outcome tab of a match (/matches/:matchId/outcome): the student's record of what the
// internship gave them, for all to read, the form for the student once it is completed, and the
// answers to "where are you now?" 3 and 6 months later — for the student (who may change them
// here) and admins only, never the mentors.

const DELIVERED_OPTIONS = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
] as const;

/** For a letter or referral Steppingstone has not seen: one given outside it counts too. */
const OUTSIDE_HINTS: Partial<Record<OutcomePage["promised"][number], string>> = {
  recommendation_letter: "No letter was delivered through Steppingstone. If your mentor sent one another way, answer yes.",
  referral: "No referral was recorded as made on Steppingstone. If your mentor referred you another way, answer yes.",
};

export function Outcome({
  page,
  side,
  status,
  studentFirstName,
  lastReply,
}: {
  page: OutcomePage;
  side: MentorshipSide;
  status: MatchStatus;
  studentFirstName: string;
  /** The action's reply, for the form it names. */
  lastReply: { form: string; result: SubmissionResult<string[]> } | undefined;
}) {
  const { outcome, mayRecord } = page;
  const lastResult = lastReply?.form === "outcome" ? lastReply.result : undefined;
  const failed = Boolean(lastResult?.error && Object.keys(lastResult.error).length);
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="space-y-6">
        <Section title={side === "student" ? "What the internship gave you" : `What the internship gave ${studentFirstName}`}>
          {status === "completed" || outcome ? (
            <div>
              <PromiseRecordList record={page.record} evidence={page.evidence} side={side} studentFirstName={studentFirstName} />
              {outcome ? (
                <>
                  <dl className="divide-y divide-slate-100 border-t border-slate-100 text-sm">
                    <div className="flex items-center justify-between gap-4 py-2">
                      <dt className="text-slate-700">Return offer</dt>
                      <dd className="font-medium text-slate-900">{RETURN_OFFER_LABELS[outcome.returnOffer]}</dd>
                    </div>
                  </dl>
                  <p className="mt-2 text-xs text-slate-500">
                    Recorded by {outcome.recordedByName ?? "the student"}, {formatDateTime(outcome.recordedAt)}
                    {outcome.updatedAt !== outcome.recordedAt ? ` · last changed ${formatDateTime(outcome.updatedAt)}` : ""}
                  </p>
                </>
              ) : (
                <p className="mt-3 text-sm text-slate-600">
                  {side === "student"
                    ? "Not recorded yet. Tell us below what the internship gave you: it takes a minute, and it shows future students which promises are kept."
                    : `${studentFirstName} has not recorded the outcome yet.`}
                </p>
              )}
            </div>
          ) : (
            <p className="text-sm text-slate-600">
              {`Once the internship is completed, ${side === "student" ? "you record" : `${studentFirstName} records`} here what it gave: each thing the slot promised, delivered or not, and whether a return offer came.`}
            </p>
          )}

          {mayRecord ? (
            outcome ? (
              <details open={failed} className="mt-5 border-t border-slate-200 pt-4">
                <summary className="cursor-pointer text-sm font-semibold text-brand-700 hover:underline">Change the outcome</summary>
                <div className="mt-4">
                  <OutcomeForm page={page} lastResult={lastResult} />
                </div>
              </details>
            ) : (
              <div className="mt-5 border-t border-slate-200 pt-5">
                <OutcomeForm page={page} lastResult={lastResult} />
              </div>
            )
          ) : null}
        </Section>
      </div>

      <aside className="space-y-6">
        <Section title="Where next?">
          <WhereNext page={page} side={side} studentFirstName={studentFirstName} lastReply={lastReply} />
        </Section>
      </aside>
    </div>
  );
}

function WhereNext({
  page,
  side,
  studentFirstName,
  lastReply,
}: {
  page: OutcomePage;
  side: MentorshipSide;
  studentFirstName: string;
  lastReply: { form: string; result: SubmissionResult<string[]> } | undefined;
}) {
  const { followUps, mayAnswerFollowUps } = page;
  if (!followUps) {
    return (
      <p className="text-sm text-slate-600">
        3 and 6 months after completion, we ask {studentFirstName} where they are now. The answers are private: only {studentFirstName} and the Steppingstone
        admins see them.
      </p>
    );
  }
  return (
    <div className="space-y-4">
      {followUps.some((f) => f.answer) ? (
        <ul className="space-y-2 text-sm text-slate-800">
          {followUps.map((f) =>
            f.answer ? (
              <li key={f.months}>{followUpSentence(f.months, f.answer, f.organizationName)}</li>
            ) : (
              <li key={f.months} className="text-slate-500">
                At {f.months} months: asked, no answer yet
              </li>
            ),
          )}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">
          3 and 6 months after completion, we email {side === "student" ? "you" : studentFirstName} one question — where are you now? — answered with one click.
          The answers show here.
          {followUps.length ? ` Asked at ${followUps.map((f) => `${f.months} months`).join(" and ")}; no answer yet.` : ""}
        </p>
      )}
      {side === "student" ? (
        <p className="text-xs text-slate-500">Only you and the Steppingstone admins see this answer.</p>
      ) : (
        <p className="text-xs text-slate-500">Only {studentFirstName} and the Steppingstone admins see these answers; the mentors do not.</p>
      )}
      {mayAnswerFollowUps
        ? followUps.map((f) => {
            const form = `follow-up-${f.months}`;
            const lastResult = lastReply?.form === form ? lastReply.result : undefined;
            return (
              <details key={f.months} open={Boolean(lastResult)} className="border-t border-slate-200 pt-3">
                <summary className="cursor-pointer text-sm font-semibold text-brand-700 hover:underline">
                  {f.answer ? `Change your answer at ${f.months} months` : `Answer for ${f.months} months`}
                </summary>
                <div className="mt-3">
                  <FollowUpForm followUp={f} lastResult={lastResult} />
                </div>
              </details>
            );
          })
        : null}
    </div>
  );
}

function FollowUpForm({
  followUp,
  lastResult,
}: {
  followUp: NonNullable<OutcomePage["followUps"]>[number];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm({
    id: `follow-up-${followUp.months}`,
    lastResult,
    defaultValue: {
      intent: "follow_up",
      months: String(followUp.months),
      answer: followUp.answer ?? undefined,
      organizationName: followUp.organizationName ?? "",
    },
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: OutcomeActionSchema }),
  });
  const pending = useIsPending({
    fields: { intent: "follow_up", months: String(followUp.months) },
  });
  return (
    <Form method="post" {...getFormProps(form)} aria-label={`Your answer at ${followUp.months} months`} className="space-y-4">
      <input type="hidden" name="intent" value="follow_up" />
      <input type="hidden" name="months" value={followUp.months} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <ChoiceGroup field={fields.answer} type="radio" legend="Where are you now?" options={optionsFrom(FOLLOW_UP_LABELS)} columns="grid-cols-1" />
      <Field
        field={fields.organizationName}
        label="At which organization? (optional)"
        hint="Not asked for “Still searching”."
        maxLength={MAX_ORGANIZATION_NAME}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        Save my answer
      </Button>
    </Form>
  );
}

function OutcomeForm({ page, lastResult }: { page: OutcomePage; lastResult: SubmissionResult<string[]> | undefined }) {
  const { outcome, promised, asked } = page;
  const [form, fields] = useForm({
    id: "outcome",
    lastResult,
    defaultValue: outcome
      ? {
          delivered: Object.fromEntries(
            asked.map((offer) => [offer, outcome.delivered[offer] === undefined ? undefined : outcome.delivered[offer] ? "yes" : "no"]),
          ),
          returnOffer: outcome.returnOffer,
        }
      : undefined,
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: OutcomeActionSchema }),
  });
  const delivered = fields.delivered.getFieldset();
  const pending = useIsPending({ fields: { intent: "outcome" } });
  return (
    <Form method="post" {...getFormProps(form)} aria-label="The internship's outcome" className="space-y-5">
      <input type="hidden" name="intent" value="outcome" />
      <FormErrors id={form.errorId} errors={form.errors} />
      {asked.length ? (
        <div className="space-y-4">
          <p className="text-sm text-slate-600">
            {asked.length < promised.length ? "Did you get each of these? The rest of what the slot promised is shown above." : "The slot promised these. Did you get each one?"}
          </p>
          {asked.map((offer) => (
            <ChoiceGroup
              key={offer}
              field={delivered[offer]}
              type="radio"
              legend={BENEFIT_LABELS[offer]}
              hint={OUTSIDE_HINTS[offer]}
              options={DELIVERED_OPTIONS}
              columns="grid-cols-2 sm:w-64"
              look="tiles"
            />
          ))}
        </div>
      ) : (
        <p className="text-sm text-slate-600">
          {promised.length
            ? "Everything the slot promised is already shown above from what happened on Steppingstone, so only the return offer is asked."
            : "The slot promised no letter, referral, project or credit, so only the return offer is asked."}
        </p>
      )}
      <ChoiceGroup
        field={fields.returnOffer}
        type="radio"
        legend="Did you get a return offer?"
        options={optionsFrom(RETURN_OFFER_LABELS)}
        columns="grid-cols-1 sm:grid-cols-3"
        look="tiles"
      />
      <Button type="submit" disabled={pending}>
        {outcome ? "Save changes" : "Record the outcome"}
      </Button>
    </Form>
  );
}
