import { and, asc, count, desc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import { createElement } from "react";
import { transaction, type Db } from "~db/client.server";
import { organizationMembers, organizations, skills, slotMentors, slots, slotSkills, users, type Slot, type SlotStatus } from "~db/schema";
import { inOrderOf } from "~db/schema/sql-list";
import SlotOpened, { slotOpenedSubject } from "~emails/slot-opened";
import SlotSentBack, { slotSentBackSubject } from "~emails/slot-sent-back";
import { SLOT_LIST_ORDER, SLOT_STATUSES, zeroFor } from "~/domain/vocabulary";
import { absoluteUrl } from "~/env.server";
import { queueEmail } from "~/mail/outbox.server";
import { invalidateOpenSlots } from "~/modules/engine-adapter/instance.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { isUuid } from "~/modules/ids";
import { unknownSkillErrors } from "~/modules/skills/schemas";
import { listSkills, resolveSkill, resolveSkillRows } from "~/modules/skills/skills.server";
import { dayIn, findOwnSlot } from "./access.server";
import { tellThoseLeftWaiting } from "./filled.server";
import { needsReview, ruleInputOf, slotWarnings } from "./rules";
import { slotFormSchema, type ReviewInput, type SlotInput } from "./schemas";
import { complete, submitted } from "./submitted";
import { onePage } from "~/modules/paging";
import { getMembership } from "~/modules/organizations/membership.server";

export const MENTOR_PAGE_SIZE = 20;
export const REVIEW_PAGE_SIZE = 10;


/** The calendar date of `now` in UTC, YYYY-MM-DD: what "today" means for posting rules. */
export const todayOf = (now: Date) => now.toISOString().slice(0, 10);

// why: the generated search vector is for the database's own use; pages never need it.
const { searchVector: _searchVector, ...slotColumns } = getTableColumns(slots);
export { slotColumns };


type FieldErrors = Record<string, string[]>;
export type SaveSlotResult =
  | { ok: true; slotId: string; status: SlotStatus }
  | { ok: false; error: "no_organization" | "not_found" | "not_editable" }
  | { ok: false; error: "invalid"; fieldErrors: FieldErrors };
export type SubmitSlotResult =
  | { ok: true; status: "pending_review" | "open" }
  | { ok: false; error: "not_found" | "not_editable" | "dates_passed" }
  | { ok: false; error: "incomplete"; fieldErrors: FieldErrors };

const columnsFrom = (input: SlotInput) => ({
  title: input.title,
  description: input.description,
  project: input.project,
  mentorHoursPerWeek: input.mentorHoursPerWeek,
  compensation: input.compensation,
  hourlyRate: input.hourlyRate === null ? null : input.hourlyRate.toFixed(2),
  stipendAmount: input.stipendAmount,
  currency: input.currency,
  hoursPerWeek: input.hoursPerWeek,
  startDate: input.startDate,
  durationWeeks: input.durationWeeks,
  applicationDeadline: input.applicationDeadline,
  seats: input.seats,
  workMode: input.workMode,
  country: input.country,
  city: input.city,
  region: input.region,
  timezone: input.timezone,
  acceptedAuthorizations: input.acceptedAuthorizations,
  paperwork: input.paperwork,
  offers: input.offers,
  questions: input.questions,
  learningPlan: input.learningPlan,
  academicProgram: input.academicProgram,
  academicSchool: input.academicSchool,
  requiredPlacement: input.requiredPlacement,
  primaryBeneficiary: input.primaryBeneficiary,
});

/** The slot's skills as taxonomy slugs, or the errors of rows the taxonomy does not know (or lists twice). */
async function resolveSlotSkills(db: Db, input: SlotInput) {
  const fieldErrors: FieldErrors = {};
  const [required, nice, taxonomy] = await Promise.all([resolveSkillRows(db, input.requiredSkills), resolveSkillRows(db, input.niceSkills), listSkills(db)]);
  if (!required.ok) Object.assign(fieldErrors, unknownSkillErrors("requiredSkills", required.rows));
  if (!nice.ok) Object.assign(fieldErrors, unknownSkillErrors("niceSkills", nice.rows));
  const skillRows: Omit<typeof slotSkills.$inferInsert, "slotId">[] = [];
  if (required.ok && nice.ok) {
    const requiredSlugs = new Set(required.skills.map((s) => s.slug));
    for (const s of required.skills) skillRows.push({ skillSlug: s.slug, minLevel: s.level, required: true });
    for (const row of input.niceSkills) {
      if (requiredSlugs.has(resolveSkill(taxonomy, row.skill)?.slug ?? "")) {
        fieldErrors[`niceSkills[${row.index}].skill`] = [`${row.skill} is already a required skill: keep it in one list`];
      }
    }
    for (const s of nice.skills) if (!requiredSlugs.has(s.slug)) skillRows.push({ skillSlug: s.slug, minLevel: s.level, required: false });
  }
  return { fieldErrors, skillRows };
}

/** What the form cannot check alone: mentors who belong to the organization, a time zone PostgreSQL knows (deadlines are read in it). */
async function checkMembersAndZone(tx: Db, organizationId: string, input: SlotInput) {
  const fieldErrors: FieldErrors = {};
  const members = await tx
    .select({ userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), inArray(organizationMembers.userId, input.mentorIds)));
  if (members.length !== input.mentorIds.length) fieldErrors.mentorIds = ["Choose mentors from your organization's members"];
  if (input.timezone === null) return fieldErrors;
  const [zone] = await tx.execute<{ known: boolean }>(sql`select exists (select 1 from pg_timezone_names where name = ${input.timezone}) as known`);
  if (!zone?.known) fieldErrors.timezone = ["We don't know this time zone: choose one from the list, like America/Toronto"];
  return fieldErrors;
}

