/**
 * Whether an admin has verified an organization, as a small badge next to its name.
 *
 *   <VerifiedBadge verified={org.verifiedAt != null} />
 *     verified   → an emerald "Verified organization" pill with a check icon;
 *     unverified → a muted "Not yet verified" pill.
 *   <VerifiedBadge verified={…} hideUnverified />
 *     unverified → renders nothing (for public lists, where "not yet verified" on every
 *     card would be noise; the mentor's own pages and admin pages should show it).
 *
 * The wording is in the text, not only the colour or icon, so screen readers and
 * colour-blind readers get the same message; `title` explains what "verified" means.
 */
export function VerifiedBadge({ verified, hideUnverified = false, className = "" }: { verified: boolean; hideUnverified?: boolean; className?: string }) {
  if (verified) {
    return (
      <span
        title="An administrator of Steppingstone checked that this organization is real and that its mentors belong to it."
        className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200 ${className}`}
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-current">
          <path
            fillRule="evenodd"
            d="M8 15A7 7 0 1 0 8 1a7 7 0 0 0 0 14Zm3.54-8.46a.75.75 0 0 0-1.08-1.04L7.1 9 5.53 7.47a.75.75 0 1 0-1.06 1.06l2.1 2.1a.75.75 0 0 0 1.07-.01l3.9-4.08Z"
            clipRule="evenodd"
          />
        </svg>
        Verified organization
      </span>
    );
  }
  if (hideUnverified) return null;
  return (
    <span
      title="An administrator has not checked this organization yet."
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600 ring-1 ring-slate-200 ${className}`}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-none stroke-current" strokeWidth="1.5">
        <circle cx="8" cy="8" r="6.25" />
        <path d="M8 4.75V8l2 1.5" strokeLinecap="round" />
      </svg>
      Not yet verified
    </span>
  );
}
