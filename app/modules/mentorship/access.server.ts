import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { matches, organizations, slots, users, type Match, type UserRole } from "~db/schema";
import { AFTER_INTRODUCTION_MATCH_STATUSES, isIn } from "~/domain/vocabulary";
import { firstName } from "~/domain/names";
import { isUuid } from "~/modules/ids";
import { dayIn, mentorOfSlot } from "~/modules/slots/access.server";
import { slotMentorRecipients } from "~/modules/slots/slots.server";
import { submitted, type SubmittedSlot } from "~/modules/slots/submitted";
import type { InternshipDates } from "./weeks";

export type Viewer = { id: string; role: UserRole };
/** Which side of the mentorship a reader is on: the student, one of the slot's mentors, or an admin (who reads, and only nudges). */
export type MentorshipSide = "student" | "mentor" | "admin";
export type Person = { id: string; name: string; email: string };

export type Mentorship = {
  side: MentorshipSide;
  viewerId: string;
  match: Match;
  slot: SubmittedSlot;
  organization: { id: string; name: string };
  student: Person & { firstName: string };
  /** The slot's named mentors, or every member of its organization when none is named. */
  mentors: Person[];
  dates: InternshipDates;
  /** Today (YYYY-MM-DD) where the slot is. */
  today: string;
};

/**
 * The mentorship space of a match as `viewer` may see it, or null — the same answer for a match
 * that does not exist and one that is not theirs (so ids cannot be probed). The student of the
 * match, any mentor of the slot's organization, and admins see it from the introduction on;
 * nobody sees a proposal here. `lock` locks the match row for the rest of the transaction.
 */
export async function findMentorship(db: Db, viewer: Viewer, matchId: string, { now = new Date(), lock = false }: { now?: Date; lock?: boolean } = {}): Promise<Mentorship | null> {
  if (!isUuid(matchId) || !isUuid(viewer.id)) return null;
  const scope =
    viewer.role === "admin" ? undefined : viewer.role === "student" ? eq(matches.studentId, viewer.id) : mentorOfSlot(viewer.id);
  const query = db
    .select({ match: matches, slot: slots, organization: { id: organizations.id, name: organizations.name }, student: { id: users.id, name: users.name, email: users.email } })
    .from(matches)
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .innerJoin(users, eq(users.id, matches.studentId))
    .where(and(eq(matches.id, matchId), inArray(matches.status, AFTER_INTRODUCTION_MATCH_STATUSES), scope));
  const [row] = lock ? await query.for("update", { of: matches }) : await query;
  if (!row || !isIn(AFTER_INTRODUCTION_MATCH_STATUSES, row.match.status)) return null;
  const slot = submitted(row.slot);
  const side: MentorshipSide = viewer.role === "admin" ? "admin" : viewer.role === "student" ? "student" : "mentor";
  return {
    side,
    viewerId: viewer.id,
    match: row.match,
    slot,
    organization: row.organization,
    student: { ...row.student, firstName: firstName(row.student.name) },
    mentors: await slotMentorRecipients(db, slot),
    dates: { startDate: slot.startDate, durationWeeks: slot.durationWeeks },
    today: dayIn(slot.timezone, now),
  };
}

/** The people of a match other than `userId`: the student and the mentors, for a notice. */
export function othersThan(mentorship: Pick<Mentorship, "student" | "mentors">, userId: string): Person[] {
  return [mentorship.student, ...mentorship.mentors].filter((p) => p.id !== userId);
}
