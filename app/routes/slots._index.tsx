import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useSubmit } from "@remix-run/react";
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { getDb } from "~db/client.server";
import { getAuth } from "~/auth/guards.server";
import { readQuery } from "~/forms/read.server";
import { inputClass } from "~/components/forms";
import { Pagination, pageParam } from "~/components/pagination";
import { PayBadge, SkillChip } from "~/components/slot-details";
import { Button, ButtonLink, Card, PageHeader } from "~/components/ui";
import { VerifiedBadge } from "~/components/verified-badge";
import { BENEFIT_LABELS, COUNTRIES, ORGANIZATION_TYPE_LABELS, WORK_MODE_LABELS } from "~/domain/labels";
import { describePlace, formatDay, plural } from "~/modules/slots/format";
import { ORGANIZATION_TYPES, parseSlotSearch, WORK_MODES } from "~/modules/slots/schemas";
import { browseSlots } from "~/modules/slots/search.server";

export const meta: MetaFunction = () => [{ title: "Mentored internship slots · Steppingstone" }];

// Public: anyone may browse. Every filter is a query parameter, so a search can be shared.
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getAuth(request);
  const { params, refused } = readQuery(request);
  const search = parseSlotSearch(params);
  const page = pageParam(request);
  const viewer = auth ? { id: auth.user.id, role: auth.user.role } : null;
  const result = await browseSlots(getDb(), { search, page, viewer });
  return { search, page, result, role: viewer?.role ?? null, leftOut: refused.length > 0 };
}

/** The form kit's input, smaller, for the filters. */
const filterClass = `mt-1 text-sm ${inputClass}`;
const PAY_OPTIONS = [
  { value: "", label: "Any compensation" },
  { value: "paid_only", label: "Paid only (hourly)" },
  { value: "paid_or_stipend", label: "Paid or stipend" },
  { value: "unpaid_or_credit", label: "Unpaid or course credit" },
] as const;
const SORT_LABELS = { relevance: "Best match", newest: "Newest", deadline: "Deadline soonest" } as const;

function FilterGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="border-t border-slate-200 pt-4">
      <legend className="float-left mb-2 w-full text-sm font-semibold text-slate-900">{legend}</legend>
      <div className="clear-both space-y-1.5">{children}</div>
    </fieldset>
  );
}

