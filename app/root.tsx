import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { getAuth } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useNonce } from "~/components/nonce";
import { SiteShell } from "~/components/site-layout";
import stylesheet from "~/tailwind.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [
  { title: "Steppingstone — mentored internships for students" },
  { name: "description", content: "Find a mentored IT internship in North America, with matches explained and your work authorization taken into account." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // Public: anyone may load the shell; it only says who is signed in.
  const auth = await getAuth(request);
  return { user: auth ? { name: auth.user.name, email: auth.user.email, role: auth.user.role } : null };
}

// why: zod compiles object parsers with `new Function` unless jitless, and even its probe for
// eval is reported as a violation by production's CSP (no 'unsafe-eval'). zod reads its config
// from this global, and this classic script runs before any module that builds a schema.
const ZOD_JITLESS = "globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });";

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  // Says the page's scripts have taken over (the journeys wait for it before typing: a choice made
  // while the page hydrates can be missed by a form's tracked value).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang="en" className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: ZOD_JITLESS }} />
        <Meta />
        <Links />
      </head>
      <body className="h-full">
        <SiteShell user={data?.user ?? null}>{children}</SiteShell>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
