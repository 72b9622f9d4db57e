import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useSubmit } from "@remix-run/react";
import { useEffect, useState, type FormEvent } from "react";
import { getDb } from "~db/client.server";
import { getAuth } from "~/auth/guards.server";
import { readQuery } from "~/forms/read.server";
import { Pagination, pageParam } from "~/components/pagination";
import { SearchEmpty } from "~/components/slots/search-empty";
import { SearchFilters } from "~/components/slots/search-filters";
import { SearchResult } from "~/components/slots/search-result";
import { Button, PageHeader } from "~/components/ui";
import { plural } from "~/modules/slots/format";
import { parseSlotSearch } from "~/modules/slots/schemas";
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

const SORT_LABELS = { relevance: "Best match", newest: "Newest", deadline: "Deadline soonest" } as const;

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
              placeholder="Search titles, skills, organizations and descriptions: “data pipeline”, react -php"
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
        <SearchFilters search={search} result={result} role={role} open={filtersOpen} filtered={filtered} withoutSkill={withoutSkill} />

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
            <SearchEmpty search={search} result={result} filtered={filtered} />
          ) : (
            <ul className="space-y-4">
              {result.rows.map((slot) => (
                <SearchResult key={slot.id} slot={slot} student={result.student} />
              ))}
            </ul>
          )}
          <Pagination page={page} pages={result.pages} />
        </section>
      </Form>
    </div>
  );
}
