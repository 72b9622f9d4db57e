import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "~db/client.server";
import {
  applications,
  emails,
  letterDeliveries,
  matches,
  matchOutcomes,
  organizationMembers,
  organizations,
  outcomeFollowUps,
  recommendationLetters,
  referrals,
  slotMentors,
  slots,
  studentProfiles,
  users,
} from "~db/schema";
import { DAY_MS } from "~/domain/time";
import { ORGANIZATION_TYPE_LABELS, SLOT_COMPENSATION_LABELS } from "~/domain/labels";
import { ORGANIZATION_TYPES, SLOT_COMPENSATIONS } from "~/domain/vocabulary";
import { listStalledMatches } from "~/modules/mentorship/stalled.server";
import { takingApplications } from "~/modules/slots/access.server";
import { AUTHORIZATION_GROUP_KEYS, AUTHORIZATION_GROUPS, rangeInstants, suppress, suppressColumn, type InsightFilters } from "./filters";
import { PROMISES_KEPT, PROMISES_KEPT_LABELS, type PromisesKept } from "./outcome-labels";
import { FUNNEL_STEPS, type FunnelStep, type FunnelStepKey, type Insights, type OutcomeBreakdowns, type OutcomeRow, type ProgramHealth } from "./types";

// The data of the admin's view of the program (/admin/insights): the funnel, what completed
// internships led to, and what needs an admin now. Every count is made by PostgreSQL (count,
// count(distinct), filter, group by), never by loading rows; each part is one statement, and the
// three parts run at once. Counts of people pass through `suppress` before they leave here.

/** Days an application may wait for the mentor's first answer before the mentor counts as slow. */
export const SLOW_REPLY_DAYS = 7;
/** Days before its deadline an open slot with no applicant is listed. */
export const UNAPPLIED_DEADLINE_DAYS = 7;
/** Rows each health list shows (its total counts them all). */
export const HEALTH_ROWS = 5;
/** An email still queued after this long is stuck. */
export const STUCK_QUEUED_MS = 3_600_000;
/** Failed emails are counted over this window. */
export const FAILED_EMAIL_DAYS = 7;

/** Follow-up answers that mean paid work. */
const PAID_WORK_ANSWERS = ["paid_internship", "full_time_offer"] as const;

/**
 * The slot filters (organization type, the slot's country, compensation) as one condition on
 * `slots` alone, so any query that reads slots can carry it; undefined when none is set.
 */
export function slotFilterWhere(filters: Pick<InsightFilters, "organizationType" | "country" | "compensation">): SQL | undefined {
  const parts: SQL[] = [];
  if (filters.organizationType)
    parts.push(sql`${slots.organizationId} in (select ${organizations.id} from ${organizations} where ${organizations.type} = ${filters.organizationType})`);
  if (filters.country) parts.push(eq(slots.country, filters.country));
  if (filters.compensation) parts.push(eq(slots.compensation, filters.compensation));
  return parts.length ? and(...parts) : undefined;
}

/**
 * The work-authorization group as a condition on `student_profiles` (left joined: a student
 * without a profile has no status, so is "not stated"), the same grouping as authorizationGroupOf.
 */
export function authorizationGroupWhere(group: InsightFilters["authorizationGroup"]): SQL | undefined {
  if (!group) return undefined;
  if (group === "not_stated") {
    const grouped = AUTHORIZATION_GROUP_KEYS.flatMap((key) => [...AUTHORIZATION_GROUPS[key].statuses]);
    return sql`(${studentProfiles.workAuthorization} is null or ${studentProfiles.workAuthorization}::text not in (${sql.join(
      grouped.map((status) => sql`${status}`),
      sql`, `,
    )}))`;
  }
  return inArray(studentProfiles.workAuthorization, [...AUTHORIZATION_GROUPS[group].statuses]);
}

