import { isRouteErrorResponse, Link, useLocation, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import { buttonClass } from "./ui";

type ErrorPage = { status: number; title: string; body: ReactNode };

function pageFor(status: number, detail: string | null, path: string): ErrorPage {
  if (status === 404) {
    return {
      status,
      title: "We could not find that page",
      body: (
        <>
          <p>The address may be mistyped, or what it pointed to was removed or is not yours to see.</p>
          <div className="mt-6 flex flex-wrap justify-center gap-3">
            <Link to="/" className={buttonClass("primary")}>Go to the home page</Link>
            <Link to="/slots" className={buttonClass("secondary")}>Browse slots</Link>
          </div>
        </>
      ),
    };
  }
  if (status === 403) {
    return {
      status,
      title: "You do not have access to this page",
      body: (
        <>
          <p>{detail ?? "Your account cannot open this page."} If you have another account with access, log in with that one.</p>
          <div className="mt-6 flex flex-wrap justify-center gap-3">
            <Link to="/" className={buttonClass("primary")}>Go to the home page</Link>
            <Link to={`/login?redirectTo=${encodeURIComponent(path)}`} className={buttonClass("secondary")}>
              Log in as someone else
            </Link>
          </div>
        </>
      ),
    };
  }
  if (status >= 400 && status < 500) {
    return { status, title: "That request could not be handled", body: <p>{detail ?? "Check what you entered and try again."}</p> };
  }
  return {
    status,
    title: "Something went wrong on our side",
    body: (
      <>
        <p>It is not something you did. Try again in a moment; if it keeps happening, tell us what you were doing.</p>
        <div className="mt-6 flex justify-center">
          <a href={path} className={buttonClass("primary")}>Try again</a>
        </div>
      </>
    ),
  };
}

/** The error page every route shares: a 404, a 403 and a 500 each say what a person can do next. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const location = useLocation();
  const path = `${location.pathname}${location.search}`;
  const page = isRouteErrorResponse(error)
    ? pageFor(error.status, typeof error.data === "string" && error.data.length < 300 ? error.data : null, path)
    : pageFor(500, null, path);
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <p className="text-sm font-semibold text-brand-700">Error {page.status}</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900">{page.title}</h1>
      <div className="mt-4 text-slate-600">{page.body}</div>
    </div>
  );
}
