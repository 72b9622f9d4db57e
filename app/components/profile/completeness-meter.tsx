import { Card } from "~/components/ui";

/** How complete the student's profile is, and what is still missing. */
export function CompletenessMeter({ percent, missing }: { percent: number; missing: string[] }) {
  return (
    <Card>
      <div className="flex items-baseline justify-between gap-4">
        <h2 id="completeness-title" className="text-lg font-semibold text-slate-900">
          {percent === 100 ? "Your profile is complete" : `Your profile is ${percent}% complete`}
        </h2>
        <span className="text-2xl font-bold text-brand-700" aria-hidden="true">
          {percent}%
        </span>
      </div>
      <progress
        value={percent}
        max={100}
        aria-labelledby="completeness-title"
        className="mt-3 h-2.5 w-full appearance-none overflow-hidden rounded-full bg-slate-200 [&::-moz-progress-bar]:bg-brand-600 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-600"
      >
        {percent}%
      </progress>
      {missing.length ? (
        <div className="mt-4 text-sm text-slate-700">
          <p className="font-medium">Still missing:</p>
          <ul className="mt-2 flex flex-wrap gap-2" aria-label="What is missing">
            {missing.map((m) => (
              <li key={m} className="rounded-full bg-amber-50 px-2.5 py-1 text-xs font-medium text-amber-900 ring-1 ring-amber-200">
                {m}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="mt-3 text-sm text-slate-600">Mentors and the matching engine have everything they need. Keep it current as your plans change.</p>
      )}
    </Card>
  );
}