/**
 * A student profile is ready for matching: the rule of missingForMatching
 * (app/modules/profiles/completeness.ts) and toMatchStudent (engine-adapter/instance.server.ts),
 * read by PostgreSQL so it can be counted. insights.server.test.ts holds it to missingForMatching,
 * one missing field at a time.
 */
export const readyForMatching = sql<boolean>`(
  nullif(btrim(${studentProfiles.country}), '') is not null
  and nullif(btrim(${studentProfiles.timezone}), '') is not null
  and ${studentProfiles.availableFrom} is not null
  and coalesce(${studentProfiles.availableWeeks}, 0) > 0
  and greatest(coalesce(${studentProfiles.hoursPerWeekTerm}, 0), coalesce(${studentProfiles.hoursPerWeekBreak}, 0)) > 0
  and cardinality(${studentProfiles.workModes}) > 0
  and ${studentProfiles.workAuthorization} is not null
  and ${studentProfiles.compensation} is not null
)`;

// A match reached a step when it is recorded (its time) or when its status is at or past it:
// "reached" is whatever happened later, so a completed match was also confirmed and started.
// As one number per match — 4 completed, 3 started, 2 confirmed, 1 introduced, 0 proposed — so a
// student's furthest step is the max over their matches.
const MATCH_STAGES = { introduced: 1, confirmed: 2, active: 3, completed: 4 } as const;
/** A completed internship: the same for the outcomes on the page and in the outcomes export. */
export const reachedCompleted = sql`(${matches.completedAt} is not null or ${matches.status} = 'completed')`;
/** When an internship was completed, for the date range (a match completed without the time: its last change). */
export const completedOn = sql`coalesce(${matches.completedAt}, ${matches.updatedAt})`;
const matchStage = sql<number>`(case
  when ${reachedCompleted} then ${sql.raw(String(MATCH_STAGES.completed))}
  when ${matches.startedAt} is not null or ${matches.status} = 'active' then ${sql.raw(String(MATCH_STAGES.active))}
  when ${matches.confirmedAt} is not null or ${matches.status} = 'confirmed' then ${sql.raw(String(MATCH_STAGES.confirmed))}
  when ${matches.introducedAt} is not null or ${matches.status} in ('introduced', 'interviewing') then ${sql.raw(String(MATCH_STAGES.introduced))}
  else 0 end)`;

/**
 * Matches that left the student a letter or a referral: a finished (ready) recommendation letter
 * the student sent to at least one recipient (a delivery), or a referral the mentor accepted to
 * make. As the ids of those matches, each once.
 */
const letterOrReferralMatches = sql`(
  select ${recommendationLetters.matchId} as match_id from ${recommendationLetters}
    where ${recommendationLetters.state} = 'ready' and exists (select 1 from ${letterDeliveries} where ${letterDeliveries.letterId} = ${recommendationLetters.id})
  union
  select ${referrals.matchId} from ${referrals} where ${referrals.state} = 'accepted'
)`;

/** Per match with an answered follow-up: whether any answer said paid work. */
const followUpAnswers = sql`(
  select ${outcomeFollowUps.matchId} as match_id, bool_or(${outcomeFollowUps.answer} in (${sql.join(
    PAID_WORK_ANSWERS.map((a) => sql`${a}`),
    sql`, `,
  )})) as paid
  from ${outcomeFollowUps} where ${outcomeFollowUps.answer} is not null group by ${outcomeFollowUps.matchId}
)`;

const ratio = (part: number | null, whole: number | null) => (part === null || whole === null || part === 0 || whole === 0 ? null : part / whole);

const when = (condition: SQL | undefined) => (condition ? sql`and ${condition}` : sql``);

