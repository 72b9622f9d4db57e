import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { CHECK_ON_SUBMIT, CheckboxField, Field, FormErrors, optionsFrom, SelectField, TextareaField, withEmptyRows } from "~/components/forms";
import { SkillPicker, type SkillOption } from "~/components/skill-picker";
import { Alert, Button, PageHeader } from "~/components/ui";
import { useHydrated } from "~/components/use-hydrated";
import { useIsPending } from "~/components/use-is-pending";
import { BENEFIT_LABELS, COMPENSATION_PREFERENCE_LABELS, COUNTRIES, DEGREE_LABELS, WORK_MODE_LABELS } from "~/domain/labels";
import { STUDENT_GOALS } from "~/domain/vocabulary";
import { AUTHORIZATION_INFO, WORK_AUTHORIZATIONS, type WorkAuthorizationStatus } from "~/domain/work-authorization";
import { PROFILE_SECTIONS, type profileCompleteness } from "~/modules/profiles/completeness";
import { parseForm } from "~/forms/gate";
import { MAX_PROJECTS, ProfileFields, ProfileSchema, profileFormDefaults } from "~/modules/profiles/schemas";
import type { StudentProfileData } from "~/modules/profiles/types";
import { AuthorizationGuidance } from "./authorization-guidance";
import { Choices, Section } from "./blocks";
import { CompletenessMeter, MATCHING_ROUNDS_MEANING } from "./completeness-meter";
import { ProjectRows } from "./project-rows";

// The student's profile form (app/routes/profile.tsx): one form, saved together, in sections.

const MAX_SKILLS = 30;
const DEGREE_OPTIONS = optionsFrom(DEGREE_LABELS);
const COUNTRY_OPTIONS = COUNTRIES.map((c) => ({ value: c.code, label: c.name }));
const WORK_MODE_OPTIONS = optionsFrom(WORK_MODE_LABELS);
const AUTHORIZATION_OPTIONS = WORK_AUTHORIZATIONS.map((value) => ({ value, label: AUTHORIZATION_INFO[value].label }));
const COMPENSATION_OPTIONS = optionsFrom(COMPENSATION_PREFERENCE_LABELS);
const GOAL_OPTIONS = STUDENT_GOALS.map((value) => ({ value, label: BENEFIT_LABELS[value] }));
const PRIVACY_CHOICES = [
  {
    name: "inMatching",
    label: "Include me in matching rounds",
    description: MATCHING_ROUNDS_MEANING,
  },
  {
    name: "visibleToMentors",
    label: "Let every verified mentor see my profile",
    description: "Mentors of verified organizations can then find you and invite you to apply. Your work-authorization status stays hidden unless you share it above.",
  },
] as const;

// why: Field is typed for string fields; numbers and dates are typed as text in the form anyway.
const asText = (field: FieldMetadata<unknown>) => field as unknown as FieldMetadata<string | undefined>;
const statusOf = (value: unknown) => ((WORK_AUTHORIZATIONS as readonly unknown[]).includes(value) ? (value as WorkAuthorizationStatus) : null);

export type ProfileFormProps = {
  profile: StudentProfileData & { userId: string };
  completeness: ReturnType<typeof profileCompleteness>;
  skills: SkillOption[];
  timeZones: string[];
  saved: boolean;
  /** The student just said yes to the matching rounds. */
  joinedRounds: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
};

