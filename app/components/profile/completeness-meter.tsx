import { Form } from "@remix-run/react";
import { Button, Card } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";

/** What "Include me in matching rounds" means, in the words the profile uses wherever it asks. */
export const MATCHING_ROUNDS_MEANING =
  "Now and then an admin runs a matching round: it suggests students for open slots that fit them, taking the slots you starred as your first choices. An admin reviews every suggestion; if it is approved, you and the slot's mentor are introduced by email, and the mentor can read your profile. Outside the rounds, you are considered only for the slots you apply to.";

/** The question a complete profile asks while the student is outside the matching rounds. */
function JoinRounds() {
  const busy = useIsPending({ fields: { intent: "join_rounds" } });
  return (
    <section aria-labelledby="join-rounds-title" className="mt-4 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
      <h3 id="join-rounds-title" className="text-sm font-semibold text-slate-900">
        You are not in the matching rounds. Should we include you?
      </h3>
      <p className="mt-1 text-sm text-slate-700">{MATCHING_ROUNDS_MEANING}</p>
      <Form method="post" className="mt-3 flex flex-wrap items-center gap-3">
        <Button type="submit" name="intent" value="join_rounds" disabled={busy}>
          Yes, include me in matching rounds
        </Button>
        <span className="text-xs text-slate-600">
          Or leave it: you can change this any time under{" "}
          <a href="#privacy" className="font-medium text-brand-700 hover:underline">
            Privacy and matching
          </a>
          .
        </span>
      </Form>
    </section>
  );
}

/** How complete the student's profile is, what is still missing, and — once nothing is — whether they are in the matching rounds. */
export function CompletenessMeter({ percent, missing, inMatching }: { percent: number; missing: string[]; inMatching: boolean }) {
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
      ) : inMatching ? (
        <p className="mt-3 text-sm text-slate-600">
          Mentors and the matching engine have everything they need, and you are in the matching rounds. Keep it current as your plans change.
        </p>
      ) : (
        <>
          <p className="mt-3 text-sm text-slate-600">Mentors have everything they need when you apply. Keep it current as your plans change.</p>
          <JoinRounds />
        </>
      )}
    </Card>
  );
}
