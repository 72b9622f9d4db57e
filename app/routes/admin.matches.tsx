import { parseForm } from "~/forms/gate";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { AdminNav } from "~/components/admin-nav";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RecentRounds, ReviewQueue, RunRoundForm, SourceTabs, type ResultFor } from "~/components/matches/review";
import { Pagination, pageParam } from "~/components/pagination";
import { Alert, Card, PageHeader } from "~/components/ui";
import { approveMatch, approveMatches, getReviewPage, rejectMatch, REVIEW_SOURCES, type ReviewError } from "~/modules/matches/review.server";
import { runMatchingRound } from "~/modules/matches/rounds.server";
import { ReviewActionSchema } from "~/modules/matches/schemas";
import { readForm } from "~/forms/read.server";

export const meta: MetaFunction = () => [{ title: "Matches · Admin · Steppingstone" }];

const SearchSchema = z.object({
  source: z.enum(REVIEW_SOURCES).catch("all"),
  round: z.string().nullable().catch(null),
  approved: z.string().catch(""),
  rejected: z.string().catch(""),
  refused: z.coerce.number().int().min(0).catch(0),
});

const ids = (list: string) => list.split(",").filter(Boolean).slice(0, 100);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const params = new URL(request.url).searchParams;
  const search = SearchSchema.parse({
    source: params.get("source") ?? undefined,
    round: params.get("round"),
    approved: params.get("approved") ?? "",
    rejected: params.get("rejected") ?? "",
    refused: params.get("refused") ?? 0,
  });
  const page = pageParam(request);
  const view = await getReviewPage(getDb(), { page, source: search.source, roundId: search.round, approved: ids(search.approved), rejected: ids(search.rejected) });
  return { ...view, page, source: search.source, refused: search.refused };
}

const REFUSALS: Record<ReviewError | "round_running", string> = {
  not_found: "That proposal no longer exists.",
  already_decided: "This proposal was already decided, perhaps by another admin: nothing was sent twice. The list below is up to date.",
  slot_unavailable: "The slot is no longer open (it was closed or every seat is taken), so nobody can be introduced to it. Reject the proposal with that reason.",
  round_running: "Another admin is running a round right now. Wait for it to finish, then look at its proposals below.",
};

