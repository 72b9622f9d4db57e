import { scaleBand, scaleLinear } from "d3-scale";
import { useId } from "react";

// Horizontal bar charts drawn as SVG on the server (decision 018): d3-scale computes the geometry,
// React writes the markup, Tailwind's fill-/stroke- classes colour it. No inline styles (the CSP
// blocks them) and no script: the chart is whole in the HTML, with or without JavaScript. The
// drawing scales to its box through its viewBox.

export type BarRow = {
  key: string;
  /** The row's name, written above its bar. */
  label: string;
  /** The bar's length on the chart's scale; null draws no bar (nothing to show, or hidden). */
  value: number | null;
  /** A count too small to show (under MIN_CELL): drawn as a hatched, outlined bar up to `hiddenUpTo`. */
  hidden?: boolean;
  /** What the row says: the number, strongest. */
  figure: string;
  /** Quieter words after the figure: "75% of the step before", "15 of 20 who answered". */
  detail?: string;
};

/**
 * Two drawings of the same chart. Text in an SVG scales with it, so one drawing cannot keep its
 * words readable both in a phone's column and across a desktop card:
 * - wide (a desktop card, up to 48rem): the figure right-aligned on the label's line;
 * - narrow (a phone, about 300–400 px): a narrower drawing, the figure on its own line under the bar.
 */
export const LAYOUTS = {
  wide: { width: 640, labelBaseline: 17, barTop: 25, figureBaseline: null, row: 50 },
  narrow: { width: 360, labelBaseline: 16, barTop: 23, figureBaseline: 55, row: 66 },
} as const;
export type BarChartLayout = keyof typeof LAYOUTS;

const FONT = 14;
const BAR = 14;
/** A hidden bar is never drawn shorter than this, so its hatching can be seen. */
const MIN_HIDDEN_WIDTH = 30;

type ChartProps = {
  /** The chart's name (its <title>). */
  title: string;
  /** What it shows in sentences (its <desc>): the rows' numbers, for a screen reader. */
  description: string;
  rows: readonly BarRow[];
  /** The scale's end; defaults to the largest value. */
  max?: number;
  /** How far a hidden row's hatched bar reaches on the scale (for a count: MIN_CELL, "fewer than 5"). */
  hiddenUpTo?: number;
  barClass?: string;
};

/**
 * A horizontal bar per row on one linear scale from 0 to `max`, each bar on a light track of the
 * full width, so a bar's length reads as a share of the scale. Each row is named by its label, its
 * figure and detail; the accessible name and description carry the same words for a reader who
 * cannot see it.
 */
export function HorizontalBarChart({ title, description, rows, max, hiddenUpTo, barClass = "fill-brand-600", layout = "wide" }: ChartProps & { layout?: BarChartLayout }) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const g = LAYOUTS[layout];
  const top = Math.max(max ?? 0, ...rows.map((r) => r.value ?? 0), Number.EPSILON);
  const x = scaleLinear().domain([0, top]).range([0, g.width]).clamp(true);
  const y = scaleBand<string>()
    .domain(rows.map((r) => r.key))
    .range([0, rows.length * g.row]);
  const lastLine = g.figureBaseline === null ? g.barTop + BAR : g.figureBaseline + 4;
  const height = Math.max(1, rows.length) * g.row - (g.row - lastLine) + 2;
  const hiddenWidth = Math.max(MIN_HIDDEN_WIDTH, hiddenUpTo === undefined ? 0 : x(hiddenUpTo));

  return (
    <svg viewBox={`0 0 ${g.width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full" preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <defs>
        <pattern id={`${id}-hatch`} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1={0} y1={0} x2={0} y2={6} strokeWidth={2.5} className="stroke-slate-300" />
        </pattern>
      </defs>
      {rows.map((row) => {
        const rowTop = y(row.key) ?? 0;
        // A number is dark and bold; words standing for one (hidden, nothing yet) are quieter.
        const isNumber = row.value !== null;
        const figure = (
          <>
            <tspan className={isNumber ? "fill-slate-900 font-semibold" : "fill-slate-600 font-medium"}>{row.figure}</tspan>
            {row.detail ? <tspan>{` · ${row.detail}`}</tspan> : null}
          </>
        );
        return (
          <g key={row.key} data-row={row.key}>
            <text x={0} y={rowTop + g.labelBaseline} fontSize={FONT} className="fill-slate-700">
              {row.label}
            </text>
            {g.figureBaseline === null ? (
              <text x={g.width} y={rowTop + g.labelBaseline} fontSize={FONT} textAnchor="end" className="fill-slate-500">
                {figure}
              </text>
            ) : (
              <text x={0} y={rowTop + g.figureBaseline} fontSize={FONT - 1} className="fill-slate-500">
                {figure}
              </text>
            )}
            <rect x={0} y={rowTop + g.barTop} width={g.width} height={BAR} rx={3} className="fill-slate-100" />
            {row.hidden ? (
              <rect
                x={0.5}
                y={rowTop + g.barTop + 0.5}
                width={hiddenWidth - 1}
                height={BAR - 1}
                rx={3}
                fill={`url(#${id}-hatch)`}
                strokeWidth={1}
                strokeDasharray="3 2"
                className="stroke-slate-400"
                data-hidden="true"
              />
            ) : row.value !== null && row.value > 0 ? (
              <rect x={0} y={rowTop + g.barTop} width={Math.max(2, x(row.value))} height={BAR} rx={3} className={barClass} />
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

/**
 * The chart as a page shows it: the wide drawing from the md breakpoint, the narrow one below it.
 * Both are in the HTML (no script picks one); the one not shown is display:none, so a screen
 * reader meets the chart once.
 */
export function ResponsiveBarChart(props: ChartProps) {
  return (
    <>
      <div className="hidden max-w-3xl md:block" data-layout="wide">
        <HorizontalBarChart {...props} layout="wide" />
      </div>
      <div className="max-w-sm md:hidden" data-layout="narrow">
        <HorizontalBarChart {...props} layout="narrow" />
      </div>
    </>
  );
}
