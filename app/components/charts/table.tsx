import type { ReactNode } from "react";
import { LogTable } from "~/components/admin/log-table";

/**
 * The numbers behind a chart as a real table: the first column names the row, the others are
 * figures (right-aligned, so digits line up). Scrolls sideways on a narrow screen.
 */
export function DataTable({ caption, columns, children }: { caption: string; columns: readonly string[]; children: ReactNode }) {
  return (
    <LogTable caption={caption} columns={columns} figures>
      {children}
    </LogTable>
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
