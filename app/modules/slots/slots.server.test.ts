import { and, asc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditLog, organizationMembers, slotMentors, slots, slotSkills } from "~db/schema";
import { emailsTo, linkIn, makeUser } from "~db/test/factories";
import { addDays, addMentor, makeOrganization, makeSkill, makeSlot, parseSlot, slotFormValues, unpaidValues } from "~db/test/slot-factories";
import { moduleTestDb } from "~db/test/module-db";
import { slotOpenedSubject } from "~emails/slot-opened";
import { slotSentBackSubject } from "~emails/slot-sent-back";
import { slotDraftSchema, type SlotInput } from "./schemas";
import { endSlot, getOwnSlot, listOrganizationSlots, listReviewQueue, reviewSlot, saveSlot, slotMentorRecipients, submitSlot, todayOf, withdrawSlot } from "./slots.server";

const db = moduleTestDb({ queue: true });

const NOW = new Date();
const TODAY = todayOf(NOW);

/** An organization with a mentor, a skill, and a parsed slot input ready to save. */
async function setup({ verified = true, unpaid = false, overrides = {} }: { verified?: boolean; unpaid?: boolean; overrides?: Record<string, unknown> } = {}) {
  const { organization, mentor } = await makeOrganization(db, { verified });
  const skill = await makeSkill(db);
  const values = slotFormValues({ mentorId: mentor.id, skill: skill.name, today: TODAY }, { ...(unpaid ? unpaidValues() : {}), ...overrides });
  return { organization, mentor, skill, input: parseSlot(values, TODAY) };
}

async function slotRow(id: string) {
  const [row] = await db.select().from(slots).where(eq(slots.id, id));
  return row!;
}

async function auditOf(slotId: string) {
  return db.select().from(auditLog).where(and(eq(auditLog.subjectType, "slot"), eq(auditLog.subjectId, slotId))).orderBy(asc(auditLog.id));
}

async function savedDraft(options: Parameters<typeof setup>[0] = {}) {
  const ctx = await setup(options);
  const result = await saveSlot(db, { userId: ctx.mentor.id, input: ctx.input, now: NOW });
  if (!result.ok) throw new Error(`not saved: ${JSON.stringify(result)}`);
  return { ...ctx, slotId: result.slotId };
}

async function pendingSlot(options: Parameters<typeof setup>[0] = { unpaid: true }, submittedAt = NOW) {
  const ctx = await savedDraft(options);
  expect(await submitSlot(db, { userId: ctx.mentor.id, slotId: ctx.slotId, now: submittedAt })).toEqual({ ok: true, status: "pending_review" });
  return ctx;
}

