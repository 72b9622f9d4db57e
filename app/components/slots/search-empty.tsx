import { ButtonLink, Card } from "~/components/ui";
import { countryName, ORGANIZATION_TYPE_LABELS, WORK_MODE_LABELS } from "~/domain/labels";
import { formatDay, plural } from "~/modules/slots/format";
import { PAY_OPTIONS, type SlotSearch, type SlotSearchResult } from "./search-filters";

/** Where a keyword is looked for: the slot's search document (migration 0009). */
export const KEYWORD_FIELDS = "titles, skills, organization names, projects and descriptions";

/** What a search asked for, one line each, in the words of the filters. */
function searchedFor(search: SlotSearch, result: SlotSearchResult) {
  const lines: string[] = [];
  if (search.q) lines.push(`“${search.q}” in ${KEYWORD_FIELDS}`);
  if (result.skills.length) lines.push(`Asks for ${result.skills.map((s) => s.name).join(" and ")}`);
  if (search.pay) lines.push(PAY_OPTIONS.find((o) => o.value === search.pay)!.label);
  if (search.modes.length) lines.push(search.modes.map((m) => WORK_MODE_LABELS[m]).join(" or "));
  if (search.country) lines.push(`In ${countryName(search.country)}`);
  if (search.organizationType) lines.push(`At a ${ORGANIZATION_TYPE_LABELS[search.organizationType].toLowerCase()}`);
  if (search.maxHours) lines.push(`At most ${plural(search.maxHours, "hour")} a week`);
  if (search.maxWeeks) lines.push(`At most ${plural(search.maxWeeks, "week")} long`);
  if (search.startFrom) lines.push(`Starts on or after ${formatDay(search.startFrom)}`);
  if (result.fitsMeApplied && result.student) lines.push(`Accepts your ${result.student.short}`);
  return lines;
}

/** No result: what was searched, so the person sees which part to loosen; or that nothing is open. */
export function SearchEmpty({ search, result, filtered }: { search: SlotSearch; result: SlotSearchResult; filtered: boolean }) {
  if (!filtered) {
    return (
      <Card className="text-center">
        <h3 className="text-lg font-semibold text-slate-900">No slots are open right now</h3>
        <p className="mx-auto mt-2 max-w-lg text-slate-600">Organizations post new mentored slots every week. Come back soon.</p>
      </Card>
    );
  }
  const lines = searchedFor(search, result);
  return (
    <Card>
      <h3 className="text-lg font-semibold text-slate-900">{lines.length > 1 ? "No open slot matches all of these" : "No open slot matches this"}</h3>
      <ul aria-label="What was searched" className="mt-3 list-disc space-y-1 pl-5 text-slate-700">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="mt-3 text-sm text-slate-600">
        {lines.length > 1 ? "Remove one of these to see more. " : ""}Slots whose application deadline has passed are not listed.
      </p>
      <div className="mt-5 flex flex-wrap gap-3">
        {search.q && lines.length > 1 ? (
          <ButtonLink to={`/slots?q=${encodeURIComponent(search.q)}`} variant="secondary">
            Search “{search.q}” without filters
          </ButtonLink>
        ) : null}
        <ButtonLink to="/slots" variant="secondary">
          Clear all filters
        </ButtonLink>
      </div>
    </Card>
  );
}
