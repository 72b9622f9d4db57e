import { formatHours, type HoursSummary } from "~/modules/mentorship/hours";

// Small bar charts drawn as SVG on the server, read at a glance, with the numbers beside them.
// No inline styles (the CSP blocks them): geometry is SVG attributes, colour is Tailwind's
// fill-/stroke- classes. BarChart is general (series per category, reference lines, a unit), so an
// admin view can reuse it; HoursCharts is the check-ins page's pair.

export type ChartSeries = {
  name: string;
  /** One value per category; null for none (drawn as a dash on the axis). */
  values: readonly (number | null)[];
  /** Tailwind fill class of its bars and legend swatch. */
  fillClass: string;
};

/** A dashed reference line: `label` for the legend, `short` (a few characters, like "20 h") beside its end in the chart. */
export type ChartLine = {
  value: number;
  label: string;
  short?: string;
  strokeClass?: string;
};

const HEIGHT = 200;
const FONT = 13;
const PAD = { left: 40, top: 14, bottom: 38 };
/** Room right of the plot for a reference line's label, so it never sits on a bar. */
const LINE_LABEL_ROOM = 58;

/**
 * The drawing's width and how wide it is shown, by the number of weeks. The SVG scales to its box,
 * text with it, so a narrow drawing for a short internship keeps its labels readable on a phone
 * (about 11 px at 390 px wide); a long one gets more room and scrolls sideways on a phone rather
 * than shrinking its text. The max width keeps text near its drawn size on a wide screen.
 */
export function layoutOf(categories: number): {
  width: number;
  boxClass: string;
} {
  if (categories <= 12) return { width: 360, boxClass: "min-w-[17rem] max-w-[30rem]" };
  if (categories <= 26) return { width: 480, boxClass: "min-w-[23rem] max-w-[40rem]" };
  return { width: 640, boxClass: "min-w-[31rem] max-w-[52rem]" };
}

/** A round top for the axis over `max`, and its ticks: steps of 1, 2, 5, 10, 20… so labels read plainly. */
export function axisOf(max: number): { top: number; ticks: number[] } {
  const target = Math.max(max, 1);
  const step = [1, 2, 5, 10, 20, 25, 50, 100].find((s) => target / s <= 5) ?? 100;
  const top = Math.ceil(target / step) * step;
  return {
    top,
    ticks: Array.from({ length: top / step + 1 }, (_, i) => i * step),
  };
}

