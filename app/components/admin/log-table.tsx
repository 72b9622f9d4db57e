import type { ReactNode } from "react";

/**
 * A log as a table (the email log, the audit log): column headings over the page's rows, scrolling
 * sideways on a narrow screen. With `figures`, the columns after the first hold numbers and their
 * headings are right-aligned over them (a chart's table).
 */
export function LogTable({
  columns,
  caption,
  className = "",
  figures = false,
  children,
}: {
  columns: readonly string[];
  caption?: string;
  className?: string;
  figures?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`overflow-x-auto ${className}`}>
      <table className="w-full text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((column, i) => (
              <th key={column} scope="col" className={`py-2 ${i < columns.length - 1 ? "pr-4" : ""} ${figures ? `font-semibold ${i === 0 ? "text-left" : "text-right"}` : ""}`}>
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
