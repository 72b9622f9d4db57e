import { and, count, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditLog, organizationInvitations, organizationMembers, organizations } from "~db/schema";
import { emailsTo, linkIn, makeMentor, makeOrganization, makeUser, tokenFromOnlyEmail, uniqueEmail } from "~db/test/factories";
import { moduleTestDb } from "~db/test/module-db";
import { organizationInvitationSubject } from "~emails/organization-invitation";
import { organizationUnverifiedSubject } from "~emails/organization-unverified";
import { organizationVerifiedSubject } from "~emails/organization-verified";
import { listAuditLog } from "~/modules/audit/audit-log.server";
import { acceptInvitation, describeInvitation, inviteMentor, revokeInvitation } from "./invitations.server";
import { getMembership } from "./membership.server";
import { createOrganization, getOrganizationPage, listMembers, slugify, updateOrganization } from "./organizations.server";
import { OrganizationSchema, type OrganizationInput } from "./schemas";
import { listOrganizationsForAdmin, unverifyOrganization, verifyOrganization } from "./verification.server";

const db = moduleTestDb({ queue: true });

const DAY = 24 * 60 * 60 * 1000;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

function orgInput(overrides: Partial<OrganizationInput> = {}): OrganizationInput {
  return {
    name: "Northwind Robotics",
    type: "startup",
    website: "https://northwind.example.org",
    size: "11-50",
    country: "CA",
    city: "Toronto",
    description: "We build small warehouse robots and the software that plans their routes.",
    ...overrides,
  };
}

async function orgRow(id: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row!;
}

async function auditFor(orgId: string) {
  return db.select().from(auditLog).where(and(eq(auditLog.subjectType, "organization"), eq(auditLog.subjectId, orgId)));
}

async function memberCount(orgId: string) {
  const [row] = await db.select({ n: count() }).from(organizationMembers).where(eq(organizationMembers.organizationId, orgId));
  return row!.n;
}

describe("OrganizationSchema", () => {
  test("accepts a website typed without https:// and refuses other schemes and countries outside the list", () => {
    expect(OrganizationSchema.parse({ ...orgInput(), website: "northwind.dev" }).website).toBe("https://northwind.dev");
    expect(OrganizationSchema.safeParse({ ...orgInput(), website: "javascript:alert(1)" }).success).toBe(false);
    expect(OrganizationSchema.safeParse({ ...orgInput(), website: "ftp://northwind.dev" }).success).toBe(false);
    expect(OrganizationSchema.safeParse({ ...orgInput(), country: "ZZ" }).success).toBe(false);
    expect(OrganizationSchema.safeParse({ ...orgInput(), type: "university" }).success).toBe(true);
  });

  test("a research team names its parent institution; other kinds need none", () => {
    const lab = OrganizationSchema.safeParse({ ...orgInput(), type: "research_team" });
    expect(lab.success).toBe(false);
    expect(lab.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["parentInstitution", "Name the university or institute the team belongs to"]]);
    expect(OrganizationSchema.parse({ ...orgInput(), type: "research_team", parentInstitution: " University of Chicago " }).parentInstitution).toBe("University of Chicago");
    expect(OrganizationSchema.safeParse({ ...orgInput(), type: "university" }).success).toBe(true);
    // Said with the other problems, not after them (a form without JavaScript shows all at once).
    const alsoSize = OrganizationSchema.safeParse({ ...orgInput(), type: "research_team", size: undefined });
    expect(alsoSize.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["parentInstitution", "size"]);
  });

  test("slugify keeps letters and digits of any accent and never returns an empty slug", () => {
    expect(slugify("Café Lab — Toronto")).toBe("cafe-lab-toronto");
    expect(slugify("  !!! ")).toBe("organization");
  });
});

