import { Link, useLocation } from "@remix-run/react";

/** Previous/next links that keep the other query parameters (filters) of the page. */
export function Pagination({ page, pages }: { page: number; pages: number }) {
  const location = useLocation();
  if (pages <= 1) return null;
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(p));
    return `${location.pathname}?${params.toString()}`;
  };
  const linkClass = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-50";
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm text-slate-600">
      <span>
        Page {page} of {pages}
      </span>
      <span className="flex gap-2">
        {page > 1 ? <Link to={hrefFor(page - 1)} className={linkClass}>Previous</Link> : null}
        {page < pages ? <Link to={hrefFor(page + 1)} className={linkClass}>Next</Link> : null}
      </span>
    </nav>
  );
}

/** A page number from the query string: a whole number ≥ 1, anything else is page 1. */
export function pageParam(request: Request) {
  const n = Number(new URL(request.url).searchParams.get("page"));
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}
