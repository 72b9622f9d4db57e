// npm run bench:insights — the admin's view of the program (/admin/insights) on a
// program-sized database: 50,000 students signed up over a year, 10,000 slots of 1,000
// organizations of every type, compensation and country, 100,000 applications, and the matches,
// completion records, follow-ups, letters, referrals, check-ins and emails they lead to, written
// by INSERT … SELECT generate_series (seconds, not row by row). Then the page — its data
// (getInsights) and its HTML (bench/insights-page.ts) — unfiltered and filtered, N times after
// warm-ups, beside a same-run baseline: the admin home's head counts (getAdminOverview) on the
// same database. Issue 15's target: the page in ≤ 300 ms (the median of each view).
import { getAdminOverview } from "~/modules/admin/overview.server";
import { NO_FILTERS, type InsightFilters } from "~/modules/insights/filters";
import { getFunnel, getHealth, getInsights, getOutcomes } from "~/modules/insights/insights.server";
import { freshDatabase } from "./db-fixture";
import { loadProgram } from "./insights-fixture";
import { renderInsightsPage } from "./insights-page";

const RUNS = Number(process.env.BENCH_SAMPLES ?? 15);
const WARM_UP = 3;
const TARGET_MS = 300;
const NOW = new Date("2027-04-15T16:00:00Z");

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (x: number) => `${x.toFixed(1).padStart(6)} ms`;

async function time<T>(run: () => Promise<T>) {
  for (let i = 0; i < WARM_UP; i++) await run();
  const times: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    last = await run();
    times.push(performance.now() - t);
  }
  return { min: Math.min(...times), p50: quantile(times, 0.5), p95: quantile(times, 0.95), last: last! };
}

const { db, label, close } = await freshDatabase();
try {
  let t0 = performance.now();
  const counts = await loadProgram(db, NOW);
  const loadMs = performance.now() - t0;
  console.log(`Insights on ${label}, node ${process.version}: written and analyzed in ${(loadMs / 1000).toFixed(1)} s`);
  console.log(`  ${counts.join(", ")}`);
  console.log(`  ${RUNS} timed runs each after ${WARM_UP} warm-ups, at ${NOW.toISOString()}`);

  const baseline = await time(() => getAdminOverview(db));
  const line = (name: string, r: { min: number; p50: number; p95: number }, ratio = true) =>
    console.log(`  ${name.padEnd(58)} min ${ms(r.min)}   p50 ${ms(r.p50)}   p95 ${ms(r.p95)}${ratio ? `   ${(r.p50 / baseline.p50).toFixed(1)}× baseline (p50)` : ""}`);
  line("baseline: admin home head counts (getAdminOverview)", baseline, false);

  const configurations: [string, InsightFilters][] = [
    ["the page, no filter", NO_FILTERS],
    ["the page, unpaid slots, US student visas", { ...NO_FILTERS, compensation: "unpaid", authorizationGroup: "us_student" }],
    ["the page, a term (Sep–Dec 2026), nonprofits in Canada", { ...NO_FILTERS, from: "2026-09-01", to: "2026-12-31", organizationType: "nonprofit", country: "CA" }],
  ];
  let worstP50 = 0;
  let worstP95 = 0;
  for (const [name, filters] of configurations) {
    // The page: its data (getInsights), then its HTML.
    let html = 0;
    const r = await time(async () => {
      const insights = await getInsights(db, filters, NOW);
      html = (await renderInsightsPage(insights, NOW)).length;
      return insights;
    });
    worstP50 = Math.max(worstP50, r.p50);
    worstP95 = Math.max(worstP95, r.p95);
    line(name, r);
    const funnel = r.last.funnel.map((s) => s.people ?? "<5").join(" → ");
    console.log(`    ${(html / 1024).toFixed(0)} kB of HTML; funnel ${funnel}; stalled ${r.last.health.stalled.total}, slow mentors ${r.last.health.slowMentors.total}, unapplied slots ${r.last.health.unappliedSlots.total}`);
  }
  t0 = performance.now();
  console.log("  its parts alone, no filter:");
  line("  getFunnel", await time(() => getFunnel(db, NO_FILTERS)));
  line("  getOutcomes", await time(() => getOutcomes(db, NO_FILTERS)));
  line("  getHealth", await time(() => getHealth(db, NO_FILTERS, NOW)));
  const insights = await getInsights(db, NO_FILTERS, NOW);
  line("  rendering the page's HTML", await time(() => renderInsightsPage(insights, NOW)));
  console.log(`  the page's worst median ${worstP50.toFixed(1)} ms, worst p95 ${worstP95.toFixed(1)} ms`);
  console.log(`  target: the page in ≤ ${TARGET_MS} ms (median of each view): ${worstP50 <= TARGET_MS ? "met" : "NOT met"}`);
} finally {
  await close();
}
