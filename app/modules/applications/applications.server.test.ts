import { parseWithZod } from "@conform-to/zod/v4";
import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { applications, auditLog, matches, studentProfiles, studentSkills, type Slot, type WorkAuthorization } from "~db/schema";
import { emailsTo } from "~db/test/factories";
import { addDays, makeOrganization, makeSkill, makeSlot, makeStudent } from "~db/test/slot-factories";
import { moduleTestDb } from "~db/test/module-db";
import { applicationMatchProposedSubject } from "~emails/application-match-proposed";
import { applicationNotSelectedSubject } from "~emails/application-not-selected";
import { applicationReceivedSubject } from "~emails/application-received";
import { applicationShortlistedSubject } from "~emails/application-shortlisted";
import { applicationWithdrawnSubject } from "~emails/application-withdrawn";
import { makeMatch } from "~db/test/match-factories";
import { AUTHORIZATION_INFO } from "~/domain/work-authorization";
import { exportUserData } from "~/modules/privacy/privacy.server";
import { canViewStudentProfile } from "~/modules/profiles/profiles.server";
import {
  applyToSlot,
  countApplicants,
  decline,
  getApplySection,
  listApplicants,
  listStudentApplications,
  proposeMatchFromApplication,
  shortlist,
  withdrawApplication,
} from "./applications.server";
import { applicationFormSchema } from "./schemas";
import { STATUS_WORDS } from "~/messages/status-words.test-support";

const db = moduleTestDb({ queue: true });

const TODAY = new Date().toISOString().slice(0, 10);
const ANSWERS = ["The river sensor map: I like seeing data turn into something people use."];
const APPLICATION = { statement: "I build data pipelines and want a mentor who reviews my code.", answers: ANSWERS };

/** A student whose profile has everything matching needs; `level` is their level in `skill`. */
async function matchableStudent(
  { skill, level = 3, status = "us_citizen_pr", share = false }: { skill: string; level?: number; status?: WorkAuthorization; share?: boolean },
) {
  const student = await makeStudent(db, status);
  await db
    .update(studentProfiles)
    .set({
      country: "US",
      timezone: "America/New_York",
      availableFrom: TODAY,
      availableWeeks: 52,
      hoursPerWeekTerm: 20,
      hoursPerWeekBreak: 40,
      compensation: "any",
      workModes: ["remote", "hybrid"],
      shareAuthorization: share,
    })
    .where(eq(studentProfiles.userId, student.id));
  await db.insert(studentSkills).values({ userId: student.id, skillSlug: skill, level });
  return student;
}

/** An open remote slot of a fresh verified organization, asking one question and `skill` at level 2. */
async function openSlot(overrides: Partial<Slot> = {}) {
  const { organization, mentor } = await makeOrganization(db);
  const skill = await makeSkill(db);
  const slot = await makeSlot(db, organization, {
    skills: [[skill.slug, 2, true]],
    mentorIds: [mentor.id],
    questions: ["Which project have you enjoyed most?"],
    acceptedAuthorizations: ["us_citizen_pr", "us_f1_cpt"],
    ...overrides,
  });
  return { organization, mentor, skill, slot };
}

/** The student's status changes after they applied (a new permit, a new OPT phase): the application stays. */
async function changeStatus(studentId: string, status: WorkAuthorization) {
  await db.update(studentProfiles).set({ workAuthorization: status }).where(eq(studentProfiles.userId, studentId));
}

async function applicationOf(slotId: string, studentId: string) {
  const [row] = await db.select().from(applications).where(and(eq(applications.slotId, slotId), eq(applications.studentId, studentId)));
  return row;
}

