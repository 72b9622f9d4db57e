import { and, eq, gt, isNull } from "drizzle-orm";
import { createElement } from "react";
import { transaction, type Db } from "~db/client.server";
import { organizationInvitations, organizationMembers, organizations, users } from "~db/schema";
import OrganizationInvitation, { organizationInvitationSubject } from "~emails/organization-invitation";
import { generateToken, parseToken, secretMatches } from "~/auth/tokens.server";
import { absoluteUrl } from "~/env.server";
import { queueEmail } from "~/mail/outbox.server";
import { LIMITS, takeAllowance } from "~/modules/accounts/throttle.server";
import { recordAudit } from "~/modules/audit/audit.server";

const DAY = 24 * 60 * 60 * 1000;
export const INVITATION_LIFETIME_DAYS = 7;

/** Invitations one mentor can send: 20 an hour, so an account cannot be used to spam addresses. */
const INVITES_PER_MENTOR = { limit: 20, windowMs: 60 * 60 * 1000, blockMs: 0 } as const;


export type InviteMentorResult =
  | { ok: true; email: string; expiresAt: Date }
  | { ok: false; error: "no_organization" | "already_member" | "rate_limited" };

/**
 * Emails `email` a single-use link to join the inviter's organization, valid 7 days. A newer
 * invitation to the same address replaces the older one, so only the latest link works.
 * Whether the address has an account is never revealed to the inviter.
 */
export async function inviteMentor(db: Db, inviterId: string, rawEmail: string, now = new Date()): Promise<InviteMentorResult> {
  const email = rawEmail.trim().toLowerCase();
  const [membership] = await db
    .select({ organization: organizations, inviterName: users.name })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(eq(organizationMembers.userId, inviterId));
  if (!membership) return { ok: false, error: "no_organization" };
  const { organization, inviterName } = membership;

  // Only members of the inviter's own organization are visible to them anyway (the member list).
  const [invitee] = await db.select({ id: users.id, organizationId: organizationMembers.organizationId }).from(users).leftJoin(organizationMembers, eq(organizationMembers.userId, users.id)).where(eq(users.email, email));
  if (invitee?.organizationId === organization.id) return { ok: false, error: "already_member" };

  if (!(await takeAllowance(db, `invite:from:${inviterId}`, INVITES_PER_MENTOR, now))) return { ok: false, error: "rate_limited" };
  if (!(await takeAllowance(db, `email:to:${email}`, LIMITS.emailRecipient, now))) return { ok: false, error: "rate_limited" };

  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_DAYS * DAY);
  await transaction(db, async (tx) => {
    await tx
      .update(organizationInvitations)
      .set({ expiresAt: now })
      .where(
        and(
          eq(organizationInvitations.organizationId, organization.id),
          eq(organizationInvitations.email, email),
          isNull(organizationInvitations.acceptedAt),
          gt(organizationInvitations.expiresAt, now),
        ),
      );
    const { id, secretHash, token } = generateToken();
    const joinPath = `/organization/join?token=${token}`;
    await tx.insert(organizationInvitations).values({ id, secretHash, organizationId: organization.id, email, invitedBy: inviterId, expiresAt, createdAt: now });
    await queueEmail(tx, {
      template: "organization-invitation",
      to: [email],
      subject: organizationInvitationSubject(organization.name),
      userId: invitee?.id ?? null,
      body: createElement(OrganizationInvitation, {
        inviterName,
        organizationName: organization.name,
        email,
        joinUrl: absoluteUrl(joinPath),
        // why: someone without an account signs up as a mentor with this address, and the
        // confirmation and the login then bring them back to the invitation (issue 12, item 9).
        signupUrl: absoluteUrl(`/signup?${new URLSearchParams({ role: "mentor", email, redirectTo: joinPath })}`),
        expiresInDays: INVITATION_LIFETIME_DAYS,
      }),
    });
  });
  return { ok: true, email, expiresAt };
}

/** Cancels a pending invitation of the mentor's own organization; its link stops working. */
export async function revokeInvitation(db: Db, mentorId: string, invitationId: string, now = new Date()) {
  const mine = db.select({ id: organizationMembers.organizationId }).from(organizationMembers).where(eq(organizationMembers.userId, mentorId));
  const [revoked] = await db
    .update(organizationInvitations)
    .set({ expiresAt: now })
    .where(
      and(
        eq(organizationInvitations.id, invitationId),
        isNull(organizationInvitations.acceptedAt),
        gt(organizationInvitations.expiresAt, now),
        // why: authorization in the query — only an invitation of the mentor's own organization matches.
        eq(organizationInvitations.organizationId, mine),
      ),
    )
    .returning({ email: organizationInvitations.email });
  return revoked ? ({ ok: true, email: revoked.email } as const) : ({ ok: false, error: "not_found" } as const);
}

