import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { CHECK_ON_SUBMIT, Field, FormErrors, SelectField, TextareaField } from "~/components/forms";
import { Section } from "~/components/matches/match-page";
import { Alert, Button } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { parseForm } from "~/forms/gate";
import { formatDueDay, hoursPhrase } from "~/modules/mentorship/check-in-labels";
import { MAX_HOURS_WORKED, MAX_MENTOR_HOURS, ReplyToCheckInSchema, WriteCheckInSchema } from "~/modules/mentorship/check-in-schemas";
import type { CheckInsPage, CheckInView, CheckInWeekView } from "~/modules/mentorship/check-ins.server";
import type { MentorshipSide } from "~/modules/mentorship/access.server";
import { formatDay } from "~/modules/slots/format";
import { HoursCharts } from "./hours-chart";

// The check-ins page's body (/matches/:matchId/check-ins): the student's form for a week, the
// hours, and every week newest first with its check-in and the mentors' reply (or their form).
// Each form is a plain POST with an intent and works without JavaScript.

export type FormResult = { formId: string; result: SubmissionResult<string[]> } | undefined;

const asText = (field: FieldMetadata<unknown>) => field as unknown as FieldMetadata<string | undefined>;

/** The form ids the page uses; the action echoes one back so only that form shows its errors. */
export const NEW_CHECK_IN_FORM = "check-in";
export const editCheckInForm = (week: number) => `check-in-week-${week}`;
export const replyForm = (checkInId: string) => `reply-${checkInId}`;

/**
 * An hours field: text with the decimal keypad, not type="number", which drops a decimal comma in
 * some browsers ("12,5" became 125); the schema reads "12,5" as 12.5.
 */
const HOURS_INPUT = {
  type: "text",
  inputMode: "decimal",
  autoComplete: "off",
} as const;

const resultFor = (actionData: FormResult, formId: string) => (actionData?.formId === formId ? actionData.result : undefined);

