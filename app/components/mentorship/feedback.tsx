import { FORMER_MENTOR } from "~/domain/names";
import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { CheckboxField, CHECK_ON_SUBMIT, ChoiceGroup, Field, FormErrors, optionsFrom, TextareaField } from "~/components/forms";
import { formatDateTime } from "~/components/format";
import { Button, Card } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { parseForm } from "~/forms/gate";
import type { FeedbackAnswerView, FeedbackPage, FeedbackRoundView, FeedbackSide } from "~/modules/mentorship/feedback.server";
import {
  answerWords,
  FEEDBACK_ROUND_LABELS,
  FEEDBACK_ROUND_WORDS,
  FREQUENCY_LABELS,
  MENTOR_QUESTION_WORDS,
  ON_TRACK_LABELS,
  PROGRESS_LABELS,
  REPLY_SPEED_LABELS,
  STUDENT_QUESTION_WORDS,
} from "~/modules/mentorship/feedback-labels";
import { MAX_FEEDBACK_COMMENT, MentorFeedbackSchema, StudentFeedbackSchema } from "~/modules/mentorship/feedback-schemas";
import type { MentorshipSide } from "~/modules/mentorship/access.server";
import { formatDay } from "~/modules/slots/format";

// The feedback tab of a match (/matches/:matchId/feedback): both rounds with their dates, the
// reader's own form while a round is open, and what they may read of the other side.

// why: a number field is typed as text in the form; Field only draws it.
const asText = (field: FieldMetadata<unknown>) => field as unknown as FieldMetadata<string | undefined>;

export type FeedbackFormResult = { round: string; result: SubmissionResult<string[]> };

export type FeedbackNames = {
  /** The student's first name. */
  student: string;
  /** The slot's one mentor's name; null when it has several. */
  mentor: string | null;
};

const STATE_BADGES = {
  upcoming: { label: "Not open yet", className: "bg-slate-100 text-slate-700 ring-slate-200" },
  open: { label: "Open", className: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  closed: { label: "Closed", className: "bg-slate-100 text-slate-600 ring-slate-200" },
} as const;

export function FeedbackRounds({
  page,
  side,
  names,
  actionData,
}: {
  page: FeedbackPage;
  side: MentorshipSide;
  names: FeedbackNames;
  actionData: FeedbackFormResult | undefined;
}) {
  return (
    <div className="space-y-6">
      <p className="max-w-3xl text-sm text-slate-600">
        {side === "student"
          ? `Twice during the internship — at the midpoint and at the end — you answer a few questions about how the mentoring is going. Your answers stay between you and the Steppingstone team unless you choose to share them with ${names.mentor ?? "your mentors"}.`
          : side === "mentor"
            ? `Twice during the internship — at the midpoint and at the end — one of the mentors answers a few questions about how it is going. ${names.student} answers about the mentoring. Each side chooses whether the other reads its answers.`
            : "Both sides' answers, shared or not. Each side reads the other's only when it chose to share them."}
      </p>
      {page.rounds.map((round) => (
        <RoundCard key={round.round} round={round} page={page} side={side} names={names} lastResult={actionData?.round === round.round ? actionData.result : undefined} />
      ))}
    </div>
  );
}

function RoundCard({
  round,
  page,
  side,
  names,
  lastResult,
}: {
  round: FeedbackRoundView;
  page: FeedbackPage;
  side: MentorshipSide;
  names: FeedbackNames;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const badge = STATE_BADGES[round.state];
  const mine = page.mySide ? round.answers.find((a) => a.side === page.mySide) : undefined;
  const other: FeedbackSide | null = page.mySide === "student" ? "mentor" : page.mySide === "mentor" ? "student" : null;
  const theirs = other ? round.answers.find((a) => a.side === other) : undefined;
  const headingId = `round-${round.round}`;
  return (
    <Card className="!p-6">
      <section aria-labelledby={headingId}>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id={headingId} className="text-lg font-semibold text-slate-900">
            {FEEDBACK_ROUND_LABELS[round.round]}
          </h2>
          <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ${badge.className}`}>{badge.label}</span>
        </div>
        <p className="mt-1 text-sm text-slate-600">
          {round.state === "upcoming"
            ? `Opens on ${formatDay(round.opens)}; answers are taken until ${formatDay(round.lastDay)}. We email you when it opens.`
            : round.state === "open"
              ? `Open since ${formatDay(round.opens)}; answers are taken until ${formatDay(round.lastDay)}.`
              : `Was open from ${formatDay(round.opens)} to ${formatDay(round.lastDay)}. Its answers can no longer be changed.`}
        </p>

        {side === "admin" ? (
          <div className="mt-5 grid gap-5 lg:grid-cols-2">
            {(["student", "mentor"] as const).map((s) => {
              const answer = round.answers.find((a) => a.side === s);
              return (
                <div key={s}>
                  <h3 className="text-sm font-semibold text-slate-900">{s === "student" ? `${names.student}'s answers` : "The mentors' answers"}</h3>
                  {answer ? <AnswerView answer={answer} sharedWith={s === "student" ? "the mentors" : names.student} /> : <Empty>Not answered{round.state === "closed" ? "." : " yet."}</Empty>}
                </div>
              );
            })}
          </div>
        ) : page.mySide ? (
          <div className="mt-5 space-y-6">
            {round.state === "open" && page.mayAnswer ? (
              <div>
                {mine ? <AnsweredLine answer={mine} side={page.mySide} names={names} /> : null}
                <FeedbackForm round={round} side={page.mySide} mine={mine} names={names} lastResult={lastResult} />
              </div>
            ) : round.state !== "upcoming" ? (
              <div>
                <h3 className="text-sm font-semibold text-slate-900">{page.mySide === "student" ? "Your answers" : "The mentors' answers"}</h3>
                {mine ? (
                  <AnswerView answer={mine} sharedWith={page.mySide === "student" ? (names.mentor ?? "your mentors") : names.student} />
                ) : (
                  <Empty>
                    {round.state === "open"
                      ? "Feedback is answered while the internship is under way or after it is completed."
                      : page.mySide === "student"
                        ? "You did not answer this round."
                        : "No mentor answered this round."}
                  </Empty>
                )}
              </div>
            ) : null}
            {round.state !== "upcoming" ? (
              <div className="border-t border-slate-200 pt-5">
                <h3 className="text-sm font-semibold text-slate-900">{other === "mentor" ? "Your mentors' answers" : `${names.student}'s answers`}</h3>
                {theirs ? (
                  <AnswerView answer={theirs} sharedWith={null} />
                ) : (
                  <Empty>
                    {other === "mentor"
                      ? "The mentors' answers show here if they choose to share them with you."
                      : `${names.student}'s answers show here if they choose to share them with the mentors.`}
                  </Empty>
                )}
              </div>
            ) : null}
          </div>
        ) : null}
      </section>
    </Card>
  );
}

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="mt-2 text-sm text-slate-500">{children}</p>;
}

