import type { ReactNode } from "react";
import type { Benefit, OrganizationSize, OrganizationType, Paperwork, SlotCompensation, SlotStatus, WorkMode } from "~db/schema";
import { organizationPlace } from "~/modules/organizations/place";
import { BENEFIT_LABELS, ORGANIZATION_SIZE_LABELS, organizationKind, PAPERWORK_LABELS, SKILL_LEVEL_LABELS, SLOT_STATUS_LABELS } from "~/domain/labels";
import { AUTHORIZATION_INFO, WORK_AUTHORIZATIONS, type WorkAuthorizationStatus } from "~/domain/work-authorization";
import { describeDates, describePay, describePlace, formatDay, plural } from "~/modules/slots/format";
import { PRIMARY_BENEFICIARY_FACTORS } from "~/modules/slots/rules";
import { VerifiedBadge } from "./verified-badge";
import { isUnpaid } from "~/modules/slots/rules";

// A slot as people read it: the public slot page, the mentor's own view of a slot that is not a
// draft, and the admin's review queue all show the same facts in the same words.

export type SlotView = {
  id: string;
  title: string;
  description: string;
  project: string;
  mentorHoursPerWeek: number;
  compensation: SlotCompensation;
  hourlyRate: string | null;
  stipendAmount: number | null;
  currency: string | null;
  hoursPerWeek: number;
  startDate: string;
  durationWeeks: number;
  applicationDeadline: string;
  seats: number;
  workMode: WorkMode;
  country: string;
  region: string | null;
  city: string | null;
  timezone: string;
  acceptedAuthorizations: string[];
  paperwork: Paperwork[];
  offers: Benefit[];
  questions: string[];
  learningPlan: string | null;
  academicProgram: string | null;
  academicSchool: string | null;
  requiredPlacement: boolean;
  primaryBeneficiary: Record<string, string> | null;
  status: SlotStatus;
};

export type OrganizationView = {
  name: string;
  type: OrganizationType;
  parentInstitution: string | null;
  size: OrganizationSize;
  website: string | null;
  country: string;
  city: string | null;
  description: string;
  verifiedAt: string | Date | null;
};

export type SkillView = { slug: string; name: string; minLevel: number; required: boolean };
export type MentorView = { id: string; name: string; email?: string };

const statusTone: Record<SlotStatus, string> = {
  draft: "bg-slate-100 text-slate-700 ring-slate-200",
  pending_review: "bg-amber-50 text-amber-800 ring-amber-200",
  open: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  closed: "bg-slate-100 text-slate-600 ring-slate-200",
  filled: "bg-sky-50 text-sky-800 ring-sky-200",
};

