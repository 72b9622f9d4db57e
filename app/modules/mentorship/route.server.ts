import type { Params } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireUser } from "~/auth/guards.server";
import { notFound } from "~/responses.server";
import { findMentorship, type Mentorship } from "./access.server";

/**
 * The signed-in reader and the mentorship space of the route's match, or a 404 — the same for a
 * match that does not exist and one that is not theirs. Every /matches/:matchId/* route starts here.
 */
export async function requireMentorship(request: Request, params: Params, options: { lock?: boolean; now?: Date } = {}) {
  const user = await requireUser(request);
  const mentorship = await findMentorship(getDb(), { id: user.id, role: user.role }, params.matchId ?? "", options);
  if (!mentorship) throw notFound();
  return { user, mentorship };
}

/** What every mentorship page's header shows, built from what its reader may see. */
export function headerOf(m: Mentorship) {
  return {
    matchId: m.match.id,
    status: m.match.status,
    side: m.side,
    slotTitle: m.slot.title,
    organizationName: m.organization.name,
    studentName: m.student.name,
  };
}
export type MentorshipHeaderData = ReturnType<typeof headerOf>;
