import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireDevelopmentTools } from "~/auth/guards.server";
import { Card, PageHeader } from "~/components/ui";
import { listDocumentPreviews } from "~/modules/documents/catalogue.server";

export const meta: MetaFunction = () => [{ title: "Documents · Steppingstone" }];

// Outside production only: every document in documents/, each rendered to PDF from its PreviewProps.
export async function loader(_: LoaderFunctionArgs) {
  requireDevelopmentTools();
  return { names: (await listDocumentPreviews()).map((d) => d.name) };
}

export default function DevDocuments() {
  const { names } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Documents"
        description="Every PDF document Steppingstone issues (documents/), rendered from its preview props. Open one to see it as a recipient does."
      />
      <Card>
        <ul className="divide-y divide-slate-100">
          {names.map((name) => (
            <li key={name} className="py-2">
              {/* why: a plain link, so the browser opens the PDF itself instead of Remix fetching it as a page. */}
              <a href={`/dev/documents/${name}`} className="font-medium text-brand-700 hover:underline">
                {name}
              </a>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