export function BarChart({
  title,
  categories,
  series,
  lines = [],
  unit,
  summary,
  xAxisLabel,
}: {
  title: string;
  /** The label under each group of bars ("1", "2"… for weeks). */
  categories: readonly string[];
  series: readonly ChartSeries[];
  /** Dashed reference lines: a promise, a floor. */
  lines?: readonly ChartLine[];
  /** The values' unit, spelled out in the y axis label ("hours"). */
  unit: string;
  /** What the chart shows, in a sentence: its accessible name, for a reader who cannot see it. */
  summary: string;
  xAxisLabel: string;
}) {
  const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const { top, ticks } = axisOf(Math.max(0, ...values, ...lines.map((l) => l.value)));
  const { width, boxClass } = layoutOf(categories.length);
  const right = lines.length ? LINE_LABEL_ROOM : 10;
  const plotW = width - PAD.left - right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const groupW = plotW / Math.max(1, categories.length);
  const barGap = Math.min(6, groupW * 0.2);
  const barW = Math.max(2, (groupW - barGap * 2) / Math.max(1, series.length));
  // why: a week number is about 2 characters; keep a label's slot at least 22 units wide so they never touch.
  const labelEvery = [1, 2, 4, 8].find((n) => groupW * n >= 22) ?? 8;

  return (
    <figure>
      <figcaption className="text-sm font-semibold text-slate-900">{title}</figcaption>
      <div className="mt-2 overflow-x-auto">
        <svg viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={summary} className={`h-auto w-full ${boxClass}`} preserveAspectRatio="xMinYMid meet">
          {ticks.map((t) => (
            <g key={t}>
              <line x1={PAD.left} x2={PAD.left + plotW} y1={y(t)} y2={y(t)} strokeWidth={1} className={t === 0 ? "stroke-slate-400" : "stroke-slate-100"} />
              <text x={PAD.left - 6} y={y(t) + 4.5} textAnchor="end" fontSize={FONT} className="fill-slate-600">
                {t}
              </text>
            </g>
          ))}
          <text x={12} y={PAD.top + plotH / 2} textAnchor="middle" fontSize={FONT} transform={`rotate(-90 12 ${PAD.top + plotH / 2})`} className="fill-slate-600">
            {unit}
          </text>
          {categories.map((category, i) => {
            const x0 = PAD.left + i * groupW + barGap;
            return (
              <g key={category}>
                {series.map((s, j) => {
                  const v = s.values[i] ?? null;
                  const x = x0 + j * barW;
                  if (v === null) {
                    return <line key={s.name} x1={x + barW * 0.25} x2={x + barW * 0.75} y1={y(0) - 2} y2={y(0) - 2} strokeWidth={1.5} className="stroke-slate-300" />;
                  }
                  const h = Math.max(v > 0 ? 1.5 : 0, y(0) - y(v));
                  return <rect key={s.name} x={x} y={y(0) - h} width={Math.max(1, barW - 1)} height={h} rx={1.5} className={s.fillClass} />;
                })}
                {i % labelEvery === 0 ? (
                  <text x={x0 + (groupW - barGap * 2) / 2} y={HEIGHT - PAD.bottom + 16} textAnchor="middle" fontSize={FONT} className="fill-slate-600">
                    {category}
                  </text>
                ) : null}
              </g>
            );
          })}
          {lines.map((line) => (
            <g key={line.label}>
              <line
                x1={PAD.left}
                x2={PAD.left + plotW}
                y1={y(line.value)}
                y2={y(line.value)}
                strokeWidth={1.5}
                strokeDasharray="6 4"
                className={line.strokeClass ?? "stroke-slate-700"}
              />
              {/* The label in the room right of the plot, level with its line: never over a bar. */}
              <text x={PAD.left + plotW + 6} y={y(line.value) + 4.5} textAnchor="start" fontSize={FONT} className="fill-slate-800 font-semibold">
                {line.short ?? line.label}
              </text>
            </g>
          ))}
          <text x={PAD.left + plotW / 2} y={HEIGHT - 6} textAnchor="middle" fontSize={FONT} className="fill-slate-600">
            {xAxisLabel}
          </text>
        </svg>
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700" aria-hidden="true">
        {series.map((s) => (
          <li key={s.name} className="flex items-center gap-1.5">
            <svg viewBox="0 0 10 10" className="h-2.5 w-2.5">
              <rect width={10} height={10} rx={2} className={s.fillClass} />
            </svg>
            {s.name}
          </li>
        ))}
        {lines.map((line) => (
          <li key={line.label} className="flex items-center gap-1.5">
            <svg viewBox="0 0 16 4" className="h-1 w-4">
              <line x1={0} x2={16} y1={2} y2={2} strokeWidth={2} strokeDasharray="4 2" className={line.strokeClass ?? "stroke-slate-700"} />
            </svg>
            {line.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}

const h = (value: number | null) => (value === null ? "—" : `${formatHours(value)} h`);

/**
 * The check-ins page's hours: the student's hours per week against the promise, mentor time
 * received and given against its promise, the plain sentences, and the numbers as a table.
 */
export function HoursCharts({ hours }: { hours: HoursSummary }) {
  if (!hours.written) {
    return (
      <p className="text-sm text-slate-600">
        The hours chart appears with the first check-in: the hours worked and the mentor time of each week, against what the slot promised.
      </p>
    );
  }
  const categories = hours.weeks.map((w) => String(w.week));
  const mentorLines =
    hours.promisedMentorHours === null
      ? []
      : [
          {
            value: hours.promisedMentorHours,
            label: `${formatHours(hours.promisedMentorHours)} h promised`,
            short: `${formatHours(hours.promisedMentorHours)} h`,
          },
        ];
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <BarChart
          title="Hours worked per week"
          categories={categories}
          series={[
            {
              name: "Hours worked",
              values: hours.weeks.map((w) => w.hoursWorked),
              fillClass: "fill-brand-600",
            },
          ]}
          lines={[
            {
              value: hours.promisedHours,
              label: `${formatHours(hours.promisedHours)} h promised`,
              short: `${formatHours(hours.promisedHours)} h`,
            },
          ]}
          unit="hours"
          xAxisLabel="Week"
          summary={`Hours worked per week. ${hours.hoursSentence}`}
        />
        <BarChart
          title="Mentor time per week"
          categories={categories}
          series={[
            {
              name: "Received (the student's figure)",
              values: hours.weeks.map((w) => w.mentorHoursReceived),
              fillClass: "fill-sky-500",
            },
            {
              name: "Given (the mentors' figure)",
              values: hours.weeks.map((w) => w.mentorHoursGiven),
              fillClass: "fill-amber-500",
            },
          ]}
          lines={mentorLines}
          unit="hours"
          xAxisLabel="Week"
          summary={`Mentor time per week. ${hours.mentorSentence}`}
        />
      </div>
      <div className="space-y-1 text-sm text-slate-700">
        <p>{hours.hoursSentence}</p>
        <p>{hours.mentorSentence}</p>
      </div>
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">Hours per week, from the check-ins</caption>
          <thead>
            <tr className="border-b border-slate-200 text-slate-600">
              <th scope="col" className="py-2 pr-4 font-medium">
                Week
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Hours worked
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Mentor time received
              </th>
              <th scope="col" className="py-2 font-medium">
                Mentor time given
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {hours.weeks.map((w) => (
              <tr key={w.week}>
                <th scope="row" className="py-1.5 pr-4 font-medium text-slate-900">
                  Week {w.week}
                </th>
                {w.hoursWorked === null ? (
                  <td colSpan={3} className="py-1.5 text-slate-500">
                    No check-in
                  </td>
                ) : (
                  <>
                    <td className="py-1.5 pr-4 tabular-nums">{h(w.hoursWorked)}</td>
                    <td className="py-1.5 pr-4 tabular-nums">{h(w.mentorHoursReceived)}</td>
                    <td className="py-1.5 tabular-nums">{w.mentorHoursGiven === null ? <span className="text-slate-500">No reply yet</span> : h(w.mentorHoursGiven)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-slate-200">
            <tr>
              <th scope="row" className="py-1.5 pr-4 font-medium text-slate-900">
                Average
              </th>
              <td className="py-1.5 pr-4 font-medium tabular-nums">{h(hours.averageHours)}</td>
              <td className="py-1.5 pr-4 font-medium tabular-nums">{h(hours.averageMentorReceived)}</td>
              <td className="py-1.5 font-medium tabular-nums">{h(hours.averageMentorGiven)}</td>
            </tr>
            <tr>
              <th scope="row" className="py-1.5 pr-4 font-medium text-slate-900">
                Promised
              </th>
              <td className="py-1.5 pr-4 tabular-nums">{h(hours.promisedHours)}</td>
              <td colSpan={2} className="py-1.5 tabular-nums">
                {hours.promisedMentorHours === null ? "None named" : h(hours.promisedMentorHours)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
