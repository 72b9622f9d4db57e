import type { ReactNode } from "react";

/**
 * The numbers behind a chart as a real table: the first column names the row, the others are
 * figures (right-aligned, so digits line up). Scrolls sideways on a narrow screen.
 */
export function DataTable({ caption, columns, children }: { caption: string; columns: readonly string[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((column, i) => (
              <th key={column} scope="col" className={`py-2 font-semibold ${i === 0 ? "pr-4 text-left" : i < columns.length - 1 ? "pr-4 text-right" : "text-right"}`}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

/** A chart's table folded under "Show the table": opens without JavaScript (a native <details>). */
export function ShowTheTable({ children }: { children: ReactNode }) {
  return (
    <details className="group mt-4 rounded-lg ring-1 ring-slate-200">
      <summary className="cursor-pointer select-none rounded-lg px-4 py-2.5 text-sm font-medium text-brand-700 hover:bg-slate-50">
        <span className="group-open:hidden">Show the table</span>
        <span className="hidden group-open:inline">Hide the table</span>
      </summary>
      <div className="border-t border-slate-200 px-4 pb-2">{children}</div>
    </details>
  );
}