export function SlotStatusBadge({ status, sentBack = false }: { status: SlotStatus; sentBack?: boolean }) {
  const label = sentBack && status === "draft" ? "Sent back" : SLOT_STATUS_LABELS[status];
  const tone = sentBack && status === "draft" ? "bg-orange-50 text-orange-800 ring-orange-200" : statusTone[status];
  return <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${tone}`}>{label}</span>;
}

/** The pay in one badge: emerald for paid, amber for unpaid — colour doubles the words, never replaces them. */
export function PayBadge({ slot }: { slot: Pick<SlotView, "compensation" | "hourlyRate" | "stipendAmount" | "currency"> }) {
  const tone = isUnpaid(slot.compensation) ? "bg-amber-50 text-amber-900 ring-amber-200" : "bg-emerald-50 text-emerald-900 ring-emerald-200";
  return <span className={`inline-flex items-center whitespace-nowrap rounded-md px-2 py-0.5 text-xs font-semibold ring-1 ${tone}`}>{describePay(slot)}</span>;
}

export function SkillChip({ skill }: { skill: Pick<SkillView, "name" | "minLevel" | "required"> }) {
  return (
    <li
      className={`inline-flex items-center gap-1 rounded-md px-2 py-0.5 text-xs ring-1 ${skill.required ? "bg-white text-slate-800 ring-slate-300" : "bg-slate-50 text-slate-600 ring-slate-200"}`}
      title={`${skill.required ? "Required" : "Nice to have"}: ${SKILL_LEVEL_LABELS[skill.minLevel as 1 | 2 | 3 | 4]} or better`}
    >
      <span className="font-medium">{skill.name}</span>
      <span className="text-slate-500">· {skill.minLevel}</span>
    </li>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-2.5 sm:grid sm:grid-cols-[9rem_1fr] sm:gap-3">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="text-sm font-medium text-slate-900">{children}</dd>
    </div>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      <div className="mt-2">{children}</div>
    </section>
  );
}

/** Text as the mentor typed it: paragraphs and line breaks kept. */
function Prose({ children }: { children: string }) {
  return <p className="whitespace-pre-line leading-relaxed text-slate-800">{children}</p>;
}

function Skills({ skills }: { skills: SkillView[] }) {
  const required = skills.filter((s) => s.required);
  const nice = skills.filter((s) => !s.required);
  return (
    <div className="space-y-3">
      {[
        { label: "Required", list: required },
        { label: "Nice to have", list: nice },
      ]
        .filter((g) => g.list.length)
        .map((g) => (
          <div key={g.label}>
            <h3 className="text-sm font-medium text-slate-700">{g.label}</h3>
            <ul className="mt-1.5 divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
              {g.list.map((s) => (
                <li key={s.slug} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
                  <span className="font-medium text-slate-900">{s.name}</span>
                  <span className="text-slate-600">
                    {g.label === "Required" ? "at least " : ""}
                    {s.minLevel} · {SKILL_LEVEL_LABELS[s.minLevel as 1 | 2 | 3 | 4]}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
    </div>
  );
}

function acceptedByCountry(accepted: string[]) {
  const ordered = WORK_AUTHORIZATIONS.filter((s) => accepted.includes(s));
  return [
    { label: "United States", list: ordered.filter((s) => AUTHORIZATION_INFO[s].country === "US") },
    { label: "Canada", list: ordered.filter((s) => AUTHORIZATION_INFO[s].country === "CA") },
    { label: "Other", list: ordered.filter((s) => AUTHORIZATION_INFO[s].country === null) },
  ].filter((g) => g.list.length);
}

/** What the intern gets back, pay first: every slot is mentored. */
export function GetsBack({ slot }: { slot: Pick<SlotView, "compensation" | "hourlyRate" | "stipendAmount" | "currency" | "offers" | "mentorHoursPerWeek"> }) {
  const items = [
    isUnpaid(slot.compensation) ? null : describePay(slot),
    `Mentorship${slot.mentorHoursPerWeek > 0 ? `, ${plural(slot.mentorHoursPerWeek, "hour")} a week` : ""}`,
    // Mentorship is said once, with its hours, even when a slot also lists it among its offers.
    ...slot.offers.filter((o) => o !== "mentorship").map((o) => BENEFIT_LABELS[o]),
  ].filter((x): x is string => Boolean(x));
  return (
    <ul className="space-y-1.5">
      {items.map((item) => (
        <li key={item} className="flex items-start gap-2 text-sm text-slate-800">
          <svg aria-hidden="true" viewBox="0 0 16 16" className="mt-0.5 h-4 w-4 shrink-0 fill-brand-700">
            <path fillRule="evenodd" d="M13.78 4.22a.75.75 0 0 1 0 1.06l-7.25 7.25a.75.75 0 0 1-1.06 0L2.22 9.28a.75.75 0 0 1 1.06-1.06L6 10.94l6.72-6.72a.75.75 0 0 1 1.06 0Z" clipRule="evenodd" />
          </svg>
          {item}
        </li>
      ))}
    </ul>
  );
}

export function OrganizationSummary({ organization }: { organization: OrganizationView }) {
  return (
    <div className="space-y-2 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-base font-semibold text-slate-900">{organization.name}</span>
        <VerifiedBadge verified={organization.verifiedAt !== null} />
      </div>
      <p className="text-slate-600">
        {organizationKind(organization)} · {ORGANIZATION_SIZE_LABELS[organization.size]} · {organizationPlace(organization)}
      </p>
      <p className="whitespace-pre-line text-slate-700">{organization.description}</p>
      {organization.website ? (
        <a href={organization.website} rel="noopener noreferrer nofollow" target="_blank" className="inline-block font-medium text-brand-700 hover:underline">
          {organization.website.replace(/^https?:\/\//, "")}
        </a>
      ) : null}
    </div>
  );
}

/**
 * Everything about a slot, in two columns: the work on the left, the terms on the right.
 * `aside` adds to the top of the right column (the student's personal note, actions).
 */
export function SlotDetails({
  slot,
  organization,
  skills,
  mentors,
  aside,
  answersOpen = false,
}: {
  slot: SlotView;
  organization: OrganizationView;
  skills: SkillView[];
  mentors: MentorView[];
  aside?: ReactNode;
  /** Show the primary-beneficiary answers unfolded (the admin's review reads them all). */
  answersOpen?: boolean;
}) {
  const unpaid = isUnpaid(slot.compensation);
  return (
    // why: the personal note and actions come first on a phone, and top right on a wide screen.
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem] lg:grid-rows-[auto_1fr]">
      {aside ? <div className="space-y-6 lg:col-start-2 lg:row-start-1">{aside}</div> : null}
      <div className={`min-w-0 space-y-8 lg:col-start-1 lg:row-start-1 ${aside ? "lg:row-span-2" : ""}`}>
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 className="text-sm font-semibold text-slate-900">What you get back</h2>
            <div className="mt-3">
              <GetsBack slot={slot} />
            </div>
          </div>
          <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 className="text-sm font-semibold text-slate-900">The mentor&apos;s commitment</h2>
            <p className="mt-2 text-sm text-slate-700">
              {slot.mentorHoursPerWeek > 0 ? (
                <>
                  <span className="text-2xl font-semibold text-slate-900">{slot.mentorHoursPerWeek}</span> {slot.mentorHoursPerWeek === 1 ? "hour" : "hours"} a week with the intern, from
                </>
              ) : (
                "No weekly mentoring hours set. Named mentors:"
              )}
            </p>
            <ul className="mt-2 space-y-1.5">
              {mentors.map((m) => (
                <li key={m.id} className="flex items-center gap-2 text-sm">
                  <span aria-hidden="true" className="inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-brand-50 text-xs font-semibold text-brand-800 ring-1 ring-brand-100">
                    {m.name.split(/\s+/).map((w) => w[0]).slice(0, 2).join("")}
                  </span>
                  <span>
                    <span className="font-medium text-slate-900">{m.name}</span>
                    {m.email ? <span className="block text-xs text-slate-500">{m.email}</span> : null}
                  </span>
                </li>
              ))}
              {mentors.length === 0 ? <li className="text-sm text-slate-600">No mentor named yet.</li> : null}
            </ul>
          </div>
        </div>
        <Block title="About the slot">
          <Prose>{slot.description}</Prose>
        </Block>
        <Block title="The project, and what you will build">
          <Prose>{slot.project}</Prose>
        </Block>
        <Block title="Skills">
          {skills.length ? <Skills skills={skills} /> : <p className="text-sm text-slate-600">No particular skills listed.</p>}
          <p className="mt-2 text-xs text-slate-500">Levels: 1 learning · 2 used in projects · 3 used at work · 4 could teach it.</p>
        </Block>
        {slot.learningPlan ? (
          <Block title="Learning plan">
            <Prose>{slot.learningPlan}</Prose>
          </Block>
        ) : null}
        {slot.requiredPlacement ? (
          <p className="rounded-lg bg-sky-50 px-4 py-3 text-sm text-sky-950 ring-1 ring-sky-200">
            <span className="font-medium">A placement an academic program requires.</span> Students bring a letter from their school confirming it is required;
            on a study permit, that is the authorization since 1 April 2026.
          </p>
        ) : null}
        {slot.primaryBeneficiary || (unpaid && slot.academicProgram) ? (
          <Block title={slot.compensation === "course_credit" ? "Why this internship is for course credit" : "Why this internship is unpaid"}>
            {slot.academicProgram ? (
              <p className="mb-3 text-sm text-slate-800">
                <span className="font-medium">Part of the academic program:</span> {[slot.academicProgram, slot.academicSchool].filter(Boolean).join(", ")}. The student brings the school&apos;s documents for
                it before starting.
              </p>
            ) : null}
            {slot.primaryBeneficiary ? (
            <details open={answersOpen} className="group rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
              <summary className="cursor-pointer text-sm font-medium text-slate-800">
                The organization&apos;s answers to the seven questions of the US Department of Labor&apos;s primary-beneficiary test
              </summary>
              <dl className="mt-3 space-y-3">
                {PRIMARY_BENEFICIARY_FACTORS.map((f, i) => (
                  <div key={f.key}>
                    <dt className="text-sm font-medium text-slate-700">
                      {i + 1}. {f.question}
                    </dt>
                    <dd className="mt-0.5 whitespace-pre-line text-sm text-slate-800">{slot.primaryBeneficiary?.[f.key] ?? "—"}</dd>
                  </div>
                ))}
              </dl>
            </details>
            ) : null}
          </Block>
        ) : null}
        {slot.questions.length ? (
          <Block title="Questions you will answer when you apply">
            <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-800">
              {slot.questions.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ol>
          </Block>
        ) : null}
      </div>

      <aside className={`space-y-6 lg:col-start-2 ${aside ? "lg:row-start-2" : "lg:row-start-1"}`}>
        <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <dl className="divide-y divide-slate-100">
            <Fact label="Compensation">
              <PayBadge slot={slot} />
            </Fact>
            <Fact label="Hours">{plural(slot.hoursPerWeek, "hour")} a week</Fact>
            <Fact label="Dates">{describeDates(slot)}</Fact>
            <Fact label="Apply by">{formatDay(slot.applicationDeadline)}</Fact>
            <Fact label="Seats">{slot.seats}</Fact>
            <Fact label="Where">{describePlace(slot)}</Fact>
            <Fact label="Time zone">{slot.timezone}</Fact>
          </dl>
        </div>
        <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 className="text-sm font-semibold text-slate-900">Work authorization</h2>
          <div className="mt-2 space-y-2 text-sm">
            {acceptedByCountry(slot.acceptedAuthorizations).map((g) => (
              <div key={g.label}>
                <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">{g.label}</h3>
                <ul className="mt-1 flex flex-wrap gap-1.5">
                  {g.list.map((s) => (
                    <li key={s} title={AUTHORIZATION_INFO[s as WorkAuthorizationStatus].label} className="rounded-md bg-slate-50 px-2 py-0.5 text-xs text-slate-700 ring-1 ring-slate-200">
                      {AUTHORIZATION_INFO[s as WorkAuthorizationStatus].short}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
            <div>
              <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">Paperwork the organization can provide</h3>
              {slot.paperwork.length ? (
                <ul className="mt-1 list-disc pl-5 text-slate-700">
                  {slot.paperwork.map((p) => (
                    <li key={p}>{PAPERWORK_LABELS[p]}</li>
                  ))}
                </ul>
              ) : (
                <p className="mt-1 text-slate-600">None listed.</p>
              )}
            </div>
          </div>
        </div>
        <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 className="text-sm font-semibold text-slate-900">The organization</h2>
          <div className="mt-2">
            <OrganizationSummary organization={organization} />
          </div>
        </div>
      </aside>
    </div>
  );
}