/** Back to the page the admin was on, with what just happened named in the query. */
function backTo(request: Request, outcome: Record<string, string>) {
  const current = new URL(request.url).searchParams;
  const next = new URLSearchParams(outcome);
  for (const key of ["page", "source"]) {
    const value = current.get(key);
    if (value) next.set(key, value);
  }
  return redirect(`/admin/matches?${next.toString()}`);
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const formData = await readForm(request);
  const submission = parseForm(formData, { schema: ReviewActionSchema });
  const intent = String(formData.get("intent") ?? "");
  const matchId = String(formData.get("matchId") ?? "");
  if (submission.status !== "success") return data({ intent, matchId, result: submission.reply() }, { status: 400 });
  const db = getDb();
  const input = submission.value;

  switch (input.intent) {
    case "run_round": {
      const result = await runMatchingRound(db, admin.id, { listLength: input.listLength });
      if (!result.ok) return data({ intent, matchId, result: submission.reply({ formErrors: [REFUSALS[result.error]] }) }, { status: 409 });
      return redirect(`/admin/matches?round=${result.roundId}`);
    }
    case "approve": {
      const result = await approveMatch(db, { adminId: admin.id, matchId: input.matchId });
      if (!result.ok) return data({ intent, matchId, result: submission.reply({ formErrors: [REFUSALS[result.error]] }) }, { status: 409 });
      return backTo(request, { approved: input.matchId });
    }
    case "approve_selected": {
      const result = await approveMatches(db, { adminId: admin.id, matchIds: input.matchIds });
      return backTo(request, { approved: result.approved.join(","), refused: String(result.refused.length) });
    }
    case "reject": {
      const result = await rejectMatch(db, { adminId: admin.id, matchId: input.matchId, reason: input.reason });
      if (!result.ok) return data({ intent, matchId, result: submission.reply({ formErrors: [REFUSALS[result.error]] }) }, { status: 409 });
      return backTo(request, { rejected: input.matchId });
    }
  }
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

export default function AdminMatchesPage() {
  const { queue, rounds, round, decided, page, source, refused } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor: ResultFor = (intent, matchId = "") => (actionData && actionData.intent === intent && actionData.matchId === matchId ? actionData.result : null);
  const approvedNow = decided.filter((d) => d.status === "introduced");
  const rejectedNow = decided.filter((d) => d.status === "rejected");

  return (
    <div>
      <AdminNav />
      <PageHeader
        title="Matches"
        description="Proposals from matching rounds and from mentors wait here. Approving one sends a single introduction email to the student and the slot's mentors together; rejecting needs a reason."
      >
        <p className="text-sm text-slate-600">{queue.counts.all === 1 ? "1 proposal waiting" : `${queue.counts.all} proposals waiting`}</p>
      </PageHeader>

      <div className="mb-6 space-y-3" aria-live="polite">
        {round ? (
          <Alert tone="success" title="Round saved">
            {round.stats.saved === 0
              ? "It found no new pairs: every opted-in student already has a match, or no open slot fits them."
              : `${round.stats.saved} ${round.stats.saved === 1 ? "proposal" : "proposals"} for ${round.stats.students} opted-in ${round.stats.students === 1 ? "student" : "students"} (${round.stats.unassigned} without a slot this time), average score ${round.stats.averageScore}. Nobody is emailed until you approve.`}
          </Alert>
        ) : null}
        {approvedNow.length ? (
          <Alert tone="success" title={approvedNow.length === 1 ? "Introduced" : `${approvedNow.length} introductions sent`}>
            {approvedNow.length === 1
              ? `${approvedNow[0]!.studentName} and the mentors of “${approvedNow[0]!.slotTitle}” were introduced: the email is on its way to them together.`
              : "Each pair gets its own introduction email."}
          </Alert>
        ) : null}
        {refused > 0 ? (
          <Alert tone="warning" title={`${refused} not approved`}>
            {refused === 1 ? "One selected proposal" : `${refused} selected proposals`} had been decided meanwhile or its slot is no longer open; nothing was sent for
            {refused === 1 ? " it" : " them"}.
          </Alert>
        ) : null}
        {rejectedNow.length ? (
          <Alert tone="info" title="Rejected">
            The proposal for {rejectedNow[0]!.studentName} and “{rejectedNow[0]!.slotTitle}” was rejected; the reason is kept with it.
          </Alert>
        ) : null}
      </div>

      <div className="mb-10 grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Card className="!p-6">
          <h2 className="text-lg font-semibold text-slate-900">Run a matching round</h2>
          <p className="mt-1 text-sm text-slate-600">
            Students who opted in and have no match are matched to the seats left in open slots: stable, explainable, the same result for the same data.
            Proposals land in the queue below.
          </p>
          <div className="mt-4">
            <RunRoundForm lastResult={resultFor("run_round")} />
          </div>
        </Card>
        <Card className="!p-6">
          <h2 className="text-lg font-semibold text-slate-900">Recent rounds</h2>
          <RecentRounds rounds={rounds} />
        </Card>
      </div>

      <h2 className="mb-3 text-xl font-semibold text-slate-900">Waiting for review</h2>
      <SourceTabs source={source} counts={queue.counts} />

      {queue.rows.length === 0 ? (
        <Card className="text-center">
          <h3 className="text-lg font-semibold text-slate-900">Nothing to review</h3>
          <p className="mx-auto mt-2 max-w-lg text-slate-600">
            Proposals appear here when a round is run or a mentor proposes a match from an application.
          </p>
        </Card>
      ) : (
        <ReviewQueue rows={queue.rows} resultFor={resultFor} />
      )}
      <Pagination page={page} pages={queue.pages} />
    </div>
  );
}
