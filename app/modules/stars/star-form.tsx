import { Form } from "@remix-run/react";
import { buttonClass } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";

// The Star / Unstar button a student sees on a slot (home page, slot page). It posts to
// /starred, which comes back to `redirectTo`; it works without JavaScript.

export function StarForm({ slotId, starred, redirectTo, slotTitle, className = "" }: { slotId: string; starred: boolean; redirectTo: string; slotTitle?: string; className?: string }) {
  const busy = useIsPending({ formAction: "/starred", fields: { slotId } });
  return (
    <Form method="post" action="/starred" className={className}>
      <input type="hidden" name="intent" value={starred ? "unstar" : "star"} />
      <input type="hidden" name="slotId" value={slotId} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <button
        type="submit"
        disabled={busy}
        aria-label={slotTitle ? `${starred ? "Unstar" : "Star"} ${slotTitle}` : undefined}
        className={buttonClass("secondary", starred ? "text-amber-800 ring-amber-300" : "")}
      >
        <span aria-hidden="true">{starred ? "★" : "☆"}</span>
        {starred ? "Unstar" : "Star"}
      </button>
    </Form>
  );
}
