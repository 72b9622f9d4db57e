import { NavLink } from "@remix-run/react";

const ADMIN_SECTIONS = [
  { to: "/admin", label: "Overview", end: true },
  { to: "/admin/insights", label: "Insights", end: false },
  { to: "/admin/users", label: "People", end: false },
  { to: "/admin/organizations", label: "Organizations", end: false },
  { to: "/admin/slots", label: "Slot review", end: false },
  { to: "/admin/matches", label: "Matches", end: false },
  { to: "/admin/stalled", label: "Stalled matches", end: false },
  // Read only for admins: the students and mentors act on them.
  { to: "/letters", label: "Letters", end: false },
  { to: "/referrals", label: "Referrals", end: false },
  { to: "/admin/exports", label: "Exports", end: false },
  { to: "/admin/audit", label: "Audit log", end: false },
] as const;

/** The admin area's sections; put it at the top of every /admin page. */
export function AdminNav() {
  return (
    <nav aria-label="Admin sections" className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-x-1">
        {ADMIN_SECTIONS.map((section) => (
          <li key={section.to}>
            <NavLink
              to={section.to}
              // why: "/admin" would otherwise be active on every admin page.
              end={section.end}
              className={({ isActive }) =>
                `inline-block border-b-2 px-3 py-2 text-sm font-medium ${isActive ? "border-brand-700 text-brand-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"}`
              }
            >
              {section.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