/**
 * The funnel: distinct students of the cohort (student accounts created in the date range, of
 * the authorization group) who reached each step, whatever happened after.
 * - profile_complete: the profile is ready for matching now (readyForMatching), or the student
 *   applied or was matched at all (they could not have without it).
 * - applied_or_in_round: an application in any status (a withdrawn one was still made), or any
 *   match (a round's proposal is how a round includes a student; a match from an application
 *   is an application).
 * - proposed: any match; introduced, confirmed, active, completed: a match that reached that step.
 * - letter_or_referral: a match with a ready letter delivered to someone, or a referral accepted.
 * - paid_work_within_6_months: a match whose 3- or 6-month follow-up said paid internship or
 *   full-time offer.
 * With slot filters, every step from applied_or_in_round on counts only applications and matches
 * on slots that pass them.
 */
export async function getFunnel(db: Db, filters: InsightFilters): Promise<FunnelStep[]> {
  const { start, end } = rangeInstants(filters);
  const slotWhere = slotFilterWhere(filters);
  const onSlots = (column: SQL | typeof applications.slotId | typeof matches.slotId) =>
    slotWhere ? sql`and ${column} in (select ${slots.id} from ${slots} where ${slotWhere})` : sql``;
  const [row] = await db.execute<Record<FunnelStepKey, number>>(sql`
    with cohort as (
      select ${users.id} as id, coalesce(${readyForMatching}, false) as ready
      from ${users} left join ${studentProfiles} on ${studentProfiles.userId} = ${users.id}
      where ${users.role} = 'student'
        ${start ? sql`and ${users.createdAt} >= ${start.toISOString()}` : sql``}
        ${end ? sql`and ${users.createdAt} < ${end.toISOString()}` : sql``}
        ${when(authorizationGroupWhere(filters.authorizationGroup))}
    ),
    applied as (
      select distinct ${applications.studentId} as student_id from ${applications} where true ${onSlots(applications.slotId)}
    ),
    matched as (
      select ${matches.studentId} as student_id, max(${matchStage}) as stage
      from ${matches} where true ${onSlots(matches.slotId)}
      group by ${matches.studentId}
    ),
    -- why: letters, referrals and follow-ups belong to few matches: found from their side, not
    -- joined to every match.
    with_letter_or_referral as (
      select distinct ${matches.studentId} as student_id from ${letterOrReferralMatches} lr join ${matches} on ${matches.id} = lr.match_id
      where true ${onSlots(matches.slotId)}
    ),
    found_paid_work as (
      select distinct ${matches.studentId} as student_id from ${followUpAnswers} fu join ${matches} on ${matches.id} = fu.match_id
      where fu.paid ${onSlots(matches.slotId)}
    )
    ${
      slotWhere
        ? sql`, anywhere as (select ${applications.studentId} as student_id from ${applications} union select ${matches.studentId} from ${matches})`
        : sql``
    }
    select
      count(*)::int as signed_up,
      count(*) filter (where cohort.ready or ${
        slotWhere ? sql`anywhere.student_id is not null` : sql`applied.student_id is not null or matched.student_id is not null`
      })::int as profile_complete,
      count(*) filter (where applied.student_id is not null or matched.student_id is not null)::int as applied_or_in_round,
      count(*) filter (where matched.student_id is not null)::int as proposed,
      count(*) filter (where matched.stage >= ${sql.raw(String(MATCH_STAGES.introduced))})::int as introduced,
      count(*) filter (where matched.stage >= ${sql.raw(String(MATCH_STAGES.confirmed))})::int as confirmed,
      count(*) filter (where matched.stage >= ${sql.raw(String(MATCH_STAGES.active))})::int as active,
      count(*) filter (where matched.stage >= ${sql.raw(String(MATCH_STAGES.completed))})::int as completed,
      count(*) filter (where with_letter_or_referral.student_id is not null)::int as letter_or_referral,
      count(*) filter (where found_paid_work.student_id is not null)::int as paid_work_within_6_months
    from cohort
      left join applied on applied.student_id = cohort.id
      left join matched on matched.student_id = cohort.id
      left join with_letter_or_referral on with_letter_or_referral.student_id = cohort.id
      left join found_paid_work on found_paid_work.student_id = cohort.id
      ${slotWhere ? sql`left join anywhere on anywhere.student_id = cohort.id` : sql``}
  `);
  const shown = FUNNEL_STEPS.map((key) => ({ key, people: suppress(Number(row?.[key] ?? 0)) }));
  const first = shown[0]!.people;
  return shown.map((step, i) => ({
    ...step,
    fromPrevious: i === 0 ? null : ratio(step.people, shown[i - 1]!.people),
    fromStart: ratio(step.people, first),
  }));
}

