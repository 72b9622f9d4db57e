import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { summarizeHours } from "~/modules/mentorship/hours";
import { axisOf, BarChart, HoursCharts, layoutOf } from "./hours-chart";

describe("BarChart", () => {
  const chart = (values: (number | null)[], line = 20) =>
    renderToStaticMarkup(
      <BarChart
        title="Hours worked per week"
        categories={values.map((_, i) => String(i + 1))}
        series={[{ name: "Hours worked", values, fillClass: "fill-brand-600" }]}
        lines={[{ value: line, label: `${line} h promised`, short: `${line} h` }]}
        unit="hours"
        xAxisLabel="Week"
        summary="Hours worked per week. Average 21 hours."
      />,
    );

  test("an image with a summary for its accessible name, drawn without style attributes (the CSP blocks them)", () => {
    const html = chart([22, null, 20]);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Hours worked per week. Average 21 hours."');
    expect(html).not.toMatch(/style=/);
  });

  test("one bar per value, a dash for a week without one, and the promise as a dashed line at its height", () => {
    const html = chart([22, null, 20]);
    expect(html.match(/<rect[^>]*fill-brand-600/g)).toHaveLength(3); // two bars and the legend swatch
    const bars = [...html.matchAll(/<rect x="[^"]+" y="([^"]+)" width="[^"]+" height="([^"]+)"[^>]*fill-brand-600/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    // The 20-hour bar's top sits exactly on the dashed 20-hour line.
    const lineY = Number(html.match(/<line[^>]*y1="([^"]+)"[^>]*stroke-dasharray="6 4"/)![1]);
    expect(bars[1]![0]).toBeCloseTo(lineY, 6);
    expect(bars[0]![1]).toBeGreaterThan(bars[1]![1]);
  });

  test("the promise's label sits right of every bar, level with its line, and is named in full in the legend", () => {
    const html = chart([22, 30, 20, 25, 18, 21, 24, 19, 20, 26]);
    const barEnds = [...html.matchAll(/<rect x="([^"]+)" y="[^"]+" width="([^"]+)"/g)].map((m) => Number(m[1]) + Number(m[2]));
    const label = html.match(/<text x="([^"]+)" y="([^"]+)"[^>]*>20 h<\/text>/)!;
    expect(Number(label[1])).toBeGreaterThan(Math.max(...barEnds));
    const lineY = Number(html.match(/<line[^>]*y1="([^"]+)"[^>]*stroke-dasharray="6 4"/)![1]);
    expect(Math.abs(Number(label[2]) - lineY)).toBeLessThan(8);
    expect(html).toMatch(/<li[^>]*>.*20 h promised<\/li>/);
  });

  test("a short internship is drawn narrow, so its text stays readable on a phone; a long one keeps a minimum width and scrolls", () => {
    // 13-unit text in a 360-wide drawing shown in a ~310 px phone column renders at about 11 px.
    expect(layoutOf(10).width).toBeLessThanOrEqual(360);
    expect(layoutOf(10).boxClass).toContain("min-w-[17rem]");
    expect(layoutOf(40).width).toBeGreaterThan(layoutOf(10).width);
    expect(layoutOf(40).boxClass).toContain("min-w-[31rem]");
    expect(chart([1, 2, 3])).toContain('viewBox="0 0 360 200"');
  });

  test("the axis tops out at a round number over the highest value or line", () => {
    expect(axisOf(22)).toEqual({ top: 25, ticks: [0, 5, 10, 15, 20, 25] });
    expect(axisOf(3)).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(axisOf(0)).toEqual({ top: 1, ticks: [0, 1] });
    expect(axisOf(80)).toEqual({ top: 80, ticks: [0, 20, 40, 60, 80] });
  });
});

describe("HoursCharts", () => {
  test("the numbers behind the charts as a table: each week, missing weeks said, averages and promises", () => {
    const hours = summarizeHours(
      [
        { week: 1, hoursWorked: 22, mentorHoursReceived: 2, mentorHoursGiven: 2.5 },
        { week: 3, hoursWorked: 19.5, mentorHoursReceived: 1, mentorHoursGiven: null },
      ],
      { hoursPerWeek: 20, mentorHoursPerWeek: 3 },
      3,
    );
    const html = renderToStaticMarkup(<HoursCharts hours={hours} />);
    expect(html).toContain("<table");
    expect(html).toMatch(/Week 2<\/th><td colSpan="3"[^>]*>No check-in/i);
    expect(html).toMatch(/Week 3<\/th><td[^>]*>19.5 h<\/td><td[^>]*>1 h<\/td><td[^>]*><span[^>]*>No reply yet/);
    expect(html).toMatch(/Promised<\/th><td[^>]*>20 h<\/td><td colSpan="2"[^>]*>3 h/i);
    expect(html).not.toMatch(/style=/);
  });

  test("before any check-in it says what will appear instead of an empty chart", () => {
    const html = renderToStaticMarkup(<HoursCharts hours={summarizeHours([], { hoursPerWeek: 20, mentorHoursPerWeek: null }, 2)} />);
    expect(html).toContain("The hours chart appears with the first check-in");
    expect(html).not.toContain("<svg");
  });
});
