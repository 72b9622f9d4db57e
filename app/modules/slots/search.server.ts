import { and, asc, count, desc, eq, gte, inArray, lte, ne, sql, type SQL } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { organizations, slots, studentProfiles, type SlotStatus, type UserRole } from "~db/schema";
import { AUTHORIZATION_INFO, type WorkAuthorizationStatus } from "~/domain/work-authorization";
import { authorizationFit, type StudentAuthorization } from "~/engine/work-authorization";
import { compensationForRules } from "~/domain/minimum-wage";
import { UNPAID_SLOT_COMPENSATIONS } from "~/domain/vocabulary";
import { studentFit } from "~/messages/audiences";
import { nothingToConfirm, renderStatusStep } from "~/messages/render";
import { listSkills, resolveSkill } from "~/modules/skills/skills.server";
import type { SlotSearch } from "./schemas";
import { isUuid } from "~/modules/ids";
import { mentorOfSlot, takingApplications } from "./access.server";
import { EXCERPT_CHARS, excerpt } from "./format";
import { slotColumns, slotExtras } from "./slots.server";
import { submitted } from "./submitted";
import { onePage } from "~/modules/paging";
import { slotStandings, type SlotStanding } from "~/modules/recommendations/standing.server";
import { PUBLIC_ORGANIZATION_COLUMNS } from "~/modules/organizations/organizations.server";

export const SEARCH_PAGE_SIZE = 20;

type Viewer = { id: string; role: UserRole } | null;

/** A student's saved work authorization, or null (no profile, or no status yet). */
export async function getStudentAuthorization(db: Db, userId: string): Promise<StudentAuthorization | null> {
  const [row] = await db
    .select({
      workAuthorization: studentProfiles.workAuthorization,
      validFrom: studentProfiles.authorizationValidFrom,
      validUntil: studentProfiles.authorizationValidUntil,
    })
    .from(studentProfiles)
    .where(eq(studentProfiles.userId, userId));
  return row?.workAuthorization ? { workAuthorization: row.workAuthorization, validFrom: row.validFrom, validUntil: row.validUntil } : null;
}

/**
 * Open slots whose deadline has not passed, filtered and sorted as `search` asks, one page at a
 * time. With a keyword, ranked by full-text relevance over the slot's search document: title,
 * then its skills (names and aliases) and organization's name, then project, then description.
 * `student` is the signed-in student's authorization: it powers "accepts my work authorization"
 * and a fit line on each result.
 */