export function CheckIns({ page, side, actionData }: { page: CheckInsPage; side: MentorshipSide; actionData: FormResult }) {
  const dueOf = new Map(page.weeks.map((w) => [w.week, w.due]));
  if (page.notYet) {
    return (
      <Section title="Check-ins & hours">
        <p className="text-slate-700">
          {page.notYet === "before_start"
            ? `Check-ins start on ${formatDay(page.startDate)}, week 1.`
            : `Check-ins start once the internship is under way: the mentors mark it started on the first day (${formatDay(page.startDate)}).`}
        </p>
        <p className="mt-2 text-sm text-slate-600">
          Each week {side === "student" ? "you write" : "the student writes"} what was done, what is next, any blockers and the hours; a mentor replies with the time they
          gave. The hours build up here, week by week, against what the slot promised.
        </p>
      </Section>
    );
  }
  // What waits for the reader comes first: the mentors' check-ins to answer, the student's week to write.
  const waiting = page.mayReply ? page.weeks.filter((w) => w.checkIn && !w.checkIn.reply) : [];
  const waitingWeeks = new Set(waiting.map((w) => w.week));
  const missedWeeks = page.newWeeks.filter((week) => week !== page.currentWeek);
  return (
    <div className="space-y-6">
      {waiting.length ? (
        <section aria-labelledby="waiting-heading" className="space-y-4">
          <div>
            <h2 id="waiting-heading" className="text-lg font-semibold text-slate-900">
              {waiting.length === 1 ? "1 check-in waits for your reply" : `${waiting.length} check-ins wait for your reply`}
            </h2>
            <p className="mt-1 text-sm text-slate-600">Read what the student wrote, reply, and say how much mentor time you gave that week.</p>
          </div>
          <ol className="space-y-4">
            {waiting.map((w) => (
              <li key={w.week} id={weekAnchor(w.week)}>
                <WeekCard w={w} page={page} side={side} actionData={actionData} />
              </li>
            ))}
          </ol>
        </section>
      ) : page.mayReply && page.hours.written ? (
        <Alert tone="success" title="Every check-in has its reply">
          You will be emailed when the student writes the next one.
        </Alert>
      ) : null}

      {page.mayWrite ? (
        page.newWeeks.length ? (
          <Section title={page.newWeeks.includes(page.currentWeek) ? "This week's check-in" : "Write a missed check-in"}>
            {missedWeeks.length ? (
              <p className="mb-4 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-950 ring-1 ring-amber-200">
                No check-in yet for {missedWeeks.length === 1 ? "week" : "weeks"} {listOf(missedWeeks.slice().sort((a, b) => a - b))}. Choose a week under Week to write
                it; a missed week is marked late.
              </p>
            ) : null}
            <CheckInForm
              // why: a new mount once a week is written, so the form starts empty on the next one instead of keeping the text just sent.
              key={page.newWeeks.join(",")}
              id={NEW_CHECK_IN_FORM}
              weeks={page.newWeeks.map((week) => ({
                week,
                due: dueOf.get(week)!,
                current: week === page.currentWeek,
              }))}
              lastResult={resultFor(actionData, NEW_CHECK_IN_FORM)}
              submitLabel="Send the check-in"
            />
          </Section>
        ) : (
          <Alert tone="success" title="You are up to date">
            Every week so far has its check-in.
            {page.currentWeek < page.durationWeeks ? ` Week ${page.currentWeek + 1}'s opens on ${formatDueDay(addDaysTo(dueOf.get(page.currentWeek)!, 1))}.` : ""}
          </Alert>
        )
      ) : null}

      <Section title="Hours">
        <HoursCharts hours={page.hours} />
      </Section>

      <section aria-labelledby="weeks-heading" className="space-y-4">
        <h2 id="weeks-heading" className="text-lg font-semibold text-slate-900">
          Week by week
        </h2>
        <ol className="space-y-4">
          {page.weeks.map((w) => (
            <li key={w.week}>
              {waitingWeeks.has(w.week) ? (
                <div className="rounded-xl border border-dashed border-amber-300 bg-amber-50 px-5 py-4 text-sm text-amber-950">
                  <span className="font-semibold">Week {w.week}</span> waits for your reply:{" "}
                  <a href={`#${weekAnchor(w.week)}`} className="font-semibold text-brand-700 underline">
                    read and reply at the top
                  </a>
                  .
                </div>
              ) : (
                <WeekCard w={w} page={page} side={side} actionData={actionData} />
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

const weekAnchor = (week: number) => `waiting-week-${week}`;

/** "2, 3 and 4". */
function listOf(numbers: number[]) {
  const words = numbers.map(String);
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

function addDaysTo(day: string, days: number) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function WeekCard({ w, page, side, actionData }: { w: CheckInWeekView; page: CheckInsPage; side: MentorshipSide; actionData: FormResult }) {
  const c = w.checkIn;
  const heading = (
    <div className="flex flex-wrap items-baseline justify-between gap-2">
      <h3 className="text-base font-semibold text-slate-900">
        Week {w.week}
        <span className="ml-2 text-sm font-normal text-slate-500">
          {formatDueDay(w.first)} – {formatDueDay(w.due)}
        </span>
      </h3>
      {c?.late ? <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-200">late</span> : null}
    </div>
  );
  if (!c) {
    return (
      <div className="rounded-xl border border-dashed border-slate-300 bg-slate-50 px-5 py-4">
        <p className={w.missed ? "text-sm font-medium text-slate-700" : "text-sm text-slate-600"}>
          {w.missed ? `No check-in for week ${w.week} (due ${formatDueDay(w.due)})` : `Week ${w.week}'s check-in is due ${formatDueDay(w.due)}.`}
        </p>
        {w.missed && page.mayWrite ? <p className="mt-1 text-sm text-slate-600">It can still be written above; it will be marked late.</p> : null}
      </div>
    );
  }
  const editable = page.editableWeeks.includes(w.week);
  return (
    <article className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200" aria-label={`Week ${w.week}`}>
      {heading}
      <CheckInBody c={c} />
      {editable ? (
        <Fold summary="Change this check-in" open={actionData?.formId === editCheckInForm(w.week)}>
          <CheckInForm
            key={c.updatedAt}
            id={editCheckInForm(w.week)}
            weeks={[
              {
                week: w.week,
                due: w.due,
                current: w.week === page.currentWeek,
              },
            ]}
            fixedWeek
            defaultValue={{
              done: c.done,
              next: c.next,
              blockers: c.blockers ?? "",
              hoursWorked: String(c.hoursWorked),
              mentorHoursReceived: String(c.mentorHoursReceived),
            }}
            lastResult={resultFor(actionData, editCheckInForm(w.week))}
            submitLabel="Save the changes"
          />
        </Fold>
      ) : null}
      <div className="mt-4 border-t border-slate-100 pt-4">
        {c.reply ? (
          <div className="rounded-lg bg-brand-50 px-4 py-3 ring-1 ring-brand-100">
            <p className="text-sm font-semibold text-slate-900">Reply from {c.reply.by}</p>
            <p className="mt-1 whitespace-pre-line text-sm text-slate-800">{c.reply.text}</p>
            {c.reply.mentorHoursGiven !== null ? (
              <p className="mt-2 text-xs text-slate-600">Mentor time given this week: {hoursPhrase(c.reply.mentorHoursGiven)}</p>
            ) : null}
          </div>
        ) : page.mayReply ? null : (
          <p className="text-sm text-slate-500">{side === "student" ? "Waiting for a mentor's reply." : "No reply yet."}</p>
        )}
        {page.mayReply ? (
          c.reply ? (
            <Fold summary="Change the reply" open={actionData?.formId === replyForm(c.id)}>
              <ReplyForm
                key={`${c.reply.by}:${c.reply.text}:${c.reply.mentorHoursGiven}`}
                week={w.week}
                checkIn={c}
                lastResult={resultFor(actionData, replyForm(c.id))}
              />
            </Fold>
          ) : (
            <ReplyForm week={w.week} checkIn={c} lastResult={resultFor(actionData, replyForm(c.id))} />
          )
        ) : null}
      </div>
    </article>
  );
}

function CheckInBody({ c }: { c: CheckInView }) {
  return (
    <dl className="mt-3 grid grid-cols-1 gap-3 text-sm sm:grid-cols-[8rem_1fr]">
      <Row term="Done">{c.done}</Row>
      <Row term="Next">{c.next}</Row>
      {c.blockers ? <Row term="Blockers">{c.blockers}</Row> : null}
      <Row term="Hours">
        {hoursPhrase(c.hoursWorked)} worked · {hoursPhrase(c.mentorHoursReceived)} of mentor time received
      </Row>
    </dl>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-600">{term}</dt>
      <dd className="whitespace-pre-line text-slate-900">{children}</dd>
    </>
  );
}

/** A form folded under a summary: it opens without JavaScript, and opens itself after a refused submission. */
function Fold({ summary, open, children }: { summary: string; open: boolean; children: ReactNode }) {
  return (
    <details open={open} className="mt-3">
      <summary className="cursor-pointer text-sm font-semibold text-brand-700 hover:underline">{summary}</summary>
      <div className="mt-3">{children}</div>
    </details>
  );
}

function CheckInForm({
  id,
  weeks,
  fixedWeek = false,
  defaultValue,
  lastResult,
  submitLabel,
}: {
  id: string;
  weeks: { week: number; due: string; current: boolean }[];
  fixedWeek?: boolean;
  defaultValue?: Record<string, string>;
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
}) {
  const initialWeek = String((weeks.find((w) => w.current) ?? weeks[0])!.week);
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: { week: initialWeek, ...defaultValue },
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: WriteCheckInSchema }),
  });
  const pending = useIsPending({ fields: { intent: "write", formId: id } });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4" aria-label={fixedWeek ? `Change the check-in for week ${initialWeek}` : "Write a check-in"}>
      <input type="hidden" name="formId" value={id} />
      <FormErrors id={form.errorId} errors={form.errors} />
      {fixedWeek ? (
        <input type="hidden" name="week" value={initialWeek} />
      ) : (
        <SelectField
          field={fields.week}
          label="Week"
          hint="A week you missed can still be written; it is marked late."
          options={weeks.map((w) => ({
            value: String(w.week),
            label: w.current ? `Week ${w.week} — this week, due ${formatDueDay(w.due)}` : `Week ${w.week} — was due ${formatDueDay(w.due)} (late)`,
          }))}
        />
      )}
      <TextareaField field={fields.done} label="What you did" rows={3} />
      <TextareaField field={fields.next} label="What is next" rows={2} />
      <TextareaField field={fields.blockers} label="Blockers (optional)" hint="Anything in your way your mentors could help with." rows={2} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field
          field={asText(fields.hoursWorked)}
          label="Hours worked"
          {...HOURS_INPUT}
          hint={`This week, to one decimal (like 7.5 or 7,5), at most ${MAX_HOURS_WORKED}.`}
        />
        <Field field={asText(fields.mentorHoursReceived)} label="Mentor time received (hours)" {...HOURS_INPUT} hint="Meetings, reviews and pairing this week." />
      </div>
      <Button type="submit" name="intent" value="write" disabled={pending}>
        {submitLabel}
      </Button>
    </Form>
  );
}

function ReplyForm({ week, checkIn, lastResult }: { week: number; checkIn: CheckInView; lastResult: SubmissionResult<string[]> | undefined }) {
  const id = replyForm(checkIn.id);
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: checkIn.reply
      ? {
          reply: checkIn.reply.text,
          mentorHoursGiven: checkIn.reply.mentorHoursGiven === null ? "" : String(checkIn.reply.mentorHoursGiven),
        }
      : undefined,
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: ReplyToCheckInSchema }),
  });
  const pending = useIsPending({ fields: { intent: "reply", formId: id } });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3" aria-label={`Reply to week ${week}`}>
      <input type="hidden" name="formId" value={id} />
      <input type="hidden" name="checkInId" value={checkIn.id} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextareaField field={fields.reply} label="Your reply" rows={3} hint="The student reads it, and is emailed." />
      <div className="max-w-xs">
        <Field
          field={asText(fields.mentorHoursGiven)}
          label="Mentor time you gave this week (hours)"
          {...HOURS_INPUT}
          hint={`Yours and the other mentors', like 1.5 or 1,5; at most ${MAX_MENTOR_HOURS}.`}
        />
      </div>
      <Button type="submit" name="intent" value="reply" disabled={pending}>
        {checkIn.reply ? "Save the reply" : "Send the reply"}
      </Button>
    </Form>
  );
}
