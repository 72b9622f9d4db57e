import { and, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "~db/client.server";
import {
  accountSuspensions,
  applications,
  emails,
  matches,
  organizationMembers,
  organizations,
  recommendationLetters,
  referrals,
  sessions,
  slotMentors,
  slots,
  studentProfiles,
  users,
} from "~db/schema";
import { SESSION_INACTIVITY_MS, SESSION_MAX_AGE_MS } from "~/auth/session.server";
import { isUuid } from "~/modules/ids";
import { onePage } from "~/modules/paging";
import { PERSON_LIST_SIZE, type PeopleSearch } from "./schemas";

export { PERSON_LIST_SIZE };

// What an admin reads of people: a search over every account, and one person's page. Admins
// see every account, so the scope is the role guard of the routes; what is left out is what no
// admin needs — a letter's text, a password hash, a session's secret, an email's body.

export const PEOPLE_PAGE_SIZE = 25;

/** `text` as a LIKE pattern that matches it anywhere, its own % and _ taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Accounts matching every filter given (name or email; role; organization name), newest first. */
export async function searchPeople(db: Db, search: PeopleSearch, page: number) {
  const filters: SQL[] = [];
  if (search.q) filters.push(or(ilike(users.name, containing(search.q)), ilike(users.email, containing(search.q)))!);
  if (search.role) filters.push(eq(users.role, search.role));
  if (search.organization) filters.push(ilike(organizations.name, containing(search.organization)));
  const where = filters.length ? and(...filters) : undefined;
  const rows = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      organizationId: organizations.id,
      organization: organizations.name,
      emailVerifiedAt: users.emailVerifiedAt,
      suspendedAt: users.suspendedAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(organizationMembers, eq(organizationMembers.userId, users.id))
    .leftJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(where)
    .orderBy(desc(users.createdAt), desc(users.id))
    .$dynamic();
  const total = db
    .select({ value: count() })
    .from(users)
    .leftJoin(organizationMembers, eq(organizationMembers.userId, users.id))
    .leftJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(where);
  return onePage(rows, total, { page, size: PEOPLE_PAGE_SIZE });
}

/** When a session ends if nothing more happens: after 14 days unused, or 60 days after sign-in. */
export const sessionExpiresAt = (session: { createdAt: Date; lastActiveAt: Date }) =>
  new Date(Math.min(session.lastActiveAt.getTime() + SESSION_INACTIVITY_MS, session.createdAt.getTime() + SESSION_MAX_AGE_MS));

/** The newest rows of `query` and how many there are in all. */
async function shortList<Row>(query: { limit(n: number): PromiseLike<Row[]> }, total: PromiseLike<{ value: number }[]>) {
  const [rows, [counted]] = await Promise.all([query.limit(PERSON_LIST_SIZE), total]);
  return { rows, total: counted?.value ?? 0 };
}

/**
 * One person as an admin sees them: the account, its organization, its suspension (if any), and
 * short lists of their slots, applications, matches, letters and referrals (never a letter's
 * text), sessions and recent emails (subject and status, never the body). Null for an unknown or
 * malformed id.
 */
export async function getPersonPage(db: Db, userId: string) {
  if (!isUuid(userId)) return null;
  const [person] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      emailVerifiedAt: users.emailVerifiedAt,
      suspendedAt: users.suspendedAt,
      createdAt: users.createdAt,
      organizationId: organizations.id,
      organization: organizations.name,
      inMatching: studentProfiles.inMatching,
    })
    .from(users)
    .leftJoin(organizationMembers, eq(organizationMembers.userId, users.id))
    .leftJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .leftJoin(studentProfiles, eq(studentProfiles.userId, users.id))
    .where(eq(users.id, userId));
  if (!person) return null;

  const suspender = sql<string | null>`(select name from ${users} s where s.id = ${accountSuspensions.suspendedBy})`;
  const mentoredSlotIds = db.select({ id: slotMentors.slotId }).from(slotMentors).where(eq(slotMentors.userId, userId));
  const theirMatch = or(eq(matches.studentId, userId), inArray(matches.slotId, mentoredSlotIds))!;
  const studentOfMatch = sql`exists (select 1 from ${matches} m where m.id = ${recommendationLetters.matchId} and m.student_id = ${userId})`;
  const theirLetter = or(eq(recommendationLetters.mentorId, userId), studentOfMatch)!;
  const studentOfReferral = sql`exists (select 1 from ${matches} m where m.id = ${referrals.matchId} and m.student_id = ${userId})`;
  const theirReferral = or(eq(referrals.mentorId, userId), studentOfReferral)!;
  const theirEmail = or(eq(emails.userId, userId), sql`${person.email} = any(${emails.to})`)!;

  const [suspension, mentoredSlots, applied, matched, letters, referred, sessionList, emailList] = await Promise.all([
    db
      .select({ reason: accountSuspensions.reason, suspendedAt: accountSuspensions.suspendedAt, suspendedBy: suspender, pausedSlotIds: accountSuspensions.pausedSlotIds, wasInMatching: accountSuspensions.wasInMatching })
      .from(accountSuspensions)
      .where(and(eq(accountSuspensions.userId, userId), sql`${accountSuspensions.reactivatedAt} is null`))
      .then((rows) => rows[0] ?? null),
    shortList(
      db
        .select({ id: slots.id, title: slots.title, status: slots.status, organization: organizations.name, applicationDeadline: slots.applicationDeadline })
        .from(slots)
        .innerJoin(slotMentors, and(eq(slotMentors.slotId, slots.id), eq(slotMentors.userId, userId)))
        .innerJoin(organizations, eq(organizations.id, slots.organizationId))
        .orderBy(desc(slots.createdAt), desc(slots.id)),
      db.select({ value: count() }).from(slotMentors).where(eq(slotMentors.userId, userId)),
    ),
    shortList(
      db
        .select({ id: applications.id, slotId: slots.id, slot: slots.title, status: applications.status, submittedAt: applications.submittedAt })
        .from(applications)
        .innerJoin(slots, eq(slots.id, applications.slotId))
        .where(eq(applications.studentId, userId))
        .orderBy(desc(applications.submittedAt), desc(applications.id)),
      db.select({ value: count() }).from(applications).where(eq(applications.studentId, userId)),
    ),
    shortList(
      db
        .select({ id: matches.id, slot: slots.title, student: users.name, studentId: matches.studentId, status: matches.status, createdAt: matches.createdAt })
        .from(matches)
        .innerJoin(slots, eq(slots.id, matches.slotId))
        .innerJoin(users, eq(users.id, matches.studentId))
        .where(theirMatch)
        .orderBy(desc(matches.createdAt), desc(matches.id)),
      db.select({ value: count() }).from(matches).where(theirMatch),
    ),
    shortList(
      db
        .select({
          id: recommendationLetters.id,
          purpose: recommendationLetters.purpose,
          purposeDetail: recommendationLetters.purposeDetail,
          state: recommendationLetters.state,
          asWriter: sql<boolean>`${recommendationLetters.mentorId} is not distinct from ${userId}::uuid`,
          createdAt: recommendationLetters.createdAt,
        })
        .from(recommendationLetters)
        .where(theirLetter)
        .orderBy(desc(recommendationLetters.createdAt), desc(recommendationLetters.id)),
      db.select({ value: count() }).from(recommendationLetters).where(theirLetter),
    ),
    shortList(
      db
        .select({
          id: referrals.id,
          company: referrals.company,
          role: referrals.role,
          state: referrals.state,
          asMentor: sql<boolean>`${referrals.mentorId} is not distinct from ${userId}::uuid`,
          createdAt: referrals.createdAt,
        })
        .from(referrals)
        .where(theirReferral)
        .orderBy(desc(referrals.createdAt), desc(referrals.id)),
      db.select({ value: count() }).from(referrals).where(theirReferral),
    ),
    shortList(
      db
        .select({ id: sessions.id, createdAt: sessions.createdAt, lastActiveAt: sessions.lastActiveAt, userAgent: sessions.userAgent })
        .from(sessions)
        .where(eq(sessions.userId, userId))
        .orderBy(desc(sessions.lastActiveAt), desc(sessions.id)),
      db.select({ value: count() }).from(sessions).where(eq(sessions.userId, userId)),
    ),
    shortList(
      db
        .select({ id: emails.id, subject: emails.subject, status: emails.status, lastError: emails.lastError, createdAt: emails.createdAt, sentAt: emails.sentAt })
        .from(emails)
        .where(theirEmail)
        .orderBy(desc(emails.createdAt), desc(emails.id)),
      db.select({ value: count() }).from(emails).where(theirEmail),
    ),
  ]);

  return {
    person,
    suspension,
    slots: mentoredSlots,
    applications: applied,
    matches: matched,
    letters,
    referrals: referred,
    // why: a session's id is half its cookie token; the page needs only its times and browser.
    sessions: { total: sessionList.total, rows: sessionList.rows.map(({ id: _id, ...s }) => ({ ...s, expiresAt: sessionExpiresAt(s) })) },
    emails: emailList,
  };
}

export type PersonPage = NonNullable<Awaited<ReturnType<typeof getPersonPage>>>;
