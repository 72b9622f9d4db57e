import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { parseForm } from "~/forms/gate";
import { Form, Link } from "@remix-run/react";
import { useMemo, useRef, type ReactNode } from "react";
import { BENEFIT_LABELS, COUNTRIES, PAPERWORK_LABELS, SLOT_COMPENSATION_LABELS, WORK_MODE_LABELS } from "~/domain/labels";
import { isSubMinimumStipend, REGIONS } from "~/domain/minimum-wage";
import { AUTHORIZATION_INFO, WORK_AUTHORIZATIONS, type WorkAuthorizationStatus } from "~/domain/work-authorization";
import type { SkillRef } from "~/modules/skills/skills";
import { COMMON_TIME_ZONES } from "~/modules/slots/format";
import { MIN_ANSWER_LENGTH, MIN_PLAN_LENGTH, PRIMARY_BENEFICIARY_FACTORS } from "~/modules/slots/rules";
import { COMPENSATIONS, CURRENCIES, MAX_QUESTIONS, OFFERS, PAPERWORK, slotDraftFields, slotSchemaFor, WORK_MODES, type SaveIntent } from "~/modules/slots/schemas";
import { CHECK_ON_SUBMIT, CheckboxField, ChoiceGroup, ErrorList, Field, fieldList, FormErrors, inputClass, SelectField, TextareaField, withEmptyRows } from "./forms";
import type { MaybeDraft } from "~/modules/slots/submitted";
import type { SlotView } from "./slot-details";
import { SkillPicker } from "./skill-picker";
import { Alert, Button, PageHeader } from "./ui";
import { useHydrated } from "./use-hydrated";
import { useIsPending } from "./use-is-pending";
import { VerifiedBadge } from "./verified-badge";

// The slot form, shared by /mentor/slots/new and /mentor/slots/$slotId. Works without
// JavaScript: every field is on the page; with it, fields that do not apply to the chosen
// compensation fold away.

/** A field as the shared <Field> takes it; numbers and dates travel as text in a form anyway. */
const text = (field: unknown) => field as FieldMetadata<string | undefined>;

function Section({ title, description, children, id }: { title: string; description?: ReactNode; children: ReactNode; id?: string }) {
  return (
    <section id={id} aria-labelledby={`${id ?? title}-heading`} className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
      <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <div>
          <h2 id={`${id ?? title}-heading`} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {description ? <div className="mt-1 text-sm text-slate-600">{description}</div> : null}
        </div>
        <div className="min-w-0 space-y-5">{children}</div>
      </div>
    </section>
  );
}

const US_STATUSES = WORK_AUTHORIZATIONS.filter((s) => AUTHORIZATION_INFO[s].country === "US");
const CA_STATUSES = WORK_AUTHORIZATIONS.filter((s) => AUTHORIZATION_INFO[s].country === "CA");
const OTHER_STATUSES = WORK_AUTHORIZATIONS.filter((s) => AUTHORIZATION_INFO[s].country === null);
const statusOptions = (list: readonly WorkAuthorizationStatus[]) => list.map((s) => ({ value: s, label: AUTHORIZATION_INFO[s].label }));
const COMPENSATION_DESCRIPTIONS = {
  paid: "An hourly wage.",
  stipend: "A fixed amount for the whole internship.",
  unpaid: "No pay; needs a learning plan.",
  course_credit: "Counts toward the student's program.",
} as const;
const COMPENSATION_OPTIONS = COMPENSATIONS.map((c) => ({ value: c, label: SLOT_COMPENSATION_LABELS[c], description: COMPENSATION_DESCRIPTIONS[c] }));
const PAPERWORK_OPTIONS = PAPERWORK.map((p) => ({ value: p, label: PAPERWORK_LABELS[p] }));
const MENTORS_HINT = "Members of your organization. Invite colleagues from your organization page to name them here.";
const MAX_SKILL_ROWS = 15;
/** The skill rows to start with: the saved ones and one empty row, or a few empty ones. */
const skillRows = (rows: unknown, empty: number) => {
  const saved = Array.isArray(rows) ? (rows as Record<string, string>[]) : [];
  return withEmptyRows(saved, saved.length ? 1 : empty, MAX_SKILL_ROWS);
};

