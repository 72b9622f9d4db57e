import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getAuth } from "~/auth/guards.server";
import { ButtonLink, Card } from "~/components/ui";

// Public landing page; a signed-in person sees where to go next instead of the pitch.
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getAuth(request);
  return { user: auth ? { name: auth.user.name, role: auth.user.role } : null };
}

const PROMISES = [
  {
    title: "A mentor, named",
    body: "Every slot names its mentor and their weekly hours. Unpaid slots also need a learning plan and are reviewed by a person before they open.",
  },
  {
    title: "Matches you can read",
    body: "Each recommendation says why: the skills you cover, the goals the slot can meet, time-zone overlap, dates and hours.",
  },
  {
    title: "Your visa, taken into account",
    body: "Tell us your work authorization once. Slots that cannot work for it are not recommended, and the paperwork to confirm is spelled out.",
  },
];

export default function Index() {
  const { user } = useLoaderData<typeof loader>();
  if (user) {
    return (
      <div className="space-y-6">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">Welcome back, {user.name.split(" ")[0]}</h1>
        <div className="grid gap-6 md:grid-cols-2">
          <Card>
            <h2 className="text-lg font-semibold">{user.role === "mentor" ? "Mentored slots" : "Find a mentored internship"}</h2>
            <p className="mt-2 text-slate-600">
              {user.role === "mentor"
                ? "See the slots on Steppingstone. Posting slots for your organization opens with the marketplace."
                : user.role === "admin"
                  ? "Browse what students see."
                  : "Browse open slots. Profiles and recommendations open with the marketplace."}
            </p>
            <ButtonLink to="/slots" className="mt-5">Browse slots</ButtonLink>
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">{user.role === "admin" ? "Administration" : "Your account"}</h2>
            <p className="mt-2 text-slate-600">
              {user.role === "admin" ? "People on the platform and the email delivery log." : "Change your password and see where you are signed in."}
            </p>
            <ButtonLink to={user.role === "admin" ? "/admin" : "/account"} variant="secondary" className="mt-5">
              {user.role === "admin" ? "Open admin" : "Open your account"}
            </ButtonLink>
          </Card>
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-16">
      <section className="grid items-center gap-10 py-6 lg:grid-cols-2">
        <div>
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">For students new to North America</p>
          <h1 className="mt-3 text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
            Your first internship, with a mentor who shows up.
          </h1>
          <p className="mt-5 text-lg text-slate-600">
            Steppingstone matches students — international students above all — with mentored IT internships at startups,
            nonprofits and research teams, explains every match, and keeps your work authorization in view.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <ButtonLink to="/signup">Create your account</ButtonLink>
            <ButtonLink to="/slots" variant="secondary">Browse slots</ButtonLink>
          </div>
        </div>
        <Card className="bg-gradient-to-br from-brand-50 to-white">
          <p className="text-sm font-semibold text-brand-800">How it works</p>
          <ol className="mt-4 space-y-4 text-slate-700">
            <li><span className="font-semibold text-slate-900">1. Build your profile</span> — skills, goals, availability and work authorization.</li>
            <li><span className="font-semibold text-slate-900">2. See slots that fit</span> — with the reasons, and any paperwork to confirm.</li>
            <li><span className="font-semibold text-slate-900">3. Get introduced</span> — an admin reviews each match, then you and your mentor meet by email.</li>
          </ol>
        </Card>
      </section>
      <section className="grid gap-6 md:grid-cols-3">
        {PROMISES.map((p) => (
          <Card key={p.title}>
            <h2 className="text-lg font-semibold text-slate-900">{p.title}</h2>
            <p className="mt-2 text-slate-600">{p.body}</p>
          </Card>
        ))}
      </section>
    </div>
  );
}
