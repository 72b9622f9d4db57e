import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { inputClass } from "~/components/forms";
import { Button } from "~/components/ui";
import { COUNTRIES, ORGANIZATION_TYPE_LABELS, WORK_MODE_LABELS } from "~/domain/labels";
import { ORGANIZATION_TYPES, WORK_MODES, type parseSlotSearch } from "~/modules/slots/schemas";
import type { browseSlots } from "~/modules/slots/search.server";
import { useSkillNames } from "./use-skill-names";

// The filters of the public slot search (app/routes/slots._index.tsx): every one a query parameter
// of the page's GET form, so a search can be shared.

export type SlotSearch = ReturnType<typeof parseSlotSearch>;
export type SlotSearchResult = Awaited<ReturnType<typeof browseSlots>>;

/** The form kit's input, smaller, for the filters. */
const filterClass = `mt-1 text-sm ${inputClass}`;
export const PAY_OPTIONS = [
  { value: "", label: "Any compensation" },
  { value: "paid_only", label: "Paid only (hourly)" },
  { value: "paid_or_stipend", label: "Paid or stipend" },
  { value: "unpaid_or_credit", label: "Unpaid or course credit" },
] as const;

function FilterGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="border-t border-slate-200 pt-4">
      <legend className="float-left mb-2 w-full text-sm font-semibold text-slate-900">{legend}</legend>
      <div className="clear-both space-y-1.5">{children}</div>
    </fieldset>
  );
}

export function SearchFilters({
  search,
  result,
  role,
  open,
  filtered,
  withoutSkill,
}: {
  search: SlotSearch;
  result: SlotSearchResult;
  role: string | null;
  /** Folded away on a phone until its button opens it. */
  open: boolean;
  /** Whether any filter is on ("Clear all" shows). */
  filtered: boolean;
  /** The address of this search without one chosen skill. */
  withoutSkill: (skill: SlotSearchResult["skills"][number]) => string;
}) {
  const location = useLocation();
  const skillNames = useSkillNames();
  return (
    <div id="slot-filters" className={`${open ? "" : "hidden"} space-y-4 self-start rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 lg:block`}>
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
        <input
          id="skill-add"
          name="skill"
          list="skill-names"
          autoComplete="off"
          onFocus={skillNames.load}
          placeholder={result.skills.length ? "Add another skill" : "Python, React, SQL…"}
          className={filterClass}
        />
        <datalist id="skill-names">
          {skillNames.names.map((name) => (
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
  );
}
