import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole, safeRedirectPath } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SlotStatusBadge } from "~/components/slot-details";
import { Alert, Button, ButtonLink, Card, PageHeader } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { listStars, moveStar, starSlot, unstarSlot, type StarResult } from "~/modules/stars/stars.server";
import { MAX_STARS, StarActionSchema } from "~/modules/stars/schemas";
import { RankedCard } from "~/components/slots/ranked-card";
import { SlotSummary } from "~/components/slots/slot-summary";
import { slotStandings } from "~/modules/recommendations/standing.server";
import { entryFor, NOT_FROM_OUR_PAGES } from "~/forms/gate";
import { readGatedForm } from "~/forms/read.server";

export const meta: MetaFunction = () => [{ title: "Starred slots · Steppingstone" }];

const ERRORS = {
  too_many: `You already have ${MAX_STARS} starred slots. Unstar one to make room.`,
  not_open: "That slot no longer takes applications, so it cannot be starred.",
  not_found: "That slot does not exist.",
  not_starred: "That slot is not among your starred slots any more.",
} satisfies Record<Extract<StarResult, { ok: false }>["error"], string>;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "student");
  const error = entryFor(ERRORS, new URL(request.url).searchParams.get("error"));
  const db = getDb();
  const stars = await listStars(db, user.id);
  const standings = await slotStandings(db, user.id, stars.map((s) => s.id));
  return { stars: stars.map((s) => ({ ...s, standing: standings.get(s.id) ?? null })), error };
}

// Star, unstar and reorder, from this page and from any slot's Star button (which sends `redirectTo`).
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "student");
  const parsed = StarActionSchema.safeParse(Object.fromEntries(await readGatedForm(request)));
  if (!parsed.success) throw new Response(NOT_FROM_OUR_PAGES, { status: 400 });
  const { intent, slotId, redirectTo } = parsed.data;
  const db = getDb();
  const result =
    intent === "star"
      ? await starSlot(db, user.id, slotId)
      : intent === "unstar"
        ? await unstarSlot(db, user.id, slotId)
        : await moveStar(db, user.id, slotId, intent);
  if (!result.ok) return redirect(`/starred?error=${result.error}`);
  return redirect(safeRedirectPath(redirectTo, "/starred"));
}

export default function StarredPage() {
  const { stars, error } = useLoaderData<typeof loader>();

  return (
    <div>
      <PageHeader
        title="Starred slots"
        description={`${stars.length} of ${MAX_STARS}. Star the slots you want most, then put them in order.`}
      >
        <ButtonLink to="/slots" variant="secondary">
          Browse slots
        </ButtonLink>
      </PageHeader>
      <div className="mb-6 space-y-3">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <Alert tone="info" title="This order is your ranking in matching rounds">
          When an admin runs a matching round, the engine tries your starred slots first, top to bottom, before any other slot it
          would suggest — so put the one you want most at the top. Starring is not applying: apply on the slot&apos;s page too.
        </Alert>
      </div>

      {stars.length === 0 ? (
        <Card className="text-center">
          <h2 className="text-lg font-semibold text-slate-900">No starred slots yet</h2>
          <p className="mx-auto mt-2 max-w-lg text-slate-600">
            Star a slot from its page or from your recommendations on the <Link to="/" className="font-medium text-brand-700 hover:underline">home page</Link>.
          </p>
        </Card>
      ) : (
        <ol className="space-y-4" aria-label="Your starred slots, in your order">
          {stars.map((slot, i) => (
            <RankedCard
              key={slot.id}
              label={slot.title}
              badge={
                <span aria-hidden="true" className="flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-brand-700 text-sm font-bold text-white">
                  {slot.position}
                </span>
              }
              actions={<StarredSlotButtons slot={slot} first={i === 0} last={i === stars.length - 1} />}
            >
              <p className="sr-only">Number {slot.position}</p>
              <SlotSummary slot={slot} standing={slot.standing}>
                {!slot.open ? (
                  <p className="mt-2 flex items-center gap-2 text-sm text-amber-800">
                    {slot.status === "open" ? null : <SlotStatusBadge status={slot.status} />}
                    No longer takes applications; a round skips it.
                  </p>
                ) : null}
              </SlotSummary>
            </RankedCard>
          ))}
        </ol>
      )}
    </div>
  );
}

/** Move a starred slot up or down, or unstar it; only this slot's buttons wait while one is sent. */
function StarredSlotButtons({ slot, first, last }: { slot: { id: string; title: string }; first: boolean; last: boolean }) {
  const busy = useIsPending({ fields: { slotId: slot.id } });
  return (
    <Form method="post" className="flex flex-wrap gap-2">
      <input type="hidden" name="slotId" value={slot.id} />
      <input type="hidden" name="redirectTo" value="/starred" />
      <Button type="submit" name="intent" value="up" variant="secondary" disabled={busy || first} aria-label={`Move up ${slot.title}`}>
        Move up
      </Button>
      <Button type="submit" name="intent" value="down" variant="secondary" disabled={busy || last} aria-label={`Move down ${slot.title}`}>
        Move down
      </Button>
      <Button type="submit" name="intent" value="unstar" variant="danger" disabled={busy} aria-label={`Unstar ${slot.title}`}>
        Unstar
      </Button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