describe("saveSlot", () => {
  test("saves a valid slot as a draft, with its skills, mentors and an audit entry", async () => {
    const { organization, mentor, skill } = await setup();
    const nice = await makeSkill(db);
    const second = await addMentor(db, organization);
    const input = parseSlot(
      slotFormValues({ mentorId: mentor.id, skill: skill.name, today: TODAY }, { mentorIds: [mentor.id, second.id], niceSkills: [{ skill: nice.aliases[0], level: 1 }] }),
      TODAY,
    );

    const result = await saveSlot(db, { userId: mentor.id, input, now: NOW });
    expect(result).toMatchObject({ ok: true, status: "draft" });
    const slotId = (result as { slotId: string }).slotId;

    expect(await slotRow(slotId)).toMatchObject({ organizationId: organization.id, createdBy: mentor.id, status: "draft", hourlyRate: "25.00", currency: "USD" });
    expect(await db.select({ slug: slotSkills.skillSlug, minLevel: slotSkills.minLevel, required: slotSkills.required }).from(slotSkills).where(eq(slotSkills.slotId, slotId))).toEqual(
      expect.arrayContaining([
        { slug: skill.slug, minLevel: 2, required: true },
        { slug: nice.slug, minLevel: 1, required: false },
      ]),
    );
    expect((await db.select().from(slotMentors).where(eq(slotMentors.slotId, slotId))).map((m) => m.userId).sort()).toEqual([mentor.id, second.id].sort());
    expect((await auditOf(slotId)).map((a) => a.action)).toEqual(["slot.created"]);
  });

  test("a mentor without an organization is told to create one first", async () => {
    const { input } = await setup();
    const loner = await makeUser(db, { role: "mentor" });
    expect(await saveSlot(db, { userId: loner.id, input, now: NOW })).toEqual({ ok: false, error: "no_organization" });
  });

  test("a mentor of another organization cannot be named, and nothing is saved", async () => {
    const { mentor, input } = await setup();
    const other = await makeOrganization(db);
    const result = await saveSlot(db, { userId: mentor.id, input: { ...input, mentorIds: [mentor.id, other.mentor.id] }, now: NOW });
    expect(result).toEqual({ ok: false, error: "invalid", fieldErrors: { mentorIds: ["Choose mentors from your organization's members"] } });
    expect(await listOrganizationSlots(db, { userId: mentor.id })).toMatchObject({ total: 0 });
  });

  test("an unknown skill is refused on its row; a nice-to-have that is also required is refused", async () => {
    const { mentor, skill, input } = await setup();
    const unknown = await saveSlot(db, { userId: mentor.id, input: { ...input, requiredSkills: [{ skill: "Quantum Basket Weaving", level: 2, index: 0 }] }, now: NOW });
    expect(unknown).toEqual({ ok: false, error: "invalid", fieldErrors: { "requiredSkills[0].skill": [expect.stringContaining("Quantum Basket Weaving")] } });

    const twice = await saveSlot(db, { userId: mentor.id, input: { ...input, niceSkills: [{ skill: skill.aliases[0]!, level: 1, index: 2 }] }, now: NOW });
    expect(twice).toEqual({ ok: false, error: "invalid", fieldErrors: { "niceSkills[2].skill": [`${skill.aliases[0]} is already a required skill: keep it in one list`] } });
  });

  test("a time zone PostgreSQL does not know is refused (deadlines are read in it)", async () => {
    const { mentor, input } = await setup();
    const result = await saveSlot(db, { userId: mentor.id, input: { ...input, timezone: "Etc/Nowhere" } as SlotInput, now: NOW });
    expect(result).toMatchObject({ ok: false, error: "invalid", fieldErrors: { timezone: [expect.stringContaining("We don't know this time zone")] } });
  });

  test("edits a draft in place, replacing skills and mentors", async () => {
    const { mentor, slotId, input, organization } = await savedDraft();
    const second = await addMentor(db, organization);
    const skill = await makeSkill(db);
    const edited = { ...input, title: "A better title for this slot", mentorIds: [second.id], requiredSkills: [{ skill: skill.name, level: 3 as const, index: 0 }] };
    expect(await saveSlot(db, { userId: mentor.id, slotId, input: edited, now: NOW })).toEqual({ ok: true, slotId, status: "draft" });

    const own = await getOwnSlot(db, { userId: mentor.id, slotId });
    expect(own?.slot.title).toBe("A better title for this slot");
    expect(own?.mentors.map((m) => m.id)).toEqual([second.id]);
    expect(own?.skills).toEqual([{ slug: skill.slug, name: skill.name, minLevel: 3, required: true }]);
  });

  test("another organization's mentor cannot edit the slot, and it does not change", async () => {
    const { slotId, input } = await savedDraft();
    const other = await makeOrganization(db);
    expect(await saveSlot(db, { userId: other.mentor.id, slotId, input: { ...input, title: "Taken over", mentorIds: [other.mentor.id] }, now: NOW })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(await getOwnSlot(db, { userId: other.mentor.id, slotId })).toBeNull();
    expect((await slotRow(slotId)).title).not.toBe("Taken over");
  });

  test("a slot waiting for review or open cannot be edited", async () => {
    const { mentor, slotId, input } = await pendingSlot();
    expect(await saveSlot(db, { userId: mentor.id, slotId, input: { ...input, title: "Changed while pending" }, now: NOW })).toEqual({ ok: false, error: "not_editable" });
    expect((await slotRow(slotId)).title).not.toBe("Changed while pending");
  });

  test("save and submit in one go routes the slot like submitSlot", async () => {
    const { mentor, input } = await setup({ verified: true });
    const result = await saveSlot(db, { userId: mentor.id, input, submit: true, now: NOW });
    expect(result).toMatchObject({ ok: true, status: "open" });
  });
});

describe("a draft needs only a title", () => {
  test("a draft with only a title is saved and listed; submitting it says what is missing; filled in, it is submitted", async () => {
    const { mentor, input } = await setup({ verified: true });
    const titleOnly = slotDraftSchema().parse({ title: "Sensor dashboard, to be written" });
    const saved = await saveSlot(db, { userId: mentor.id, input: titleOnly, now: NOW });
    expect(saved).toMatchObject({ ok: true, status: "draft" });
    const slotId = (saved as { slotId: string }).slotId;
    expect(await slotRow(slotId)).toMatchObject({ title: "Sensor dashboard, to be written", description: null, startDate: null, compensation: null, seats: null });
    expect((await listOrganizationSlots(db, { userId: mentor.id }))!.rows).toEqual([expect.objectContaining({ id: slotId, status: "draft", startDate: null })]);
    expect((await getOwnSlot(db, { userId: mentor.id, slotId }))!.slot.status).toBe("draft");

    const refused = await submitSlot(db, { userId: mentor.id, slotId, now: NOW });
    expect(refused).toMatchObject({ ok: false, error: "incomplete" });
    const missing = (refused as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(missing).toMatchObject({
      description: ["Enter a description"],
      requiredSkills: ["List at least one skill the intern needs"],
      mentorIds: [expect.stringContaining("Name at least one mentor")],
      compensation: ["Choose how the intern is compensated"],
      startDate: ["Choose the start date"],
      timezone: ["Enter the team's time zone"],
      acceptedAuthorizations: [expect.stringContaining("Tick at least one")],
    });
    expect((await slotRow(slotId)).status).toBe("draft");

    expect(await saveSlot(db, { userId: mentor.id, slotId, input, now: NOW })).toMatchObject({ ok: true, status: "draft" });
    expect(await submitSlot(db, { userId: mentor.id, slotId, now: NOW })).toEqual({ ok: true, status: "open" });
  });

  test("an unpaid draft without its learning plan is saved; submitting it asks for the plan", async () => {
    const { mentor } = await setup();
    const draft = slotDraftSchema().parse({ title: "Unpaid research assistant", compensation: "unpaid", country: "US", mentorHoursPerWeek: 0 });
    const saved = await saveSlot(db, { userId: mentor.id, input: draft, now: NOW });
    expect(saved).toMatchObject({ ok: true, status: "draft" });
    const refused = await submitSlot(db, { userId: mentor.id, slotId: (saved as { slotId: string }).slotId, now: NOW });
    expect((refused as { fieldErrors: Record<string, string[]> }).fieldErrors.learningPlan).toEqual([expect.stringContaining("learning plan")]);
  });

  test("the database holds a slot that is not a draft to having its terms", async () => {
    const { slotId } = await savedDraft();
    await db.update(slots).set({ description: null, seats: null }).where(eq(slots.id, slotId));
    const refused = await db.update(slots).set({ status: "pending_review" }).where(eq(slots.id, slotId)).then(() => null, (e: Error) => e);
    expect(String((refused?.cause as Error | undefined)?.message)).toMatch(/slots_terms_once_submitted/);
  });
});

describe("submitSlot: review routing", () => {
  test.each([
    ["an unpaid slot of a verified organization", "pending_review", { verified: true, unpaid: true }],
    ["a course-credit slot of a verified organization", "pending_review", { verified: true, unpaid: true, overrides: { compensation: "course_credit" } }],
    ["a paid slot of an unverified organization", "pending_review", { verified: false }],
    ["a stipend slot of an unverified organization", "pending_review", { verified: false, overrides: { compensation: "stipend", stipendAmount: 4000 } }],
    ["a paid slot of a verified organization", "open", { verified: true }],
    ["a stipend slot of a verified organization", "open", { verified: true, overrides: { compensation: "stipend", stipendAmount: 4000 } }],
  ] as const)("%s goes to %s", async (_name, expected, options) => {
    const { mentor, slotId } = await savedDraft(options);
    expect(await submitSlot(db, { userId: mentor.id, slotId, now: NOW })).toEqual({ ok: true, status: expected });
    const row = await slotRow(slotId);
    expect(row).toMatchObject({ status: expected, submittedAt: NOW });
    expect(row.publishedAt).toEqual(expected === "open" ? NOW : null);
    expect((await auditOf(slotId)).map((a) => a.action)).toEqual(["slot.created", expected === "open" ? "slot.published" : "slot.submitted"]);
  });

  test("a draft whose dates have passed since it was saved cannot be submitted", async () => {
    const { mentor, slotId } = await savedDraft();
    const later = new Date(`${addDays(TODAY, 20)}T12:00:00Z`); // after the deadline (today + 14)
    expect(await submitSlot(db, { userId: mentor.id, slotId, now: later })).toEqual({ ok: false, error: "dates_passed" });
    expect((await slotRow(slotId)).status).toBe("draft");
  });

  test("only a draft is submitted, and only by its organization's mentors", async () => {
    const { mentor, slotId } = await pendingSlot();
    expect(await submitSlot(db, { userId: mentor.id, slotId, now: NOW })).toEqual({ ok: false, error: "not_editable" });
    const draft = await savedDraft();
    const other = await makeOrganization(db);
    expect(await submitSlot(db, { userId: other.mentor.id, slotId: draft.slotId, now: NOW })).toEqual({ ok: false, error: "not_found" });
    expect(await submitSlot(db, { userId: other.mentor.id, slotId: "not-a-uuid", now: NOW })).toEqual({ ok: false, error: "not_found" });
    expect((await slotRow(draft.slotId)).status).toBe("draft");
  });
});

describe("reviewSlot", () => {
  test("opening a pending slot publishes it, emails each named mentor and records the decision", async () => {
    const { mentor, organization, slotId, input } = await pendingSlot();
    const second = await addMentor(db, organization, "Second Mentor");
    await db.insert(slotMentors).values({ slotId, userId: second.id });
    const admin = await makeUser(db, { role: "admin" });

    expect(await reviewSlot(db, { adminId: admin.id, input: { slotId, decision: "open", reason: "Clear learning plan, thank you." }, now: NOW })).toEqual({ ok: true, status: "open" });

    expect(await slotRow(slotId)).toMatchObject({ status: "open", publishedAt: NOW, reviewedAt: NOW, reviewedBy: admin.id, reviewNote: null });
    for (const person of [mentor, second]) {
      const sent = await emailsTo(db, person.email);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ template: "slot-opened", subject: slotOpenedSubject(input.title), userId: person.id, status: "queued" });
      expect(linkIn(sent[0]!, `/slots/${slotId}`)).toBeTruthy();
      expect(sent[0]!.text).toContain("Clear learning plan, thank you.");
    }
    const audit = await auditOf(slotId);
    expect(audit.at(-1)).toMatchObject({ actorId: admin.id, action: "slot.opened", detail: { title: input.title, reason: "Clear learning plan, thank you." } });
  });

  test("sending back returns the slot to draft with the reason, emails the mentors, and the mentor can fix and resubmit", async () => {
    const { mentor, slotId, input } = await pendingSlot();
    const admin = await makeUser(db, { role: "admin" });
    const reason = "Say what the intern learns in weeks 4 to 8, not only the tasks.";

    expect(await reviewSlot(db, { adminId: admin.id, input: { slotId, decision: "send_back", reason }, now: NOW })).toEqual({ ok: true, status: "draft" });

    expect(await slotRow(slotId)).toMatchObject({ status: "draft", reviewNote: reason, reviewedBy: admin.id, publishedAt: null });
    const [email] = await emailsTo(db, mentor.email);
    expect(email).toMatchObject({ template: "slot-sent-back", subject: slotSentBackSubject(input.title) });
    expect(email!.text).toContain(reason);
    expect(linkIn(email!, `/mentor/slots/${slotId}`)).toBeTruthy();
    expect((await auditOf(slotId)).at(-1)).toMatchObject({ action: "slot.sent_back", actorId: admin.id, detail: { reason } });

    const listed = await listOrganizationSlots(db, { userId: mentor.id, status: "draft" });
    expect(listed?.rows).toEqual([expect.objectContaining({ id: slotId, reviewNote: reason })]);

    expect(await saveSlot(db, { userId: mentor.id, slotId, input: { ...input, learningPlan: `${input.learningPlan} Weeks 4–8: learn testing.` }, submit: true, now: NOW })).toEqual({
      ok: true,
      slotId,
      status: "pending_review",
    });
  });

  test("a slot that is not waiting for review is refused, and nobody is emailed", async () => {
    const { mentor, slotId } = await savedDraft({ unpaid: true });
    const admin = await makeUser(db, { role: "admin" });
    expect(await reviewSlot(db, { adminId: admin.id, input: { slotId, decision: "open" }, now: NOW })).toEqual({ ok: false, error: "not_pending" });
    expect(await reviewSlot(db, { adminId: admin.id, input: { slotId: crypto.randomUUID(), decision: "open" }, now: NOW })).toEqual({ ok: false, error: "not_found" });
    expect(await emailsTo(db, mentor.email)).toEqual([]);
    expect((await slotRow(slotId)).status).toBe("draft");
  });

  test("a slot whose deadline passed while it waited cannot be opened, only sent back", async () => {
    const { slotId } = await pendingSlot();
    const admin = await makeUser(db, { role: "admin" });
    const later = new Date(`${addDays(TODAY, 20)}T12:00:00Z`);
    expect(await reviewSlot(db, { adminId: admin.id, input: { slotId, decision: "open" }, now: later })).toEqual({ ok: false, error: "dates_passed" });
    expect((await slotRow(slotId)).status).toBe("pending_review");
    expect(await reviewSlot(db, { adminId: admin.id, input: { slotId, decision: "send_back", reason: "The dates have passed; pick new ones." }, now: later })).toMatchObject({ ok: true });
  });

  test("the queue lists every pending slot, oldest submission first, with its organization, skills, mentors and warnings", async () => {
    const first = await pendingSlot();
    const second = await pendingSlot({ verified: false }, new Date(NOW.getTime() + 1000));
    const { rows, total } = await listReviewQueue(db, { page: 1 });
    const ours = rows.filter((r) => [first.slotId, second.slotId].includes(r.slot.id));
    expect(total).toBeGreaterThanOrEqual(2);
    expect(ours.map((r) => r.slot.id)).toEqual([first.slotId, second.slotId]);
    expect(ours[1]).toMatchObject({ organization: { verifiedAt: null }, mentors: [{ id: second.mentor.id }], skills: [{ slug: second.skill.slug, required: true }] });
    expect(ours[0]!.slot.primaryBeneficiary).toMatchObject({ noExpectationOfPay: expect.any(String) });
    expect(rows.every((r) => r.slot.status === "pending_review")).toBe(true);
  });
});