describe("createOrganization", () => {
  test("creates an unverified organization with the mentor as its only member, and records it", async () => {
    const mentor = await makeMentor(db);
    const result = await createOrganization(db, mentor.id, orgInput());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.organization).toMatchObject({ name: "Northwind Robotics", verifiedAt: null, createdBy: mentor.id, country: "CA" });
    expect(result.organization.slug).toMatch(/^northwind-robotics(-\d+)?$/);
    expect((await getMembership(db, mentor.id))?.organization.id).toBe(result.organization.id);
    expect(await memberCount(result.organization.id)).toBe(1);
    expect((await auditFor(result.organization.id)).map((e) => e.action)).toEqual(["organization.created"]);
  });

  test("refuses a mentor who already belongs to an organization, and creates nothing", async () => {
    const mentor = await makeMentor(db);
    const first = await createOrganization(db, mentor.id, orgInput({ name: "First Lab" }));
    expect(first.ok).toBe(true);
    const name = `Second Lab ${uniqueEmail()}`;

    expect(await createOrganization(db, mentor.id, orgInput({ name }))).toEqual({ ok: false, error: "already_member" });
    expect(await db.select().from(organizations).where(eq(organizations.name, name))).toHaveLength(0);
  });

  test("two organizations with the same name get different slugs", async () => {
    const name = `Same Name ${Date.now()}`;
    const a = await createOrganization(db, (await makeMentor(db)).id, orgInput({ name }));
    const b = await createOrganization(db, (await makeMentor(db)).id, orgInput({ name }));
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.organization.slug).toBe(slugify(name));
    expect(b.organization.slug).toBe(`${slugify(name)}-2`);
  });

  test("refuses a student", async () => {
    const student = await makeUser(db);
    expect(await createOrganization(db, student.id, orgInput())).toEqual({ ok: false, error: "not_a_mentor" });
    expect(await getMembership(db, student.id)).toBeNull();
  });
});

describe("updateOrganization", () => {
  test("a member updates the details", async () => {
    const mentor = await makeMentor(db);
    const org = await makeOrganization(db, { members: [mentor] });
    const result = await updateOrganization(db, mentor.id, org.id, orgInput({ name: org.name, website: undefined, city: undefined, description: "Now we build drones as well as warehouse robots." }));
    expect(result).toMatchObject({ ok: true, verificationWithdrawn: false });
    expect(await orgRow(org.id)).toMatchObject({ name: org.name, website: null, city: null, description: "Now we build drones as well as warehouse robots.", slug: org.slug });
  });

  test("a mentor of another organization cannot update it: not found, and nothing changes", async () => {
    const owner = await makeMentor(db);
    const org = await makeOrganization(db, { members: [owner] });
    const intruder = await makeMentor(db);
    await makeOrganization(db, { members: [intruder] });
    const before = await orgRow(org.id);

    expect(await updateOrganization(db, intruder.id, org.id, orgInput({ name: "Taken Over" }))).toEqual({ ok: false, error: "not_found" });
    expect(await updateOrganization(db, intruder.id, "not-a-uuid", orgInput())).toEqual({ ok: false, error: "not_found" });
    expect(await orgRow(org.id)).toEqual(before);
  });

  test("renaming a verified organization withdraws its verification and records why; other edits keep it", async () => {
    const mentor = await makeMentor(db);
    const admin = await makeUser(db, { role: "admin" });
    const org = await makeOrganization(db, { members: [mentor], verifiedAt: new Date(), verifiedBy: admin.id, website: "https://lab.example.org" });

    const same = await updateOrganization(db, mentor.id, org.id, orgInput({ name: org.name.toUpperCase(), website: "https://lab.example.org/" }));
    expect(same).toMatchObject({ ok: true, verificationWithdrawn: false });
    expect((await orgRow(org.id)).verifiedAt).not.toBeNull();

    const renamed = await updateOrganization(db, mentor.id, org.id, orgInput({ name: "Something Else Entirely", website: "https://lab.example.org" }));
    expect(renamed).toMatchObject({ ok: true, verificationWithdrawn: true });
    expect(await orgRow(org.id)).toMatchObject({ verifiedAt: null, verifiedBy: null });
    expect((await auditFor(org.id)).map((e) => e.action)).toContain("organization.verification_withdrawn");
  });
});

describe("the street address", () => {
  test("is optional, at most 300 characters, and one line; the database refuses a longer one too", async () => {
    expect(OrganizationSchema.parse(orgInput()).address).toBeUndefined();
    expect(OrganizationSchema.parse({ ...orgInput(), address: "  66 Chancellors Circle\n Room 201 " }).address).toBe("66 Chancellors Circle, Room 201");
    const long = OrganizationSchema.safeParse({ ...orgInput(), address: "x".repeat(301) });
    expect(long.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["address", "Use at most 300 characters"]]);
    const org = await makeOrganization(db);
    await expect(db.update(organizations).set({ address: "x".repeat(301) }).where(eq(organizations.id, org.id))).rejects.toThrow();
    expect((await orgRow(org.id)).address).toBeNull();
  });

  test("is saved on create and edit, cleared when emptied, and changing it keeps a verification", async () => {
    const mentor = await makeMentor(db);
    const created = await createOrganization(db, mentor.id, orgInput({ address: "200 University Avenue West" }));
    if (!created.ok) throw new Error(created.error);
    expect(created.organization.address).toBe("200 University Avenue West");
    const admin = await makeUser(db, { role: "admin" });
    await db.update(organizations).set({ verifiedAt: new Date(), verifiedBy: admin.id }).where(eq(organizations.id, created.organization.id));

    const moved = await updateOrganization(db, mentor.id, created.organization.id, orgInput({ address: "1 Yonge Street" }));
    expect(moved).toMatchObject({ ok: true, verificationWithdrawn: false, organization: { address: "1 Yonge Street" } });
    expect((await orgRow(created.organization.id)).verifiedAt).not.toBeNull();

    const cleared = await updateOrganization(db, mentor.id, created.organization.id, orgInput({ address: undefined }));
    expect(cleared).toMatchObject({ ok: true, organization: { address: null } });
  });
});

