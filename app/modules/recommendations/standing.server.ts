import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { applications, matches } from "~db/schema";
import { AFTER_INTRODUCTION_MATCH_STATUSES } from "~/domain/vocabulary";

// Where a student stands with slots they took up: applied, matched, finished.

/**
 * What the student did with a slot, as the student sees it: "applied" (an application not
 * withdrawn), "matched" (introduced, and on until the internship ends), "completed" or
 * "not_proceeding" (the match ended after the introduction). A proposal before the
 * introduction is the admins' business and counts as nothing.
 */
export type SlotStanding = "applied" | "matched" | "completed" | "not_proceeding";

/**
 * The student's standing with each slot they took up (all of them, or only `slotIds`); a slot
 * they never took up is absent. A match says more than an application to the same slot.
 */
export async function slotStandings(db: Db, studentId: string, slotIds?: string[]): Promise<Map<string, SlotStanding>> {
  if (slotIds?.length === 0) return new Map();
  const [applied, matched] = await Promise.all([
    db
      .select({ slotId: applications.slotId })
      .from(applications)
      .where(and(eq(applications.studentId, studentId), ne(applications.status, "withdrawn"), slotIds ? inArray(applications.slotId, slotIds) : undefined)),
    db
      .select({ slotId: matches.slotId, status: matches.status })
      .from(matches)
      .where(and(eq(matches.studentId, studentId), inArray(matches.status, AFTER_INTRODUCTION_MATCH_STATUSES), slotIds ? inArray(matches.slotId, slotIds) : undefined))
      .orderBy(matches.updatedAt),
  ]);
  const out = new Map<string, SlotStanding>(applied.map((a) => [a.slotId, "applied"]));
  // The latest match of a slot last: a match again after one that ended says where things are now.
  for (const m of matched) out.set(m.slotId, m.status === "completed" || m.status === "not_proceeding" ? m.status : "matched");
  return out;
}
