import { parseForm } from "~/forms/gate";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { getAuth, requireRole } from "~/auth/guards.server";
import { ApplySection } from "~/components/apply-section";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PayBadge, SlotDetails, SlotStatusBadge } from "~/components/slot-details";
import { PublicPromiseRecordCard } from "~/components/promises/promise-record";
import { ButtonLink } from "~/components/ui";
import { VerifiedBadge } from "~/components/verified-badge";
import { applyToSlot, getApplySection, withdrawApplication } from "~/modules/applications/applications.server";
import { APPLY_ERROR_MESSAGES, applicationFormSchema } from "~/modules/applications/schemas";
import { publicPromiseRecordOf } from "~/modules/promises/promises.server";
import { isStarred } from "~/modules/stars/stars.server";
import { StarForm } from "~/modules/stars/star-form";
import { formatDay } from "~/modules/slots/format";
import { getSlotForViewer, type SlotForViewer } from "~/modules/slots/search.server";
import { readForm, requireCleanForm } from "~/forms/read.server";
import { notFound } from "~/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.view.slot.title} · ${data.view.organization.name} · Steppingstone` : "Slot · Steppingstone" },
  ...(data ? [{ name: "description", content: data.view.slot.description.slice(0, 160) }] : []),
];

// Public for open slots. A slot's own organization's mentors and admins see it in any status;
// for everyone else any other slot does not exist (404), whatever its status.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await getAuth(request);
  const view = await getSlotForViewer(getDb(), { slotId: params.slotId ?? "", viewer: auth ? { id: auth.user.id, role: auth.user.role } : null });
  if (!view) throw notFound();
  const student = auth?.user.role === "student" ? auth.user.id : null;
  const [apply, starred, promises] = await Promise.all([
    student ? getApplySection(getDb(), student, view.slot.id) : null, // Applications
    student ? isStarred(getDb(), student, view.slot.id) : null, // Recommendations
    // The organization's record of promises kept: only its counts, once enough internships are complete (app/modules/promises).
    publicPromiseRecordOf(getDb(), view.organization.id),
  ]);
  return { view, role: auth?.user.role ?? null, apply, starred, promises };
}

// --- Applications: the student's apply / withdraw (app/modules/applications) -------------------
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "student");
  const db = getDb();
  const view = await getSlotForViewer(db, { slotId: params.slotId ?? "", viewer: { id: user.id, role: user.role } });
  if (!view) throw notFound();
  const formData = await readForm(request);
  if (formData.get("intent") === "withdraw") {
    requireCleanForm(formData);
    const result = await withdrawApplication(db, user.id, view.slot.id);
    if (!result.ok) return data({ result: null, error: APPLY_ERROR_MESSAGES[result.error] }, { status: 409 });
    return redirect(`/slots/${view.slot.id}#apply`);
  }
  // why: a request without the answer fields (not one our form sends) is read as empty answers,
  // so the reply names each missing answer instead of leaving the form without its fields.
  view.slot.questions.forEach((_, i) => formData.has(`answers[${i}]`) || formData.set(`answers[${i}]`, ""));
  const submission = parseForm(formData, { schema: applicationFormSchema(view.slot.questions.length) });
  if (submission.status !== "success") return data({ result: submission.reply(), error: null }, { status: 400 });
  const result = await applyToSlot(db, user.id, view.slot.id, submission.value);
  if (!result.ok) return data({ result: submission.reply(), error: APPLY_ERROR_MESSAGES[result.error] }, { status: 409 });
  return redirect(`/slots/${view.slot.id}#apply`);
}
// --- end Applications ----------------------------------------------------------------------------

