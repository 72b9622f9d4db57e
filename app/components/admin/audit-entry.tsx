import { Link } from "@remix-run/react";
import { formatDateTime } from "~/components/format";
import type { AuditSubject } from "~/modules/audit/audit-log.server";

const SUBJECT_LABELS: Record<string, string> = {
  organization: "Organization",
  slot: "Slot",
  user: "Account",
  match: "Match",
  application: "Application",
  match_round: "Matching round",
  export: "Export",
};

/** Keys of an entry's detail that are said elsewhere on the row (the reason, the subject's name). */
const SHOWN_ELSEWHERE = new Set(["reason", "name", "title", "slotTitle"]);

/** The reason given, then the plain values of an entry's detail a person reads (ids left out). */
export function AuditDetail({ detail, reason }: { detail: Record<string, unknown> | null; reason: string | null }) {
  const plain = Object.entries(detail ?? {}).filter(
    ([key, value]) =>
      !SHOWN_ELSEWHERE.has(key) && (typeof value === "string" || typeof value === "number" || typeof value === "boolean") && !/^[0-9a-f-]{36}$/i.test(String(value)),
  );
  return (
    <>
      {reason ? (
        <span className="block whitespace-pre-line text-slate-700">
          <span className="font-medium">Reason:</span> <span className="italic">“{reason}”</span>
        </span>
      ) : null}
      {plain.map(([key, value]) => (
        <span key={key} className="block text-xs text-slate-500">
          {key}: {String(value)}
        </span>
      ))}
    </>
  );
}

/** What an entry is about: its kind, its name today (a link to its page where an admin has one), or a note that it is gone. */
export function AuditSubjectCell({ type, id, subject, detail }: { type: string; id: string; subject: AuditSubject; detail: Record<string, unknown> | null }) {
  const recorded = [detail?.name, detail?.title, detail?.slotTitle].find((v): v is string => typeof v === "string");
  const name = subject.roundAt ? `Round of ${formatDateTime(subject.roundAt)}` : (subject.name ?? recorded ?? `#${id.slice(0, 8)}`);
  return (
    <>
      <span className="block text-xs uppercase tracking-wide text-slate-500">{SUBJECT_LABELS[type] ?? type}</span>
      {subject.href ? (
        <Link to={subject.href} className="font-medium text-brand-700 hover:underline">
          {name}
        </Link>
      ) : (
        <span className="font-medium text-slate-900">{name}</span>
      )}
      {subject.exists ? null : <span className="block text-xs text-slate-500">no longer exists</span>}
    </>
  );
}