/**
 * What a saved draft still lacks before it can be submitted, as field errors of the slot form: the
 * saved row, its skills and mentors, read back as the form would send them and checked against the
 * full schema (a draft needs only a title). Null when nothing is missing.
 */
async function missingForSubmission(tx: Db, slot: Slot, now: Date): Promise<FieldErrors | null> {
  const { skills: skillList, mentors } = (await slotExtras(tx, [slot.id])).get(slot.id)!;
  const rows = (required: boolean) => skillList.filter((s) => s.required === required).map((s) => ({ skill: s.name, level: s.minLevel }));
  const orUndefined = <T,>(value: T | null) => value ?? undefined;
  const form = {
    ...Object.fromEntries(Object.entries(slot).map(([key, value]) => [key, orUndefined(value)])),
    hourlyRate: slot.hourlyRate === null ? undefined : Number(slot.hourlyRate),
    requiredSkills: rows(true),
    niceSkills: rows(false),
    mentorIds: mentors.map((m) => m.id),
  };
  const result = slotFormSchema({ today: todayOf(now) }).safeParse(form);
  if (result.success) return null;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    // The form's field names: `requiredSkills[0].skill`, `primaryBeneficiary.tiedToEducation`.
    const name = issue.path.reduce<string>((name, part) => (typeof part === "number" ? `${name}[${part}]` : name ? `${name}.${String(part)}` : String(part)), "");
    (fieldErrors[name] ??= []).push(issue.message);
  }
  return fieldErrors;
}

async function submitInTx(tx: Db, slot: Slot, organization: { verifiedAt: Date | null }, actorId: string, now: Date): Promise<SubmitSlotResult> {
  if (slot.status !== "draft") return { ok: false, error: "not_editable" };
  // why: the same day as takingApplications, so a slot submitted on its deadline day in its own zone can open.
  const today = slot.timezone ? dayIn(slot.timezone, now) : null;
  if (today && ((slot.startDate && slot.startDate < today) || (slot.applicationDeadline && slot.applicationDeadline < today))) return { ok: false, error: "dates_passed" };
  const missing = await missingForSubmission(tx, slot, now);
  if (missing) return { ok: false, error: "incomplete", fieldErrors: missing };
  const filled = complete(slot);
  const status = needsReview({ ...filled, hourlyRate: filled.hourlyRate === null ? null : Number(filled.hourlyRate) }, organization) ? "pending_review" : "open";
  await tx
    .update(slots)
    .set({ status, submittedAt: now, updatedAt: now, ...(status === "open" ? { publishedAt: now, reviewNote: null } : {}) })
    .where(eq(slots.id, slot.id));
  await recordAudit(tx, {
    actorId,
    action: status === "open" ? "slot.published" : "slot.submitted",
    subjectType: "slot",
    subjectId: slot.id,
    detail: { title: slot.title, compensation: slot.compensation, organizationVerified: organization.verifiedAt !== null },
  });
  return { ok: true, status };
}