describe("a research team's parent institution", () => {
  test("is kept for a research team, dropped when the kind changes, and changing it withdraws a verification", async () => {
    const mentor = await makeMentor(db);
    const admin = await makeUser(db, { role: "admin" });
    const org = await makeOrganization(db, { members: [mentor], verifiedAt: new Date(), verifiedBy: admin.id, website: "https://northwind.example.org" });
    const lab = { name: org.name, type: "research_team" as const, parentInstitution: "University of Chicago" };

    expect(await updateOrganization(db, mentor.id, org.id, orgInput(lab))).toMatchObject({ ok: true, verificationWithdrawn: true });
    expect(await orgRow(org.id)).toMatchObject({ type: "research_team", parentInstitution: "University of Chicago" });

    await db.update(organizations).set({ verifiedAt: new Date(), verifiedBy: admin.id }).where(eq(organizations.id, org.id));
    expect(await updateOrganization(db, mentor.id, org.id, orgInput({ ...lab, description: "We measure the air in city neighbourhoods." }))).toMatchObject({ verificationWithdrawn: false });
    expect(await updateOrganization(db, mentor.id, org.id, orgInput({ ...lab, parentInstitution: "Northwestern University" }))).toMatchObject({ verificationWithdrawn: true });

    await updateOrganization(db, mentor.id, org.id, orgInput({ name: org.name, type: "company", parentInstitution: "Northwestern University" }));
    expect(await orgRow(org.id)).toMatchObject({ type: "company", parentInstitution: null });
  });
});

describe("listMembers", () => {
  test("shows an organization's mentors to its members only", async () => {
    const a = await makeMentor(db, { name: "Ada Member" });
    const b = await makeMentor(db, { name: "Ben Member" });
    const org = await makeOrganization(db, { members: [a, b] });
    const outsider = await makeMentor(db);

    const seen = await listMembers(db, a.id, org.id);
    expect(seen.rows.map((m) => m.name).sort()).toEqual(["Ada Member", "Ben Member"]);
    expect(seen.total).toBe(2);
    expect((await listMembers(db, outsider.id, org.id)).rows).toEqual([]);
  });
});

/** A mentor in an organization invites `email`; returns the link's token. */
async function invite(email: string, now = new Date()) {
  const inviter = await makeMentor(db, { name: "Priya Inviter" });
  const org = await makeOrganization(db, { members: [inviter] });
  const result = await inviteMentor(db, inviter.id, email, now);
  const normalized = email.trim().toLowerCase();
  expect(result).toMatchObject({ ok: true, email: normalized });
  const token = await tokenFromOnlyEmail(db, normalized, "/organization/join");
  return { inviter, org, token };
}

