import { and, count, eq, inArray, notInArray } from "drizzle-orm";
import { createElement } from "react";
import type { Db } from "~db/client.server";
import { applications, matches, organizations, users } from "~db/schema";
import SlotFilled, { slotFilledSubject } from "~emails/slot-filled";
import { firstName } from "~/domain/names";
import { LIVE_MATCH_STATUSES, SEAT_TAKING_MATCH_STATUSES, UNCONFIRMED_MATCH_STATUSES, WAITING_APPLICATION_STATUSES } from "~/domain/vocabulary";
import { absoluteUrl } from "~/env.server";
import { queueEmail } from "~/mail/outbox.server";
import type { SubmittedSlot } from "./submitted";

/** What an applicant reads as the reason when a slot fills before the mentors decide on them. */
export const SLOT_FILLED_REASON = "Every seat of this slot is taken.";

/**
 * When a slot fills (its last seat confirmed, or its mentors mark it filled), in that
 * transaction: each applicant still waiting is set to not selected and told; when every seat is
 * taken, each student introduced but not confirmed is told there is no seat left (their match
 * stays, for a seat that frees up). An applicant is told once: their application leaves the waiting statuses here.
 */
export async function tellThoseLeftWaiting(tx: Db, slot: Pick<SubmittedSlot, "id" | "title" | "organizationId" | "seats">, now: Date) {
  const [organization] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, slot.organizationId));
  const about = { slotTitle: slot.title, organizationName: organization?.name ?? "the organization" };

  // A student with a live match on the slot hears about it as a match (or holds a seat), not as an applicant.
  const matched = tx.select({ studentId: matches.studentId }).from(matches).where(and(eq(matches.slotId, slot.id), inArray(matches.status, LIVE_MATCH_STATUSES)));
  const applicants = await tx
    .update(applications)
    .set({ status: "not_selected", declineReason: SLOT_FILLED_REASON, shortlistRank: null, updatedAt: now })
    .where(and(eq(applications.slotId, slot.id), inArray(applications.status, WAITING_APPLICATION_STATUSES), notInArray(applications.studentId, matched)))
    .returning({ studentId: applications.studentId });
  // why: a mentor may mark a slot filled with seats to spare; a pair introduced can then still confirm, so only a full slot is said to have no seat.
  const [taken] = await tx.select({ value: count() }).from(matches).where(and(eq(matches.slotId, slot.id), inArray(matches.status, SEAT_TAKING_MATCH_STATUSES)));
  const full = (taken?.value ?? 0) >= slot.seats;
  const introduced = full
    ? await tx
        .select({ matchId: matches.id, studentId: matches.studentId })
        .from(matches)
        .where(and(eq(matches.slotId, slot.id), inArray(matches.status, UNCONFIRMED_MATCH_STATUSES)))
    : [];

  const people = new Map(
    (await peopleByIds(tx, [...applicants, ...introduced].map((r) => r.studentId))).map((p) => [p.id, p]),
  );
  const tell = async (studentId: string, introducedTo: string | null) => {
    const student = people.get(studentId);
    if (!student) return;
    await queueEmail(tx, {
      template: "slot-filled",
      to: [student.email],
      subject: slotFilledSubject(slot.title),
      body: createElement(SlotFilled, {
        ...about,
        name: firstName(student.name),
        introduced: introducedTo !== null,
        url: absoluteUrl(introducedTo ? `/matches/${introducedTo}` : "/slots"),
      }),
      userId: student.id,
    });
  };
  for (const a of applicants) await tell(a.studentId, null);
  for (const m of introduced) await tell(m.studentId, m.matchId);
  return { applicants: applicants.length, introduced: introduced.length };
}

async function peopleByIds(tx: Db, ids: string[]) {
  if (!ids.length) return [];
  return tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, [...new Set(ids)]));
}
