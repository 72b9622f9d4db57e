import type { OutcomeRow, PeopleCount } from "~/modules/insights/types";
import { ResponsiveBarChart, type BarRow } from "./bar-chart";
import { formatCount, formatGrouped, formatShare, HIDDEN_IN_BREAKDOWN } from "./format";
import { DataTable } from "./table";

/**
 * A kind of slot's bar: the share of students who answered a follow-up and reported paid work
 * within 6 months, with n (who answered). A hidden count (under MIN_CELL, or one that would give
 * such a count away) is hatched and said so.
 */
export function outcomeBar(row: OutcomeRow): BarRow {
  const base = { key: row.key, label: row.label };
  if (row.completed === 0) return { ...base, value: null, figure: "none completed yet" };
  if (row.answered === null) return { ...base, value: null, hidden: true, figure: `how many answered is ${HIDDEN_IN_BREAKDOWN}` };
  if (row.answered === 0) return { ...base, value: null, figure: "no follow-up answers yet", detail: row.completed === null ? `how many completed is ${HIDDEN_IN_BREAKDOWN}` : `${formatCount(row.completed)} completed` };
  if (row.paidWork === null) return { ...base, value: null, hidden: true, figure: HIDDEN_IN_BREAKDOWN, detail: `of ${formatCount(row.answered)} who answered` };
  // why: the data leaves the share null when no one had paid work; that is a share of 0%, not a hidden one.
  const share = row.paidWork === 0 ? 0 : (row.paidWorkShare ?? row.paidWork / row.answered);
  return { ...base, value: share, figure: formatShare(share), detail: `${formatCount(row.paidWork)} of ${formatCount(row.answered)} who answered` };
}

export function outcomeDescription(rows: readonly OutcomeRow[]) {
  return rows
    .map((row) => {
      const bar = outcomeBar(row);
      return `${row.label}: ${bar.figure}${bar.detail ? `, ${bar.detail}` : ""}.`;
    })
    .join(" ");
}

/**
 * What one breakdown of slots led to: the share with paid work within 6 months as bars (the scale
 * is 0–100%), and every count in a table under it. Before any internship of these kinds is
 * complete, or before anyone answered a follow-up, it says so instead of drawing empty bars.
 */
export function OutcomeChart({ title, rows, kindHeading }: { title: string; rows: readonly OutcomeRow[]; kindHeading: string }) {
  if (rows.length === 0 || rows.every((row) => row.completed === 0)) {
    return <p className="text-sm text-slate-600">No internship in this view has been completed yet. Outcomes appear here as internships finish and students answer their follow-ups.</p>;
  }
  const bars = rows.map(outcomeBar);
  if (!bars.some((bar) => bar.value !== null || bar.hidden)) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-slate-600">No student who finished one of these internships has answered a 3- or 6-month follow-up yet, so there is no share to draw. The counts so far:</p>
        <OutcomeTable caption={title} rows={rows} kindHeading={kindHeading} />
      </div>
    );
  }
  return (
    <div className="space-y-5">
      <div>
        <p className="mb-2 text-xs text-slate-500">Each bar: the share with paid work within 6 months, of the students who answered a follow-up (0–100%).</p>
        <ResponsiveBarChart title={title} description={`Share of students who answered a follow-up and reported paid work within 6 months. ${outcomeDescription(rows)}`} rows={bars} max={1} />
      </div>
      <OutcomeTable caption={title} rows={rows} kindHeading={kindHeading} />
    </div>
  );
}

export function OutcomeTable({ caption, rows, kindHeading }: { caption: string; rows: readonly OutcomeRow[]; kindHeading: string }) {
  const cell = (value: PeopleCount) => <span className={value === null ? "whitespace-nowrap text-slate-500" : undefined}>{formatGrouped(value)}</span>;
  return (
    <DataTable caption={caption} columns={[kindHeading, "Completed", "Answered", "Paid work", "Share", "Return offer", "Letter or referral"]}>
      {rows.map((row) => (
        <tr key={row.key}>
          <th scope="row" className="py-2 pr-4 text-left font-medium text-slate-900">
            {row.label}
          </th>
          <td className="py-2 pr-4 text-right tabular-nums">{cell(row.completed)}</td>
          <td className="py-2 pr-4 text-right tabular-nums">{cell(row.answered)}</td>
          <td className="py-2 pr-4 text-right tabular-nums">{cell(row.paidWork)}</td>
          <td className="py-2 pr-4 text-right font-medium tabular-nums">{row.paidWorkShare !== null ? formatShare(row.paidWorkShare) : row.paidWork === 0 && row.answered ? "0%" : "—"}</td>
          <td className="py-2 pr-4 text-right tabular-nums">{cell(row.returnOffers)}</td>
          <td className="py-2 text-right tabular-nums">{cell(row.letterOrReferral)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