type OutcomeCounts = { completed: number; answered: number; paid_work: number; return_offers: number; letter_or_referral: number };

/**
 * One breakdown's rows as shown. why: the rows of a breakdown cover the same internships as the
 * other two breakdowns, so each column adds up to a total the page shows elsewhere; each column
 * is suppressed as a whole (suppressColumn), so no hidden count comes out by subtraction.
 */
function outcomeRows(groups: { key: string; label: string; counts: OutcomeCounts | undefined }[]): OutcomeRow[] {
  const column = (name: keyof OutcomeCounts) => suppressColumn(groups.map((g) => g.counts?.[name] ?? 0));
  const [completed, answered, paidWork, returnOffers, letterOrReferral] = [column("completed"), column("answered"), column("paid_work"), column("return_offers"), column("letter_or_referral")];
  return groups.map(({ key, label }, i) => ({
    key,
    label,
    completed: completed[i]!,
    answered: answered[i]!,
    paidWork: paidWork[i]!,
    paidWorkShare: ratio(paidWork[i]!, answered[i]!),
    returnOffers: returnOffers[i]!,
    letterOrReferral: letterOrReferral[i]!,
  }));
}

/**
 * How much of what the slot promised the completion record says was delivered: every promise
 * (all), some, none; no record when the internship's outcome was not recorded or named no promise.
 * why: jsonpath tests (@?) rather than jsonb_each subqueries, which cost a function scan per
 * internship — a third of the outcomes' time on 10,000 completed internships.
 */
const promisesKept = sql<PromisesKept>`(case
  when ${matchOutcomes.matchId} is null or ${matchOutcomes.benefits} = '{}'::jsonb then 'no_record'
  when not ${matchOutcomes.benefits} @? '$.* ? (@ != true)' then 'all'
  when ${matchOutcomes.benefits} @? '$.* ? (@ == true)' then 'some'
  else 'none' end)`;

/**
 * What completed internships led to, by the slot's compensation, its organization's type, and
 * the promises kept: distinct students per group. The date range picks internships completed in
 * it (completed_at; for a match completed without the time, its last change); the slot filters
 * and the authorization group narrow them. One statement (grouping sets).
 */