/**
 * Creates (no `slotId`) or updates a draft slot of the mentor's organization, and submits it
 * when `submit` is set — one transaction. Only drafts are edited; a slot of another
 * organization is `not_found`.
 */
/**
 * Open slots are kept compiled per process for recommendations; any change that commits
 * drops that copy at once (after the commit, so a reload never reads the old state).
 */
async function afterCommit<T extends { ok: boolean }>(result: Promise<T>) {
  const outcome = await result;
  if (outcome.ok) invalidateOpenSlots();
  return outcome;
}

export async function saveSlot(
  db: Db,
  { userId, slotId, input, submit = false, now = new Date() }: { userId: string; slotId?: string | null; input: SlotInput; submit?: boolean; now?: Date },
): Promise<SaveSlotResult> {
  // why: the taxonomy is read before the transaction opens; the embedded database serializes
  // connections, so a second connection used inside the transaction would wait for it forever.
  const skillCheck = await resolveSlotSkills(db, input);
  return afterCommit(transaction(db, async (tx) => {
    let slot: Slot | null = null;
    let organization: { id: string; verifiedAt: Date | null };
    if (slotId) {
      const own = await findOwnSlot(tx, { userId, slotId, lock: true });
      if (!own) return { ok: false, error: "not_found" };
      if (own.slot.status !== "draft") return { ok: false, error: "not_editable" };
      slot = own.slot;
      organization = own.organization;
    } else {
      const membership = await getMembership(tx, userId);
      if (!membership) return { ok: false, error: "no_organization" };
      organization = membership.organization;
    }

    const fieldErrors = { ...skillCheck.fieldErrors, ...(await checkMembersAndZone(tx, organization.id, input)) };
    if (Object.keys(fieldErrors).length) return { ok: false, error: "invalid", fieldErrors };

    const values = { ...columnsFrom(input), updatedAt: now };
    let saved: Slot;
    if (slot) {
      [saved] = (await tx.update(slots).set(values).where(eq(slots.id, slot.id)).returning()) as [Slot];
      await tx.delete(slotSkills).where(eq(slotSkills.slotId, saved.id));
      await tx.delete(slotMentors).where(eq(slotMentors.slotId, saved.id));
    } else {
      [saved] = (await tx
        .insert(slots)
        .values({ ...values, organizationId: organization.id, createdBy: userId, createdAt: now, status: "draft" })
        .returning()) as [Slot];
      await recordAudit(tx, { actorId: userId, action: "slot.created", subjectType: "slot", subjectId: saved.id, detail: { title: input.title } });
    }
    if (skillCheck.skillRows.length) await tx.insert(slotSkills).values(skillCheck.skillRows.map((r) => ({ ...r, slotId: saved.id })));
    if (input.mentorIds.length) await tx.insert(slotMentors).values(input.mentorIds.map((id) => ({ slotId: saved.id, userId: id })));

    if (!submit) return { ok: true, slotId: saved.id, status: saved.status };
    const submitted = await submitInTx(tx, saved, organization, userId, now);
    // why: the form was just validated against `now`, so a refusal here is a bug, not a user error.
    if (!submitted.ok) throw new Error(`A slot saved at ${now.toISOString()} could not be submitted: ${submitted.error}`);
    return { ok: true, slotId: saved.id, status: submitted.status };
  }));
}

/**
 * Sends a draft of the mentor's organization on: unpaid and course-credit slots, and every slot
 * of an unverified organization, to review; a paid or stipend slot of a verified one opens at once.
 */
