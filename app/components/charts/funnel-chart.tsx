import { MIN_CELL } from "~/modules/insights/filters";
import { FUNNEL_STEP_HINTS, FUNNEL_STEP_LABELS } from "~/modules/insights/funnel-labels";
import type { FunnelStep } from "~/modules/insights/types";
import { ResponsiveBarChart, type BarRow } from "./bar-chart";
import { formatPeople, formatShare } from "./format";
import { DataTable, ShowTheTable } from "./table";

/** What a step's bar says after its count: its conversion from the step before. */
function conversion(step: FunnelStep, index: number) {
  if (index === 0 || step.fromPrevious === null) return undefined;
  return `${formatShare(step.fromPrevious)} of the step before`;
}

/** The funnel's rows for the chart: a bar per step, hidden counts hatched and said "fewer than 5". */
export function funnelRows(steps: readonly FunnelStep[]): BarRow[] {
  return steps.map((step, index) => ({
    key: step.key,
    label: FUNNEL_STEP_LABELS[step.key],
    value: step.people,
    hidden: step.people === null,
    figure: formatPeople(step.people),
    detail: conversion(step, index),
  }));
}

/** The funnel in sentences, for the chart's description. */
export function funnelDescription(steps: readonly FunnelStep[]) {
  return steps
    .map((step, index) => {
      const detail = conversion(step, index);
      return `${FUNNEL_STEP_LABELS[step.key]}: ${formatPeople(step.people)}${detail ? `, ${detail}` : ""}.`;
    })
    .join(" ");
}

/**
 * The funnel as bars, one per step (students who reached it), with the same numbers in a table
 * under "Show the table". A program with no students in range gets a sentence, not empty bars.
 */
export function FunnelChart({ steps }: { steps: readonly FunnelStep[] }) {
  if (steps.length === 0 || steps[0]!.people === 0) {
    return <p className="text-sm text-slate-600">No student signed up in this range, so there is no funnel to draw. Widen the dates or clear a filter.</p>;
  }
  return (
    <div>
      <ResponsiveBarChart title="Students at each step of the program" description={funnelDescription(steps)} rows={funnelRows(steps)} hiddenUpTo={MIN_CELL} />
      <ShowTheTable>
        <FunnelTable steps={steps} />
      </ShowTheTable>
    </div>
  );
}

export function FunnelTable({ steps }: { steps: readonly FunnelStep[] }) {
  const share = (value: number | null) => (value === null ? "—" : formatShare(value));
  return (
    <DataTable caption="Students at each step of the program" columns={["Step", "Students", "From the step before", "From sign-up"]}>
      {steps.map((step, index) => (
        <tr key={step.key}>
          <th scope="row" className="py-2 pr-4 text-left font-normal">
            <span className="font-medium text-slate-900">{FUNNEL_STEP_LABELS[step.key]}</span>
            <span className="block text-xs text-slate-500">{FUNNEL_STEP_HINTS[step.key]}</span>
          </th>
          <td className={`py-2 pr-4 text-right tabular-nums ${step.people === null ? "whitespace-nowrap text-slate-500" : "font-medium text-slate-900"}`}>{formatPeople(step.people)}</td>
          <td className="py-2 pr-4 text-right tabular-nums text-slate-700">{index === 0 ? "—" : share(step.fromPrevious)}</td>
          <td className="py-2 text-right tabular-nums text-slate-700">{index === 0 ? "—" : share(step.fromStart)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