export async function getOutcomes(db: Db, filters: InsightFilters): Promise<OutcomeBreakdowns> {
  const { start, end } = rangeInstants(filters);
  const rows = await db.execute<OutcomeCounts & { by: "compensation" | "organization_type" | "promises"; key: string }>(sql`
    with done as (
      select ${matches.studentId} as student_id, ${slots.compensation}::text as compensation, ${organizations.type}::text as organization_type,
        ${promisesKept} as promises,
        fu.match_id is not null as answered, coalesce(fu.paid, false) as paid_work,
        coalesce(${matchOutcomes.returnOffer} = 'yes', false) as return_offer,
        lr.match_id is not null as letter_or_referral
      from ${matches}
        join ${slots} on ${slots.id} = ${matches.slotId}
        join ${organizations} on ${organizations.id} = ${slots.organizationId}
        left join ${studentProfiles} on ${studentProfiles.userId} = ${matches.studentId}
        left join ${matchOutcomes} on ${matchOutcomes.matchId} = ${matches.id}
        left join ${followUpAnswers} fu on fu.match_id = ${matches.id}
        left join ${letterOrReferralMatches} lr on lr.match_id = ${matches.id}
      where ${reachedCompleted}
        ${start ? sql`and ${completedOn} >= ${start.toISOString()}` : sql``}
        ${end ? sql`and ${completedOn} < ${end.toISOString()}` : sql``}
        ${when(slotFilterWhere(filters))}
        ${when(authorizationGroupWhere(filters.authorizationGroup))}
    )
    select
      case when grouping(compensation) = 0 then 'compensation' when grouping(organization_type) = 0 then 'organization_type' else 'promises' end as by,
      coalesce(compensation, organization_type, promises) as key,
      count(distinct student_id)::int as completed,
      count(distinct student_id) filter (where answered)::int as answered,
      count(distinct student_id) filter (where paid_work)::int as paid_work,
      count(distinct student_id) filter (where return_offer)::int as return_offers,
      count(distinct student_id) filter (where letter_or_referral)::int as letter_or_referral
    from done
    group by grouping sets ((compensation), (organization_type), (promises))
  `);
  const counts = new Map(rows.map((r) => [`${r.by}:${r.key}`, r]));
  return {
    byCompensation: outcomeRows(SLOT_COMPENSATIONS.map((key) => ({ key, label: SLOT_COMPENSATION_LABELS[key], counts: counts.get(`compensation:${key}`) }))),
    byOrganizationType: outcomeRows(ORGANIZATION_TYPES.map((key) => ({ key, label: ORGANIZATION_TYPE_LABELS[key], counts: counts.get(`organization_type:${key}`) }))),
    byPromisesKept: outcomeRows(PROMISES_KEPT.map((key) => ({ key, label: PROMISES_KEPT_LABELS[key], counts: counts.get(`promises:${key}`) }))),
  };
}

/**
 * What needs an admin at `now`: stalled matches (the mentorship's own rule, listStalledMatches),
 * mentors slow to answer applications, open slots nobody applied to with their deadline within a
 * week, and emails failing or stuck. Each list is its first HEALTH_ROWS rows and its total.
 * Health is about now: the date range does not apply, nor does the authorization group (its rows
 * name people, and a list of people filtered by work authorization would tell their status). The
 * slot filters narrow the stalled matches, the waiting applications and the unapplied slots;
 * emails belong to no slot and are never narrowed.
 */
