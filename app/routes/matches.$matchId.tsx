import { entryFor, parseForm } from "~/forms/gate";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { MatchStatus } from "~db/schema";
import { getDb } from "~db/client.server";
import { requireUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MatchStatusBadge, MatchSteps, ScoreDial } from "~/components/matches/match-ui";
import { Actions, AuthorizationPart, whenPossible, History, ScoreReasons, Section, WhoDoesWhat, WhoIsWho } from "~/components/matches/match-page";
import { Alert } from "~/components/ui";
import { MentorshipTabs } from "~/components/mentorship/mentorship-header";
import { AfterInternshipCard } from "~/components/mentorship/after-internship";
import { SummaryCard } from "~/components/mentorship/summary-card";
import { AFTER_INTRODUCTION_MATCH_STATUSES, isIn, SEAT_TAKING_MATCH_STATUSES } from "~/domain/vocabulary";
import { getMatchPage, moveMatch, type MoveError } from "~/modules/matches/lifecycle.server";
import { findMentorship } from "~/modules/mentorship/access.server";
import { mentorshipSummary } from "~/modules/mentorship/summary.server";
import { MATCH_SOURCE_LABELS, MATCH_STATUS_LABELS } from "~/modules/matches/labels";
import { MoveSchema } from "~/modules/matches/schemas";
import { readForm } from "~/forms/read.server";
import { notFound } from "~/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.view.slot.title} · Match · Steppingstone` : "Match · Steppingstone" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const viewer = { id: user.id, role: user.role };
  const view = await getMatchPage(getDb(), viewer, params.matchId ?? "");
  // One answer for "no such match" and "not yours to see", so ids cannot be probed.
  if (!view) throw notFound();
  // What waits for the reader in the mentorship space, once the internship is agreed (a seat taken).
  const mentorship = isIn(SEAT_TAKING_MATCH_STATUSES, view.match.status) ? await findMentorship(getDb(), viewer, view.match.id) : null;
  return { view, summary: mentorship ? await mentorshipSummary(getDb(), mentorship) : null };
}

const REFUSALS: Record<Exclude<MoveError, "not_found" | "too_early">, string> = {
  not_allowed: "That step is the other side's to take.",
  wrong_status: "The match moved on meanwhile (the other side may have just changed it). The page below is up to date.",
  slot_full: "Every seat of this slot is taken now: someone else confirmed first. Talk to the mentors about another start, or say you are not going ahead.",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readForm(request);
  const submission = parseForm(formData, { schema: MoveSchema });
  const move = String(formData.get("move") ?? "");
  if (submission.status !== "success") return data({ move, result: submission.reply() }, { status: 400 });
  const matchId = params.matchId ?? "";
  const result = await moveMatch(getDb(), { viewer: { id: user.id, role: user.role }, matchId, input: submission.value });
  if (!result.ok) {
    if (result.error === "not_found") throw notFound();
    const refusal = result.error === "too_early" ? whenPossible({ move: submission.value.move, until: "date", opensOn: result.opensOn }) : REFUSALS[result.error];
    return data({ move, result: submission.reply({ formErrors: [refusal] }) }, { status: result.error === "not_allowed" ? 403 : 409 });
  }
  return redirect(`/matches/${matchId}?moved=${result.status}`);
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

const SUCCESS: Partial<Record<MatchStatus, string>> = {
  interviewing: "Marked as talking. The other side was told.",
  confirmed: "Confirmed: the internship is on, and the seat is yours. The mentors were told.",
  active: "The internship is marked as started. The student was told.",
  completed: "The internship is marked as completed.",
  not_proceeding: "The match is closed as not going ahead. The other side was told, with your reason.",
};

export default function MatchPageRoute() {
  const { view, summary } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const moved = entryFor(SUCCESS, params.get("moved"));
  const { match, student, organization, slot, side, authorization } = view;

  return (
    <div>
      <p className="mb-4 text-sm">
        <Link to={side === "admin" ? "/admin/matches" : "/matches"} className="font-medium text-brand-700 hover:underline">
          ← {side === "admin" ? "Matches" : "Your matches"}
        </Link>
      </p>

      <header className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex items-center gap-4">
          <ScoreDial score={match.score} />
          <div>
            <div className="flex flex-wrap items-center gap-2">
              <MatchStatusBadge status={match.status} />
              <span className="text-xs text-slate-500">{MATCH_SOURCE_LABELS[match.source]}</span>
            </div>
            <h1 className="mt-1 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{slot.title}</h1>
            <p className="mt-1 text-slate-600">
              {side === "student" ? `You and ${organization.name}` : `${student.name} and ${organization.name}`}
            </p>
          </div>
        </div>
      </header>

      {isIn(AFTER_INTRODUCTION_MATCH_STATUSES, match.status) ? <MentorshipTabs matchId={match.id} /> : null}

      <div className="mb-6 space-y-3">
        {moved ? <Alert tone="success">{moved}</Alert> : null}
        {match.status === "not_proceeding" ? (
          <Alert tone="info" title="Not going ahead">
            {match.closingReason ? <p className="whitespace-pre-line">Reason given: {match.closingReason}</p> : null}
          </Alert>
        ) : match.status === "rejected" ? (
          <Alert tone="info" title="Not approved by an admin">
            {match.closingReason ? <p className="whitespace-pre-line">{match.closingReason}</p> : null}
          </Alert>
        ) : match.status === "proposed" ? (
          <Alert tone="info" title="Waiting for an admin">
            Nobody has been introduced yet.
          </Alert>
        ) : (
          <div className="overflow-x-auto rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <MatchSteps status={match.status} />
          </div>
        )}
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-6">
          {summary ? <SummaryCard matchId={match.id} summary={summary} isAdmin={side === "admin"} /> : null}

          <Section title="Who is who">
            <WhoIsWho view={view} />
          </Section>

          <Section title={side === "student" ? "Why we matched you" : `Why ${student.firstName} was matched`}>
            <ScoreReasons reasons={view.reasons} />
          </Section>

          <Section title="Work authorization before the first day">
            <AuthorizationPart side={side} firstName={student.firstName} authorization={authorization} />
          </Section>
        </div>

        <aside className="space-y-6">
          <div className="rounded-xl bg-white p-5 shadow-sm ring-2 ring-brand-600/30">
            <h2 className="text-sm font-semibold text-slate-900">{side === "admin" ? "Status" : "What you can do"}</h2>
            <p className="mt-1 text-sm text-slate-600">
              Now: <span className="font-medium text-slate-900">{MATCH_STATUS_LABELS[match.status]}</span>
            </p>
            <div className="mt-4">
              <Actions view={view} lastResult={actionData} />
            </div>
          </div>

          <AfterInternshipCard matchId={match.id} status={match.status} side={side} />
          <WhoDoesWhat />
          <History history={view.history} createdAt={match.createdAt} />
        </aside>
      </div>
    </div>
  );
}