describe("applying", () => {
  test("a student applies once to an open slot; the slot's mentors get an email", async () => {
    const { slot, mentor, skill } = await openSlot();
    const student = await matchableStudent({ skill: skill.slug });
    const result = await applyToSlot(db, student.id, slot.id, APPLICATION);
    expect(result).toMatchObject({ ok: true, reapplied: false });
    expect(await applicationOf(slot.id, student.id)).toMatchObject({ status: "submitted", statement: APPLICATION.statement, answers: ANSWERS });
    expect((await emailsTo(db, mentor.email)).map((e) => e.subject)).toEqual([applicationReceivedSubject(slot.title)]);

    expect(await applyToSlot(db, student.id, slot.id, APPLICATION)).toEqual({ ok: false, error: "already_applied" });
    expect(await emailsTo(db, mentor.email)).toHaveLength(1);
  });

  test("a closed slot, a passed deadline or a draft refuse applications", async () => {
    const { organization, skill } = await openSlot();
    const student = await matchableStudent({ skill: skill.slug });
    const closed = await makeSlot(db, organization, { status: "closed", questions: [] });
    const past = await makeSlot(db, organization, { applicationDeadline: addDays(TODAY, -2), questions: [] });
    const draft = await makeSlot(db, organization, { status: "draft", questions: [] });
    const input = { statement: "Hello", answers: [] };
    expect(await applyToSlot(db, student.id, closed.id, input)).toEqual({ ok: false, error: "closed" });
    expect(await applyToSlot(db, student.id, past.id, input)).toEqual({ ok: false, error: "deadline_passed" });
    expect(await applyToSlot(db, student.id, draft.id, input)).toEqual({ ok: false, error: "not_found" });
    expect(await applyToSlot(db, student.id, "not-a-uuid", input)).toEqual({ ok: false, error: "not_found" });
    expect(await db.select().from(applications).where(eq(applications.studentId, student.id))).toEqual([]);
  });

  test("the deadline ends at the end of that day in the slot's time zone", async () => {
    const { organization, skill } = await openSlot();
    const student = await matchableStudent({ skill: skill.slug });
    // 05:00 UTC on Jan 2 is still Jan 1 in Los Angeles, but already Jan 2 in UTC.
    const now = new Date("2030-01-02T05:00:00Z");
    const la = await makeSlot(db, organization, { applicationDeadline: "2030-01-01", startDate: "2030-02-01", timezone: "America/Los_Angeles", questions: [] });
    const utc = await makeSlot(db, organization, { applicationDeadline: "2030-01-01", startDate: "2030-02-01", timezone: "UTC", questions: [] });
    expect(await applyToSlot(db, student.id, la.id, { statement: "Hi", answers: [] }, now)).toMatchObject({ ok: true });
    expect(await applyToSlot(db, student.id, utc.id, { statement: "Hi", answers: [] }, now)).toEqual({ ok: false, error: "deadline_passed" });
  });

  test("every question needs an answer: the form names the missing one, the module refuses a short list", async () => {
    const { slot, skill } = await openSlot({ questions: ["First question?", "Second question?"] });
    const student = await matchableStudent({ skill: skill.slug });
    const formData = new FormData();
    formData.set("intent", "apply");
    formData.set("statement", "My statement");
    formData.set("answers[0]", "An answer");
    const parsed = parseWithZod(formData, { schema: applicationFormSchema(2) });
    expect(parsed.status).toBe("error");
    expect(parsed.reply().error).toMatchObject({ "answers[1]": ["Answer this question"] });
    const empty = new FormData();
    empty.set("intent", "apply");
    expect(parseWithZod(empty, { schema: applicationFormSchema(0) }).reply().error).toHaveProperty("statement");

    expect(await applyToSlot(db, student.id, slot.id, { statement: "My statement", answers: ["Only one"] })).toEqual({ ok: false, error: "answers_mismatch" });
    expect(await applyToSlot(db, student.id, slot.id, { statement: "My statement", answers: ["One", "  "] })).toEqual({ ok: false, error: "answers_mismatch" });
  });

  test("a student whose work authorization rules the slot out cannot apply, and reads why in their own words", async () => {
    const { slot, mentor, skill } = await openSlot();
    const student = await matchableStudent({ skill: skill.slug, status: "ca_study_permit" });
    expect(await getApplySection(db, student.id, slot.id)).toMatchObject({ profileReady: true, authorizationProblems: ["This slot does not accept CA study permit."] });
    expect(await applyToSlot(db, student.id, slot.id, APPLICATION)).toEqual({ ok: false, error: "authorization" });
    expect(await applicationOf(slot.id, student.id)).toBeUndefined();
    expect(await emailsTo(db, mentor.email)).toHaveLength(0);
    const fits = await matchableStudent({ skill: skill.slug, status: "us_f1_cpt" });
    expect(await getApplySection(db, fits.id, slot.id)).toMatchObject({ authorizationProblems: [] });
  });

  test("a profile without what matching needs cannot apply", async () => {
    const { slot } = await openSlot();
    const student = await makeStudent(db, "us_citizen_pr");
    expect(await applyToSlot(db, student.id, slot.id, APPLICATION)).toEqual({ ok: false, error: "profile_incomplete" });
  });

  test("withdrawing keeps the row; applying again reuses it, back to submitted", async () => {
    const { slot, skill } = await openSlot();
    const student = await matchableStudent({ skill: skill.slug });
    const first = await applyToSlot(db, student.id, slot.id, APPLICATION);
    expect(await withdrawApplication(db, student.id, slot.id)).toEqual({ ok: true });
    expect(await applicationOf(slot.id, student.id)).toMatchObject({ status: "withdrawn" });
    expect(await withdrawApplication(db, student.id, slot.id)).toEqual({ ok: false, error: "not_found" });

    const again = await applyToSlot(db, student.id, slot.id, { ...APPLICATION, statement: "A better statement" });
    expect(again).toMatchObject({ ok: true, reapplied: true });
    expect(again.ok && first.ok && again.applicationId === first.applicationId).toBe(true);
    expect(await applicationOf(slot.id, student.id)).toMatchObject({ status: "submitted", statement: "A better statement" });

    const { rows } = await listStudentApplications(db, student.id);
    expect(rows).toEqual([expect.objectContaining({ status: "submitted", slot: expect.objectContaining({ id: slot.id }) })]);
  });

  test("withdrawing tells the slot's mentors who withdrew from which slot, and nothing else about the student", async () => {
    const { slot, mentor, skill } = await openSlot();
    const student = await matchableStudent({ skill: skill.slug, status: "us_f1_cpt" });
    await applyToSlot(db, student.id, slot.id, APPLICATION);
    expect(await withdrawApplication(db, student.id, slot.id)).toEqual({ ok: true });
    const sent = await emailsTo(db, mentor.email);
    expect(sent.map((e) => e.subject)).toEqual([applicationReceivedSubject(slot.title), applicationWithdrawnSubject(slot.title)]);
    const withdrawn = sent[1]!;
    expect(withdrawn.text).toContain(`${student.name} withdrew their application to “${slot.title}”`);
    expect(withdrawn.text).toContain(`/mentor/slots/${slot.id}/applicants`);
    expect(withdrawn.text).not.toMatch(/CPT|F-1|authorization/i);
    expect(withdrawn.text).not.toContain(APPLICATION.statement);
    expect(withdrawn.text).not.toContain(student.email);
  });

  test("applying again starts from what the student sent before they withdrew", async () => {
    const { slot, skill } = await openSlot();
    const student = await matchableStudent({ skill: skill.slug });
    await applyToSlot(db, student.id, slot.id, APPLICATION);
    await withdrawApplication(db, student.id, slot.id);
    expect(await getApplySection(db, student.id, slot.id)).toMatchObject({
      application: { status: "withdrawn", statement: APPLICATION.statement, answers: ANSWERS },
      profileReady: true,
      missing: [],
    });
  });

  test("a profile that cannot apply yet names what it lacks, each with the profile section to fill it in", async () => {
    const { slot } = await openSlot();
    const student = await makeStudent(db, "us_citizen_pr");
    await db.update(studentProfiles).set({ country: "US", timezone: "America/New_York", compensation: "any" }).where(eq(studentProfiles.userId, student.id));
    expect(await getApplySection(db, student.id, slot.id)).toMatchObject({
      profileReady: false,
      missing: [
        { missing: "when you can start", section: "where-when" },
        { missing: "for how many weeks", section: "where-when" },
        { missing: "your hours per week (in term or in breaks)", section: "where-when" },
        { missing: "how you can work (remote, hybrid, on site)", section: "where-when" },
      ],
    });
  });

  test("my applications show what was sent and, after the introduction, where the match stands: completed, or not going ahead", async () => {
    const { slot, skill } = await openSlot();
    const { slot: other } = await openSlot({ questions: [] });
    const student = await matchableStudent({ skill: skill.slug });
    const applied = await applyToSlot(db, student.id, slot.id, APPLICATION);
    const second = await applyToSlot(db, student.id, other.id, { statement: "Another statement", answers: [] });
    if (!applied.ok || !second.ok) throw new Error("applying failed");
    await db.update(applications).set({ status: "introduced" }).where(eq(applications.studentId, student.id));
    const done = await makeMatch(db, { slotId: slot.id, studentId: student.id, source: "application", applicationId: applied.applicationId, status: "completed" });
    await makeMatch(db, { slotId: other.id, studentId: student.id, source: "application", applicationId: second.applicationId, status: "not_proceeding" });

    const { rows } = await listStudentApplications(db, student.id);
    const bySlot = new Map(rows.map((r) => [r.slot.id, r]));
    expect(bySlot.get(slot.id)).toMatchObject({
      status: "introduced",
      statement: APPLICATION.statement,
      answers: ANSWERS,
      slot: { questions: ["Which project have you enjoyed most?"] },
      match: { id: done.id, status: "completed" },
    });
    expect(bySlot.get(other.id)).toMatchObject({ statement: "Another statement", match: { status: "not_proceeding" } });
  });

  test("a decided application cannot be withdrawn", async () => {
    const { slot, skill, mentor } = await openSlot();
    const student = await matchableStudent({ skill: skill.slug });
    const applied = await applyToSlot(db, student.id, slot.id, APPLICATION);
    await decline(db, mentor.id, applied.ok ? applied.applicationId : "", null);
    expect(await withdrawApplication(db, student.id, slot.id)).toEqual({ ok: false, error: "decided" });
  });
});