describe("invitations", () => {
  test("a mentor with the invited address accepts: they join, the link is spent, and it is recorded", async () => {
    const email = uniqueEmail("invitee");
    const { org, token } = await invite(`  ${email.toUpperCase()} `);
    const [sent] = await emailsTo(db, email);
    expect(sent).toMatchObject({ template: "organization-invitation", subject: organizationInvitationSubject(org.name), to: [email] });
    expect(sent!.text).toContain("Priya Inviter invited you");
    expect(linkIn(sent!, "/signup")).toBeTruthy();

    const invitee = await makeMentor(db, { email });
    const described = await describeInvitation(db, invitee.id, token);
    expect(described).toMatchObject({ ok: true, problem: null, invitation: { organizationName: org.name, inviterName: "Priya Inviter", email } });

    expect(await acceptInvitation(db, invitee.id, token)).toEqual({ ok: true, organization: { id: org.id, name: org.name } });
    expect((await getMembership(db, invitee.id))?.organization.id).toBe(org.id);
    const [row] = await db.select().from(organizationInvitations).where(eq(organizationInvitations.organizationId, org.id));
    expect(row!.acceptedAt).not.toBeNull();
    expect((await auditFor(org.id)).map((e) => e.action)).toContain("organization.member_joined");
  });

  test("another account cannot accept it, and the link stays usable for the right one", async () => {
    const email = uniqueEmail("invitee");
    const { org, token } = await invite(email);
    const someoneElse = await makeMentor(db);

    expect(await acceptInvitation(db, someoneElse.id, token)).toEqual({ ok: false, error: "wrong_account" });
    expect(await getMembership(db, someoneElse.id)).toBeNull();
    expect(await memberCount(org.id)).toBe(1);

    const invitee = await makeMentor(db, { email });
    expect((await acceptInvitation(db, invitee.id, token)).ok).toBe(true);
  });

  test("a student with the invited address is told only mentors can join", async () => {
    const email = uniqueEmail("student");
    const { org, token } = await invite(email);
    const student = await makeUser(db, { email });
    expect(await acceptInvitation(db, student.id, token)).toEqual({ ok: false, error: "not_a_mentor" });
    expect(await memberCount(org.id)).toBe(1);
  });

  test("an invitation expires after 7 days", async () => {
    const email = uniqueEmail("late");
    const sentAt = new Date();
    const { org, token } = await invite(email, sentAt);
    const invitee = await makeMentor(db, { email });

    expect(await acceptInvitation(db, invitee.id, token, later(sentAt, 7 * DAY + 1000))).toEqual({ ok: false, error: "expired_link" });
    expect(await memberCount(org.id)).toBe(1);
    expect((await acceptInvitation(db, invitee.id, token, later(sentAt, 6 * DAY))).ok).toBe(true);
  });

  test("a used invitation cannot be used again", async () => {
    const email = uniqueEmail("twice");
    const { org, token } = await invite(email);
    const invitee = await makeMentor(db, { email });
    expect((await acceptInvitation(db, invitee.id, token)).ok).toBe(true);

    // Clicking the button again just says they are a member.
    expect(await acceptInvitation(db, invitee.id, token)).toEqual({ ok: false, error: "already_member" });
    // Once they have left the organization, the spent link does not bring them back.
    await db.delete(organizationMembers).where(eq(organizationMembers.userId, invitee.id));
    expect(await acceptInvitation(db, invitee.id, token)).toEqual({ ok: false, error: "used_link" });
    expect(await memberCount(org.id)).toBe(1);
  });

  test("a mentor of another organization is refused, and stays where they are", async () => {
    const email = uniqueEmail("taken");
    const { org, token } = await invite(email);
    const invitee = await makeMentor(db, { email });
    const theirs = await makeOrganization(db, { members: [invitee] });

    expect(await acceptInvitation(db, invitee.id, token)).toEqual({ ok: false, error: "member_of_another" });
    expect((await getMembership(db, invitee.id))?.organization.id).toBe(theirs.id);
    expect(await memberCount(org.id)).toBe(1);
    const [row] = await db.select().from(organizationInvitations).where(eq(organizationInvitations.organizationId, org.id));
    expect(row!.acceptedAt).toBeNull();
  });

  test("a tampered or unknown token is invalid", async () => {
    const email = uniqueEmail("tamper");
    const { token } = await invite(email);
    const invitee = await makeMentor(db, { email });
    const [id, secret] = token.split(".");
    const tampered = `${id}.${secret!.slice(0, -1)}${secret!.endsWith("a") ? "b" : "a"}`;
    expect(await acceptInvitation(db, invitee.id, tampered)).toEqual({ ok: false, error: "invalid_link" });
    expect(await acceptInvitation(db, invitee.id, "nonsense")).toEqual({ ok: false, error: "invalid_link" });
  });

  test("inviting an address again replaces the older link; a cancelled link stops working", async () => {
    const email = uniqueEmail("again");
    const { inviter, token: first } = await invite(email);
    expect((await inviteMentor(db, inviter.id, email)).ok).toBe(true);
    const invitee = await makeMentor(db, { email });
    expect(await acceptInvitation(db, invitee.id, first)).toEqual({ ok: false, error: "expired_link" });

    const page = await getOrganizationPage(db, inviter.id);
    expect(page!.invitations.rows.map((i) => i.email)).toEqual([email]);
    const pending = page!.invitations.rows[0]!;

    const outsider = await makeMentor(db);
    await makeOrganization(db, { members: [outsider] });
    expect(await revokeInvitation(db, outsider.id, pending.id)).toEqual({ ok: false, error: "not_found" });
    expect(await revokeInvitation(db, inviter.id, pending.id)).toEqual({ ok: true, email });
    expect((await getOrganizationPage(db, inviter.id))!.invitations.total).toBe(0);
  });

  test("a mentor cannot invite someone who is already a member, and a mentor without an organization cannot invite", async () => {
    const inviter = await makeMentor(db);
    const colleague = await makeMentor(db);
    await makeOrganization(db, { members: [inviter, colleague] });
    expect(await inviteMentor(db, inviter.id, colleague.email)).toEqual({ ok: false, error: "already_member" });
    expect(await inviteMentor(db, (await makeMentor(db)).id, uniqueEmail())).toEqual({ ok: false, error: "no_organization" });
    expect(await emailsTo(db, colleague.email)).toHaveLength(0);
  });
});

