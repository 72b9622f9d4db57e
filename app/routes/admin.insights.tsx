import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { AdminNav } from "~/components/admin-nav";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InsightsView } from "~/components/insights/insights-view";
import { readQuery } from "~/forms/read.server";
import { readInsightFilters } from "~/modules/insights/filters";
import { FAILED_EMAIL_DAYS, getInsights, SLOW_REPLY_DAYS, UNAPPLIED_DEADLINE_DAYS } from "~/modules/insights/insights.server";
import { recentProgramTerms } from "~/modules/insights/terms";

export const meta: MetaFunction = () => [{ title: "Program insights · Admin · Steppingstone" }];

// Admins only. Every filter is in the address (one reader for this page and its exports), and what
// it could not read is said on the page, never an error.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const { params, refused } = readQuery(request);
  const { filters, problems } = readInsightFilters(params);
  if (refused.length) problems.unshift("Part of this address had an invisible control character in it, so that filter was left out.");
  const now = new Date();
  const insights = await getInsights(getDb(), filters, now);
  return {
    insights,
    problems,
    terms: recentProgramTerms(now),
    rules: { slowReplyDays: SLOW_REPLY_DAYS, unappliedDeadlineDays: UNAPPLIED_DEADLINE_DAYS, failedEmailDays: FAILED_EMAIL_DAYS },
  };
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

export default function AdminInsightsPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <div>
      <AdminNav />
      <InsightsView {...data} />
    </div>
  );
}