describe("the mentor's side", () => {
  test("applicants are ranked eligible first, then by score, with the score's reasons", async () => {
    const { slot, mentor, skill } = await openSlot();
    const strong = await matchableStudent({ skill: skill.slug, level: 4 });
    const weak = await matchableStudent({ skill: skill.slug, level: 1 });
    const ineligible = await matchableStudent({ skill: skill.slug, level: 4 });
    for (const s of [weak, ineligible, strong]) expect(await applyToSlot(db, s.id, slot.id, APPLICATION)).toMatchObject({ ok: true });
    await changeStatus(ineligible.id, "ca_study_permit");

    const page = await listApplicants(db, mentor.id, slot.id);
    expect(page!.rows.map((r) => r.studentId)).toEqual([strong.id, weak.id, ineligible.id]);
    expect(page!.rows[0]!.score).toBeGreaterThan(page!.rows[1]!.score!);
    expect(page!.rows[0]!.components.map((c) => c.key)).toContain("required_skills");
    // A mentor reads the reasons about the student, never written to them.
    expect(JSON.stringify(page!.rows.map((r) => [r.components, r.fit]))).not.toMatch(/\byou(r)?\b/i);
    expect(page!.rows[0]!.fit[0]).toEqual({ fits: true, text: "Work authorization: fits this slot." });
    expect(page!.rows[2]!.eligible).toBe(false);
    // The status is private: that it does not fit, never why (the reason would name it).
    expect(page!.rows[2]!.fit).toContainEqual({ fits: false, text: "Work authorization: does not fit this slot's terms." });
    expect(page!.rows[2]!.blocker).toBe("Work authorization: does not fit this slot's terms.");
    expect(page!.rows[0]!.blocker).toBeNull();
    expect(await countApplicants(db, mentor.id, slot.id)).toBe(3);
  });

  test("the fit never names the status unless the student shares it", async () => {
    // 30 hours a week: CPT's 20-hour term cap becomes a step to confirm, which names the status.
    const { slot, mentor, skill } = await openSlot({ hoursPerWeek: 30, paperwork: [] });
    const hidden = await matchableStudent({ skill: skill.slug, status: "us_f1_cpt" });
    const shared = await matchableStudent({ skill: skill.slug, status: "us_f1_cpt", share: true });
    const refused = await matchableStudent({ skill: skill.slug });
    // why: the slot runs in term, so the students' term-time hours must cover it: only the status is in question here.
    for (const s of [hidden, shared, refused]) await db.update(studentProfiles).set({ hoursPerWeekTerm: 40 }).where(eq(studentProfiles.userId, s.id));
    for (const s of [hidden, shared, refused]) expect(await applyToSlot(db, s.id, slot.id, APPLICATION)).toMatchObject({ ok: true });
    // STEM OPT since applying, on a slot without E-Verify.
    await changeStatus(refused.id, "us_f1_stem_opt");

    const rows = (await listApplicants(db, mentor.id, slot.id))!.rows;
    const rowOf = (id: string) => rows.find((r) => r.studentId === id)!;
    const giveaways = [STATUS_WORDS];
    for (const r of [rowOf(hidden.id), rowOf(refused.id)]) {
      expect(r.authorization).toBeNull();
      const text = JSON.stringify([r.fit, r.components]);
      for (const word of giveaways) expect(text).not.toMatch(word);
    }
    expect(rowOf(hidden.id).fit.map((f) => f.text)).toEqual([expect.stringMatching(/^Work authorization: fits this slot; \S+ confirms it with the school before a start date\.$/)]);
    expect(rowOf(refused.id).fit.map((f) => f.text)).toEqual(["Work authorization: does not fit this slot's terms."]);
    expect(rowOf(shared.id).authorization).toBe(AUTHORIZATION_INFO.us_f1_cpt.label);
    expect(JSON.stringify(rowOf(shared.id).fit)).toMatch(/CPT/);
  });

  test("a student who applied can be proposed whatever their own preferences said; the legal rules still stop it, in words for the mentor", async () => {
    const { slot, mentor, skill } = await openSlot({ compensation: "unpaid", workMode: "hybrid", acceptedAuthorizations: ["us_citizen_pr", "us_f1_stem_opt"] });
    const choosy = await matchableStudent({ skill: skill.slug });
    const stem = await matchableStudent({ skill: skill.slug });
    // Paid work only, remote only: the engine would never have recommended this unpaid hybrid slot.
    await db.update(studentProfiles).set({ compensation: "paid_only", workModes: ["remote"] }).where(eq(studentProfiles.userId, choosy.id));
    for (const s of [choosy, stem]) expect(await applyToSlot(db, s.id, slot.id, APPLICATION)).toMatchObject({ ok: true });
    await changeStatus(stem.id, "us_f1_stem_opt");

    const rows = (await listApplicants(db, mentor.id, slot.id))!.rows;
    const rowOf = (id: string) => rows.find((r) => r.studentId === id)!;
    expect(rowOf(choosy.id)).toMatchObject({ eligible: true, blocker: null });
    // STEM OPT needs a paid position: a rule of the status, which the student keeps private.
    expect(rowOf(stem.id)).toMatchObject({ eligible: false, blocker: "Work authorization: does not fit this slot's terms." });

    const apps = await db.select().from(applications).where(eq(applications.slotId, slot.id));
    const appOf = (id: string) => apps.find((a) => a.studentId === id)!.id;
    expect(await proposeMatchFromApplication(db, mentor.id, appOf(choosy.id))).toMatchObject({ ok: true });
    expect(await proposeMatchFromApplication(db, mentor.id, appOf(stem.id))).toEqual({ ok: false, error: "not_eligible" });
  });

  test("a mentor of another organization sees nothing and changes nothing", async () => {
    const { slot, skill } = await openSlot();
    const { mentor: outsider } = await makeOrganization(db);
    const student = await matchableStudent({ skill: skill.slug });
    const applied = await applyToSlot(db, student.id, slot.id, APPLICATION);
    const id = applied.ok ? applied.applicationId : "";

    expect(await listApplicants(db, outsider.id, slot.id)).toBeNull();
    expect(await countApplicants(db, outsider.id, slot.id)).toBeNull();
    expect(await shortlist(db, outsider.id, id, 1)).toEqual({ ok: false, error: "not_found" });
    expect(await decline(db, outsider.id, id, "No")).toEqual({ ok: false, error: "not_found" });
    expect(await proposeMatchFromApplication(db, outsider.id, id)).toEqual({ ok: false, error: "not_found" });
    expect(await applicationOf(slot.id, student.id)).toMatchObject({ status: "submitted", shortlistRank: null, declineReason: null });
    expect(await db.select().from(matches).where(eq(matches.slotId, slot.id))).toEqual([]);
    expect(await emailsTo(db, student.email)).toEqual([]);
  });

  test("shortlisting and declining email the student; the reason reaches them", async () => {
    const { slot, mentor, skill } = await openSlot();
    const a = await matchableStudent({ skill: skill.slug });
    const b = await matchableStudent({ skill: skill.slug });
    const appA = await applyToSlot(db, a.id, slot.id, APPLICATION);
    const appB = await applyToSlot(db, b.id, slot.id, APPLICATION);
    expect(await shortlist(db, mentor.id, appA.ok ? appA.applicationId : "", 2)).toEqual({ ok: true });
    expect(await shortlist(db, mentor.id, appA.ok ? appA.applicationId : "", 1)).toEqual({ ok: true });
    expect(await applicationOf(slot.id, a.id)).toMatchObject({ status: "shortlisted", shortlistRank: 1 });
    expect((await emailsTo(db, a.email)).map((e) => e.subject)).toEqual([applicationShortlistedSubject(slot.title)]);

    expect(await decline(db, mentor.id, appB.ok ? appB.applicationId : "", "  We needed more SQL.  ")).toEqual({ ok: true });
    const { rows } = await listStudentApplications(db, b.id);
    expect(rows[0]).toMatchObject({ status: "not_selected", declineReason: "We needed more SQL." });
    const [email] = await emailsTo(db, b.email);
    expect(email).toMatchObject({ subject: applicationNotSelectedSubject(slot.title) });
    expect(email!.text).toContain("We needed more SQL.");
    expect(await decline(db, mentor.id, appB.ok ? appB.applicationId : "", null)).toEqual({ ok: false, error: "decided" });

    const audit = await db.select().from(auditLog).where(eq(auditLog.actorId, mentor.id));
    expect(audit.map((e) => e.action).sort()).toEqual(["application.declined", "application.shortlisted", "application.shortlisted"]);
  });

  test("proposing creates exactly one proposed match and moves the application", async () => {
    const { slot, mentor, skill } = await openSlot();
    const student = await matchableStudent({ skill: skill.slug });
    const applied = await applyToSlot(db, student.id, slot.id, APPLICATION);
    const id = applied.ok ? applied.applicationId : "";
    const result = await proposeMatchFromApplication(db, mentor.id, id);
    expect(result).toMatchObject({ ok: true });
    expect(await proposeMatchFromApplication(db, mentor.id, id)).toEqual({ ok: false, error: "decided" });

    const rows = await db.select().from(matches).where(eq(matches.slotId, slot.id));
    expect(rows).toHaveLength(1);
    const [match] = rows;
    expect(match).toMatchObject({ status: "proposed", source: "application", applicationId: id, proposedBy: mentor.id, studentId: student.id });
    expect(match!.score).toBeGreaterThan(0);
    expect(match!.reasons.map((r) => r.key)).toContain("required_skills");
    expect(await applicationOf(slot.id, student.id)).toMatchObject({ status: "match_proposed" });
    expect((await emailsTo(db, student.email)).map((e) => e.subject)).toEqual([applicationMatchProposedSubject(slot.title)]);
    expect((await listStudentApplications(db, student.id)).rows[0]).toMatchObject({ status: "match_proposed" });
  });

  test("no proposal for an ineligible pair, nor when the pair already has a live match", async () => {
    const { slot, mentor, skill } = await openSlot();
    const ineligible = await matchableStudent({ skill: skill.slug });
    const appI = await applyToSlot(db, ineligible.id, slot.id, APPLICATION);
    await changeStatus(ineligible.id, "ca_study_permit");
    expect(await proposeMatchFromApplication(db, mentor.id, appI.ok ? appI.applicationId : "")).toEqual({ ok: false, error: "not_eligible" });

    const student = await matchableStudent({ skill: skill.slug });
    const applied = await applyToSlot(db, student.id, slot.id, APPLICATION);
    await db.insert(matches).values({ slotId: slot.id, studentId: student.id, source: "round", score: 50, reasons: [], status: "proposed" });
    expect(await proposeMatchFromApplication(db, mentor.id, applied.ok ? applied.applicationId : "")).toEqual({ ok: false, error: "live_match" });
    expect(await applicationOf(slot.id, student.id)).toMatchObject({ status: "submitted" });
    expect(await db.select().from(matches).where(eq(matches.slotId, slot.id))).toHaveLength(1);
  });
});

