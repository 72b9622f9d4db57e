import { Link } from "@remix-run/react";
import { PayBadge, SkillChip } from "~/components/slot-details";
import { VerifiedBadge } from "~/components/verified-badge";
import { StandingMark } from "./slot-summary";
import { BENEFIT_LABELS, ORGANIZATION_TYPE_LABELS } from "~/domain/labels";
import { describePlace, formatDay, plural } from "~/modules/slots/format";
import type { SlotSearchResult } from "./search-filters";

/** One open slot in the public search's results, with how it fits the student's work authorization. */
export function SearchResult({ slot, student }: { slot: SlotSearchResult["rows"][number]; student: SlotSearchResult["student"] }) {
  return (
    <li className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 transition hover:ring-brand-300">
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
        <StandingMark standing={slot.standing} />
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
      {slot.fit && student ? (
        <p className={`mt-2 text-xs font-medium ${slot.fit.eligible && student.status !== "not_authorized" ? "text-emerald-800" : "text-amber-800"}`}>
          {slot.fit.eligible && student.status === "not_authorized"
            ? `Open to students not yet authorized: ${slot.fit.warnings[0] ?? ""}`
            : slot.fit.eligible
            ? `Accepts your ${student.short}${slot.fit.warnings.length ? ` — ${plural(slot.fit.warnings.length, "thing")} to confirm` : ""}`
            : slot.acceptedAuthorizations.includes(student.status)
              ? `May not work with your ${student.short}: ${slot.fit.problems[0]}`
              : `Does not accept ${student.short}`}
        </p>
      ) : null}
    </li>
  );
}