/** The top of a mentor's slot page: the way back to their slots, the title, and the organization with whether it is verified. */
export function SlotPageHeader({
  title,
  lead,
  organization,
  children,
}: {
  title: string;
  /** What stands before the organization's name: "For ", or the slot's status. */
  lead: ReactNode;
  organization: { name: string; verifiedAt: unknown };
  children?: ReactNode;
}) {
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/mentor/slots" className="font-medium text-brand-700 hover:underline">
          ← Your slots
        </Link>
      </p>
      <PageHeader
        title={title}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            {lead}
            {organization.name} <VerifiedBadge verified={organization.verifiedAt !== null} />
          </span>
        }
      >
        {children}
      </PageHeader>
    </>
  );
}

export type SlotFormProps = {
  id: string;
  /** The server's date (YYYY-MM-DD), so the browser checks dates against the same day. */
  today: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Record<string, unknown>;
  mentors: { id: string; name: string; email: string }[];
  skills: readonly SkillRef[];
  organizationVerified: boolean;
  /** Label of the plain save button ("Save draft", "Save changes"). */
  saveLabel: string;
};

export function SlotForm({ id, today, lastResult, defaultValue, mentors, skills, organizationVerified, saveLabel }: SlotFormProps) {
  // "Save draft" checks only what is written (a title at least); "Save and submit" the whole slot.
  // The button last pressed decides, also while a refused field is corrected.
  const intent = useRef<SaveIntent>("save");
  const schemas = useMemo(() => ({ save: slotSchemaFor("save", { today }), submit: slotSchemaFor("submit", { today }) }), [today]);
  const hydrated = useHydrated();
  const busy = useIsPending();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: { ...defaultValue, requiredSkills: skillRows(defaultValue?.requiredSkills, 3), niceSkills: skillRows(defaultValue?.niceSkills, 2) } as never,
    // why: the draft's constraints, so a browser without JavaScript does not hold back a draft for an empty field.
    constraint: getZodConstraint(slotDraftFields),
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData, submitter }) => {
      if (submitter?.name === "intent") intent.current = submitter.value === "submit" ? "submit" : "save";
      return parseForm(formData, { schema: schemas[intent.current] });
    },
  });
  const errorCount = Object.values(form.allErrors).filter((e) => e?.length).length;
  const compensation = fields.compensation.value as string | undefined;
  // Without JavaScript every field shows; with it, only what the chosen compensation needs.
  const shows = (...kinds: string[]) => !hydrated || !compensation || kinds.includes(compensation);
  const country = fields.country.value as string | undefined;
  // A stipend below the minimum wage for the slot's hours counts as unpaid (rules.ts): the unpaid section shows for it too.
  const tokenStipend =
    hydrated &&
    compensation === "stipend" &&
    isSubMinimumStipend({
      compensation,
      stipendAmount: Number(fields.stipendAmount.value),
      currency: fields.currency.value as string | undefined,
      hoursPerWeek: Number(fields.hoursPerWeek.value),
      durationWeeks: Number(fields.durationWeeks.value),
      country,
      region: fields.region.value as string | undefined,
    });
  const unpaid = shows("unpaid", "course_credit") || tokenStipend;
  // The Department of Labor's seven questions are for slots in the US; Canada asks for the academic program.
  const askDol = !hydrated || country !== "CA";
  const regions = country === "US" || country === "CA" ? REGIONS[country] : null;
  const pb = fields.primaryBeneficiary.getFieldset();
  const questions = fieldList(fields.questions);

  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      {errorCount > 0 && lastResult?.status === "error" ? (
        <Alert tone="error" title="The slot was not saved">
          {errorCount === 1 ? "One field needs your attention" : `${errorCount} fields need your attention`} — each says what to change below. Everything you typed is still here.
        </Alert>
      ) : null}
      <FormErrors id={form.errorId} errors={form.errors} />

      <Section id="about" title="The slot" description="What a student reads first. Be concrete: the work, the team, what they will be able to show afterwards.">
        <Field field={text(fields.title)} label="Title" placeholder="Data pipeline intern for a river-monitoring nonprofit" />
        <TextareaField field={fields.description} label="Description" hint="The team, how work is done, who the intern works with." rows={5} />
        <TextareaField field={fields.project} label="The project, and what the intern will build" hint="A deliverable they can show in a portfolio or an interview." rows={4} />
      </Section>

      <Section id="skills" title="Skills" description="Levels are minimums: 1 learning, 2 used in projects, 3 used at work, 4 could teach it. Ask only for what the work needs — students read a long list as a closed door.">
        <div>
          <SkillPicker form={form} field={fields.requiredSkills} legend="Required skills" skills={skills} skillLabel="Required skill" levelLabel="Minimum level" max={MAX_SKILL_ROWS} lastResult={lastResult} />
        </div>
        <div className="border-t border-slate-100 pt-5">
          <p className="mb-2 text-sm text-slate-500">Optional: skills that would help, and at what level.</p>
          <SkillPicker form={form} field={fields.niceSkills} legend="Nice-to-have skills" skills={skills} skillLabel="Nice-to-have skill" levelLabel="Level that helps" max={MAX_SKILL_ROWS} lastResult={lastResult} />
        </div>
      </Section>

      <Section id="mentorship" title="Mentorship" description="Every slot on Steppingstone names its mentors and their weekly time. Students see both.">
        <ChoiceGroup field={fields.mentorIds} type="checkbox" legend="Mentors" hint={MENTORS_HINT} options={mentors.map((m) => ({ value: m.id, label: m.name, description: m.email }))} />
        <div className="max-w-xs">
          <Field field={text(fields.mentorHoursPerWeek)} label="Mentor hours per week" type="number" inputMode="numeric" min={0} max={40} hint="Time the mentors spend with the intern: reviews, pairing, one-to-ones." />
        </div>
      </Section>

      <Section id="compensation" title="Compensation" description="Said plainly on the slot's page. Unpaid and course-credit slots need more below, and an admin reviews them before they open.">
        <ChoiceGroup field={fields.compensation} type="radio" legend="How is the intern compensated?" look="cards" options={COMPENSATION_OPTIONS} />
        <div className="grid gap-5 sm:grid-cols-3">
          {shows("paid") ? (
            <Field field={text(fields.hourlyRate)} label={hydrated ? "Hourly rate" : "Hourly rate (paid slots)"} type="number" inputMode="decimal" step="0.01" min={0} />
          ) : null}
          {shows("stipend") ? (
            <Field field={text(fields.stipendAmount)} label={hydrated ? "Stipend, whole internship" : "Stipend, whole internship (stipend slots)"} type="number" inputMode="numeric" min={1} />
          ) : null}
          {shows("paid", "stipend") ? (
            <SelectField field={fields.currency} label="Currency" placeholder="Choose…" options={CURRENCIES.map((c) => ({ value: c, label: c === "USD" ? "USD — US dollars" : "CAD — Canadian dollars" }))} />
          ) : null}
        </div>
      </Section>

      <section
        id="unpaid"
        hidden={!unpaid}
        aria-labelledby="unpaid-heading"
        className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-amber-300 sm:p-8"
      >
        <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
          <div>
            <h2 id="unpaid-heading" className="text-base font-semibold text-slate-900">
              For unpaid and course-credit slots
            </h2>
            <p className="mt-1 text-sm text-slate-600">{hydrated ? "Required for this slot." : "Required when the slot is unpaid or for course credit; leave empty for paid and stipend slots."}</p>
          </div>
          <div className="min-w-0 space-y-5">
            {tokenStipend ? (
              <Alert tone="warning" title="This stipend counts as unpaid">
                Over the slot&apos;s hours it comes to less than the minimum wage where the intern works, so the unpaid rules apply and an admin reviews the
                slot before it opens. Raise the stipend to pay at least the minimum, or answer below.
              </Alert>
            ) : null}
            <Alert tone="warning" title="Why we ask">
              <p>
                In the US, an internship may be unpaid only when the intern — not the organization — is its main beneficiary. The Department of Labor weighs the
                seven questions below (its Fact Sheet #71). In Canada, an unpaid internship is generally allowed only as part of an academic program.
              </p>
              <p className="mt-2">
                The students who come here are often new to the country, with a visa that limits the work they may take. Your answers let an admin check the slot
                before it opens, and students read them next to the learning plan. Unpaid slots also need at least one hour a week of mentoring.
              </p>
            </Alert>
            <TextareaField
              field={fields.learningPlan}
              label="Learning plan"
              hint={`What the intern will learn, week by week or milestone by milestone, and how the mentor helps (at least ${MIN_PLAN_LENGTH} characters).`}
              rows={6}
            />
            <div className="grid gap-5 sm:grid-cols-2">
              <Field
                field={text(fields.academicSchool)}
                label="School (unpaid slots in Canada)"
                hint="The college or university whose program the internship is part of, e.g. “University of Waterloo”."
              />
              <Field
                field={text(fields.academicProgram)}
                label="Academic program (unpaid slots in Canada)"
                hint="The program, e.g. “Computer Science co-op”. The student brings the school's documents for it before starting."
              />
            </div>
            <fieldset className="space-y-5" hidden={!askDol}>
              <legend className="text-sm font-semibold text-slate-900">
                The seven questions of the primary-beneficiary test{hydrated ? "" : " (slots in the United States)"}
              </legend>
              <p className="text-sm text-slate-600">Answer each in a sentence or two (at least {MIN_ANSWER_LENGTH} characters).</p>
              {PRIMARY_BENEFICIARY_FACTORS.map((factor, i) => (
                <TextareaField
                  key={factor.key}
                  field={pb[factor.key]}
                  label={
                    <>
                      <span className="text-slate-500">{i + 1}.</span> {factor.question}
                    </>
                  }
                  rows={2}
                />
              ))}
            </fieldset>
          </div>
        </div>
      </section>

      <Section id="schedule" title="Dates and hours" description="The deadline must be on or before the start date. Students on CPT or a study permit may work only part time during term.">
        <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
          <Field field={text(fields.hoursPerWeek)} label="Hours per week" type="number" inputMode="numeric" min={1} max={60} />
          <Field field={text(fields.startDate)} label="Start date" type="date" min={today} />
          <Field field={text(fields.durationWeeks)} label="Duration in weeks" type="number" inputMode="numeric" min={1} max={104} />
          <Field field={text(fields.applicationDeadline)} label="Application deadline" type="date" min={today} />
          <Field field={text(fields.seats)} label="Seats" type="number" inputMode="numeric" min={1} max={50} hint="How many interns you take." />
        </div>
      </Section>

      <Section id="place" title="Where" description="The country whose rules apply: where your organization employs the intern. On-site and hybrid slots need a city.">
        <ChoiceGroup field={fields.workMode} type="radio" legend="Work mode" columns="sm:grid-cols-3" look="cards" options={WORK_MODES.map((m) => ({ value: m, label: WORK_MODE_LABELS[m] }))} />
        <div className="grid gap-5 sm:grid-cols-3">
          <SelectField field={fields.country} label="Country" placeholder="Choose a country…" options={COUNTRIES.map((c) => ({ value: c.code, label: c.name }))} />
          {!hydrated || regions ? (
            <SelectField
              field={fields.region}
              label={hydrated ? (country === "US" ? "State" : "Province or territory") : "State or province (US and Canada)"}
              placeholder="Choose…"
              hint="Whose minimum wage applies."
              options={Object.entries(regions ?? { ...REGIONS.US, ...REGIONS.CA }).map(([code, r]) => ({ value: code, label: r.name }))}
            />
          ) : null}
          <Field field={text(fields.city)} label="City" hint="Optional for remote slots." autoComplete="address-level2" />
          <div>
            <Field field={text(fields.timezone)} label="Team's time zone" list="slot-time-zones" autoComplete="off" placeholder="America/Toronto" hint="Deadlines end at midnight here." />
            <datalist id="slot-time-zones">
              {COMMON_TIME_ZONES.map((tz) => (
                <option key={tz} value={tz} />
              ))}
            </datalist>
          </div>
        </div>
      </Section>

      <Section
        id="authorization"
        title="Work authorization"
        description="Which students you can take, and the paperwork you can provide. A slot that accepts STEM OPT must be paid (wages, or a stipend of at least the minimum wage), at least 20 hours a week, with E-Verify and an I-983 plan."
      >
        <p className="rounded-lg bg-sky-50 px-4 py-3 text-sm text-sky-950 ring-1 ring-sky-200">
          Guidance, not legal advice: what each status allows comes from public rules that change (see each student&apos;s note). Confirm anything that
          matters with your counsel, and let students confirm theirs with their school&apos;s international office.
        </p>
        {!hydrated || country === "CA" ? (
          <CheckboxField
            field={fields.requiredPlacement}
            label={`A placement the student's academic program requires (co-op, internship, practicum)${hydrated ? "" : " — slots in Canada"}`}
            description="Since 1 April 2026 students on a study permit do these without a co-op permit, with a letter from their school."
          />
        ) : null}
        <ChoiceGroup field={fields.acceptedAuthorizations} type="checkbox" legend="Statuses you accept — United States" options={statusOptions(US_STATUSES)} columns="sm:grid-cols-1 xl:grid-cols-2" />
        <ChoiceGroup field={fields.acceptedAuthorizations} type="checkbox" legend="Statuses you accept — Canada" options={statusOptions(CA_STATUSES)} columns="sm:grid-cols-1 xl:grid-cols-2" errors={false} />
        <ChoiceGroup field={fields.acceptedAuthorizations} type="checkbox" legend="Other" options={statusOptions(OTHER_STATUSES)} columns="sm:grid-cols-1 xl:grid-cols-2" errors={false} />
        <ChoiceGroup field={fields.paperwork} type="checkbox" legend="Paperwork your organization can provide" options={PAPERWORK_OPTIONS} columns="sm:grid-cols-1" />
      </Section>

      <Section id="offers" title="What the intern gets back" description="Shown on the slot's page. Mentorship is part of every slot; a course-credit slot always lists course credit.">
        <ChoiceGroup field={fields.offers} type="checkbox" legend="Besides mentorship, the intern can get" options={OFFERS.map((o) => ({ value: o, label: BENEFIT_LABELS[o] }))} />
      </Section>

      <Section id="questions" title="Questions for applicants" description={`Up to ${MAX_QUESTIONS}, optional. Students answer them when they apply.`}>
        {Array.from({ length: MAX_QUESTIONS }, (_, i) => {
          const field = questions[i];
          const name = `${fields.questions.name}[${i}]`;
          return field ? <Field key={field.key} field={text(field)} label={`Question ${i + 1}`} /> : <QuestionInput key={name} name={name} formId={form.id} index={i} />;
        })}
        <ErrorList id={fields.questions.errorId} errors={fields.questions.errors} />
      </Section>

      <div className="sticky bottom-0 z-10 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-4 backdrop-blur sm:mx-0 sm:rounded-xl sm:border sm:px-6">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-slate-600">
            {organizationVerified
              ? "Paid and stipend slots open as soon as you submit. Unpaid and course-credit slots wait for an admin's review."
              : "Your organization is not verified yet, so an admin reviews every slot before it opens."}
          </p>
          <div className="flex shrink-0 gap-3">
            <Button type="submit" name="intent" value="save" variant="secondary" disabled={busy}>
              {saveLabel}
            </Button>
            <Button type="submit" name="intent" value="submit" disabled={busy}>
              {busy ? "Saving…" : "Save and submit"}
            </Button>
          </div>
        </div>
      </div>
    </Form>
  );
}