describe("verification", () => {
  test("an admin verifies: the badge date is set, the decision is recorded and every mentor is emailed", async () => {
    const admin = await makeUser(db, { role: "admin", name: "Ada Admin" });
    const [a, b] = [await makeMentor(db), await makeMentor(db)];
    const org = await makeOrganization(db, { members: [a, b] });
    const now = new Date("2030-01-02T03:04:05Z");

    expect(await verifyOrganization(db, admin.id, org.id, now)).toEqual({ ok: true, organization: { id: org.id, name: org.name }, notified: 2 });
    expect(await orgRow(org.id)).toMatchObject({ verifiedAt: now, verifiedBy: admin.id });

    const entries = await auditFor(org.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: admin.id, action: "organization.verified", detail: { name: org.name } });
    for (const mentor of [a, b]) {
      const sent = await emailsTo(db, mentor.email);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ template: "organization-verified", subject: organizationVerifiedSubject, userId: mentor.id });
      expect(sent[0]!.text).toContain(org.name);
    }

    const log = await listAuditLog(db, { page: 1 });
    expect(log.rows[0]).toMatchObject({ action: "organization.verified", actorName: "Ada Admin", actorRole: "admin", subject: { exists: true, name: org.name } });

    expect(await verifyOrganization(db, admin.id, org.id)).toEqual({ ok: false, error: "already_verified" });
    expect(await auditFor(org.id)).toHaveLength(1);
  });

  test("someone who is not an admin cannot verify, and nothing is recorded or sent", async () => {
    const mentor = await makeMentor(db);
    const org = await makeOrganization(db, { members: [mentor] });
    expect(await verifyOrganization(db, mentor.id, org.id)).toEqual({ ok: false, error: "forbidden" });
    expect((await orgRow(org.id)).verifiedAt).toBeNull();
    expect(await auditFor(org.id)).toHaveLength(0);
    expect(await emailsTo(db, mentor.email)).toHaveLength(0);
  });

  test("an admin removes a verification with a reason, which is recorded and emailed", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const mentor = await makeMentor(db);
    const org = await makeOrganization(db, { members: [mentor], verifiedAt: new Date(), verifiedBy: admin.id });

    const result = await unverifyOrganization(db, admin.id, org.id, "The website is gone.");
    expect(result).toMatchObject({ ok: true, notified: 1 });
    expect(await orgRow(org.id)).toMatchObject({ verifiedAt: null, verifiedBy: null });
    expect((await auditFor(org.id))[0]).toMatchObject({ action: "organization.unverified", actorId: admin.id, detail: { reason: "The website is gone." } });
    const [sent] = await emailsTo(db, mentor.email);
    expect(sent).toMatchObject({ subject: organizationUnverifiedSubject });
    expect(sent!.text).toContain("The website is gone.");
    expect(await unverifyOrganization(db, admin.id, org.id, "again")).toEqual({ ok: false, error: "not_verified" });
    expect(await verifyOrganization(db, admin.id, crypto.randomUUID())).toEqual({ ok: false, error: "not_found" });
  });

  test("the admin list puts the oldest unverified organization first, with its mentors; verified ones are filtered apart", async () => {
    const mentor = await makeMentor(db, { name: "Queue Mentor" });
    const waiting = await makeOrganization(db, { members: [mentor], createdAt: new Date("2000-01-01T00:00:00Z") });
    const done = await makeOrganization(db, { verifiedAt: new Date() });

    const queue = await listOrganizationsForAdmin(db, { filter: "unverified", page: 1 });
    expect(queue.rows[0]).toMatchObject({ id: waiting.id, mentors: [{ id: mentor.id, name: "Queue Mentor", email: mentor.email }] });
    expect(queue.rows.some((r) => r.id === done.id)).toBe(false);
    expect(queue.counts.all).toBe(queue.counts.verified + queue.counts.unverified);
    expect(queue.total).toBe(queue.counts.unverified);

    const verified = await listOrganizationsForAdmin(db, { filter: "verified", page: 1 });
    expect(verified.rows.some((r) => r.id === waiting.id)).toBe(false);
    expect(verified.rows.some((r) => r.id === done.id)).toBe(true);
  });
});
