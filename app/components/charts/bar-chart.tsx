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
  /** What the row says at the right, level with its label: the number, strongest. */
  figure: string;
  /** Quieter words after the figure: "75% of the step before", "n = 24". */
  detail?: string;
};

export const CHART_WIDTH = 640;
const FONT = 14;
/** Each row: its label line, then its bar. */
const ROW = 50;
const BAR = 16;
const LABEL_BASELINE = 17;
const BAR_TOP = 25;
/** A hidden bar is never drawn shorter than this, so its hatching can be seen. */
const MIN_HIDDEN_WIDTH = 36;

/**
 * A horizontal bar per row on one linear scale from 0 to `max`, each bar on a light track of the
 * full width, so a bar's length reads as a share of the scale. A row named by its label, its
 * figure and detail; the accessible name and description carry the same words for a reader who
 * cannot see it.
 */
export function HorizontalBarChart({
  title,
  description,
  rows,
  max,
  hiddenUpTo,
  barClass = "fill-brand-600",
}: {
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
}) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const top = Math.max(max ?? 0, ...rows.map((r) => r.value ?? 0), Number.EPSILON);
  const x = scaleLinear().domain([0, top]).range([0, CHART_WIDTH]).clamp(true);
  const y = scaleBand<string>()
    .domain(rows.map((r) => r.key))
    .range([0, rows.length * ROW]);
  const height = Math.max(ROW, rows.length * ROW) - (ROW - BAR_TOP - BAR) + 2;
  const hiddenWidth = Math.max(MIN_HIDDEN_WIDTH, hiddenUpTo === undefined ? 0 : x(hiddenUpTo));

  return (
    <svg
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="h-auto w-full"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <defs>
        <pattern id={`${id}-hatch`} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1={0} y1={0} x2={0} y2={6} strokeWidth={2} className="stroke-slate-300" />
        </pattern>
      </defs>
      {rows.map((row) => {
        const rowTop = y(row.key) ?? 0;
        return (
          <g key={row.key} data-row={row.key}>
            <text x={0} y={rowTop + LABEL_BASELINE} fontSize={FONT} className="fill-slate-700">
              {row.label}
            </text>
            <text x={CHART_WIDTH} y={rowTop + LABEL_BASELINE} fontSize={FONT} textAnchor="end" className="fill-slate-500">
              <tspan className="fill-slate-900 font-semibold">{row.figure}</tspan>
              {row.detail ? <tspan>{` · ${row.detail}`}</tspan> : null}
            </text>
            <rect x={0} y={rowTop + BAR_TOP} width={CHART_WIDTH} height={BAR} rx={3} className="fill-slate-100" />
            {row.hidden ? (
              <rect
                x={0.5}
                y={rowTop + BAR_TOP + 0.5}
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
              <rect x={0} y={rowTop + BAR_TOP} width={Math.max(2, x(row.value))} height={BAR} rx={3} className={barClass} />
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
