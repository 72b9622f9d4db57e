import { AUTHORIZATION_INFO, type WorkAuthorizationStatus } from "~/domain/work-authorization";
import { nothingToConfirm, renderStatusStep } from "~/messages/render";

/** What the chosen status means, as guidance; updates as the select changes when JavaScript runs. */
export function AuthorizationGuidance({ status }: { status: WorkAuthorizationStatus | null }) {
  if (!status) {
    return (
      <div id="authorization-guidance" aria-live="polite" className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-600 ring-1 ring-slate-200">
        Choose your status to see what it means for internships and what to confirm before you start.
      </div>
    );
  }
  const info = AUTHORIZATION_INFO[status];
  return (
    <div id="authorization-guidance" aria-live="polite" className="rounded-lg bg-sky-50 px-4 py-3 text-sm text-sky-950 ring-1 ring-sky-200">
      <p className="text-xs font-semibold uppercase tracking-wide text-sky-800">Guidance, not legal advice</p>
      <p className="mt-1 font-semibold">{info.label}</p>
      <p className="mt-1">{info.meaning}</p>
      <p className="mt-2">
        <span className="font-semibold">Confirm with your school&apos;s international office: </span>
        {renderStatusStep(status, { audience: "student" }) ?? nothingToConfirm()}
      </p>
    </div>
  );
}