/** Who answered and when: the student, or which mentor ("A former mentor" once their account is gone). */
function byline(answer: FeedbackAnswerView) {
  const who = answer.side === "mentor" ? (answer.authorName ?? FORMER_MENTOR) : (answer.authorName ?? "The student");
  return `${who}, ${formatDateTime(answer.submittedAt)}`;
}

function AnsweredLine({ answer, side, names }: { answer: FeedbackAnswerView; side: FeedbackSide; names: FeedbackNames }) {
  const other = side === "student" ? (names.mentor ?? "your mentors") : names.student;
  return (
    <p className="mb-4 rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900 ring-1 ring-emerald-200">
      {side === "student" ? "You answered this round" : `Answered for the mentors by ${answer.authorName ?? FORMER_MENTOR.toLowerCase()}`} ({formatDateTime(answer.submittedAt)}).
      {" "}
      {answer.shared ? `Shared with ${other}.` : `Not shared with ${other}.`} You can change the answers while the round is open.
    </p>
  );
}

/** One side's answers, read-only. `sharedWith` names whom the reader's own answers are shared with (null for the other side's). */
function AnswerView({ answer, sharedWith }: { answer: FeedbackAnswerView; sharedWith: string | null }) {
  const questions = answer.side === "student" ? Object.values(STUDENT_QUESTION_WORDS) : Object.values(MENTOR_QUESTION_WORDS);
  return (
    <div className="mt-2">
      <dl className="divide-y divide-slate-100 text-sm">
        {questions.map((q) => (
          <div key={q.key} className="grid gap-1 py-2 sm:grid-cols-[minmax(0,1fr)_12rem]">
            <dt className="text-slate-600">{q.question}</dt>
            <dd className="font-medium text-slate-900">{answerWords(q.labels, answer.answers[q.key as keyof typeof answer.answers])}</dd>
          </div>
        ))}
      </dl>
      {answer.comment ? <p className="mt-3 whitespace-pre-line rounded-lg bg-slate-50 p-3 text-sm text-slate-800 ring-1 ring-slate-200">{answer.comment}</p> : null}
      <p className="mt-2 text-xs text-slate-500">
        {byline(answer)}
        {sharedWith !== null ? ` · ${answer.shared ? `Shared with ${sharedWith}` : "Not shared"}` : ""}
      </p>
    </div>
  );
}

