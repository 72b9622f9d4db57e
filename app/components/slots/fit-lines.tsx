import type { FitLine } from "~/messages/audiences";

/** A student's work-authorization fit as a mentor reads it (mentorFitLines): what does not fit stands out. */
export function FitLines({ lines, className }: { lines: FitLine[]; className: string }) {
  return (
    <ul aria-label="Work authorization" className={`text-sm ${className}`}>
      {lines.map((line) => (
        <li key={line.text} className={line.fits ? "text-slate-700" : "font-medium text-amber-900"}>
          {line.text}
        </li>
      ))}
    </ul>
  );
}
