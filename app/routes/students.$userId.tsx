import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { getDb } from "~db/client.server";
import { requireUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ButtonLink, Card } from "~/components/ui";
import {
  BENEFIT_LABELS,
  COMPENSATION_PREFERENCE_LABELS,
  countryName,
  DEGREE_LABELS,
  SKILL_LEVEL_LABELS,
  WORK_MODE_LABELS,
} from "~/domain/labels";
import { AUTHORIZATION_INFO } from "~/domain/work-authorization";
import { getStudentProfileView } from "~/modules/profiles/profiles.server";
import { notFound } from "~/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.profile.name} · Steppingstone` : "Student · Steppingstone" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const profile = await getStudentProfileView(getDb(), user, params.userId ?? "");
  // One answer for "no such student" and "not yours to see", so ids cannot be probed.
  if (!profile) throw notFound();
  return { profile };
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
/** A YYYY-MM-DD date, the same on server and client. */
const formatDay = (day: string) => dateFormat.format(new Date(`${day}T00:00:00Z`));

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[8.5rem_1fr] gap-3 py-2.5">
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium text-slate-900">{children}</dd>
    </div>
  );
}

const notSaid = <span className="font-normal text-slate-400">Not said yet</span>;

function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} rel="noopener noreferrer nofollow ugc" className="break-all font-medium text-brand-700 hover:underline">
      {children}
    </a>
  );
}