export async function submitSlot(db: Db, { userId, slotId, now = new Date() }: { userId: string; slotId: string; now?: Date }): Promise<SubmitSlotResult> {
  return afterCommit(transaction(db, async (tx) => {
    const own = await findOwnSlot(tx, { userId, slotId, lock: true });
    if (!own) return { ok: false, error: "not_found" };
    return submitInTx(tx, own.slot, own.organization, userId, now);
  }));
}

/**
 * Takes a slot of the mentor's organization back from the review queue: it is a draft again, to
 * change and submit anew. Only a slot waiting for review; the admins no longer see it.
 */
export async function withdrawSlot(
  db: Db,
  { userId, slotId, now = new Date() }: { userId: string; slotId: string; now?: Date },
): Promise<{ ok: true } | { ok: false; error: "not_found" | "not_pending" }> {
  return afterCommit(transaction(db, async (tx) => {
    const own = await findOwnSlot(tx, { userId, slotId, lock: true });
    if (!own) return { ok: false, error: "not_found" };
    if (own.slot.status !== "pending_review") return { ok: false, error: "not_pending" };
    await tx.update(slots).set({ status: "draft", submittedAt: null, updatedAt: now }).where(eq(slots.id, slotId));
    await recordAudit(tx, { actorId: userId, action: "slot.withdrawn", subjectType: "slot", subjectId: slotId, detail: { title: own.slot.title } });
    return { ok: true };
  }));
}

export type SlotOutcome = "closed" | "filled";

/** Closes an open slot of the mentor's organization, or marks it filled (telling those still waiting); any other status is refused. */
export async function endSlot(
  db: Db,
  { userId, slotId, outcome, now = new Date() }: { userId: string; slotId: string; outcome: SlotOutcome; now?: Date },
): Promise<{ ok: true } | { ok: false; error: "not_found" | "not_open" }> {
  return afterCommit(transaction(db, async (tx) => {
    const own = await findOwnSlot(tx, { userId, slotId, lock: true });
    if (!own) return { ok: false, error: "not_found" };
    if (own.slot.status !== "open") return { ok: false, error: "not_open" };
    await tx.update(slots).set({ status: outcome, updatedAt: now }).where(eq(slots.id, slotId));
    if (outcome === "filled") await tellThoseLeftWaiting(tx, submitted(own.slot), now);
    await recordAudit(tx, { actorId: userId, action: `slot.${outcome}`, subjectType: "slot", subjectId: slotId, detail: { title: own.slot.title } });
    return { ok: true };
  }));
}

/**
 * Who speaks for a slot and hears about it: its named mentors who are still members of its
 * organization, or every member of the organization when none of them is (none named any more,
 * a named mentor deleted their account or left the organization); by name.
 */
export async function slotMentorRecipients(tx: Db, slot: Pick<Slot, "id" | "organizationId">) {
  const named = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(slotMentors)
    .innerJoin(users, eq(users.id, slotMentors.userId))
    .innerJoin(organizationMembers, and(eq(organizationMembers.userId, slotMentors.userId), eq(organizationMembers.organizationId, slot.organizationId)))
    .where(eq(slotMentors.slotId, slot.id))
    .orderBy(asc(users.name));
  if (named.length) return named;
  return tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(eq(organizationMembers.organizationId, slot.organizationId))
    .orderBy(asc(users.name));
}

export type ReviewSlotResult = { ok: true; status: "open" | "draft" } | { ok: false; error: "not_found" | "not_pending" | "dates_passed" };

/**
 * An admin's decision on a slot waiting for review: open it, or send it back to draft with a
 * reason. The slot's mentors are emailed and the decision is audited, in one transaction.
 */
