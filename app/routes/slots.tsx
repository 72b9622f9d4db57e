import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getAuth } from "~/auth/guards.server";
import { ButtonLink, Card, PageHeader } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Mentored internship slots · Steppingstone" }];

// Public: anyone may browse. Posting and listing slots arrive with the marketplace; until then
// this page says so plainly rather than showing made-up slots.
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getAuth(request);
  return { role: auth?.user.role ?? null };
}

export default function SlotsPage() {
  const { role } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader
        title="Mentored internship slots"
        description="Internships at startups, nonprofits and research teams, each with a named mentor and what you get back."
      />
      <Card className="text-center">
        <h2 className="text-lg font-semibold text-slate-900">No slots are open yet</h2>
        <p className="mx-auto mt-2 max-w-lg text-slate-600">
          Organizations are getting ready to post their first mentored slots. Create your account now, and you will be able to
          browse and apply as soon as they open.
        </p>
        {role ? null : (
          <div className="mt-6 flex justify-center gap-3">
            <ButtonLink to="/signup">Create an account</ButtonLink>
            <ButtonLink to="/login" variant="secondary">Log in</ButtonLink>
          </div>
        )}
      </Card>
    </div>
  );
}
