// The admin insights page as the server renders it, for bench:insights: the loader's data
// through a JSON round trip (what the page's data goes through on its way out), then the page's
// view rendered to HTML in a router, as Remix renders it on the server.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { InsightsView } from "~/components/insights/insights-view";
import type { Insights } from "~/modules/insights/types";
import { FAILED_EMAIL_DAYS, SLOW_REPLY_DAYS, UNAPPLIED_DEADLINE_DAYS } from "~/modules/insights/insights.server";
import { recentProgramTerms } from "~/modules/insights/terms";

/** The page's HTML for `insights` at `now`. */
export async function renderInsightsPage(insights: Insights, now: Date) {
  const data = JSON.parse(
    JSON.stringify({
      insights,
      problems: [],
      terms: recentProgramTerms(now),
      rules: { slowReplyDays: SLOW_REPLY_DAYS, unappliedDeadlineDays: UNAPPLIED_DEADLINE_DAYS, failedEmailDays: FAILED_EMAIL_DAYS },
    }),
  );
  const handler = createStaticHandler([{ path: "/admin/insights", element: createElement(InsightsView, data) }]);
  const context = await handler.query(new Request("http://localhost/admin/insights"));
  if (context instanceof Response) throw new Error(`the page's router answered ${context.status}`);
  return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context }));
}