export async function reviewSlot(db: Db, { adminId, input, now = new Date() }: { adminId: string; input: ReviewInput; now?: Date }): Promise<ReviewSlotResult> {
  return afterCommit(transaction(db, async (tx) => {
    const [row] = await tx.select().from(slots).where(eq(slots.id, input.slotId)).for("update");
    if (!row) return { ok: false, error: "not_found" };
    if (row.status !== "pending_review") return { ok: false, error: "not_pending" };
    const slot = submitted(row);
    const reason = input.reason?.trim() || null;

    if (input.decision === "open") {
      // why: an open slot nobody can apply to any more would only sit in the list; the mentors must pick new dates.
      if (slot.applicationDeadline < dayIn(slot.timezone, now)) return { ok: false, error: "dates_passed" };
      await tx
        .update(slots)
        .set({ status: "open", publishedAt: now, reviewedAt: now, reviewedBy: adminId, reviewNote: null, updatedAt: now })
        .where(eq(slots.id, slot.id));
    } else {
      await tx
        .update(slots)
        .set({ status: "draft", reviewedAt: now, reviewedBy: adminId, reviewNote: reason, updatedAt: now })
        .where(eq(slots.id, slot.id));
    }

    for (const mentor of await slotMentorRecipients(tx, slot)) {
      const body =
        input.decision === "open"
          ? createElement(SlotOpened, { name: mentor.name, slotTitle: slot.title, slotUrl: absoluteUrl(`/slots/${slot.id}`), manageUrl: absoluteUrl(`/mentor/slots/${slot.id}`), note: reason })
          : createElement(SlotSentBack, { name: mentor.name, slotTitle: slot.title, reason: reason!, editUrl: absoluteUrl(`/mentor/slots/${slot.id}`) });
      await queueEmail(tx, {
        template: input.decision === "open" ? "slot-opened" : "slot-sent-back",
        to: [mentor.email],
        subject: input.decision === "open" ? slotOpenedSubject(slot.title) : slotSentBackSubject(slot.title),
        body,
        userId: mentor.id,
      });
    }
    await recordAudit(tx, {
      actorId: adminId,
      action: input.decision === "open" ? "slot.opened" : "slot.sent_back",
      subjectType: "slot",
      subjectId: slot.id,
      detail: { title: slot.title, ...(reason ? { reason } : {}) },
    });
    return { ok: true, status: input.decision === "open" ? "open" : "draft" };
  }));
}

// Reading slots -------------------------------------------------------------------------------

export type SlotSkillView = { slug: string; name: string; minLevel: number; required: boolean };
export type SlotMentorView = { id: string; name: string; email: string };

/** The skills and named mentors of each slot in `slotIds`. */
export async function slotExtras(db: Db, slotIds: string[]) {
  const extras = new Map<string, { skills: SlotSkillView[]; mentors: SlotMentorView[] }>(slotIds.map((id) => [id, { skills: [], mentors: [] }]));
  if (!slotIds.length) return extras;
  const [skillRows, mentorRows] = await Promise.all([
    db
      .select({ slotId: slotSkills.slotId, slug: skills.slug, name: skills.name, minLevel: slotSkills.minLevel, required: slotSkills.required })
      .from(slotSkills)
      .innerJoin(skills, eq(skills.slug, slotSkills.skillSlug))
      .where(inArray(slotSkills.slotId, slotIds))
      .orderBy(desc(slotSkills.required), desc(slotSkills.minLevel), asc(skills.name)),
    db
      .select({ slotId: slotMentors.slotId, id: users.id, name: users.name, email: users.email })
      .from(slotMentors)
      .innerJoin(users, eq(users.id, slotMentors.userId))
      .where(inArray(slotMentors.slotId, slotIds))
      .orderBy(asc(users.name)),
  ]);
  for (const { slotId, ...skill } of skillRows) extras.get(slotId)!.skills.push(skill);
  for (const { slotId, ...mentor } of mentorRows) extras.get(slotId)!.mentors.push(mentor);
  return extras;
}

/** The mentors of an organization, to name on a slot. */
export async function listOrganizationMentors(db: Db, organizationId: string): Promise<SlotMentorView[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(eq(organizationMembers.organizationId, organizationId))
    .orderBy(asc(users.name))
    .limit(100);
}

/** What the new-slot form needs: the mentor's organization and its mentors, or null without an organization. */
export async function getNewSlotContext(db: Db, userId: string) {
  const membership = await getMembership(db, userId);
  if (!membership) return null;
  return { organization: membership.organization, mentors: await listOrganizationMentors(db, membership.organization.id) };
}

