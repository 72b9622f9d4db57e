import { and, asc, count, desc, eq, gt, isNull, like, or, sql } from "drizzle-orm";
import { transaction, type Db } from "~db/client.server";
import { organizationInvitations, organizationMembers, organizations, users, type Organization } from "~db/schema";
import { recordAudit } from "~/modules/audit/audit.server";
import { isUuid } from "~/modules/ids";
import { getMembership } from "./membership.server";
import type { OrganizationInput } from "./schemas";
import { onePage } from "~/modules/paging";

/**
 * What anyone may read of an organization, on a public slot page: not its street address (a small
 * startup's may be someone's home; it is printed only on the documents its interns ask for), nor
 * who created or verified it.
 */
export const PUBLIC_ORGANIZATION_COLUMNS = {
  id: organizations.id,
  name: organizations.name,
  type: organizations.type,
  parentInstitution: organizations.parentInstitution,
  size: organizations.size,
  website: organizations.website,
  country: organizations.country,
  city: organizations.city,
  description: organizations.description,
  verifiedAt: organizations.verifiedAt,
};

export const MEMBERS_PAGE_SIZE = 25;
/** The pending invitations an organization page lists; older ones still work, they are just not shown. */
export const PENDING_INVITATIONS_SHOWN = 20;


/** The URL-safe form of a name: "Café Lab — Toronto" → "cafe-lab-toronto". */
export function slugify(name: string) {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "organization";
}

/** The first of `base`, `base-2`, `base-3`… that no organization uses. */
async function freeSlug(tx: Db, base: string) {
  const taken = new Set(
    (await tx.select({ slug: organizations.slug }).from(organizations).where(or(eq(organizations.slug, base), like(organizations.slug, `${base}-%`)))).map(
      (r) => r.slug,
    ),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const columnsFrom = (input: OrganizationInput) => ({
  name: input.name,
  type: input.type,
  // why: only a research team belongs to another institution; a form that changed the type drops it.
  parentInstitution: input.type === "research_team" ? (input.parentInstitution ?? null) : null,
  website: input.website ?? null,
  size: input.size,
  country: input.country,
  city: input.city ?? null,
  address: input.address || null,
  description: input.description,
});

/** Locks the user's row so two requests for one mentor (create, accept) run one after the other. */
async function lockUser(tx: Db, userId: string) {
  const [user] = await tx.select({ id: users.id, role: users.role, email: users.email, name: users.name }).from(users).where(eq(users.id, userId)).for("update");
  return user ?? null;
}

export type CreateOrganizationResult = { ok: true; organization: Organization } | { ok: false; error: "not_a_mentor" | "already_member" };

/**
 * Creates an organization with `mentorId` as its first member; a mentor belongs to at most
 * one organization, so a member of one is refused. New organizations start unverified.
 */
export async function createOrganization(db: Db, mentorId: string, input: OrganizationInput, now = new Date()): Promise<CreateOrganizationResult> {
  return transaction(db, async (tx) => {
    const mentor = await lockUser(tx, mentorId);
    if (mentor?.role !== "mentor") return { ok: false, error: "not_a_mentor" };
    if (await getMembership(tx, mentorId)) return { ok: false, error: "already_member" };

    const base = slugify(input.name);
    const values = { ...columnsFrom(input), createdBy: mentorId, createdAt: now, updatedAt: now };
    let [organization] = await tx
      .insert(organizations)
      .values({ ...values, slug: await freeSlug(tx, base) })
      .onConflictDoNothing({ target: organizations.slug })
      .returning();
    // why: another mentor may have taken the same slug between our read and our insert.
    organization ??= (
      await tx
        .insert(organizations)
        .values({ ...values, slug: `${base}-${crypto.randomUUID().slice(0, 8)}` })
        .returning()
    )[0]!;

    await tx.insert(organizationMembers).values({ organizationId: organization.id, userId: mentorId, joinedAt: now });
    await recordAudit(tx, { actorId: mentorId, action: "organization.created", subjectType: "organization", subjectId: organization.id, detail: { name: organization.name } });
    return { ok: true, organization };
  });
}

const sameWebsite = (a: string | null, b: string | null) => (a ?? "").replace(/\/+$/, "").toLowerCase() === (b ?? "").replace(/\/+$/, "").toLowerCase();

export type UpdateOrganizationResult = { ok: true; organization: Organization; verificationWithdrawn: boolean } | { ok: false; error: "not_found" };

/**
 * Updates an organization `mentorId` is a member of; for anyone else it is `not_found` and
 * nothing changes. Renaming a verified organization or changing its website or parent
 * institution withdraws the verification: an admin verified *that* name, site and institution.
 * The place and the street address do not: an organization moves, and an admin never checked them.
 */
export async function updateOrganization(db: Db, mentorId: string, orgId: string, input: OrganizationInput, now = new Date()): Promise<UpdateOrganizationResult> {
  if (!isUuid(orgId)) return { ok: false, error: "not_found" };
  return transaction(db, async (tx) => {
    const [current] = await tx
      .select({ organization: organizations })
      .from(organizations)
      .innerJoin(organizationMembers, and(eq(organizationMembers.organizationId, organizations.id), eq(organizationMembers.userId, mentorId)))
      .where(eq(organizations.id, orgId))
      .for("update", { of: organizations });
    if (!current) return { ok: false, error: "not_found" };
    const before = current.organization;
    const next = columnsFrom(input);
    const identityChanged =
      before.name.toLowerCase() !== next.name.toLowerCase() ||
      !sameWebsite(before.website, next.website) ||
      (before.parentInstitution ?? "").toLowerCase() !== (next.parentInstitution ?? "").toLowerCase();
    const verificationWithdrawn = before.verifiedAt !== null && identityChanged;

    const [organization] = await tx
      .update(organizations)
      .set({ ...next, updatedAt: now, ...(verificationWithdrawn ? { verifiedAt: null, verifiedBy: null } : {}) })
      .where(eq(organizations.id, orgId))
      .returning();
    if (verificationWithdrawn) {
      await recordAudit(tx, {
        actorId: mentorId,
        action: "organization.verification_withdrawn",
        subjectType: "organization",
        subjectId: orgId,
        detail: {
          reason: "A mentor changed the name, website or parent institution",
          from: { name: before.name, website: before.website, parentInstitution: before.parentInstitution },
          to: { name: next.name, website: next.website, parentInstitution: next.parentInstitution },
        },
      });
    }
    return { ok: true, organization: organization!, verificationWithdrawn };
  });
}

/** One page of an organization's mentors, for a viewer who is a member of it (others get no rows). */
export async function listMembers(db: Db, viewerId: string, orgId: string, { page = 1 }: { page?: number } = {}) {
  if (!isUuid(orgId)) return { rows: [], total: 0, pages: 1 };
  const viewer = db
    .select({ one: sql`1` })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, orgId), eq(organizationMembers.userId, viewerId)));
  const where = and(eq(organizationMembers.organizationId, orgId), sql`exists ${viewer}`);
  return onePage(
    db
      .select({ id: users.id, name: users.name, email: users.email, joinedAt: organizationMembers.joinedAt })
      .from(organizationMembers)
      .innerJoin(users, eq(users.id, organizationMembers.userId))
      .where(where)
      .orderBy(asc(organizationMembers.joinedAt), asc(users.name)),
    db.select({ value: count() }).from(organizationMembers).where(where),
    { page, size: MEMBERS_PAGE_SIZE },
  );
}

