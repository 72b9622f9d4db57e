import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { summarizeHours } from "~/modules/mentorship/hours";
import { axisOf, BarChart, HoursCharts } from "./hours-chart";

describe("BarChart", () => {
  const chart = (values: (number | null)[], line = 20) =>
    renderToStaticMarkup(
      <BarChart
        title="Hours worked per week"
        categories={values.map((_, i) => String(i + 1))}
        series={[{ name: "Hours worked", values, fillClass: "fill-brand-600" }]}
        lines={[{ value: line, label: `${line} h promised` }]}
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