export type InvitationProblem =
  | "invalid_link"
  | "used_link"
  | "expired_link"
  | "not_a_mentor"
  | "wrong_account"
  | "already_member"
  | "member_of_another";

type InvitationRow = typeof organizationInvitations.$inferSelect;
type Viewer = { id: string; role: string; email: string };

/**
 * Why `viewer` cannot accept `invitation` now, or null when they can. The same checks serve
 * the page (before the button) and the acceptance (under lock), so both say the same thing.
 */
function problemFor(invitation: InvitationRow, viewer: Viewer, viewerOrgId: string | null, now: Date): InvitationProblem | null {
  // Someone who already joined (say, by clicking twice) hears that, not "this link was used".
  if (viewerOrgId === invitation.organizationId) return "already_member";
  if (invitation.acceptedAt) return "used_link";
  if (invitation.expiresAt <= now) return "expired_link";
  if (viewer.email !== invitation.email) return "wrong_account";
  if (viewer.role !== "mentor") return "not_a_mentor";
  if (viewerOrgId) return "member_of_another";
  return null;
}

async function findInvitation(db: Db, rawToken: string, { lock }: { lock: boolean }) {
  const parsed = parseToken(rawToken);
  if (!parsed) return null;
  const query = db.select().from(organizationInvitations).where(eq(organizationInvitations.id, parsed.id));
  const [row] = lock ? await query.for("update") : await query;
  return row && secretMatches(row.secretHash, parsed.secret) ? row : null;
}

async function viewerWithOrganization(db: Db, userId: string, { lock }: { lock: boolean }) {
  const query = db
    .select({ id: users.id, role: users.role, email: users.email, organizationId: organizationMembers.organizationId })
    .from(users)
    .leftJoin(organizationMembers, eq(organizationMembers.userId, users.id))
    .where(eq(users.id, userId));
  const [row] = lock ? await query.for("update", { of: users }) : await query;
  return row ?? null;
}

/**
 * What the join page shows `userId` for a link: the organization and who invited them, and
 * the reason they cannot accept it, if any. Reading spends nothing.
 */
export async function describeInvitation(db: Db, userId: string, rawToken: string, now = new Date()) {
  const invitation = await findInvitation(db, rawToken, { lock: false });
  if (!invitation) return { ok: false as const, error: "invalid_link" as const };
  const [details] = await db
    .select({ organizationName: organizations.name, verifiedAt: organizations.verifiedAt, inviterName: users.name })
    .from(organizationInvitations)
    .innerJoin(organizations, eq(organizations.id, organizationInvitations.organizationId))
    .leftJoin(users, eq(users.id, organizationInvitations.invitedBy))
    .where(eq(organizationInvitations.id, invitation.id));
  const viewer = await viewerWithOrganization(db, userId, { lock: false });
  if (!details || !viewer) return { ok: false as const, error: "invalid_link" as const };
  return {
    ok: true as const,
    invitation: {
      organizationName: details.organizationName,
      verified: details.verifiedAt !== null,
      inviterName: details.inviterName,
      email: invitation.email,
      expiresAt: invitation.expiresAt,
    },
    problem: problemFor(invitation, viewer, viewer.organizationId, now),
  };
}

export type AcceptInvitationResult = { ok: true; organization: { id: string; name: string } } | { ok: false; error: InvitationProblem };

/**
 * Makes the signed-in `userId` a member of the inviting organization and spends the link.
 * Only a mentor whose address is the invited one, and who belongs to no other organization.
 */
export async function acceptInvitation(db: Db, userId: string, rawToken: string, now = new Date()): Promise<AcceptInvitationResult> {
  return transaction(db, async (tx) => {
    const invitation = await findInvitation(tx, rawToken, { lock: true });
    if (!invitation) return { ok: false, error: "invalid_link" };
    const viewer = await viewerWithOrganization(tx, userId, { lock: true });
    if (!viewer) return { ok: false, error: "invalid_link" };
    const problem = problemFor(invitation, viewer, viewer.organizationId, now);
    if (problem) return { ok: false, error: problem };

    await tx.insert(organizationMembers).values({ organizationId: invitation.organizationId, userId, joinedAt: now });
    await tx.update(organizationInvitations).set({ acceptedAt: now }).where(eq(organizationInvitations.id, invitation.id));
    await recordAudit(tx, {
      actorId: userId,
      action: "organization.member_joined",
      subjectType: "organization",
      subjectId: invitation.organizationId,
      detail: { invitedBy: invitation.invitedBy },
    });
    const [organization] = await tx.select({ id: organizations.id, name: organizations.name }).from(organizations).where(eq(organizations.id, invitation.organizationId));
    return { ok: true, organization: organization! };
  });
}