export async function searchSlots(
  db: Db,
  search: SlotSearch,
  { page = 1, now = new Date(), student = null }: { page?: number; now?: Date; student?: StudentAuthorization | null } = {},
) {
  const taxonomy = await listSkills(db);
  const resolved = search.skills.map((typed) => ({ typed, skill: resolveSkill(taxonomy, typed) }));
  const skillSlugs = [...new Set(resolved.flatMap((r) => (r.skill ? [r.skill.slug] : [])))];

  // why: a keyword of only stop words ("the", "and") makes an empty query that matches nothing; it is ignored instead.
  const query = search.q ? sql`websearch_to_tsquery('english', ${search.q})` : null;
  const conditions: (SQL | undefined)[] = [takingApplications(now)];
  if (query) conditions.push(sql`(numnode(${query}) = 0 or ${slots.searchVector} @@ ${query})`);
  // Every chosen skill, required or nice to have: each filter narrows the list, like the others.
  for (const slug of skillSlugs) conditions.push(sql`exists (select 1 from slot_skills ss where ss.slot_id = ${slots.id} and ss.skill_slug = ${slug})`);
  if (search.pay === "paid_only") conditions.push(eq(slots.compensation, "paid"));
  if (search.pay === "paid_or_stipend") conditions.push(inArray(slots.compensation, ["paid", "stipend"]));
  if (search.pay === "unpaid_or_credit") conditions.push(inArray(slots.compensation, [...UNPAID_SLOT_COMPENSATIONS]));
  if (search.modes.length) conditions.push(inArray(slots.workMode, search.modes));
  if (search.country) conditions.push(eq(slots.country, search.country));
  if (search.organizationType) conditions.push(eq(organizations.type, search.organizationType));
  if (search.maxHours) conditions.push(lte(slots.hoursPerWeek, search.maxHours));
  if (search.maxWeeks) conditions.push(lte(slots.durationWeeks, search.maxWeeks));
  if (search.startFrom) conditions.push(gte(slots.startDate, search.startFrom));
  const fitsMe = search.fitsMe && student !== null;
  // why: posting rules refuse a slot that accepts a status it cannot serve (STEM OPT on an unpaid
  // slot, …), so "accepts my status" is the authorization fit minus dates, which stay a warning.
  if (fitsMe) conditions.push(sql`${student!.workAuthorization}::work_authorization = any(${slots.acceptedAuthorizations})`);
  const where = and(...conditions);

  const sort = search.sort === "relevance" && !query ? "newest" : (search.sort ?? (query ? "relevance" : "newest"));
  const order =
    sort === "relevance" && query
      ? [desc(sql`ts_rank_cd(${slots.searchVector}, ${query})`), desc(slots.publishedAt), asc(slots.id)]
      : sort === "deadline"
        ? [asc(slots.applicationDeadline), desc(slots.publishedAt), asc(slots.id)]
        : [desc(slots.publishedAt), asc(slots.id)];

  const { rows, total, pages } = await onePage(
    db
      .select({
        id: slots.id,
        title: slots.title,
        // why: a result shows two lines of it; the whole text is on the slot's page.
        description: sql<string | null>`left(${slots.description}, ${EXCERPT_CHARS + 1})`,
        compensation: slots.compensation,
        hourlyRate: slots.hourlyRate,
        stipendAmount: slots.stipendAmount,
        currency: slots.currency,
        hoursPerWeek: slots.hoursPerWeek,
        mentorHoursPerWeek: slots.mentorHoursPerWeek,
        startDate: slots.startDate,
        durationWeeks: slots.durationWeeks,
        applicationDeadline: slots.applicationDeadline,
        seats: slots.seats,
        workMode: slots.workMode,
        country: slots.country,
        region: slots.region,
        requiredPlacement: slots.requiredPlacement,
        city: slots.city,
        offers: slots.offers,
        acceptedAuthorizations: slots.acceptedAuthorizations,
        paperwork: slots.paperwork,
        publishedAt: slots.publishedAt,
        organization: { id: organizations.id, name: organizations.name, type: organizations.type, verifiedAt: organizations.verifiedAt },
      })
      .from(slots)
      .innerJoin(organizations, eq(organizations.id, slots.organizationId))
      .where(where)
      .orderBy(...order),
    // why: every slot has its organization, so the count joins it only to filter by its type;
    // without that join, PostgreSQL counts open slots from the partial index on accepts_until
    // alone (2 ms on 10,000 open slots, against 22 ms reading the table).
    search.organizationType
      ? db.select({ value: count() }).from(slots).innerJoin(organizations, eq(organizations.id, slots.organizationId)).where(where)
      : db.select({ value: count() }).from(slots).where(where),
    { page, size: SEARCH_PAGE_SIZE },
  );
  const extras = await slotExtras(db, rows.map((r) => r.id));
  return {
    rows: rows.map(submitted).map((r) => ({
      ...r,
      description: excerpt(r.description),
      skills: extras.get(r.id)!.skills,
      fit: student ? studentFit(authorizationFit(student, { ...r, compensation: compensationForRules(r) })) : null,
    })),
    total,
    pages,
    sort,
    // Each chosen skill once, with what was typed for it (a name, a slug or an alias), so a page can remove it from the URL.
    skills: skillSlugs.map((slug) => {
      const typed = resolved.filter((r) => r.skill?.slug === slug);
      return { slug, name: typed[0]!.skill!.name, typed: typed.map((r) => r.typed) };
    }),
    unknownSkills: resolved.flatMap((r) => (r.skill ? [] : [r.typed])),
    fitsMeApplied: fitsMe,
  };
}

