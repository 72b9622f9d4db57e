import type { ReactNode } from "react";

/** A log as a table (the email log, the audit log): column headings over the page's rows, scrolling sideways on a narrow screen. */
export function LogTable({ columns, caption, className = "", children }: { columns: string[]; caption?: string; className?: string; children: ReactNode }) {
  return (
    <div className={`overflow-x-auto ${className}`}>
      <table className="w-full text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((column, i) => (
              <th key={column} scope="col" className={i < columns.length - 1 ? "py-2 pr-4" : "py-2"}>
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