/** The signed-in student's own status against this slot: guidance to confirm, never legal advice. */
function AuthorizationNote({ note }: { note: NonNullable<SlotForViewer["authorizationNote"]> }) {
  const { fit } = note;
  return (
    <section aria-labelledby="your-status" className={`rounded-xl p-5 shadow-sm ring-1 ${fit.eligible ? "bg-white ring-slate-200" : "bg-amber-50 ring-amber-300"}`}>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">For you</p>
      <h2 id="your-status" className="mt-1 text-sm font-semibold text-slate-900">
        You are on {note.short}
      </h2>
      {fit.eligible && note.status === "not_authorized" ? (
        <p className="mt-2 text-sm font-medium text-amber-900">This slot takes students who are not yet authorized — but you need an authorization before the first day.</p>
      ) : fit.eligible ? (
        <p className="mt-2 text-sm text-emerald-800">This slot accepts your status.</p>
      ) : (
        <div role="status" className="mt-2 rounded-lg bg-white/70 p-3 ring-1 ring-amber-300">
          <p className="text-sm font-semibold text-amber-900">This slot may not work with your status</p>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-amber-900">
            {fit.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {fit.warnings.length ? (
        <div className="mt-3">
          <h3 className="text-sm font-medium text-slate-800">To confirm before you start</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700">
            {fit.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="mt-3 text-sm text-slate-700">{note.confirm}</p>
      <p className="mt-3 border-t border-slate-200 pt-3 text-xs text-slate-500">
        Guidance based on the status in your profile ({note.label}), not legal advice: confirm with your school&apos;s international office before you accept an offer.
      </p>
    </section>
  );
}

export default function SlotPage() {
  const { view, role, apply } = useLoaderData<typeof loader>();
  const { starred } = useLoaderData<typeof loader>(); // Recommendations
  const { promises } = useLoaderData<typeof loader>(); // The record of promises kept
  const actionData = useActionData<typeof action>(); // Applications
  const navigation = useNavigation(); // Applications
  const location = useLocation();
  const { slot, organization } = view;

  const aside = (
    <>
      {view.canManage ? (
        <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <p className="text-sm text-slate-700">This slot belongs to your organization.</p>
          <ButtonLink to={`/mentor/slots/${slot.id}`} variant="secondary" className="mt-3 w-full">
            Manage this slot
          </ButtonLink>
        </div>
      ) : null}
      {view.authorizationNote ? <AuthorizationNote note={view.authorizationNote} /> : null}
      {view.studentWithoutStatus ? (
        <div className="rounded-xl bg-white p-5 text-sm text-slate-700 shadow-sm ring-1 ring-slate-200">
          <Link to="/profile" className="font-semibold text-brand-700 hover:underline">
            Add your work authorization
          </Link>{" "}
          to your profile, and this page will tell you how this slot fits it.
        </div>
      ) : null}
      {!role ? (
        <div className="rounded-xl bg-white p-5 text-sm text-slate-700 shadow-sm ring-1 ring-slate-200">
          <Link to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`} className="font-semibold text-brand-700 hover:underline">
            Log in as a student
          </Link>{" "}
          to see how this slot fits your work authorization.
        </div>
      ) : null}
      <PublicPromiseRecordCard record={promises} organizationName={organization.name} />
    </>
  );

  return (
    <div>
      <p className="mb-3 text-sm">
        <Link to="/slots" className="font-medium text-brand-700 hover:underline">
          ← All slots
        </Link>
      </p>
      <header className="mb-8">
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span className="font-medium text-slate-800">{organization.name}</span>
          <VerifiedBadge verified={organization.verifiedAt !== null} />
          {slot.status !== "open" ? <SlotStatusBadge status={slot.status} sentBack={slot.status === "draft" && slot.reviewNote !== null} /> : null}
        </div>
        <h1 className="mt-2 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{slot.title}</h1>
        {/* Recommendations: a student stars an open slot to rank it (or unstars it) */}
        {starred !== null && (starred || view.acceptingApplications) ? <StarForm slotId={slot.id} starred={starred} redirectTo={`/slots/${slot.id}`} className="mt-3" /> : null}
        <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
          <PayBadge slot={slot} />
          {view.acceptingApplications ? (
            <span className="text-slate-700">Applications close {formatDay(slot.applicationDeadline)}</span>
          ) : slot.status === "open" ? (
            <span className="font-medium text-amber-800">Applications closed on {formatDay(slot.applicationDeadline)}</span>
          ) : (
            <span className="text-slate-600">Not visible to students: only your organization and admins can see this page.</span>
          )}
        </div>
      </header>
      <SlotDetails slot={slot} organization={organization} skills={view.skills} mentors={view.mentors} aside={aside} />
      {/* Applications */}
      <ApplySection
        signedOut={!role && view.acceptingApplications}
        section={apply}
        questions={slot.questions}
        accepting={view.acceptingApplications}
        loginHref={`/login?redirectTo=${encodeURIComponent(location.pathname)}`}
        confirmWithdraw={new URLSearchParams(location.search).has("withdraw")}
        slotHref={location.pathname}
        lastResult={actionData?.result}
        error={actionData?.error}
        busy={navigation.state === "submitting"}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
