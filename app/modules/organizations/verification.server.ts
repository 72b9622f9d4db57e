import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { createElement } from "react";
import { transaction, type Db } from "~db/client.server";
import { organizationMembers, organizations, users } from "~db/schema";
import OrganizationUnverified, { organizationUnverifiedSubject } from "~emails/organization-unverified";
import OrganizationVerified, { organizationVerifiedSubject } from "~emails/organization-verified";
import { absoluteUrl } from "~/env.server";
import { queueEmail } from "~/mail/outbox.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { isUuid } from "~/modules/ids";
import type { OrganizationFilter } from "./schemas";
import { pageCount, pageOffset } from "~/modules/paging";

export const ADMIN_PAGE_SIZE = 20;


/** Only an admin's id passes; the route's guard is the first check, this keeps the module safe on its own. */
const isAdmin = (adminId: string) => sql`exists (select 1 from ${users} where ${users.id} = ${adminId} and ${users.role} = 'admin')`;

async function mentorsOf(tx: Db, orgId: string) {
  return tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(eq(organizationMembers.organizationId, orgId))
    .orderBy(asc(organizationMembers.joinedAt));
}

/** Why a verification decision did nothing: no such organization, or it already is in that state. */
async function whyNot(tx: Db, adminId: string, orgId: string, already: "already_verified" | "not_verified") {
  const [admin] = await tx.select({ role: users.role }).from(users).where(eq(users.id, adminId));
  if (admin?.role !== "admin") return "forbidden" as const;
  const [exists] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, orgId));
  return exists ? already : ("not_found" as const);
}

export type VerificationResult =
  | { ok: true; organization: { id: string; name: string }; notified: number }
  | { ok: false; error: "forbidden" | "not_found" | "already_verified" | "not_verified" };

/**
 * An admin verifies an organization: it gets the badge, the decision goes to the audit log and
 * every mentor of it is emailed — all in one transaction.
 */
export async function verifyOrganization(db: Db, adminId: string, orgId: string, now = new Date()): Promise<VerificationResult> {
  if (!isUuid(orgId)) return { ok: false, error: "not_found" };
  return transaction(db, async (tx) => {
    const [organization] = await tx
      .update(organizations)
      .set({ verifiedAt: now, verifiedBy: adminId, updatedAt: now })
      .where(and(eq(organizations.id, orgId), isNull(organizations.verifiedAt), isAdmin(adminId)))
      .returning({ id: organizations.id, name: organizations.name });
    if (!organization) return { ok: false, error: await whyNot(tx, adminId, orgId, "already_verified") };

    const mentors = await mentorsOf(tx, orgId);
    await recordAudit(tx, { actorId: adminId, action: "organization.verified", subjectType: "organization", subjectId: orgId, detail: { name: organization.name } });
    for (const mentor of mentors) {
      await queueEmail(tx, {
        template: "organization-verified",
        to: [mentor.email],
        subject: organizationVerifiedSubject,
        userId: mentor.id,
        body: createElement(OrganizationVerified, {
          name: mentor.name,
          organizationName: organization.name,
          organizationUrl: absoluteUrl("/organization"),
          slotsUrl: absoluteUrl("/mentor/slots"),
        }),
      });
    }
    return { ok: true, organization, notified: mentors.length };
  });
}

/**
 * An admin removes an organization's verification, with a reason that goes to the audit log
 * and to its mentors by email, so they know what to fix.
 */
export async function unverifyOrganization(db: Db, adminId: string, orgId: string, reason: string, now = new Date()): Promise<VerificationResult> {
  if (!isUuid(orgId)) return { ok: false, error: "not_found" };
  return transaction(db, async (tx) => {
    const [organization] = await tx
      .update(organizations)
      .set({ verifiedAt: null, verifiedBy: null, updatedAt: now })
      .where(and(eq(organizations.id, orgId), isNotNull(organizations.verifiedAt), isAdmin(adminId)))
      .returning({ id: organizations.id, name: organizations.name });
    if (!organization) return { ok: false, error: await whyNot(tx, adminId, orgId, "not_verified") };

    const mentors = await mentorsOf(tx, orgId);
    await recordAudit(tx, { actorId: adminId, action: "organization.unverified", subjectType: "organization", subjectId: orgId, detail: { name: organization.name, reason } });
    for (const mentor of mentors) {
      await queueEmail(tx, {
        template: "organization-unverified",
        to: [mentor.email],
        subject: organizationUnverifiedSubject,
        userId: mentor.id,
        body: createElement(OrganizationUnverified, { name: mentor.name, organizationName: organization.name, reason, organizationUrl: absoluteUrl("/organization") }),
      });
    }
    return { ok: true, organization, notified: mentors.length };
  });
}

const FILTER_WHERE = {
  unverified: isNull(organizations.verifiedAt),
  verified: isNotNull(organizations.verifiedAt),
  all: undefined,
} satisfies Record<OrganizationFilter, unknown>;

// The queue is first come, first served; verified ones show the latest decisions first.
const FILTER_ORDER = {
  unverified: [asc(organizations.createdAt), asc(organizations.id)],
  verified: [desc(organizations.verifiedAt), asc(organizations.id)],
  all: [sql`${organizations.verifiedAt} is not null`, asc(organizations.createdAt), asc(organizations.id)],
} satisfies Record<OrganizationFilter, unknown>;

/** One page of organizations for the admin's verification page, each with its mentors, and counts per filter. */
export async function listOrganizationsForAdmin(db: Db, { filter, page }: { filter: OrganizationFilter; page: number }) {
  const where = FILTER_WHERE[filter];
  const [rows, counts] = await Promise.all([
    db
      .select({
        id: organizations.id,
        name: organizations.name,
        slug: organizations.slug,
        type: organizations.type,
        parentInstitution: organizations.parentInstitution,
        website: organizations.website,
        size: organizations.size,
        country: organizations.country,
        city: organizations.city,
        description: organizations.description,
        verifiedAt: organizations.verifiedAt,
        createdAt: organizations.createdAt,
        verifiedByName: users.name,
      })
      .from(organizations)
      .leftJoin(users, eq(users.id, organizations.verifiedBy))
      .where(where)
      .orderBy(...FILTER_ORDER[filter])
      .limit(ADMIN_PAGE_SIZE)
      .offset(pageOffset(page, ADMIN_PAGE_SIZE)),
    db
      .select({ verified: sql<boolean>`${organizations.verifiedAt} is not null`, value: count() })
      .from(organizations)
      .groupBy(sql`${organizations.verifiedAt} is not null`),
  ]);
  const members = rows.length
    ? await db
        .select({ organizationId: organizationMembers.organizationId, id: users.id, name: users.name, email: users.email, joinedAt: organizationMembers.joinedAt })
        .from(organizationMembers)
        .innerJoin(users, eq(users.id, organizationMembers.userId))
        .where(
          inArray(
            organizationMembers.organizationId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(organizationMembers.joinedAt))
    : [];
  const verified = counts.find((c) => c.verified)?.value ?? 0;
  const unverified = counts.find((c) => !c.verified)?.value ?? 0;
  const total = { unverified, verified, all: verified + unverified }[filter];
  return {
    rows: rows.map((r) => ({ ...r, mentors: members.filter((m) => m.organizationId === r.id).map(({ organizationId: _, ...m }) => m) })),
    counts: { unverified, verified, all: verified + unverified },
    total,
    pages: pageCount(total, ADMIN_PAGE_SIZE),
  };
}