/** A slot of the user's organization with everything its page and form show; null for anyone else's. */
export async function getOwnSlot(db: Db, { userId, slotId }: { userId: string; slotId: string }) {
  const own = await findOwnSlot(db, { userId, slotId });
  if (!own) return null;
  const { slot, organization } = own;
  const [extras, mentors] = await Promise.all([slotExtras(db, [slot.id]), listOrganizationMentors(db, organization.id)]);
  return {
    slot,
    organization,
    ...extras.get(slot.id)!,
    organizationMentors: mentors,
    // A draft's missing terms are read as not there yet.
    warnings: slotWarnings(ruleInputOf({ ...slot, hourlyRate: slot.hourlyRate === null ? null : Number(slot.hourlyRate) })),
  };
}

/** One page of the mentor's organization's slots (optionally of one status), with counts by status. */
export async function listOrganizationSlots(db: Db, { userId, status, page = 1 }: { userId: string; status?: SlotStatus; page?: number }) {
  const membership = await getMembership(db, userId);
  if (!membership) return null;
  const ofOrg = eq(slots.organizationId, membership.organization.id);
  const where = status ? and(ofOrg, eq(slots.status, status)) : ofOrg;
  const [listed, byStatus] = await Promise.all([
    onePage(
      db
        .select({
          id: slots.id,
          title: slots.title,
          status: slots.status,
          compensation: slots.compensation,
          hourlyRate: slots.hourlyRate,
          stipendAmount: slots.stipendAmount,
          currency: slots.currency,
          startDate: slots.startDate,
          applicationDeadline: slots.applicationDeadline,
          seats: slots.seats,
          workMode: slots.workMode,
          reviewNote: slots.reviewNote,
          reviewedAt: slots.reviewedAt,
          submittedAt: slots.submittedAt,
          publishedAt: slots.publishedAt,
          updatedAt: slots.updatedAt,
        })
        .from(slots)
        .where(where)
        // Drafts and slots waiting for review first: they are the ones that need the mentor.
        .orderBy(inOrderOf(slots.status, SLOT_LIST_ORDER), desc(slots.updatedAt), desc(slots.id)),
      db.select({ value: count() }).from(slots).where(where),
      { page, size: MENTOR_PAGE_SIZE },
    ),
    db.select({ status: slots.status, value: count() }).from(slots).where(ofOrg).groupBy(slots.status),
  ]);
  const counts = zeroFor(SLOT_STATUSES);
  for (const s of byStatus) counts[s.status] = s.value;
  return { ...listed, counts };
}

/** The review queue: every slot waiting for review, oldest submission first, with what an admin needs to decide. */
export async function listReviewQueue(db: Db, { page = 1 }: { page?: number } = {}) {
  const where = eq(slots.status, "pending_review");
  const { rows, total, pages } = await onePage(
    db
      .select({ slot: slotColumns, organization: organizations, submittedBy: users.name })
      .from(slots)
      .innerJoin(organizations, eq(organizations.id, slots.organizationId))
      .leftJoin(users, eq(users.id, slots.createdBy))
      .where(where)
      .orderBy(asc(slots.submittedAt), asc(slots.id)),
    db.select({ value: count() }).from(slots).where(where),
    { page, size: REVIEW_PAGE_SIZE },
  );
  const extras = await slotExtras(db, rows.map((r) => r.slot.id));
  return {
    rows: rows.map((r) => {
      const slot = submitted(r.slot);
      return { ...r, slot, ...extras.get(slot.id)!, warnings: slotWarnings({ ...slot, hourlyRate: slot.hourlyRate === null ? null : Number(slot.hourlyRate) }) };
    }),
    total,
    pages,
  };
}

/** A slot's title and status, for the line that confirms an admin's decision. */
export async function getSlotSummary(db: Db, slotId: string) {
  if (!isUuid(slotId)) return null;
  const [row] = await db.select({ id: slots.id, title: slots.title, status: slots.status }).from(slots).where(eq(slots.id, slotId));
  return row ?? null;
}