describe("around applications", () => {
  test("a mentor of the slot's organization may read an applicant's profile while the application stands", async () => {
    const { slot, mentor, skill } = await openSlot();
    const { mentor: outsider } = await makeOrganization(db);
    const student = await matchableStudent({ skill: skill.slug });
    await db.update(studentProfiles).set({ visibleToMentors: false }).where(eq(studentProfiles.userId, student.id));
    const viewer = { id: mentor.id, role: "mentor" as const };

    expect(await canViewStudentProfile(db, viewer, student.id)).toBeNull();
    await applyToSlot(db, student.id, slot.id, APPLICATION);
    expect(await canViewStudentProfile(db, viewer, student.id)).toBe("mentor");
    expect(await canViewStudentProfile(db, { id: outsider.id, role: "mentor" }, student.id)).toBeNull();
    await withdrawApplication(db, student.id, slot.id);
    expect(await canViewStudentProfile(db, viewer, student.id)).toBeNull();
  });

  test("a round's proposal waiting for review does not open the profile to the mentors; the introduction does", async () => {
    const { slot, mentor, skill } = await openSlot();
    const student = await matchableStudent({ skill: skill.slug });
    await db.update(studentProfiles).set({ visibleToMentors: false }).where(eq(studentProfiles.userId, student.id));
    const viewer = { id: mentor.id, role: "mentor" as const };
    const [match] = await db
      .insert(matches)
      .values({ slotId: slot.id, studentId: student.id, source: "round", score: 80, reasons: [], status: "proposed" })
      .returning();
    expect(await canViewStudentProfile(db, viewer, student.id)).toBeNull();
    await db.update(matches).set({ status: "introduced" }).where(eq(matches.id, match!.id));
    expect(await canViewStudentProfile(db, viewer, student.id)).toBe("mentor");
  });

  test("the data export holds the student's applications", async () => {
    const { slot, skill } = await openSlot();
    const student = await matchableStudent({ skill: skill.slug });
    await applyToSlot(db, student.id, slot.id, APPLICATION);
    const data = await exportUserData(db, student.id);
    expect(data!.applications).toEqual([expect.objectContaining({ slot: slot.title, statement: APPLICATION.statement, answers: ANSWERS, status: "submitted" })]);
  });
});
