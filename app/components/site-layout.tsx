import { Form, Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import type { UserRole } from "~db/schema";

export type NavUser = { name: string; email: string; role: UserRole };

type NavItem = { to: string; label: string };

/** What each audience finds in the header; features add their entries here. */
export function navigationFor(user: NavUser | null): NavItem[] {
  const common = [{ to: "/slots", label: "Browse slots" }];
  if (!user) return common;
  if (user.role === "student") return [...common, { to: "/profile", label: "Profile" }, { to: "/applications", label: "Applications" }, { to: "/matches", label: "Matches" }, { to: "/letters", label: "Letters" }, { to: "/referrals", label: "Referrals" }, { to: "/starred", label: "Starred" }];
  if (user.role === "mentor") return [...common, { to: "/mentor/slots", label: "My slots" }, { to: "/matches", label: "My matches" }, { to: "/letters", label: "Letters" }, { to: "/referrals", label: "Referrals" }, { to: "/organization", label: "My organization" }];
  return [...common, { to: "/admin", label: "Admin" }];
}

function navClass({ isActive }: { isActive: boolean }) {
  return `rounded-md px-2 py-2 text-sm font-medium ${isActive ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`;
}

export function SiteHeader({ user }: { user: NavUser | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* Small screens: logo and account on one row, the navigation below; wider: one row. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:px-6 md:gap-x-6">
        <Link to="/" className="order-1 flex items-center gap-2 text-base font-bold text-brand-800 sm:text-lg">
          <span aria-hidden="true" className="inline-block h-6 w-6 rounded-md bg-brand-700 ring-4 ring-brand-100" />
          Steppingstone
        </Link>
        <nav aria-label="Main" className="order-3 -mx-3 flex w-full flex-wrap gap-1 md:order-2 md:mx-0 md:w-auto md:flex-1">
          {navigationFor(user).map((item) => (
            <NavLink key={item.to} to={item.to} className={navClass}>
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="order-2 ml-auto flex items-center gap-1 md:order-3">
          {user ? (
            <>
              <NavLink to="/account" className={(state) => `${navClass(state)} flex max-w-[9rem] items-center sm:max-w-none`}>
                <span className="sr-only">Account of </span>
                <span className="truncate">{user.name}</span>
                <span className="ml-2 hidden rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal capitalize text-slate-600 sm:inline">{user.role}</span>
              </NavLink>
              <Form method="post" action="/logout">
                <button type="submit" className="rounded-md px-2 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 sm:px-3">
                  Log out
                </button>
              </Form>
            </>
          ) : (
            <>
              <NavLink to="/login" className={navClass}>
                Log in
              </NavLink>
              <Link to="/signup" className="rounded-md bg-brand-700 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-800">
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-slate-500 sm:flex-row sm:justify-between sm:px-6">
        <p>Steppingstone — mentored internships for students finding their way in.</p>
        <p>Work-authorization notes are guidance: confirm with your school&apos;s international office.</p>
        <p>
          <Link to="/verify" className="font-medium text-slate-600 hover:text-slate-900 hover:underline">
            Check a Steppingstone document
          </Link>
        </p>
      </div>
    </footer>
  );
}

export function SiteShell({ user, children }: { user: NavUser | null; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <SiteHeader user={user} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-10 sm:px-6">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