export default function SlotsPage() {
  const { search, result, role, page, leftOut } = useLoaderData<typeof loader>();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const hrefWith = (change: (p: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    next.delete("page");
    change(next);
    const query = next.toString();
    return query ? `?${query}` : "/slots";
  };
  const withoutSkill = (skill: (typeof result.skills)[number]) =>
    hrefWith((p) => {
      const keep = p.getAll("skill").filter((s) => !skill.typed.includes(s.trim().toLowerCase()));
      p.delete("skill");
      for (const s of keep) p.append("skill", s);
    });
  const filtered = Boolean(
    search.q || search.skills.length || search.pay || search.modes.length || search.country || search.organizationType || search.maxHours || search.maxWeeks || search.startFrom || search.fitsMe,
  );
  // On a phone the filters fold away behind a button once JavaScript runs; without it they stay open.
  const [filtersOpen, setFiltersOpen] = useState(true);
  useEffect(() => {
    if (window.matchMedia("(max-width: 1023px)").matches) setFiltersOpen(false);
  }, []);
  const activeFilters =
    search.skills.length + search.modes.length + [search.pay, search.country, search.organizationType, search.maxHours, search.maxWeeks, search.startFrom, search.fitsMe || undefined].filter(Boolean).length;
  // With JavaScript, empty fields stay out of the URL, so a shared link says only what was chosen.
  const submit = useSubmit();
  const submitWithoutEmpty = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) if (typeof value === "string" && value.trim()) next.append(key, value.trim());
    submit(next, { method: "get", action: "/slots" });
  };

  return (
    <div>
      <PageHeader
        title="Mentored internship slots"
        description="Internships at startups, nonprofits and research teams, each with a named mentor, their weekly hours, and what you get back."
      />

      <Form method="get" id="slot-search" role="search" aria-label="Search slots" onSubmit={submitWithoutEmpty} className="grid gap-8 lg:grid-cols-[17rem_1fr]">
        <div className="lg:col-span-2">
          <label htmlFor="q" className="sr-only">
            Keywords
          </label>
          <div className="flex gap-2">
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={search.q ?? ""}
              placeholder="Search titles, projects and descriptions: “data pipeline”, react -php"
              className="block w-full rounded-md border-0 bg-white px-4 py-2.5 text-slate-900 shadow-sm ring-1 ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600"
            />
            <Button type="submit">Search</Button>
          </div>
          {leftOut ? (
            <p className="mt-2 text-sm text-amber-800" role="status">
              Part of this address had an invisible control character in it, so that part of the search was left out.
            </p>
          ) : null}
        </div>

        <div className="lg:hidden">
          <Button type="button" variant="secondary" className="w-full" aria-expanded={filtersOpen} aria-controls="slot-filters" onClick={() => setFiltersOpen((open) => !open)}>
            {filtersOpen ? "Hide filters" : `Filters${activeFilters ? ` (${activeFilters} on)` : ""}`}
          </Button>
        </div>
        <div id="slot-filters" className={`${filtersOpen ? "" : "hidden"} space-y-4 self-start rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 lg:block`}>
          <div className="flex items-center justify-between">
            <h2 className="text-base font-semibold text-slate-900">Filters</h2>
            {filtered ? (
              <Link to="/slots" className="text-sm font-medium text-brand-700 hover:underline">
                Clear all
              </Link>
            ) : null}
          </div>

          <FilterGroup legend="Skills">
            {result.skills.length ? (
              <ul className="flex flex-wrap gap-1.5" aria-label="Chosen skills">
                {result.skills.map((s) => (
                  <li key={s.slug} className="inline-flex items-center gap-1 rounded-md bg-brand-50 py-0.5 pl-2 pr-1 text-xs font-medium text-brand-900 ring-1 ring-brand-200">
                    <input type="hidden" name="skill" value={s.slug} />
                    {s.name}
                    <Link to={withoutSkill(s)} aria-label={`Remove ${s.name}`} className="rounded px-1 text-brand-800 hover:bg-brand-100">
                      ×
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
            {result.unknownSkills.length ? (
              <p className="text-xs text-amber-800">We don&apos;t know {result.unknownSkills.map((s) => `“${s}”`).join(", ")}; pick a skill from the list.</p>
            ) : null}
            <label htmlFor="skill-add" className="sr-only">
              Add a skill
            </label>
            <input id="skill-add" name="skill" list="skill-names" autoComplete="off" placeholder={result.skills.length ? "Add another skill" : "Python, React, SQL…"} className={filterClass} />
            <datalist id="skill-names">
              {result.skillNames.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
            <p className="text-xs text-slate-500">Slots that ask for every skill you choose.</p>
          </FilterGroup>

          <FilterGroup legend="Compensation">
            {PAY_OPTIONS.map((o) => (
              <label key={o.value} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="radio" name="pay" value={o.value} defaultChecked={(search.pay ?? "") === o.value} className="h-4 w-4 accent-brand-700" />
                {o.label}
              </label>
            ))}
          </FilterGroup>

          <FilterGroup legend="Work mode">
            {WORK_MODES.map((m) => (
              <label key={m} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" name="mode" value={m} defaultChecked={search.modes.includes(m)} className="h-4 w-4 accent-brand-700" />
                {WORK_MODE_LABELS[m]}
              </label>
            ))}
          </FilterGroup>

          <FilterGroup legend="Place and organization">
            <label htmlFor="country" className="block text-sm text-slate-700">
              Country
            </label>
            <select id="country" name="country" defaultValue={search.country ?? ""} className={filterClass}>
              <option value="">Any country</option>
              {COUNTRIES.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
            <label htmlFor="orgType" className="block pt-2 text-sm text-slate-700">
              Organization type
            </label>
            <select id="orgType" name="orgType" defaultValue={search.organizationType ?? ""} className={filterClass}>
              <option value="">Any type</option>
              {ORGANIZATION_TYPES.map((t) => (
                <option key={t} value={t}>
                  {ORGANIZATION_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </FilterGroup>

          <FilterGroup legend="Time">
            <label htmlFor="maxHours" className="block text-sm text-slate-700">
              Hours per week, at most
            </label>
            <input id="maxHours" name="maxHours" type="number" min={1} max={60} inputMode="numeric" defaultValue={search.maxHours ?? ""} className={filterClass} />
            <label htmlFor="maxWeeks" className="block pt-2 text-sm text-slate-700">
              Duration in weeks, at most
            </label>
            <input id="maxWeeks" name="maxWeeks" type="number" min={1} max={104} inputMode="numeric" defaultValue={search.maxWeeks ?? ""} className={filterClass} />
            <label htmlFor="startFrom" className="block pt-2 text-sm text-slate-700">
              Starts on or after
            </label>
            <input id="startFrom" name="startFrom" type="date" defaultValue={search.startFrom ?? ""} className={filterClass} />
          </FilterGroup>

          <FilterGroup legend="Work authorization">
            {result.student ? (
              <label className="flex items-start gap-2 text-sm text-slate-800">
                <input type="checkbox" name="fit" value="mine" defaultChecked={search.fitsMe} className="mt-0.5 h-4 w-4 accent-brand-700" />
                <span>
                  Accepts my work authorization
                  <span className="block text-xs text-slate-500">{result.student.short}, from your profile</span>
                </span>
              </label>
            ) : role === "student" ? (
              <p className="text-sm text-slate-600">
                <Link to="/profile" className="font-medium text-brand-700 hover:underline">
                  Add your work authorization
                </Link>{" "}
                to your profile to see only slots that accept it.
              </p>
            ) : role ? (
              <p className="text-sm text-slate-600">Students can filter by the work authorization on their profile.</p>
            ) : (
              <p className="text-sm text-slate-600">
                <Link to={`/login?redirectTo=${encodeURIComponent(`/slots${location.search}`)}`} className="font-medium text-brand-700 hover:underline">
                  Log in as a student
                </Link>{" "}
                to see only slots that accept your work authorization.
              </p>
            )}
          </FilterGroup>

          {search.sort ? <input type="hidden" name="sort" value={search.sort} /> : null}
          <Button type="submit" className="w-full">
            Apply filters
          </Button>
        </div>

        <section aria-labelledby="results-heading" className="min-w-0">
          <div className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
            <h2 id="results-heading" className="text-base font-semibold text-slate-900" aria-live="polite">
              {result.total === 0 ? "No open slots match" : `${plural(result.total, "open slot")}${filtered ? " match" : ""}`}
            </h2>
            <nav aria-label="Sort" className="flex items-center gap-1 text-sm">
              <span className="mr-1 text-slate-500">Sort:</span>
              {(search.q ? (["relevance", "newest", "deadline"] as const) : (["newest", "deadline"] as const)).map((s) => (
                <Link
                  key={s}
                  to={hrefWith((p) => p.set("sort", s))}
                  aria-current={result.sort === s ? "true" : undefined}
                  className={`rounded-md px-2.5 py-1 ${result.sort === s ? "bg-brand-50 font-medium text-brand-800 ring-1 ring-brand-200" : "text-slate-700 hover:bg-slate-100"}`}
                >
                  {SORT_LABELS[s]}
                </Link>
              ))}
            </nav>
          </div>

          {result.rows.length === 0 ? (
            <Card className="text-center">
              <h3 className="text-lg font-semibold text-slate-900">{filtered ? "Nothing matches all of these filters" : "No slots are open right now"}</h3>
              <p className="mx-auto mt-2 max-w-lg text-slate-600">
                {filtered
                  ? "Try fewer skills, a wider compensation choice, or more hours. Slots whose application deadline has passed are not listed."
                  : "Organizations post new mentored slots every week. Come back soon."}
              </p>
              {filtered ? (
                <div className="mt-6 flex justify-center">
                  <ButtonLink to="/slots" variant="secondary">
                    Clear all filters
                  </ButtonLink>
                </div>
              ) : null}
            </Card>
          ) : (
            <ul className="space-y-4">
              {result.rows.map((slot) => (
                <li key={slot.id} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 transition hover:ring-brand-300">
                  <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                    <span className="font-medium text-slate-800">{slot.organization.name}</span>
                    <VerifiedBadge verified={slot.organization.verifiedAt !== null} hideUnverified />
                    <span aria-hidden="true">·</span>
                    <span>{ORGANIZATION_TYPE_LABELS[slot.organization.type]}</span>
                  </div>
                  <h3 className="mt-1.5 text-lg font-semibold leading-snug text-slate-900">
                    <Link to={`/slots/${slot.id}`} className="hover:text-brand-800 hover:underline">
                      {slot.title}
                    </Link>
                  </h3>
                  <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1.5 text-sm text-slate-700">
                    <PayBadge slot={slot} />
                    <span>{describePlace(slot)}</span>
                    <span>{plural(slot.hoursPerWeek, "hour")}/week</span>
                    <span>
                      {plural(slot.durationWeeks, "week")} from {formatDay(slot.startDate)}
                    </span>
                  </div>
                  <p className="mt-2 line-clamp-2 text-sm text-slate-600">{slot.description}</p>
                  {slot.skills.length ? (
                    <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Skills">
                      {slot.skills.slice(0, 8).map((s) => (
                        <SkillChip key={s.slug} skill={s} />
                      ))}
                      {slot.skills.length > 8 ? <li className="text-xs text-slate-500">+{slot.skills.length - 8} more</li> : null}
                    </ul>
                  ) : null}
                  <div className="mt-3 flex flex-col gap-1 border-t border-slate-100 pt-3 text-xs text-slate-600 sm:flex-row sm:items-center sm:justify-between">
                    <span>
                      Mentorship{slot.mentorHoursPerWeek ? ` ${slot.mentorHoursPerWeek} h/week` : ""}
                      {slot.offers
                        .filter((o) => o !== "mentorship")
                        .map((o) => ` · ${BENEFIT_LABELS[o]}`)
                        .join("")}
                    </span>
                    <span className="font-medium text-slate-700">Apply by {formatDay(slot.applicationDeadline)}</span>
                  </div>
                  {slot.fit && result.student ? (
                    <p className={`mt-2 text-xs font-medium ${slot.fit.eligible && result.student.status !== "not_authorized" ? "text-emerald-800" : "text-amber-800"}`}>
                      {slot.fit.eligible && result.student.status === "not_authorized"
                        ? `Open to students not yet authorized: ${slot.fit.warnings[0] ?? ""}`
                        : slot.fit.eligible
                        ? `Accepts your ${result.student.short}${slot.fit.warnings.length ? ` — ${plural(slot.fit.warnings.length, "thing")} to confirm` : ""}`
                        : slot.acceptedAuthorizations.includes(result.student.status)
                          ? `May not work with your ${result.student.short}: ${slot.fit.problems[0]}`
                          : `Does not accept ${result.student.short}`}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <Pagination page={page} pages={result.pages} />
        </section>
      </Form>
    </div>
  );
}