export async function getHealth(db: Db, filters: InsightFilters, now: Date): Promise<ProgramHealth> {
  const slotWhere = slotFilterWhere(filters);
  const slowSince = new Date(now.getTime() - SLOW_REPLY_DAYS * DAY_MS);
  const today = sql`(${now.toISOString()}::timestamptz at time zone ${slots.timezone})::date`;

  const [stalled, slow, unapplied, emailCounts, failures] = await Promise.all([
    listStalledMatches(db, now, { size: HEALTH_ROWS, slotWhere }),
    db.execute<{ mentor_id: string; name: string; organization_name: string | null; waiting: number; oldest_days: number; total: number }>(sql`
      with waiting as (
        select ${slotMentors.userId} as mentor_id, count(*)::int as waiting, min(${applications.submittedAt}) as oldest
        from ${applications}
          join ${slotMentors} on ${slotMentors.slotId} = ${applications.slotId}
          ${slotWhere ? sql`join ${slots} on ${slots.id} = ${applications.slotId}` : sql``}
          -- why: a suspended applicant is hidden from the mentor's list, and a suspended mentor cannot answer.
          join ${users} applicant on applicant.id = ${applications.studentId} and applicant.suspended_at is null
          join ${users} mentor on mentor.id = ${slotMentors.userId} and mentor.suspended_at is null
        where ${applications.status} = 'submitted' and ${applications.submittedAt} < ${slowSince.toISOString()} ${when(slotWhere)}
        group by ${slotMentors.userId}
      ),
      firsts as (
        select mentor_id, waiting, oldest, (count(*) over ())::int as total from waiting
        order by waiting desc, oldest asc, mentor_id
        limit ${HEALTH_ROWS}
      )
      select firsts.mentor_id, ${users.name} as name, ${organizations.name} as organization_name, firsts.waiting,
        floor(extract(epoch from (${now.toISOString()}::timestamptz - firsts.oldest)) / 86400)::int as oldest_days, firsts.total
      from firsts
        join ${users} on ${users.id} = firsts.mentor_id
        left join ${organizationMembers} on ${organizationMembers.userId} = firsts.mentor_id
        left join ${organizations} on ${organizations.id} = ${organizationMembers.organizationId}
      order by firsts.waiting desc, firsts.oldest asc, firsts.mentor_id
    `),
    db.execute<{ slot_id: string; title: string; organization_name: string; deadline: string; days_left: number; total: number }>(sql`
      select ${slots.id} as slot_id, ${slots.title} as title, ${organizations.name} as organization_name,
        ${slots.applicationDeadline}::text as deadline, (${slots.applicationDeadline} - ${today})::int as days_left,
        (count(*) over ())::int as total
      from ${slots} join ${organizations} on ${organizations.id} = ${slots.organizationId}
      where ${takingApplications(now)}
        and ${slots.applicationDeadline} <= ${today} + ${UNAPPLIED_DEADLINE_DAYS}::int
        and not exists (select 1 from ${applications} where ${applications.slotId} = ${slots.id} and ${applications.status} <> 'withdrawn')
        ${when(slotWhere)}
      order by ${slots.applicationDeadline}, ${slots.title}, ${slots.id}
      limit ${HEALTH_ROWS}
    `),
    db
      .select({
        failedLastWeek: sql<number>`(count(*) filter (where ${emails.status} = 'failed' and ${emails.createdAt} >= ${new Date(now.getTime() - FAILED_EMAIL_DAYS * DAY_MS).toISOString()}))::int`,
        stuckQueued: sql<number>`(count(*) filter (where ${emails.status} = 'queued' and ${emails.createdAt} < ${new Date(now.getTime() - STUCK_QUEUED_MS).toISOString()}))::int`,
      })
      .from(emails)
      .where(sql`${emails.status} <> 'sent'`),
    db
      .select({ id: emails.id, subject: emails.subject, to: emails.to, lastError: emails.lastError, createdAt: emails.createdAt })
      .from(emails)
      .where(and(eq(emails.status, "failed"), sql`${emails.createdAt} >= ${new Date(now.getTime() - FAILED_EMAIL_DAYS * DAY_MS).toISOString()}`))
      .orderBy(sql`${emails.createdAt} desc`, emails.id)
      .limit(HEALTH_ROWS),
  ]);

  return {
    stalled: {
      total: stalled.total,
      rows: stalled.rows.map((r) => ({ matchId: r.matchId, studentName: r.student.name, slotTitle: r.slot.title, organizationName: r.organization.name, silentDays: r.daysSilent })),
    },
    slowMentors: {
      total: slow[0]?.total ?? 0,
      rows: slow.map((r) => ({
        mentorId: r.mentor_id,
        name: r.name,
        organizationName: r.organization_name,
        waiting: r.waiting,
        oldestDays: r.oldest_days,
      })),
    },
    unappliedSlots: {
      total: unapplied[0]?.total ?? 0,
      rows: unapplied.map((r) => ({ slotId: r.slot_id, title: r.title, organizationName: r.organization_name, deadline: r.deadline, daysLeft: r.days_left })),
    },
    emails: { failedLastWeek: emailCounts[0]?.failedLastWeek ?? 0, stuckQueued: emailCounts[0]?.stuckQueued ?? 0, rows: failures },
  };
}

/** Everything /admin/insights shows, for `filters` at `now`: the three parts read at once. */
export async function getInsights(db: Db, filters: InsightFilters, now: Date): Promise<Insights> {
  const [funnel, outcomes, health] = await Promise.all([getFunnel(db, filters), getOutcomes(db, filters), getHealth(db, filters, now)]);
  return { filters, funnel, outcomes, health };
}