export default function StudentProfilePage() {
  const { profile: p } = useLoaderData<typeof loader>();
  const full = p.viewedAs !== "mentor";
  const studies = [p.program, p.degree ? DEGREE_LABELS[p.degree] : null].filter(Boolean).join(" · ");
  const place = [p.city, p.country ? countryName(p.country) : null].filter(Boolean).join(", ");
  const links = [
    p.portfolioUrl ? { label: "Portfolio", href: p.portfolioUrl } : null,
    p.githubUrl ? { label: "GitHub", href: p.githubUrl } : null,
    p.linkedinUrl ? { label: "LinkedIn", href: p.linkedinUrl } : null,
  ].filter((l) => l !== null);
  const authorization = p.authorization ? AUTHORIZATION_INFO[p.authorization.status] : null;

  return (
    <div className="space-y-8">
      {p.viewedAs === "self" ? (
        <div className="flex flex-col gap-3 rounded-lg bg-sky-50 px-4 py-3 text-sm text-sky-950 ring-1 ring-sky-200 sm:flex-row sm:items-center sm:justify-between" role="status">
          <p>
            This is your profile as admins see it. Mentors who may see it get the same page without your email and settings
            {p.privacy?.shareAuthorization ? "." : ", and without your work-authorization status (you have not shared it)."}
          </p>
          <ButtonLink to="/profile" variant="secondary" className="shrink-0">
            Edit your profile
          </ButtonLink>
        </div>
      ) : null}

      <header className="flex flex-col gap-2">
        <p className="text-sm font-semibold text-brand-700">Student</p>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{p.name}</h1>
        <p className="text-slate-700">
          {studies || "Program not said yet"}
          {p.school ? <> at <span className="font-medium">{p.school}</span></> : null}
          {p.graduationDate ? <span className="text-slate-500"> · graduates {formatDay(p.graduationDate)}</span> : null}
        </p>
        {place || p.languages.length ? (
          <p className="text-sm text-slate-500">
            {[place, p.languages.length ? `Speaks ${p.languages.join(", ")}` : null].filter(Boolean).join(" · ")}
          </p>
        ) : null}
      </header>

      <div className="grid gap-8 lg:grid-cols-3">
        <div className="space-y-8 lg:col-span-2">
          <Card>
            <h2 className="text-lg font-semibold text-slate-900">Skills</h2>
            {p.skills.length ? (
              <ul className="mt-4 flex flex-wrap gap-2">
                {p.skills.map((s) => (
                  <li key={s.slug} className="inline-flex items-center gap-2 rounded-full bg-slate-50 py-1 pl-3 pr-1 text-sm ring-1 ring-slate-200">
                    <span className="font-medium text-slate-900">{s.name}</span>
                    <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-800 ring-1 ring-brand-100">{SKILL_LEVEL_LABELS[s.level]}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-3 text-sm text-slate-500">No skills listed yet.</p>
            )}
          </Card>

          <Card>
            <h2 className="text-lg font-semibold text-slate-900">Projects</h2>
            {p.projects.length ? (
              <ul className="mt-4 divide-y divide-slate-200">
                {p.projects.map((project, i) => (
                  <li key={i} className="py-4 first:pt-0 last:pb-0">
                    <h3 className="font-semibold text-slate-900">{project.title}</h3>
                    <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{project.description}</p>
                    {project.url ? (
                      <p className="mt-2 text-sm">
                        <ExternalLink href={project.url}>{project.url.replace(/^https?:\/\//, "")}</ExternalLink>
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-3 text-sm text-slate-500">No projects listed yet.</p>
            )}
            {p.coursework ? (
              <div className="mt-6 border-t border-slate-200 pt-5">
                <h3 className="text-sm font-semibold text-slate-900">Relevant coursework</h3>
                <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{p.coursework}</p>
              </div>
            ) : null}
          </Card>
        </div>

        <div className="space-y-8">
          <Card>
            <h2 className="text-lg font-semibold text-slate-900">Where and when</h2>
            <dl className="mt-3 divide-y divide-slate-100 text-sm">
              <Row label="Location">{place || notSaid}</Row>
              <Row label="Time zone">{p.timezone ?? notSaid}</Row>
              <Row label="Available from">{p.availableFrom ? formatDay(p.availableFrom) : notSaid}</Row>
              <Row label="For">{p.availableWeeks ? `${p.availableWeeks} weeks` : notSaid}</Row>
              <Row label="Hours a week">
                {p.hoursPerWeekTerm !== null || p.hoursPerWeekBreak !== null ? (
                  <>
                    {p.hoursPerWeekTerm ?? "?"} in term · {p.hoursPerWeekBreak ?? "?"} in breaks
                  </>
                ) : (
                  notSaid
                )}
              </Row>
              <Row label="Works">{p.workModes.length ? p.workModes.map((m) => WORK_MODE_LABELS[m]).join(", ") : notSaid}</Row>
            </dl>
          </Card>

          <Card>
            <h2 className="text-lg font-semibold text-slate-900">Work authorization</h2>
            {authorization && p.authorization ? (
              <div className="mt-3 text-sm">
                <p className="font-medium text-slate-900">{authorization.label}</p>
                {p.authorization.validFrom || p.authorization.validUntil ? (
                  <p className="mt-1 text-slate-600">
                    Valid {p.authorization.validFrom ? `from ${formatDay(p.authorization.validFrom)}` : ""}
                    {p.authorization.validUntil ? ` until ${formatDay(p.authorization.validUntil)}` : ""}
                  </p>
                ) : null}
                <p className="mt-2 text-slate-600">{authorization.meaning}</p>
                <p className="mt-2 text-xs text-slate-500">Guidance, not legal advice: the student confirms with their school&apos;s international office.</p>
              </div>
            ) : p.authorizationHidden ? (
              <p className="mt-3 text-sm text-slate-600">
                {p.name} has not shared their status. Steppingstone checks whether it fits a slot during matching, and shows you only the answer.
              </p>
            ) : (
              <p className="mt-3 text-sm text-slate-500">Not said yet.</p>
            )}
          </Card>

          <Card>
            <h2 className="text-lg font-semibold text-slate-900">What they want</h2>
            <dl className="mt-3 divide-y divide-slate-100 text-sm">
              <Row label="Compensation">{p.compensation ? COMPENSATION_PREFERENCE_LABELS[p.compensation] : notSaid}</Row>
              <Row label="Goals">{p.goals.length ? p.goals.map((g) => BENEFIT_LABELS[g]).join(", ") : notSaid}</Row>
            </dl>
          </Card>

          <Card>
            <h2 className="text-lg font-semibold text-slate-900">Links</h2>
            {links.length ? (
              <ul className="mt-3 space-y-2 text-sm">
                {links.map((l) => (
                  <li key={l.label}>
                    <span className="text-slate-500">{l.label}: </span>
                    <ExternalLink href={l.href}>{l.href.replace(/^https?:\/\//, "")}</ExternalLink>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-3 text-sm text-slate-500">No links yet.</p>
            )}
          </Card>

          {full && p.privacy ? (
            <Card>
              <h2 className="text-lg font-semibold text-slate-900">Contact and settings</h2>
              <p className="mt-1 text-xs text-slate-500">Only the student and admins see this card.</p>
              <dl className="mt-3 divide-y divide-slate-100 text-sm">
                <Row label="Email">
                  <span className="break-all">{p.email}</span>
                </Row>
                <Row label="Matching rounds">{p.privacy.inMatching ? "Included" : "Not included"}</Row>
                <Row label="Verified mentors">{p.privacy.visibleToMentors ? "May see the profile" : "Only with an application or match"}</Row>
                <Row label="Status shared">{p.privacy.shareAuthorization ? "Yes, with mentors who see the profile" : "No"}</Row>
              </dl>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
