import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { checkIns, letterDeliveries, matches, matchOutcomes, recommendationLetters, referrals, slots } from "~db/schema";
import { isUuid } from "~/modules/ids";
import { promisedBenefits, promiseVerdicts, publicPromiseRecord, tallyPromises, type PromiseEvidence, type PromiseTally, type PublicPromiseRecord } from "./promises";

// The record of promises kept, read from the database (the arithmetic and how the objects and the
// student's answer combine: promises.ts). Each page reads it in one query: the outcome page for its
// match, a slot page for its organization, the admins' organizations page for the page's organizations.

/** The first day (UTC) a ready letter of the match reached a recipient (also a column of the outcomes export). */
export const letterDeliveredOn = sql<string | null>`(select to_char(min(${letterDeliveries.sentAt}) at time zone 'UTC', 'YYYY-MM-DD')
  from ${recommendationLetters} join ${letterDeliveries} on ${letterDeliveries.letterId} = ${recommendationLetters.id}
  where ${recommendationLetters.matchId} = ${matches.id} and ${recommendationLetters.readyAt} is not null)`;

/** The day of the match's first referral the mentor made (also a column of the outcomes export). */
export const referralMadeOn = sql<string | null>`(select to_char(min(${referrals.referredOn}), 'YYYY-MM-DD')
  from ${referrals} where ${referrals.matchId} = ${matches.id} and ${referrals.state} = 'accepted')`;

/**
 * Mentor time delivered, from the check-ins: per week the lesser of the student's "received" and
 * the mentor's "given" when both are there (promises.ts says why).
 */
const mentorHoursDelivered = sql<string>`(select coalesce(sum(least(coalesce(${checkIns.mentorHoursGiven}, ${checkIns.mentorHoursReceived}), ${checkIns.mentorHoursReceived})), 0)
  from ${checkIns} where ${checkIns.matchId} = ${matches.id})`;

/** What Steppingstone's objects say about one match's promises (its letter, its referral, its return-offer answer). */
export async function promiseEvidenceOf(db: Db, matchId: string): Promise<PromiseEvidence> {
  if (!isUuid(matchId)) return { letterDeliveredOn: null, referralMadeOn: null, returnOffer: null };
  const [row] = await db
    .select({ letterDeliveredOn, referralMadeOn, returnOffer: matchOutcomes.returnOffer })
    .from(matches)
    .leftJoin(matchOutcomes, eq(matchOutcomes.matchId, matches.id))
    .where(eq(matches.id, matchId));
  return { letterDeliveredOn: row?.letterDeliveredOn ?? null, referralMadeOn: row?.referralMadeOn ?? null, returnOffer: row?.returnOffer ?? null };
}

/**
 * The record of each organization of `organizationIds` over its completed internships, in one query
 * (one row per completed internship, added up here). Every organization asked for is in the map,
 * with an empty tally when none of its internships is complete. For admins: whatever the number.
 */
export async function promiseRecordsOf(db: Db, organizationIds: readonly string[]): Promise<Map<string, PromiseTally>> {
  const ids = organizationIds.filter(isUuid);
  const byOrganization = new Map<string, Parameters<typeof tallyPromises>[0][number][]>(ids.map((id) => [id, []]));
  if (ids.length) {
    const rows = await db
      .select({
        organizationId: slots.organizationId,
        offers: slots.offers,
        mentorHoursPerWeek: slots.mentorHoursPerWeek,
        durationWeeks: slots.durationWeeks,
        benefits: matchOutcomes.benefits,
        returnOffer: matchOutcomes.returnOffer,
        letterDeliveredOn,
        referralMadeOn,
        mentorHoursDelivered,
      })
      .from(matches)
      .innerJoin(slots, eq(slots.id, matches.slotId))
      .leftJoin(matchOutcomes, eq(matchOutcomes.matchId, matches.id))
      .where(and(eq(matches.status, "completed"), inArray(slots.organizationId, ids)));
    for (const row of rows) {
      const evidence: PromiseEvidence = { letterDeliveredOn: row.letterDeliveredOn, referralMadeOn: row.referralMadeOn, returnOffer: row.returnOffer };
      byOrganization.get(row.organizationId)?.push({
        verdicts: promiseVerdicts(promisedBenefits(row.offers), evidence, row.benefits),
        mentorHoursPromised: (row.mentorHoursPerWeek ?? 0) * (row.durationWeeks ?? 0),
        mentorHoursDelivered: Number(row.mentorHoursDelivered),
      });
    }
  }
  return new Map([...byOrganization].map(([id, internships]) => [id, tallyPromises(internships)]));
}

/**
 * An organization's record as anyone may read it on its slot pages: the counts once
 * PROMISE_RECORD_THRESHOLD internships are complete, before that only that it will appear — not
 * even how many are complete (the page's data carries nothing more than it shows).
 */
export async function publicPromiseRecordOf(db: Db, organizationId: string): Promise<PublicPromiseRecord> {
  const tally = (await promiseRecordsOf(db, [organizationId])).get(organizationId);
  return publicPromiseRecord(tally ?? tallyPromises([]));
}