/** Invitations of the viewer's organization that can still be accepted, newest first. */
export async function listPendingInvitations(db: Db, viewerId: string, orgId: string, now = new Date()) {
  if (!isUuid(orgId)) return { rows: [], total: 0 };
  const viewer = db
    .select({ one: sql`1` })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, orgId), eq(organizationMembers.userId, viewerId)));
  const where = and(
    eq(organizationInvitations.organizationId, orgId),
    isNull(organizationInvitations.acceptedAt),
    gt(organizationInvitations.expiresAt, now),
    sql`exists ${viewer}`,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: organizationInvitations.id,
        email: organizationInvitations.email,
        expiresAt: organizationInvitations.expiresAt,
        createdAt: organizationInvitations.createdAt,
        invitedByName: users.name,
      })
      .from(organizationInvitations)
      .leftJoin(users, eq(users.id, organizationInvitations.invitedBy))
      .where(where)
      .orderBy(desc(organizationInvitations.createdAt))
      .limit(PENDING_INVITATIONS_SHOWN),
    db.select({ value: count() }).from(organizationInvitations).where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}

/**
 * Everything the mentor's organization page shows: their organization, its members (paged)
 * and pending invitations — or null when the mentor has no organization yet.
 */
export async function getOrganizationPage(db: Db, mentorId: string, { page = 1 }: { page?: number } = {}, now = new Date()) {
  const membership = await getMembership(db, mentorId);
  if (!membership) return null;
  const orgId = membership.organization.id;
  const [members, invitations] = await Promise.all([listMembers(db, mentorId, orgId, { page }), listPendingInvitations(db, mentorId, orgId, now)]);
  return { organization: membership.organization, members, invitations };
}