function FeedbackForm({
  round,
  side,
  mine,
  names,
  lastResult,
}: {
  round: FeedbackRoundView;
  side: FeedbackSide;
  mine: FeedbackAnswerView | undefined;
  names: FeedbackNames;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  return side === "student" ? (
    <StudentForm round={round} mine={mine} names={names} lastResult={lastResult} />
  ) : (
    <MentorForm round={round} mine={mine} names={names} lastResult={lastResult} />
  );
}

type FormProps = { round: FeedbackRoundView; mine: FeedbackAnswerView | undefined; names: FeedbackNames; lastResult: SubmissionResult<string[]> | undefined };

function defaults(mine: FeedbackAnswerView | undefined) {
  if (!mine) return undefined;
  return { ...mine.answers, comment: mine.comment ?? "", share: mine.shared };
}

function StudentForm({ round, mine, names, lastResult }: FormProps) {
  const [form, fields] = useForm({
    id: `feedback-${round.round}`,
    lastResult,
    defaultValue: { round: round.round, ...defaults(mine) },
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: StudentFeedbackSchema }),
  });
  const pending = useIsPending({ fields: { round: round.round } });
  const q = STUDENT_QUESTION_WORDS;
  return (
    <Form method="post" {...getFormProps(form)} aria-label={`Your ${FEEDBACK_ROUND_WORDS[round.round]} feedback`} className="space-y-5">
      <input type="hidden" name="round" value={round.round} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <ChoiceGroup field={fields.answersQuestions} type="radio" legend={q.answersQuestions.question} options={optionsFrom(FREQUENCY_LABELS)} columns="grid-cols-2 sm:grid-cols-4" look="tiles" />
      <ChoiceGroup field={fields.helpsWhenStuck} type="radio" legend={q.helpsWhenStuck.question} options={optionsFrom(FREQUENCY_LABELS)} columns="grid-cols-2 sm:grid-cols-4" look="tiles" />
      <ChoiceGroup field={fields.meetsAsAgreed} type="radio" legend={q.meetsAsAgreed.question} options={optionsFrom(FREQUENCY_LABELS)} columns="grid-cols-2 sm:grid-cols-4" look="tiles" />
      <div className="max-w-xs">
        <Field field={asText(fields.supportHours)} type="number" label={q.supportHours.question} hint="Calls, reviews and answers together, in hours (0 to 40)." step="0.5" min="0" max="40" inputMode="decimal" />
      </div>
      <ChoiceGroup field={fields.replySpeed} type="radio" legend={q.replySpeed.question} options={optionsFrom(REPLY_SPEED_LABELS)} columns="grid-cols-1 sm:grid-cols-2" look="tiles" />
      <TextareaField field={fields.comment} label="Anything else? (optional)" hint="What works, what does not, what would help." rows={4} maxLength={MAX_FEEDBACK_COMMENT} />
      <CheckboxField
        field={fields.share}
        label={`Share my answers with ${names.mentor ?? "my mentors"}`}
        description="Unticked, only you and the Steppingstone team read them. You can change this while the round is open."
      />
      <Button type="submit" disabled={pending}>
        {mine ? "Save changes" : "Send my feedback"}
      </Button>
    </Form>
  );
}

function MentorForm({ round, mine, names, lastResult }: FormProps) {
  const [form, fields] = useForm({
    id: `feedback-${round.round}`,
    lastResult,
    defaultValue: { round: round.round, ...defaults(mine) },
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: MentorFeedbackSchema }),
  });
  const pending = useIsPending({ fields: { round: round.round } });
  const q = MENTOR_QUESTION_WORDS;
  return (
    <Form method="post" {...getFormProps(form)} aria-label={`The mentors' ${FEEDBACK_ROUND_WORDS[round.round]} feedback`} className="space-y-5">
      <input type="hidden" name="round" value={round.round} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <p className="text-sm text-slate-600">One answer for all of the slot&apos;s mentors: whoever answers, the others see it and can change it.</p>
      <ChoiceGroup field={fields.progress} type="radio" legend={q.progress.question} options={optionsFrom(PROGRESS_LABELS)} columns="grid-cols-2 sm:grid-cols-4" look="tiles" />
      <ChoiceGroup field={fields.communication} type="radio" legend={q.communication.question} options={optionsFrom(FREQUENCY_LABELS)} columns="grid-cols-2 sm:grid-cols-4" look="tiles" />
      <ChoiceGroup field={fields.onTrack} type="radio" legend={q.onTrack.question} options={optionsFrom(ON_TRACK_LABELS)} columns="grid-cols-3" look="tiles" />
      <TextareaField field={fields.comment} label="Anything else? (optional)" hint="What is going well, what worries you, what would help." rows={4} maxLength={MAX_FEEDBACK_COMMENT} />
      <CheckboxField
        field={fields.share}
        label={`Share these answers with ${names.student}`}
        description="Unticked, only the slot's mentors and the Steppingstone team read them. You can change this while the round is open."
      />
      <Button type="submit" disabled={pending}>
        {mine ? "Save changes" : "Send the feedback"}
      </Button>
    </Form>
  );
}