describe("withdrawSlot", () => {
  test("a mentor takes a slot waiting for review back to a draft, changes it and submits it again; the admins no longer see it meanwhile", async () => {
    const { mentor, organization, slotId, input } = await pendingSlot();
    const colleague = await addMentor(db, organization);
    const admin = await makeUser(db, { role: "admin" });

    expect(await withdrawSlot(db, { userId: colleague.id, slotId, now: NOW })).toEqual({ ok: true });
    expect(await slotRow(slotId)).toMatchObject({ status: "draft", submittedAt: null, reviewNote: null });
    expect((await auditOf(slotId)).at(-1)).toMatchObject({ action: "slot.withdrawn", actorId: colleague.id });
    expect((await listReviewQueue(db)).rows.map((r) => r.slot.id)).not.toContain(slotId);
    expect(await reviewSlot(db, { adminId: admin.id, input: { slotId, decision: "open" }, now: NOW })).toEqual({ ok: false, error: "not_pending" });

    // A draft again: edited, then submitted anew.
    expect(await saveSlot(db, { userId: mentor.id, slotId, input: { ...input, title: `${input.title} (revised)` }, submit: true, now: NOW })).toEqual({
      ok: true,
      slotId,
      status: "pending_review",
    });
  });

  test("only a slot waiting for review is taken back, and only by its organization", async () => {
    const { slotId, mentor } = await pendingSlot();
    const other = await makeOrganization(db);
    expect(await withdrawSlot(db, { userId: other.mentor.id, slotId })).toEqual({ ok: false, error: "not_found" });
    expect((await slotRow(slotId)).status).toBe("pending_review");
    const open = await makeSlot(db, (await makeOrganization(db)).organization);
    const draft = await savedDraft();
    expect(await withdrawSlot(db, { userId: draft.mentor.id, slotId: draft.slotId })).toEqual({ ok: false, error: "not_pending" });
    expect(await withdrawSlot(db, { userId: mentor.id, slotId: open.id })).toEqual({ ok: false, error: "not_found" });
  });
});