/** A question input Conform has no list entry for yet (the form starts with fewer questions than three). */
function QuestionInput({ name, formId, index }: { name: string; formId: string; index: number }) {
  const id = `${formId}-question-${index}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        Question {index + 1}
      </label>
      <input id={id} name={name} form={formId} maxLength={300} className={`mt-1.5 ${inputClass}`} />
    </div>
  );
}

type SavedSlot = {
  slot: MaybeDraft<Omit<SlotView, "id" | "status">> & { status?: string };
  skills: { name: string; minLevel: number; required: boolean }[];
  mentors: { id: string }[];
};

/** The form's starting values for a saved slot: what the mentor typed last time, as the form posts it. */
export function slotFormDefaults({ slot, skills, mentors }: SavedSlot): Record<string, unknown> {
  const rows = (required: boolean) => skills.filter((s) => s.required === required).map((s) => ({ skill: s.name, level: String(s.minLevel) }));
  const text = (n: number | string | null) => (n === null ? "" : String(n));
  return {
    title: slot.title,
    description: slot.description ?? "",
    project: slot.project ?? "",
    requiredSkills: rows(true),
    niceSkills: rows(false),
    mentorIds: mentors.map((m) => m.id),
    mentorHoursPerWeek: text(slot.mentorHoursPerWeek),
    compensation: slot.compensation ?? undefined,
    hourlyRate: text(slot.hourlyRate),
    stipendAmount: text(slot.stipendAmount),
    currency: slot.currency ?? "",
    hoursPerWeek: text(slot.hoursPerWeek),
    startDate: slot.startDate ?? "",
    durationWeeks: text(slot.durationWeeks),
    applicationDeadline: slot.applicationDeadline ?? "",
    seats: text(slot.seats),
    workMode: slot.workMode ?? undefined,
    country: slot.country ?? "",
    region: slot.region ?? "",
    city: slot.city ?? "",
    timezone: slot.timezone ?? "",
    acceptedAuthorizations: slot.acceptedAuthorizations,
    paperwork: slot.paperwork,
    offers: slot.offers,
    questions: [0, 1, 2].map((i) => slot.questions[i] ?? ""),
    learningPlan: slot.learningPlan ?? "",
    academicProgram: slot.academicProgram ?? "",
    academicSchool: slot.academicSchool ?? "",
    requiredPlacement: slot.requiredPlacement ? "on" : undefined,
    primaryBeneficiary: slot.primaryBeneficiary ?? {},
  };
}