export type SlotSearchResult = Awaited<ReturnType<typeof searchSlots>>;

/**
 * Everything the public list needs for `viewer`: the page of results and — for a student — their
 * status, which powers "accepts my work authorization". (The skill names offered as you type are
 * not here: the page fetches them from /skills.json, which browsers keep.)
 */
export async function browseSlots(db: Db, { search, page, viewer, now = new Date() }: { search: SlotSearch; page: number; viewer: Viewer; now?: Date }) {
  const student = viewer?.role === "student" ? await getStudentAuthorization(db, viewer.id) : null;
  const result = await searchSlots(db, search, { page, now, student });
  // A student sees which of these slots they applied to, are matched with or finished.
  const standings = viewer?.role === "student" ? await slotStandings(db, viewer.id, result.rows.map((r) => r.id)) : new Map<string, SlotStanding>();
  return {
    ...result,
    rows: result.rows.map((r) => ({ ...r, standing: standings.get(r.id) ?? null })),
    student: student ? { status: student.workAuthorization, short: AUTHORIZATION_INFO[student.workAuthorization].short } : null,
  };
}

/**
 * One slot as `viewer` may see it: anyone sees an open slot; its organization's mentors and
 * admins see it in any status but draft (a draft is shown only in its form, at /mentor/slots/$slotId);
 * for everyone else it does not exist (null).
 */
export async function getSlotForViewer(db: Db, { slotId, viewer, now = new Date() }: { slotId: string; viewer: Viewer; now?: Date }) {
  if (!isUuid(slotId)) return null;
  const isMember = viewer
    ? mentorOfSlot(viewer.id)
    : sql<boolean>`false`;
  const [row] = await db
    .select({
      slot: slotColumns,
      organization: PUBLIC_ORGANIZATION_COLUMNS,
      isMember,
      acceptingApplications: sql<boolean>`${takingApplications(now)}`,
    })
    .from(slots)
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .where(and(eq(slots.id, slotId), ne(slots.status, "draft"), viewer?.role === "admin" ? undefined : sql`(${slots.status} = 'open' or ${isMember})`));
  if (!row) return null;
  const slot = submitted(row.slot);

  const [extrasById, student] = await Promise.all([slotExtras(db, [slotId]), viewer?.role === "student" ? getStudentAuthorization(db, viewer.id) : null]);
  const extras = extrasById.get(slotId)!;
  let note: { status: WorkAuthorizationStatus; label: string; short: string; confirm: string; fit: ReturnType<typeof studentFit> } | null = null;
  let studentWithoutStatus = false;
  if (viewer?.role === "student") {
    if (student) {
      const info = AUTHORIZATION_INFO[student.workAuthorization];
      const confirm = renderStatusStep(student.workAuthorization, { audience: "student" }) ?? nothingToConfirm();
      note = { status: student.workAuthorization, label: info.label, short: info.short, confirm, fit: studentFit(authorizationFit(student, { ...slot, compensation: compensationForRules(slot) })) };
    } else studentWithoutStatus = true;
  }
  return {
    slot,
    organization: row.organization,
    skills: extras.skills,
    // Mentors' names are public on an open slot (that is the mentor's commitment); their emails are not.
    mentors: extras.mentors.map((m) => ({ id: m.id, name: m.name, ...(row.isMember || viewer?.role === "admin" ? { email: m.email } : {}) })),
    canManage: row.isMember,
    acceptingApplications: row.acceptingApplications,
    authorizationNote: note,
    studentWithoutStatus,
  };
}

export type SlotForViewer = NonNullable<Awaited<ReturnType<typeof getSlotForViewer>>>;
export type { SlotStatus };
