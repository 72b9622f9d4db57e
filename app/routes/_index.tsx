import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import type { UserRole } from "~db/schema";
import { getAuth } from "~/auth/guards.server";
import { Alert, ButtonLink, Card } from "~/components/ui";
import { recommendedSlotsFor, type Recommendations } from "~/modules/recommendations/recommendations.server";
import { RankedCard, ReasonList } from "~/components/slots/ranked-card";
import { ScoreBadge, SlotSummary } from "~/components/slots/slot-summary";
import { StarForm } from "~/modules/stars/star-form";
import { firstName } from "~/domain/names";
import { entryFor } from "~/forms/gate";

// Public landing page; a signed-in person sees where to go next instead of the pitch.
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getAuth(request);
  const notice = entryFor(NOTICES, new URL(request.url).searchParams.get("notice"));
  // Recommendations: one query for the student, one for the k slots' cards (open slots are compiled per process).
  const recommendations = auth?.user.role === "student" ? await recommendedSlotsFor(getDb(), auth.user.id, { k: 10 }) : null;
  return { user: auth ? { name: auth.user.name, role: auth.user.role } : null, notice, recommendations };
}

const NOTICES: Record<string, string> = {
  "account-deleted": "Your account is deleted, and you are signed out everywhere. Thank you for having been part of Steppingstone.",
};

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

/** Where each role goes from the home page, most important first. */
const NEXT_STEPS: Record<UserRole, { title: string; body: string; to: string; action: string }[]> = {
  student: [
    { title: "Find a mentored internship", body: "Search open slots by skill, pay, work mode and dates — and whether they accept your work authorization.", to: "/slots", action: "Browse slots" },
    { title: "Your profile", body: "Skills, availability and work authorization: a complete profile is what matching and mentors go by.", to: "/profile", action: "Edit your profile" },
    { title: "Your account", body: "Change your password, see where you are signed in, download or delete your data.", to: "/account", action: "Open your account" },
  ],
  mentor: [
    { title: "Your slots", body: "Post a mentored slot, follow its review, and close it or mark it filled.", to: "/mentor/slots", action: "Open your slots" },
    { title: "Your organization", body: "Details, verification, and inviting the other mentors of your team.", to: "/organization", action: "Open your organization" },
    { title: "Browse slots", body: "See the open slots the way students see them.", to: "/slots", action: "Browse slots" },
  ],
  admin: [
    { title: "Slot review", body: "Every unpaid slot and every slot of an unverified organization waits here before it opens.", to: "/admin/slots", action: "Review slots" },
    { title: "Organizations", body: "Verify the organizations that post slots.", to: "/admin/organizations", action: "Verify organizations" },
    { title: "Overview", body: "People on the platform, the email delivery log and the audit log.", to: "/admin", action: "Open admin" },
  ],
};

export default function Index() {
  const { user, notice, recommendations } = useLoaderData<typeof loader>();
  if (user) {
    return (
      <div className="space-y-6">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">Welcome back, {firstName(user.name)}</h1>
        <div className="grid gap-6 md:grid-cols-3">
          {NEXT_STEPS[user.role].map((step, i) => (
            <Card key={step.to}>
              <h2 className="text-lg font-semibold">{step.title}</h2>
              <p className="mt-2 text-slate-600">{step.body}</p>
              <ButtonLink to={step.to} variant={i === 0 ? "primary" : "secondary"} className="mt-5">
                {step.action}
              </ButtonLink>
            </Card>
          ))}
        </div>
        {recommendations ? <RecommendedForYou recommendations={recommendations} /> : null}
      </div>
    );
  }
  return (
    <div className="space-y-16">
      {notice ? <Alert tone="success">{notice}</Alert> : null}
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

/** The student's best open slots with the reasons, and a Star button each; or what the profile still lacks. */
function RecommendedForYou({ recommendations }: { recommendations: Recommendations }) {
  return (
    <section aria-labelledby="recommended" className="pt-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="recommended" className="text-2xl font-bold tracking-tight text-slate-900">
            Recommended for you
          </h2>
          <p className="mt-1 text-slate-600">Open slots that fit your profile, best first, and why. Only slots your work authorization allows are shown.</p>
        </div>
        {recommendations.status === "ready" ? (
          <Link to="/starred" className="text-sm font-semibold text-brand-700 hover:underline">
            Your starred slots ({recommendations.starredCount}) →
          </Link>
        ) : null}
      </div>
      {recommendations.status === "incomplete" ? (
        <Card className="mt-4">
          <h3 className="text-lg font-semibold text-slate-900">Complete your profile to see recommendations</h3>
          {recommendations.missing.length ? (
            <>
              <p className="mt-2 text-slate-600">Matching needs a little more about you. Still missing:</p>
              <ul className="mt-2 list-disc space-y-0.5 pl-5 text-slate-700">
                {recommendations.missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          ) : null}
          <ButtonLink to="/profile" className="mt-5">
            Complete your profile
          </ButtonLink>
        </Card>
      ) : recommendations.slots.length === 0 ? (
        <Card className="mt-4">
          <p className="text-slate-700">
            No open slot fits your profile right now. New slots open every week; you can also widen what you accept (work modes, pay, dates) in{" "}
            <Link to="/profile" className="font-medium text-brand-700 hover:underline">your profile</Link>.
          </p>
        </Card>
      ) : (
        <ol className="mt-4 space-y-4">
          {recommendations.slots.map((slot) => (
            <RankedCard
              key={slot.id}
              label={slot.title}
              badge={<ScoreBadge score={slot.score} />}
              actions={<StarForm slotId={slot.id} starred={slot.starred} redirectTo="/" slotTitle={slot.title} />}
            >
              <SlotSummary slot={slot}>
                {slot.stretch ? (
                  <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm font-medium text-amber-900 ring-1 ring-amber-200">{slot.stretch}</p>
                ) : null}
                <h4 className="sr-only">Why it fits</h4>
                <ReasonList reasons={slot.reasons} strengths={slot.strengths} />
                {slot.warnings.length ? (
                  <details className="mt-2 text-sm text-amber-900">
                    <summary className="cursor-pointer font-medium">To confirm before you start ({slot.warnings.length})</summary>
                    <ul className="mt-1 list-disc space-y-0.5 pl-5">
                      {slot.warnings.map((w) => (
                        <li key={w}>{w}</li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </SlotSummary>
            </RankedCard>
          ))}
        </ol>
      )}
    </section>
  );
}