export function ProfileForm({ profile, completeness, skills, timeZones, saved, joinedRounds, lastResult }: ProfileFormProps) {
  const hydrated = useHydrated();
  const defaults = profileFormDefaults({ ...profile, updatedAt: null });
  const [form, fields] = useForm({
    id: "profile",
    lastResult,
    // Empty rows to type into: three skills and one project.
    defaultValue: { ...defaults, skills: withEmptyRows(defaults.skills, 3, MAX_SKILLS), projects: withEmptyRows(defaults.projects, 1, MAX_PROJECTS) },
    constraint: getZodConstraint(ProfileFields),
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: ProfileSchema }),
  });
  const busy = useIsPending();

  const [status, setStatus] = useState(() => statusOf(fields.workAuthorization.initialValue));
  // Without JavaScript the date fields are always there; with it, only for statuses that have dates.
  const showDates = !hydrated || (status !== null && AUTHORIZATION_INFO[status].hasDates);
  const [browserZone, setBrowserZone] = useState<string | null>(null);
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && timeZones.includes(zone)) setBrowserZone(zone);
  }, [timeZones]);
  const refused = lastResult?.status === "error" && !form.errors?.length;

  return (
    <div className="space-y-8">
      <PageHeader
        title="Your profile"
        description="Mentors and the matching engine read this to find internships that fit you. Fill in what you can now and come back any time."
      >
        <Link to={`/students/${profile.userId}`} className="text-sm font-semibold text-brand-700 hover:underline">
          See your profile as others do
        </Link>
      </PageHeader>

      {saved && !lastResult ? <Alert tone="success">Your profile is saved.</Alert> : null}
      {joinedRounds ? <Alert tone="success">You are in the matching rounds. An admin reviews every match suggested for you before anyone is introduced.</Alert> : null}
      <CompletenessMeter percent={completeness.percent} missing={completeness.missing} inMatching={profile.inMatching} />

      <div className="grid gap-8 lg:grid-cols-[11rem_1fr]">
        <nav aria-label="Profile sections" className="hidden lg:block">
          <ul className="sticky top-6 space-y-1 text-sm">
            {PROFILE_SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} className="block rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-100 hover:text-slate-900">
                  {s.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>

        <Form method="post" {...getFormProps(form)} className="min-w-0 space-y-6">
          <FormErrors id={form.errorId} errors={form.errors} />
          {refused ? (
            <Alert tone="error" title="Your profile was not saved">
              Some answers need a fix — they are marked below. Everything you typed is still here.
            </Alert>
          ) : null}

          <Section id="about" title="About you" description="Where you study and what you know.">
            <div className="grid gap-5 sm:grid-cols-2">
              <Field field={fields.school} label="School" hint="Where you study now, or studied last." autoComplete="organization" />
              <Field field={fields.program} label="Program" hint="Your major or field, like Computer Science." />
              <SelectField field={fields.degree} label="Degree" hint="The degree that program leads to." placeholder="Choose a degree…" options={DEGREE_OPTIONS} />
              <Field field={asText(fields.graduationDate)} label="Graduation date" type="date" hint="Expected, if you have not graduated yet." />
            </div>
            <TextareaField
              field={fields.coursework}
              label="Relevant coursework"
              hint="Courses that matter for the internships you want, like Data Structures, Databases, Machine Learning."
              rows={3}
            />
            <Field field={asText(fields.languages)} label="Languages you speak" hint="Separate them with commas, like English, Hindi, French." />
          </Section>

          <Section
            id="skills"
            title="Skills"
            description="Start typing to pick from the list; common short names work too (js, k8s, postgres). Levels: 1 learning · 2 used in projects · 3 used at work · 4 could teach it."
          >
            <SkillPicker form={form} field={fields.skills} legend="Your skills" skills={skills} levelLabel="Your level" max={MAX_SKILLS} lastResult={lastResult} />
          </Section>

          <Section id="projects" title="Projects and links" description="What you built and where people can see your work.">
            <ProjectRows form={form} field={fields.projects} lastResult={lastResult} />
            <div className="grid gap-5 border-t border-slate-200 pt-5 sm:grid-cols-3">
              <Field field={asText(fields.portfolioUrl)} label="Portfolio" type="url" placeholder="https://" />
              <Field field={asText(fields.githubUrl)} label="GitHub" type="url" placeholder="https://github.com/…" />
              <Field field={asText(fields.linkedinUrl)} label="LinkedIn" type="url" placeholder="https://www.linkedin.com/in/…" />
            </div>
          </Section>

          <Section id="where-when" title="Where and when" description="Where you are, and when and how much you can work.">
            <div className="grid gap-5 sm:grid-cols-2">
              <SelectField field={fields.country} label="Country" placeholder="Choose a country…" options={COUNTRY_OPTIONS} />
              <Field field={fields.city} label="City" autoComplete="address-level2" />
              <div className="sm:col-span-2">
                <Field
                  field={asText(fields.timezone)}
                  label="Time zone"
                  list="profile-time-zones"
                  autoComplete="off"
                  placeholder="Start typing a city, like Toronto"
                  hint={
                    <>
                      The IANA name, like America/Toronto — mentors use it to find hours you overlap.
                      {browserZone && !fields.timezone.initialValue ? (
                        <>
                          {" "}
                          <button
                            type="button"
                            className="font-semibold text-brand-700 hover:underline"
                            onClick={() => {
                              const input = document.getElementById(fields.timezone.id) as HTMLInputElement | null;
                              if (input) input.value = browserZone;
                            }}
                          >
                            Use {browserZone}
                          </button>
                        </>
                      ) : null}
                    </>
                  }
                />
                <datalist id="profile-time-zones">
                  {timeZones.map((z) => (
                    <option key={z} value={z} />
                  ))}
                </datalist>
              </div>
              <Field field={asText(fields.availableFrom)} label="Available from" type="date" />
              <Field field={asText(fields.availableWeeks)} label="For how many weeks" type="number" inputMode="numeric" />
              <Field field={asText(fields.hoursPerWeekTerm)} label="Hours per week during term" type="number" inputMode="numeric" hint="0 if you cannot work during term." />
              <Field field={asText(fields.hoursPerWeekBreak)} label="Hours per week in breaks" type="number" inputMode="numeric" hint="Summer and winter breaks." />
            </div>
            <Choices field={fields.workModes} legend="How you can work" hint="Choose every mode you would accept." type="checkbox" options={WORK_MODE_OPTIONS} />
          </Section>

          <Section
            id="authorization"
            title="Work authorization"
            description="Your status decides which internships you can take. Mentors only see whether it fits their slot — not the status itself, unless you choose to share it."
          >
            <SelectField
              field={fields.workAuthorization}
              label="Your status"
              placeholder="Choose your status…"
              options={AUTHORIZATION_OPTIONS}
              onChange={(value) => setStatus(statusOf(value))}
            />
            <AuthorizationGuidance status={status} />
            {showDates ? (
              <div className="grid gap-5 sm:grid-cols-2">
                <Field
                  field={asText(fields.authorizationValidFrom)}
                  label="Valid from"
                  type="date"
                  hint={hydrated ? "From your EAD card, permit or DS-2019 — for CPT, from your I-20 once your school authorizes it." : "Only for CPT, OPT, EAD, J-1 and permits; ignored for other statuses."}
                />
                <Field
                  field={asText(fields.authorizationValidUntil)}
                  label="Valid until"
                  type="date"
                  hint={hydrated ? "The last day it covers." : "Only for CPT, OPT, EAD, J-1 and permits; ignored for other statuses."}
                />
              </div>
            ) : null}
            {!hydrated || status === "us_f1_cpt" ? (
              <Field
                field={asText(fields.cptFullTimeMonthsUsed)}
                label="Months of full-time CPT you have used (optional)"
                type="number"
                inputMode="numeric"
                min={0}
                max={60}
                hint={
                  hydrated
                    ? "Twelve months or more of full-time CPT ends OPT eligibility: we warn you on slots that would take you there. Only you and admins see this."
                    : "CPT only. Twelve months or more of full-time CPT ends OPT eligibility. Only you and admins see this."
                }
              />
            ) : null}
            <CheckboxField
              field={fields.shareAuthorization}
              label="Show my status to mentors who can see my profile"
              description="Otherwise they see only whether your status fits their slot. Admins always see it."
            />
          </Section>

          <Section id="wants" title="What you want" description="Matching favours slots that give you what you ask for.">
            <Choices field={fields.compensation} legend="Compensation" type="radio" options={COMPENSATION_OPTIONS} />
            <Choices field={fields.goals} legend="What you want out of an internship" hint="Choose all that matter to you." type="checkbox" options={GOAL_OPTIONS} />
          </Section>

          <Section id="privacy" title="Privacy and matching" description="Your profile is seen by you, admins, and mentors of slots you apply to or are matched with.">
            {PRIVACY_CHOICES.map((choice) => (
              <CheckboxField key={choice.name} field={fields[choice.name]} label={choice.label} description={choice.description} />
            ))}
          </Section>

          {/* why: not sticky — a bar pinned to the bottom covered the field being typed in, and the invalid one focused after an error. */}
          <div className="flex flex-col gap-3 rounded-xl bg-white px-6 py-4 shadow-sm ring-1 ring-slate-200 sm:flex-row sm:items-center sm:justify-between">
            <p className="text-sm text-slate-600">Everything on this page is saved together.</p>
            <Button type="submit" disabled={busy}>
              {busy ? "Saving…" : "Save profile"}
            </Button>
          </div>
        </Form>
      </div>
    </div>
  );
}