describe("endSlot", () => {
  test.each(["closed", "filled"] as const)("a mentor of the organization marks an open slot %s", async (outcome) => {
    const { organization, mentor } = await makeOrganization(db);
    const colleague = await addMentor(db, organization);
    const slot = await makeSlot(db, organization, { mentorIds: [mentor.id] });
    expect(await endSlot(db, { userId: colleague.id, slotId: slot.id, outcome })).toEqual({ ok: true });
    expect((await slotRow(slot.id)).status).toBe(outcome);
    expect((await auditOf(slot.id)).at(-1)).toMatchObject({ action: `slot.${outcome}`, actorId: colleague.id });
  });

  test("only an open slot can be closed, and only by its organization", async () => {
    const { organization, mentor } = await makeOrganization(db);
    const draft = await makeSlot(db, organization, { status: "draft", publishedAt: null });
    expect(await endSlot(db, { userId: mentor.id, slotId: draft.id, outcome: "closed" })).toEqual({ ok: false, error: "not_open" });
    const open = await makeSlot(db, organization);
    const other = await makeOrganization(db);
    expect(await endSlot(db, { userId: other.mentor.id, slotId: open.id, outcome: "filled" })).toEqual({ ok: false, error: "not_found" });
    expect((await slotRow(open.id)).status).toBe("open");
  });
});

