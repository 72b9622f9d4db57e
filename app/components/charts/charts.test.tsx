import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { FUNNEL_STEP_HINTS, FUNNEL_STEP_LABELS } from "~/modules/insights/funnel-labels";
import { FUNNEL_STEPS, type FunnelStep, type OutcomeRow } from "~/modules/insights/types";
import { HorizontalBarChart, LAYOUTS, ResponsiveBarChart } from "./bar-chart";
import { formatPeople, formatShare } from "./format";
import { FunnelChart } from "./funnel-chart";
import { OutcomeChart } from "./outcome-chart";

// What a reader sees, read from the server's markup: the bars' lengths, the words beside them, and
// the table that carries the same numbers.

const CHART_WIDTH = LAYOUTS.wide.width;

/** The drawing a page shows at `layout` (a chart component renders both; CSS shows one). */
function drawing(html: string, layout: "wide" | "narrow" = "wide") {
  const found = html.match(new RegExp(`<div class="([^"]*)" data-layout="${layout}">(<svg.*?</svg>)</div>`));
  if (!found) throw new Error(`no ${layout} drawing`);
  return found[2]!;
}

/** Each bar row of a drawing: its label, the words of its figure, its bar's width (null: none), and whether it is hatched. */
function bars(html: string) {
  return [...html.matchAll(/<g data-row="([^"]+)">(.*?)<\/g>/g)].map(([, key, body]) => {
    const texts = [...body!.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));
    const bar = body!.match(/<rect x="0" y="[^"]+" width="([^"]+)"[^>]*class="fill-brand-600"/);
    return {
      key: key!,
      label: texts[0],
      says: texts[1],
      width: bar ? Number(bar[1]) : null,
      hatched: /data-hidden="true"/.test(body!) && /fill="url\(#[^)]+-hatch\)"/.test(body!),
    };
  });
}

/** The table's body rows as the cells' text. */
function tableRows(html: string) {
  const body = html.match(/<tbody[^>]*>(.*?)<\/tbody>/)![1]!;
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, "")));
}

const step = (key: FunnelStep["key"], people: number | null, fromPrevious: number | null, fromStart: number | null): FunnelStep => ({ key, people, fromPrevious, fromStart });

const FUNNEL: FunnelStep[] = [
  step("signed_up", 1200, null, 1),
  step("profile_complete", 900, 0.75, 0.75),
  step("applied_or_in_round", 600, 2 / 3, 0.5),
  step("proposed", 300, 0.5, 0.25),
  step("introduced", 240, 0.8, 0.2),
  step("confirmed", 120, 0.5, 0.1),
  step("active", 100, 100 / 120, 100 / 1200),
  step("completed", 60, 0.6, 0.05),
  step("letter_or_referral", null, null, null),
  step("paid_work_within_6_months", 6, null, 0.005),
];

describe("numbers as the charts and tables write them", () => {
  test("shares are whole percentages that never round a few people away or up to everyone", () => {
    expect([0, 0.004, 0.005, 0.666, 0.996, 1].map(formatShare)).toEqual(["0%", "under 1%", "1%", "67%", "over 99%", "100%"]);
  });
  test("counts have thousands separators; a hidden one says fewer than 5", () => {
    expect([12345, 0, null].map(formatPeople)).toEqual(["12,345", "0", "fewer than 5"]);
  });
});

