import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { Form, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { CHECK_ON_SUBMIT, ErrorList, Field, FormErrors, oneChoiceSelectProps, SelectField } from "~/components/forms";
import { MentorshipHeader } from "~/components/mentorship/mentorship-header";
import { Alert, Button } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { firstName } from "~/domain/names";
import { GOAL_STATES } from "~/domain/vocabulary";
import { parseForm } from "~/forms/gate";
import type { MentorshipSide } from "~/modules/mentorship/access.server";
import { describeProgress, goalBadge, goalSourceLabel, GOAL_STATE_LABELS, goalWeekLine } from "~/modules/mentorship/plan-labels";
import { MAX_EVIDENCE_LABEL, planActionSchema } from "~/modules/mentorship/plan-schemas";
import type { PlanGoal, PlanView } from "~/modules/mentorship/plan.server";
import type { MentorshipHeaderData } from "~/modules/mentorship/route.server";
import { weekOf } from "~/modules/mentorship/weeks";
import { formatDay } from "~/modules/slots/format";

// The plan tab of a match: goals by target week, their states and evidence, and the forms that
// change them. Every form posts to the route with an `intent` and works without JavaScript.

type LastResult = SubmissionResult<string[]>;
export type PlanLastAction = { form: string; result: LastResult } | undefined;
/** What the loader sends, after serialization (dates may arrive as strings). */
type Plan = Omit<PlanView, "goals"> & { goals: (Omit<PlanGoal, "confirmed"> & { confirmed: { by: string; at: Date | string } | null })[] };

const str = (value: unknown) => (typeof value === "string" ? value : "");

/** Which form on the page a submission came from, read off its fields: its reply goes back to that form only. */
export function planFormId(payload: Record<string, unknown>): string {
  const intent = str(payload.intent);
  switch (intent) {
    case "draft":
      return "draft";
    case "add_goal":
      return "add-goal";
    case "edit_goal":
      return `edit-${str(payload.goalId)}`;
    case "set_state":
      return `state-${str(payload.goalId)}`;
    case "confirm_done":
      return `confirm-${str(payload.goalId)}`;
    case "add_evidence":
      return `evidence-${str(payload.goalId)}`;
    case "remove_evidence":
      return `remove-${str(payload.evidenceId)}`;
    default:
      return "unknown";
  }
}

/** Every form id this page draws, to tell a reply for one of them from one for none (an old or altered page). */
function formIdsOf(plan: Plan): Set<string> {
  const ids = new Set(["draft", "add-goal"]);
  for (const goal of plan.goals) {
    for (const prefix of ["edit", "confirm", "evidence"]) ids.add(`${prefix}-${goal.id}`);
    // A goal a mentor confirmed has no state form for the student: a refusal for it shows at the top.
    if (goal.mayChangeState) ids.add(`state-${goal.id}`);
    for (const link of goal.evidence) ids.add(`remove-${link.id}`);
  }
  return ids;
}

export function PlanPage({
  header,
  side,
  plan,
  notice,
  lastAction,
}: {
  header: MentorshipHeaderData;
  side: MentorshipSide;
  plan: Plan;
  notice: string | null;
  lastAction: PlanLastAction;
}) {
  const resultFor = (form: string) => (lastAction?.form === form ? lastAction.result : undefined);
  const orphan = lastAction && !formIdsOf(plan).has(lastAction.form) ? Object.values(lastAction.result.error ?? {}).flat().filter(Boolean) : [];
  const currentWeek = weekOf(plan.dates, plan.today);
  // why: every form keeps what was typed and its errors until it is drawn anew. Each answer to a
  // submission is a new location (a redirect after a success, the page again after a refusal), so
  // keying the forms by it clears a form after its own success and leaves errors only on the form
  // just sent, as a page loaded without JavaScript does.
  const { key: answer } = useLocation();

  return (
    <div>
      <MentorshipHeader header={header} />
      <div key={answer} className="space-y-6">
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {orphan.length ? (
          <Alert tone="error" title="Nothing was changed">
            {orphan.map((m) => (
              <p key={m}>{m}</p>
            ))}
          </Alert>
        ) : null}

        <section aria-labelledby="plan-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <div className="flex flex-col gap-2 sm:flex-row sm:items-baseline sm:justify-between">
            <h2 id="plan-heading" className="text-lg font-semibold text-slate-900">
              The plan
            </h2>
            {currentWeek > 0 ? (
              <p className="text-sm text-slate-600">
                This is week {currentWeek} of {plan.dates.durationWeeks}
              </p>
            ) : (
              <p className="text-sm text-slate-600">
                Week 1 starts {formatDay(plan.dates.startDate)} · {plan.dates.durationWeeks} weeks
              </p>
            )}
          </div>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            What the internship is for, week by week. The student and the mentors both keep it up to date; a mentor confirms each goal done, and links to the work
            show it.
          </p>
          {plan.goals.length ? <Progress progress={plan.progress} /> : null}
          {plan.readOnlyBecause ? (
            <p className="mt-4 rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-700 ring-1 ring-slate-200">{plan.readOnlyBecause}</p>
          ) : null}
        </section>

        {plan.goals.length === 0 && !plan.beforeConfirmation ? (
          <EmptyPlan plan={plan} lastResult={resultFor("draft")} />
        ) : null}

        {plan.goals.length > 0 && plan.mayEdit && !plan.hasLearningPlan ? (
          <Alert tone="info" title="Add the work itself">
            The slot has no learning plan, so this plan starts with what the internship should give. Add the goals you will work on, week by week.
          </Alert>
        ) : null}

        {plan.goals.length > 0 ? (
          <ol aria-label="Goals" className="space-y-4">
            {plan.goals.map((goal) => (
              <GoalCard key={goal.id} goal={goal} plan={plan} side={side} resultFor={resultFor} />
            ))}
          </ol>
        ) : null}

        {plan.mayEdit ? <AddGoalForm plan={plan} currentWeek={currentWeek} lastResult={resultFor("add-goal")} /> : null}
      </div>
    </div>
  );
}

function Progress({ progress }: { progress: Plan["progress"] }) {
  const share = progress.total ? (progress.done / progress.total) * 100 : 0;
  const waiting = progress.total ? (progress.waiting / progress.total) * 100 : 0;
  return (
    <div className="mt-4">
      <p className="text-sm font-medium text-slate-900">{describeProgress(progress)}</p>
      {/* why: drawn with SVG attributes, not an inline style, which production's CSP (style-src 'self') blocks. */}
      <svg aria-hidden="true" viewBox="0 0 100 4" preserveAspectRatio="none" className="mt-2 h-2 w-full overflow-hidden rounded-full">
        <rect x="0" y="0" width="100" height="4" className="fill-slate-200" />
        <rect x="0" y="0" width={share} height="4" className="fill-emerald-600" />
        <rect x={share} y="0" width={waiting} height="4" className="fill-emerald-300" />
      </svg>
    </div>
  );
}

function EmptyPlan({ plan, lastResult }: { plan: Plan; lastResult: LastResult | undefined }) {
  if (!plan.mayDraft) {
    return (
      <section className="rounded-xl border-2 border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
        <p className="font-medium text-slate-800">No goals yet.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="empty-plan" className="rounded-xl border-2 border-dashed border-slate-300 p-6 text-center">
      <h3 id="empty-plan" className="font-semibold text-slate-900">
        No plan yet
      </h3>
      <p className="mx-auto mt-1 max-w-xl text-sm text-slate-600">
        {plan.hasLearningPlan
          ? "Start from the slot: one goal for each line of its learning plan, and one for each thing the internship should give. Then change it to fit."
          : "The slot has no learning plan; start from what the internship should give, or add your first goal below."}
      </p>
      <DraftForm lastResult={lastResult} />
    </section>
  );
}

function DraftForm({ lastResult }: { lastResult: LastResult | undefined }) {
  const [form] = useForm({ id: "draft", lastResult });
  const pending = useIsPending({ fields: { intent: "draft" } });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 space-y-3">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="draft" />
      <Button type="submit" disabled={pending}>
        Draft the plan from the slot
      </Button>
    </Form>
  );
}

function StateBadge({ state, confirmed }: { state: PlanGoal["state"]; confirmed: boolean }) {
  const { label, tone } = goalBadge(state, confirmed);
  return <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${tone}`}>{label}</span>;
}

/** The day of a moment sent by the loader, as "Jun 22, 2026". */
const dayOf = (at: Date | string) => formatDay(new Date(at).toISOString().slice(0, 10));

/** "Priya", "Priya or Sam", "a mentor": who a student's "done" waits for. */
function mentorsByFirstName(names: string[]) {
  const first = names.map(firstName);
  if (!first.length) return "a mentor";
  return first.length === 1 ? first[0]! : `${first.slice(0, -1).join(", ")} or ${first.at(-1)}`;
}

function GoalCard({
  goal,
  plan,
  side,
  resultFor,
}: {
  goal: Plan["goals"][number];
  plan: Plan;
  side: MentorshipSide;
  resultFor: (form: string) => LastResult | undefined;
}) {
  const waiting = goal.state === "done" && !goal.confirmed;
  const editFailed = Boolean(resultFor(`edit-${goal.id}`));
  const linkFailed = Boolean(resultFor(`evidence-${goal.id}`));
  return (
    <li id={`goal-${goal.id}`} aria-label={goal.title} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xs font-medium text-slate-500">
            {goalWeekLine(plan.dates, goal.targetWeek)}
            {goal.overdue ? <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 font-semibold text-amber-800 ring-1 ring-amber-200">Past its week</span> : null}
          </p>
          <h3 className={`mt-1 break-words font-semibold ${goal.state === "dropped" ? "text-slate-500 line-through" : "text-slate-900"}`}>{goal.title}</h3>
          <p className="mt-0.5 text-xs text-slate-500">{goal.addedBy ? `Added by ${goal.addedBy}` : goalSourceLabel(goal.source, side)}</p>
        </div>
        <StateBadge state={goal.state} confirmed={Boolean(goal.confirmed)} />
      </div>

      {waiting ? (
        <p className="mt-3 text-sm text-emerald-900">
          {side === "student" ? `Done — waiting for ${mentorsByFirstName(plan.mentorNames)} to confirm` : "Done — waiting for a mentor to confirm"}
        </p>
      ) : goal.confirmed ? (
        <p className="mt-3 text-sm text-emerald-900">
          Done · confirmed by {goal.confirmed.by} on {dayOf(goal.confirmed.at)}
        </p>
      ) : null}

      {goal.evidence.length ? (
        <div className="mt-3">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Evidence</h4>
          <ul className="mt-1 space-y-1.5">
            {goal.evidence.map((link) => (
              <li key={link.id} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
                <a href={link.url} rel="noopener noreferrer nofollow" target="_blank" className="break-all font-medium text-brand-700 hover:underline">
                  {link.label || link.url}
                </a>
                <span className="text-xs text-slate-500">added by {link.addedBy}</span>
                {link.mayRemove ? <RemoveLinkForm evidenceId={link.id} label={link.label || link.url} lastResult={resultFor(`remove-${link.id}`)} /> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {plan.mayEdit ? (
        <div className="mt-4 flex flex-wrap items-center gap-x-5 gap-y-3 border-t border-slate-100 pt-4">
          {goal.mayChangeState ? (
            <StateForm goal={goal} durationWeeks={plan.dates.durationWeeks} lastResult={resultFor(`state-${goal.id}`)} />
          ) : goal.confirmed ? (
            <p className="text-sm text-slate-700">
              Confirmed by {goal.confirmed.by} on {dayOf(goal.confirmed.at)}; ask your mentor to reopen it.
            </p>
          ) : null}
          {plan.mayConfirm && waiting ? <ConfirmForm goalId={goal.id} lastResult={resultFor(`confirm-${goal.id}`)} /> : null}
          <Fold summary="Edit" open={editFailed}>
            <EditGoalForm goal={goal} plan={plan} lastResult={resultFor(`edit-${goal.id}`)} />
          </Fold>
          <Fold summary="Add a link" open={linkFailed}>
            <EvidenceForm goal={goal} durationWeeks={plan.dates.durationWeeks} lastResult={resultFor(`evidence-${goal.id}`)} />
          </Fold>
        </div>
      ) : null}
    </li>
  );
}

/** A form folded under a summary: opens without JavaScript (on a line of its own), and open after a refused submission so its errors are seen. */
function Fold({ summary, open, children }: { summary: string; open: boolean; children: ReactNode }) {
  return (
    <details open={open} className="open:basis-full">
      <summary className="cursor-pointer text-sm font-semibold text-brand-700 hover:underline">{summary}</summary>
      <div className="mt-3 max-w-2xl rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">{children}</div>
    </details>
  );
}

function StateForm({ goal, durationWeeks, lastResult }: { goal: Plan["goals"][number]; durationWeeks: number; lastResult: LastResult | undefined }) {
  const schema = planActionSchema(durationWeeks);
  const [form, fields] = useForm({
    id: `state-${goal.id}`,
    lastResult,
    defaultValue: { state: goal.state },
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema }),
  });
  const { key, ...select } = oneChoiceSelectProps(fields.state);
  const pending = useIsPending({ fields: { intent: "set_state", goalId: goal.id } });
  return (
    <Form method="post" {...getFormProps(form)} aria-label={`Change the state of “${goal.title}”`} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="intent" value="set_state" />
      <input type="hidden" name="goalId" value={goal.id} />
      <label htmlFor={fields.state.id} className="text-sm font-medium text-slate-700">
        State
      </label>
      <select key={key} {...select} className="rounded-md border-0 bg-white py-1.5 pl-3 pr-8 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-brand-600">
        {GOAL_STATES.map((s) => (
          <option key={s} value={s}>
            {GOAL_STATE_LABELS[s]}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" disabled={pending} className="!py-1.5">
        Save state
      </Button>
      <ErrorList id={fields.state.errorId} errors={fields.state.errors} />
      <FormErrors id={form.errorId} errors={form.errors} />
    </Form>
  );
}

function ConfirmForm({ goalId, lastResult }: { goalId: string; lastResult: LastResult | undefined }) {
  const [form] = useForm({ id: `confirm-${goalId}`, lastResult });
  const pending = useIsPending({ fields: { intent: "confirm_done", goalId } });
  return (
    <Form method="post" {...getFormProps(form)} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="intent" value="confirm_done" />
      <input type="hidden" name="goalId" value={goalId} />
      <Button type="submit" disabled={pending} className="!py-1.5">
        Confirm done
      </Button>
      <FormErrors id={form.errorId} errors={form.errors} />
    </Form>
  );
}

function weekOptions(plan: Plan) {
  return Array.from({ length: plan.dates.durationWeeks }, (_, i) => ({ value: String(i + 1), label: goalWeekLine(plan.dates, i + 1) }));
}

function EditGoalForm({ goal, plan, lastResult }: { goal: Plan["goals"][number]; plan: Plan; lastResult: LastResult | undefined }) {
  const schema = planActionSchema(plan.dates.durationWeeks);
  const [form, fields] = useForm({
    id: `edit-${goal.id}`,
    lastResult,
    defaultValue: { title: goal.title, targetWeek: String(goal.targetWeek) },
    constraint: getZodConstraint(schema),
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema }),
  });
  const pending = useIsPending({ fields: { intent: "edit_goal", goalId: goal.id } });
  return (
    <Form method="post" {...getFormProps(form)} aria-label={`Edit “${goal.title}”`} className="space-y-3">
      <input type="hidden" name="intent" value="edit_goal" />
      <input type="hidden" name="goalId" value={goal.id} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field field={fields.title} label="Goal" />
      <SelectField field={fields.targetWeek} label="Target week" options={weekOptions(plan)} />
      <Button type="submit" disabled={pending}>
        Save the goal
      </Button>
    </Form>
  );
}

function EvidenceForm({ goal, durationWeeks, lastResult }: { goal: Plan["goals"][number]; durationWeeks: number; lastResult: LastResult | undefined }) {
  const schema = planActionSchema(durationWeeks);
  const [form, fields] = useForm({
    id: `evidence-${goal.id}`,
    lastResult,
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema }),
  });
  const pending = useIsPending({ fields: { intent: "add_evidence", goalId: goal.id } });
  return (
    <Form method="post" {...getFormProps(form)} aria-label={`Add a link to “${goal.title}”`} className="space-y-3">
      <input type="hidden" name="intent" value="add_evidence" />
      <input type="hidden" name="goalId" value={goal.id} />
      <FormErrors id={form.errorId} errors={form.errors} />
      {/* why: a text input, not type="url", so a link pasted without https:// ("github.com/me/repo") is sent without JavaScript too; the schema adds the https://. */}
      <Field field={fields.url} label="Link" inputMode="url" autoComplete="url" hint="A repository, a pull request, a demo or a write-up." placeholder="github.com/you/project" />
      <Field field={fields.label} label="What it is (optional)" maxLength={MAX_EVIDENCE_LABEL} />
      <Button type="submit" disabled={pending}>
        Add the link
      </Button>
    </Form>
  );
}

function RemoveLinkForm({ evidenceId, label, lastResult }: { evidenceId: string; label: string; lastResult: LastResult | undefined }) {
  const [form] = useForm({ id: `remove-${evidenceId}`, lastResult });
  const pending = useIsPending({ fields: { intent: "remove_evidence", evidenceId } });
  return (
    <Form method="post" {...getFormProps(form)} className="inline-flex items-center gap-2">
      <input type="hidden" name="intent" value="remove_evidence" />
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <button type="submit" disabled={pending} aria-label={`Remove the link ${label}`} className="text-xs font-medium text-red-700 hover:underline">
        Remove
      </button>
      <FormErrors id={form.errorId} errors={form.errors} />
    </Form>
  );
}

function AddGoalForm({ plan, currentWeek, lastResult }: { plan: Plan; currentWeek: number; lastResult: LastResult | undefined }) {
  const schema = planActionSchema(plan.dates.durationWeeks);
  const [form, fields] = useForm({
    id: "add-goal",
    lastResult,
    defaultValue: { targetWeek: String(Math.max(1, currentWeek)) },
    constraint: getZodConstraint(schema),
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema }),
  });
  const pending = useIsPending({ fields: { intent: "add_goal" } });
  return (
    <section aria-labelledby="add-goal-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 id="add-goal-heading" className="text-lg font-semibold text-slate-900">
        Add a goal
      </h2>
      <p className="mt-1 text-sm text-slate-600">Something to finish by a week of the internship: a feature, a talk, a skill to show.</p>
      <Form method="post" {...getFormProps(form)} className="mt-4 grid gap-4 sm:grid-cols-[minmax(0,1fr)_18rem] sm:items-start">
        <input type="hidden" name="intent" value="add_goal" />
        <div className="sm:col-span-2">
          <FormErrors id={form.errorId} errors={form.errors} />
        </div>
        <Field field={fields.title} label="Goal" placeholder="Ship the CSV export with tests" />
        <SelectField field={fields.targetWeek} label="Target week" options={weekOptions(plan)} />
        <div className="sm:col-span-2">
          <Button type="submit" disabled={pending}>
            Add the goal
          </Button>
        </div>
      </Form>
    </section>
  );
}