describe("listOrganizationSlots", () => {
  test("lists only the mentor's organization's slots, drafts first, with counts by status", async () => {
    const { organization, mentor } = await makeOrganization(db);
    const open = await makeSlot(db, organization);
    const draft = await makeSlot(db, organization, { status: "draft", publishedAt: null });
    const filled = await makeSlot(db, organization, { status: "filled" });
    const other = await makeOrganization(db);
    await makeSlot(db, other.organization);

    const all = await listOrganizationSlots(db, { userId: mentor.id });
    expect(all?.rows.map((r) => r.id)).toEqual([draft.id, open.id, filled.id]);
    expect(all?.counts).toEqual({ draft: 1, pending_review: 0, open: 1, closed: 0, filled: 1 });
    expect((await listOrganizationSlots(db, { userId: mentor.id, status: "open" }))?.rows.map((r) => r.id)).toEqual([open.id]);
    expect(await listOrganizationSlots(db, { userId: (await makeUser(db, { role: "mentor" })).id })).toBeNull();
  });
});

describe("slotMentorRecipients", () => {
  test("the slot's named mentors who are still members of its organization; when none is, every member", async () => {
    const { organization, mentor } = await makeOrganization(db);
    const second = await addMentor(db, organization, "Bea Second");
    const unnamed = await addMentor(db, organization, "Cy Unnamed");
    const { mentor: outsider } = await makeOrganization(db);
    const slot = await makeSlot(db, organization, { mentorIds: [mentor.id, second.id, outsider.id] });
    const ids = async () => (await slotMentorRecipients(db, slot)).map((p) => p.id).sort();
    const leave = (userId: string) => db.delete(organizationMembers).where(and(eq(organizationMembers.organizationId, organization.id), eq(organizationMembers.userId, userId)));

    // A mentor named on the slot but not of its organization is never emailed about it.
    expect(await ids()).toEqual([mentor.id, second.id].sort());
    await leave(second.id);
    expect(await ids()).toEqual([mentor.id]);
    await leave(mentor.id);
    expect(await ids()).toEqual([unnamed.id]);
  });
});