describe("HorizontalBarChart", () => {
  const chart = () =>
    renderToStaticMarkup(
      <HorizontalBarChart
        title="Applications by kind"
        description="Startups 80, labs 40, nonprofits 20."
        rows={[
          { key: "a", label: "Startups", value: 80, figure: "80" },
          { key: "b", label: "Labs", value: 40, figure: "40" },
          { key: "c", label: "Nonprofits", value: 20, figure: "20", detail: "n = 20" },
          { key: "d", label: "Small businesses", value: 0, figure: "0" },
        ]}
      />,
    );

  test("bar lengths are proportional to the values, the largest filling the width; a zero draws no bar", () => {
    const rows = bars(chart());
    expect(rows.map((r) => r.width)).toEqual([CHART_WIDTH, CHART_WIDTH / 2, CHART_WIDTH / 4, null]);
    expect(rows.map((r) => r.label)).toEqual(["Startups", "Labs", "Nonprofits", "Small businesses"]);
    expect(rows[2]!.says).toBe("20 · n = 20");
  });

  test("an image named by its title and description, scaling by its viewBox, with no style attribute or element (the CSP blocks them)", () => {
    const html = chart();
    expect(html).toMatch(/^<svg viewBox="0 0 640 \d+" role="img" aria-labelledby="(\S+)-title \1-desc"/);
    const id = html.match(/aria-labelledby="(\S+)-title/)![1];
    expect(html).toContain(`<title id="${id}-title">Applications by kind</title>`);
    expect(html).toContain(`<desc id="${id}-desc">Startups 80, labs 40, nonprofits 20.</desc>`);
    expect(html).toContain('class="h-auto w-full"');
    expect(html).not.toMatch(/style[=>]/);
  });

  test("a scale's end can be set, so shares are drawn against 100%", () => {
    const html = renderToStaticMarkup(<HorizontalBarChart title="t" description="d" max={1} rows={[{ key: "a", label: "A", value: 0.25, figure: "25%" }]} />);
    expect(bars(html)[0]!.width).toBe(CHART_WIDTH / 4);
  });

  test("the narrow drawing (a phone) is narrower, puts the figure on its own line under the bar, and keeps the bars proportional", () => {
    const rows = [
      { key: "a", label: "Paid internship or job offer within 6 months", value: 80, figure: "80", detail: "100% of the step before" },
      { key: "b", label: "Labs", value: 20, figure: "20" },
    ];
    const html = renderToStaticMarkup(<HorizontalBarChart title="t" description="d" rows={rows} layout="narrow" />);
    expect(LAYOUTS.narrow.width).toBeLessThanOrEqual(360);
    expect(html).toMatch(/^<svg viewBox="0 0 360 \d+"/);
    expect(bars(html).map((r) => r.width)).toEqual([360, 90]);
    const row = html.match(/<g data-row="a">(.*?)<\/g>/)![1]!;
    const labelY = Number(row.match(/<text x="0" y="([^"]+)"[^>]*>Paid internship/)![1]);
    const barY = Number(row.match(/<rect x="0" y="([^"]+)"[^>]*class="fill-brand-600"/)![1]);
    const figure = row.match(/<text x="0" y="([^"]+)"[^>]*><tspan[^>]*>80<\/tspan><tspan>(.*?)<\/tspan>/)!;
    expect(labelY).toBeLessThan(barY);
    expect(Number(figure[1])).toBeGreaterThan(barY);
    expect(figure[2]).toBe(" · 100% of the step before");
  });

  test("a page gets both drawings, the wide one from the md breakpoint and the narrow one below it, with the same name", () => {
    const html = renderToStaticMarkup(<ResponsiveBarChart title="Funnel" description="Signed up: 8." rows={[{ key: "a", label: "A", value: 1, figure: "1" }]} />);
    expect(html).toMatch(/<div class="hidden max-w-3xl md:block" data-layout="wide"><svg viewBox="0 0 640 /);
    expect(html).toMatch(/<div class="max-w-sm md:hidden" data-layout="narrow"><svg viewBox="0 0 360 /);
    expect(html.match(/<title id="[^"]+">Funnel<\/title><desc id="[^"]+">Signed up: 8\.<\/desc>/g)).toHaveLength(2);
  });

  test("two charts on one page keep their own ids", () => {
    const html = renderToStaticMarkup(
      <>
        <HorizontalBarChart title="one" description="d" rows={[]} />
        <HorizontalBarChart title="two" description="d" rows={[]} />
      </>,
    );
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("FunnelChart", () => {
  test("a bar per step, as long as its count, with the count and the conversion from the step before beside it", () => {
    const rows = bars(drawing(renderToStaticMarkup(<FunnelChart steps={FUNNEL} />)));
    expect(rows.map((r) => r.label)).toEqual(FUNNEL_STEPS.map((key) => FUNNEL_STEP_LABELS[key]));
    expect(rows[1]!.label).toBe("Profile ready for matching");
    expect(rows[0]).toMatchObject({ says: "1,200", width: CHART_WIDTH });
    expect(rows[1]).toMatchObject({ says: "900 · 75% of the step before", width: CHART_WIDTH * 0.75 });
    expect(rows[2]).toMatchObject({ says: "600 · 67% of the step before", width: CHART_WIDTH / 2 });
    expect(rows[7]).toMatchObject({ says: "60 · 60% of the step before", width: CHART_WIDTH * 0.05 });
    // The step after a hidden one has no conversion to show.
    expect(rows[9]).toMatchObject({ says: "6", width: CHART_WIDTH * 0.005 });
  });

  test("a hidden step is a hatched bar that says fewer than 5, never a number", () => {
    const rows = bars(drawing(renderToStaticMarkup(<FunnelChart steps={FUNNEL} />)));
    expect(rows[8]).toMatchObject({ says: "fewer than 5", width: null, hatched: true });
    expect(rows.filter((r) => r.hatched)).toHaveLength(1);
  });

  test("its description reads the numbers for a screen reader", () => {
    const html = renderToStaticMarkup(<FunnelChart steps={FUNNEL} />);
    expect(html).toMatch(/<desc[^>]*>Signed up: 1,200\. Profile ready for matching: 900, 75% of the step before\. .*Letter sent or referral made: fewer than 5\. Paid internship or job offer within 6 months: 6\.<\/desc>/);
  });

  test("its table, under Show the table, carries the same numbers", () => {
    const html = renderToStaticMarkup(<FunnelChart steps={FUNNEL} />);
    expect(html).toMatch(/<details[^>]*><summary[^>]*>.*Show the table/);
    expect(html).toMatch(/<th[^>]*>Step<\/th><th[^>]*>Students<\/th><th[^>]*>From the step before<\/th><th[^>]*>From sign-up<\/th>/);
    const table = tableRows(html);
    expect(table).toHaveLength(10);
    expect(table[0]).toEqual([`Signed up${FUNNEL_STEP_HINTS.signed_up}`, "1,200", "—", "—"]);
    expect(table[1]!.slice(1)).toEqual(["900", "75%", "75%"]);
    expect(table[7]!.slice(1)).toEqual(["60", "60%", "5%"]);
    expect(table[8]!.slice(1)).toEqual(["fewer than 5", "—", "—"]);
    expect(table[9]!.slice(1)).toEqual(["6", "—", "1%"]);
    // Every count on the chart is the count in the table.
    const chart = bars(drawing(html));
    table.forEach((row, i) => expect(chart[i]!.says!.split(" · ")[0]).toBe(row[1]));
    expect(html).not.toMatch(/style[=>]/);
  });

  test("with nobody signed up in range it says so instead of drawing empty bars", () => {
    const html = renderToStaticMarkup(<FunnelChart steps={FUNNEL.map((s) => ({ ...s, people: 0, fromPrevious: null, fromStart: null }))} />);
    expect(html).toContain("No student signed up in this range");
    expect(html).not.toContain("<svg");
  });
});

const outcome = (key: string, label: string, counts: Partial<OutcomeRow>): OutcomeRow => ({
  key,
  label,
  completed: 0,
  answered: 0,
  paidWork: 0,
  paidWorkShare: null,
  returnOffers: 0,
  letterOrReferral: 0,
  ...counts,
});

const BY_PAY: OutcomeRow[] = [
  outcome("paid", "Paid (hourly)", { completed: 40, answered: 20, paidWork: 15, paidWorkShare: 0.75, returnOffers: 8, letterOrReferral: 12 }),
  outcome("unpaid", "Unpaid", { completed: 30, answered: 24, paidWork: 6, paidWorkShare: 0.25, returnOffers: 0, letterOrReferral: 20 }),
  outcome("stipend", "Stipend", { completed: 12, answered: null, paidWork: null, returnOffers: null, letterOrReferral: 7 }),
  outcome("course_credit", "Course credit", { completed: 9, answered: 8, paidWork: null, letterOrReferral: null }),
  outcome("none", "Nothing yet", { completed: 7, answered: 0, paidWork: 0 }),
];

describe("OutcomeChart", () => {
  const html = () => renderToStaticMarkup(<OutcomeChart title="Paid work within 6 months, by pay" kindHeading="Pay" rows={BY_PAY} />);

  test("each kind's bar is its share with paid work, on a scale of 100%, with n beside it", () => {
    const rows = bars(drawing(html()));
    expect(rows[0]).toMatchObject({ label: "Paid (hourly)", says: "75% · 15 of 20 who answered", width: CHART_WIDTH * 0.75 });
    expect(rows[1]).toMatchObject({ label: "Unpaid", says: "25% · 6 of 24 who answered", width: CHART_WIDTH * 0.25 });
    expect(rows[4]).toMatchObject({ label: "Nothing yet", says: "no follow-up answers yet · 7 completed", width: null, hatched: false });
  });

  test("nobody with paid work among those who answered is a share of 0%, said as a number, not hidden", () => {
    const rows = [outcome("paid", "Paid (hourly)", { completed: 10, answered: 6, paidWork: 0, paidWorkShare: null }), ...BY_PAY.slice(0, 1)];
    const bar = bars(drawing(renderToStaticMarkup(<OutcomeChart title="t" kindHeading="Pay" rows={rows} />)))[0]!;
    expect(bar).toMatchObject({ says: "0% · 0 of 6 who answered", width: null, hatched: false });
    const html = renderToStaticMarkup(<OutcomeChart title="t" kindHeading="Pay" rows={rows} />);
    expect(tableRows(html)[0]).toEqual(["Paid (hourly)", "10", "6", "0", "0%", "0", "0"]);
  });

  test("a share built on a hidden count is hatched and says so", () => {
    const rows = bars(drawing(html()));
    expect(rows[2]).toMatchObject({ says: "how many answered is hidden", width: null, hatched: true });
    expect(rows[3]).toMatchObject({ says: "hidden · of 8 who answered", width: null, hatched: true });
  });

  test("its table beside it carries every count, each hidden one as hidden (small or kept back, they read the same)", () => {
    const table = tableRows(html());
    expect(table[0]).toEqual(["Paid (hourly)", "40", "20", "15", "75%", "8", "12"]);
    expect(table[2]).toEqual(["Stipend", "12", "hidden", "hidden", "—", "hidden", "7"]);
    expect(table[3]).toEqual(["Course credit", "9", "8", "hidden", "—", "0", "hidden"]);
    expect(html()).toMatch(/<caption[^>]*>Paid work within 6 months, by pay<\/caption>/);
    expect(html()).not.toMatch(/style[=>]/);
  });

  test("when nobody answered a follow-up it says so and shows the counts so far, not empty bars", () => {
    const rows = [outcome("paid", "Paid (hourly)", { completed: 12, answered: 0 }), outcome("unpaid", "Unpaid", { completed: 6, answered: 0 })];
    const html = renderToStaticMarkup(<OutcomeChart title="By pay" kindHeading="Pay" rows={rows} />);
    expect(html).toContain("has answered a 3- or 6-month follow-up yet");
    expect(html).not.toContain("<svg");
    expect(tableRows(html)[0]).toEqual(["Paid (hourly)", "12", "0", "0", "—", "0", "0"]);
  });

  test("before any internship is complete it says what will appear", () => {
    const empty = renderToStaticMarkup(<OutcomeChart title="t" kindHeading="Pay" rows={[outcome("paid", "Paid (hourly)", {})]} />);
    expect(empty).toContain("No internship in this view has been completed yet");
    expect(empty).not.toContain("<svg");
  });
});
