import type { MatchStatus } from "~db/schema";
import { MATCH_STEPS } from "~/domain/vocabulary";
import { MATCH_STATUS_LABELS, MATCH_STATUS_TONES } from "~/modules/matches/labels";

// Pieces of a match as pages show it: the review queue, the match page and the lists.

export function MatchStatusBadge({ status }: { status: MatchStatus }) {
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ${MATCH_STATUS_TONES[status]}`}>
      {MATCH_STATUS_LABELS[status]}
    </span>
  );
}

/** The 0–100 score as a figure with a ring that fills with it; the number is the text, the ring decoration. */
export function ScoreDial({ score, size = "md" }: { score: number; size?: "sm" | "md" }) {
  const dimension = size === "sm" ? 44 : 64;
  const stroke = size === "sm" ? 4 : 5;
  const r = (dimension - stroke) / 2;
  const circumference = 2 * Math.PI * r;
  return (
    // why: sized by classes, not an inline style, which production's CSP (style-src 'self') blocks.
    <div className={`relative inline-flex shrink-0 items-center justify-center ${size === "sm" ? "h-11 w-11" : "h-16 w-16"}`}>
      <svg aria-hidden="true" width={dimension} height={dimension} className="-rotate-90">
        <circle cx={dimension / 2} cy={dimension / 2} r={r} strokeWidth={stroke} className="fill-none stroke-slate-200" />
        <circle
          cx={dimension / 2}
          cy={dimension / 2}
          r={r}
          strokeWidth={stroke}
          strokeLinecap="round"
          strokeDasharray={`${(circumference * score) / 100} ${circumference}`}
          className={`fill-none ${score >= 75 ? "stroke-emerald-600" : score >= 50 ? "stroke-brand-600" : "stroke-amber-500"}`}
        />
      </svg>
      <span className={`absolute font-bold text-slate-900 ${size === "sm" ? "text-sm" : "text-lg"}`}>
        {score}
        <span className="sr-only"> out of 100</span>
      </span>
    </div>
  );
}

/** The steps after the introduction, the current one marked; a match not going ahead shows where it stopped. */
export function MatchSteps({ status }: { status: MatchStatus }) {
  const current = (MATCH_STEPS as readonly MatchStatus[]).indexOf(status);
  return (
    <ol className="flex flex-wrap items-center gap-x-2 gap-y-2 text-sm" aria-label="Steps of the match">
      {MATCH_STEPS.map((step, i) => {
        const done = current >= 0 && i < current;
        const here = i === current;
        return (
          <li key={step} className="flex items-center gap-2">
            <span
              aria-current={here ? "step" : undefined}
              className={`inline-flex items-center gap-1.5 rounded-full px-3 py-1 font-medium ring-1 ${
                here ? "bg-brand-700 text-white ring-brand-700" : done ? "bg-brand-50 text-brand-800 ring-brand-600/30" : "bg-white text-slate-500 ring-slate-200"
              }`}
            >
              {done ? (
                <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-current">
                  <path d="M6.5 11.2 3.3 8l1-1 2.2 2.2 5.2-5.2 1 1z" />
                </svg>
              ) : null}
              {MATCH_STATUS_LABELS[step]}
              {done ? <span className="sr-only"> (done)</span> : null}
            </span>
            {i < MATCH_STEPS.length - 1 ? (
              <span aria-hidden="true" className="text-slate-300">
                →
              </span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
