import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditLog, studentProfiles, studentSkills, type Organization, type Slot, type WorkAuthorization } from "~db/schema";
import { emailsTo, linkIn, makeUser } from "~db/test/factories";
import { addDays, makeOrganization, makeSkill, makeSlot, makeStudent } from "~db/test/slot-factories";
import { makeApplication, makeMatch } from "~db/test/match-factories";
import { moduleTestDb } from "~db/test/module-db";
import { AUTHORIZATION_INFO } from "~/domain/work-authorization";
import { invalidateOpenSlots, loadMatchSlot, loadStudent } from "~/modules/engine-adapter/instance.server";
import { checkEligibility } from "~/engine/eligibility";
import { explainPair } from "~/engine/recommend";
import { renderExplanation } from "~/messages/render";
import { INVITED_ACTION, inviteToApply, recommendedSlotsFor, studentsWhoFit } from "./recommendations.server";
import { starSlot } from "~/modules/stars/stars.server";
import { slotStandings } from "./standing.server";
import { STATUS_WORDS } from "~/messages/status-words.test-support";

const db = moduleTestDb({ queue: true });

const TODAY = new Date().toISOString().slice(0, 10);

// why: J-1 Academic Training is a status the other test files' slots never accept, so the
// recommendations of these students hold only this file's slots.
const STATUS: WorkAuthorization = "us_j1_academic_training";

type ProfileOverrides = Partial<typeof studentProfiles.$inferInsert> & { skills?: [string, number][] };

/** A student whose profile is complete for matching: remote, US, Eastern time, free in 20 days for 20 weeks. */
async function makeMatchableStudent(overrides: ProfileOverrides = {}) {
  const { skills = [], ...values } = overrides;
  const student = await makeUser(db, { role: "student", name: "Amara Okafor" });
  await db.insert(studentProfiles).values({
    userId: student.id,
    school: "University of Waterloo",
    program: "Computer Science",
    degree: "bachelor",
    graduationDate: addDays(TODAY, 400),
    languages: ["English"],
    githubUrl: "https://github.com/amara",
    country: "US",
    city: "Boston",
    timezone: "America/New_York",
    availableFrom: addDays(TODAY, 20),
    availableWeeks: 20,
    hoursPerWeekTerm: 40,
    hoursPerWeekBreak: 40,
    workModes: ["remote"],
    workAuthorization: STATUS,
    compensation: "any",
    goals: ["mentorship", "recommendation_letter"],
    inMatching: true,
    ...values,
  });
  if (skills.length) await db.insert(studentSkills).values(skills.map(([skillSlug, level]) => ({ userId: student.id, skillSlug, level })));
  return student;
}

/** An open remote slot that accepts STATUS and requires `skills` ([slug, level]). */
function openSlot(organization: Pick<Organization, "id">, skills: [string, number][], overrides: Parameters<typeof makeSlot>[2] = {}) {
  return makeSlot(db, organization, {
    acceptedAuthorizations: [STATUS, "us_citizen_pr", "us_f1_cpt"],
    offers: ["recommendation_letter"],
    skills: skills.map(([slug, level]) => [slug, level, true]),
    ...overrides,
  });
}

describe("recommended slots", () => {
  test("are the eligible slots only, best first, each with its score, reasons and warnings", async () => {
    const { organization } = await makeOrganization(db);
    const [python, sql] = [await makeSkill(db), await makeSkill(db)];
    const student = await makeMatchableStudent({ skills: [[python.slug, 3], [sql.slug, 2]], compensation: "paid_or_stipend" });
    const best = await openSlot(organization, [[python.slug, 2], [sql.slug, 2]], { title: "Best fit" });
    const weaker = await openSlot(organization, [[python.slug, 4], [sql.slug, 3]], { title: "Asks for more" });
    // Slots the student must not be offered: another country's status, unpaid, too many hours, closed.
    await openSlot(organization, [[python.slug, 2]], { acceptedAuthorizations: ["ca_citizen_pr"], country: "CA" });
    await openSlot(organization, [[python.slug, 2]], { compensation: "unpaid" });
    await openSlot(organization, [[python.slug, 2]], { hoursPerWeek: 50 });
    await openSlot(organization, [[python.slug, 2]], { status: "closed" });
    invalidateOpenSlots();

    const result = await recommendedSlotsFor(db, student.id, { k: 10 });
    if (result.status !== "ready") throw new Error(`expected recommendations, got ${JSON.stringify(result)}`);
    const ids = result.slots.map((s) => s.id);
    expect(ids).toEqual([best.id, weaker.id]);

    const [first, second] = result.slots;
    expect(first!.score).toBeGreaterThan(second!.score);
    expect(first).toMatchObject({ title: "Best fit", organizationName: organization.name, organizationVerified: true, compensation: "paid", workMode: "remote", starred: false });
    expect(first!.reasons.length).toBeGreaterThan(0);
    expect(first!.reasons.join(" ")).toContain("Covers 2 of 2 required skills");
    expect(second!.reasons.length).toBeGreaterThan(0);
    // J-1 Academic Training needs the Responsible Officer's approval: a warning, not an exclusion.
    // In the student's own voice.
    expect(first!.warnings).toEqual([
      "Your Responsible Officer must approve this position in writing before you start.",
      "Academic Training lasts at most 18 months (36 for postdoctoral training), and not beyond the end of your studies.",
    ]);
  });

  test("an incomplete profile gets the parts still missing instead", async () => {
    const student = await makeStudent(db, "us_f1_cpt");
    const result = await recommendedSlotsFor(db, student.id);
    expect(result.status).toBe("incomplete");
    if (result.status !== "incomplete") return;
    expect(result.missing).toEqual(expect.arrayContaining(["your school", "when you can start", "your compensation preference"]));
    expect(result.missing).not.toContain("your work authorization");
    expect(result.percent).toBeLessThan(100);
  });

  test("say which recommended slots the student starred", async () => {
    const { organization } = await makeOrganization(db);
    const skill = await makeSkill(db);
    const student = await makeMatchableStudent({ skills: [[skill.slug, 3]] });
    const [a, b] = [await openSlot(organization, [[skill.slug, 2]]), await openSlot(organization, [[skill.slug, 2]])];
    invalidateOpenSlots();
    expect(await starSlot(db, student.id, b.id)).toEqual({ ok: true });
    const result = await recommendedSlotsFor(db, student.id);
    if (result.status !== "ready") throw new Error("expected recommendations");
    // Other tests' open slots share the database; only these two are about this student.
    const mine = result.slots.filter((s) => s.id === a.id || s.id === b.id);
    expect(Object.fromEntries(mine.map((s) => [s.id, s.starred]))).toEqual({ [a.id]: false, [b.id]: true });
    expect(result.starredCount).toBe(1);
  });
});

describe("hours in term and in breaks", () => {
  test("a slot that runs in term is held to the student's term-time hours, and its reason says so", async () => {
    const { organization } = await makeOrganization(db);
    const skill = await makeSkill(db);
    const year = new Date().getUTCFullYear() + 1;
    const student = await makeMatchableStudent({ skills: [[skill.slug, 3]], hoursPerWeekTerm: 20, hoursPerWeekBreak: 40, availableFrom: `${year}-01-04`, availableWeeks: 40 });
    const terms = { applicationDeadline: addDays(TODAY, 5), durationWeeks: 14 };
    const spring = { ...terms, startDate: `${year}-01-11` };
    const summer = { ...terms, startDate: `${year}-05-17`, durationWeeks: 14 };
    const fullTimeInTerm = await openSlot(organization, [[skill.slug, 2]], { ...spring, hoursPerWeek: 40, title: "40 hours, January to April" });
    const partTimeInTerm = await openSlot(organization, [[skill.slug, 2]], { ...spring, hoursPerWeek: 20, title: "20 hours, January to April" });
    const fullTimeInSummer = await openSlot(organization, [[skill.slug, 2]], { ...summer, hoursPerWeek: 40, title: "40 hours, May to August" });
    invalidateOpenSlots();

    const result = await recommendedSlotsFor(db, student.id, { k: 50 });
    if (result.status !== "ready") throw new Error("expected recommendations");
    const byId = new Map(result.slots.map((s) => [s.id, s]));
    expect([fullTimeInTerm, partTimeInTerm, fullTimeInSummer].map((slot) => byId.has(slot.id))).toEqual([false, true, true]);

    // The reason names the hours the slot is held to (the page shows it when it is among the strongest).
    const matchStudent = (await loadStudent(db, student.id))!;
    const hoursReason = async (slot: Slot) => {
      const pair = explainPair(matchStudent, await loadMatchSlot(db, slot));
      return renderExplanation(pair.components.find((c) => c.key === "dates_and_hours")!.reason, { audience: "student" });
    };
    expect(await hoursReason(partTimeInTerm)).toBe("Starts soon after you are free; 20 of your 20 hours a week in term.");
    expect(await hoursReason(fullTimeInSummer)).toBe("Starts 19 weeks after you are free; 40 of your 40 hours a week in breaks.");
    const refused = checkEligibility(matchStudent, await loadMatchSlot(db, fullTimeInTerm)).problems.map((p) => renderExplanation(p, { audience: "student" }));
    expect(refused).toEqual(["The slot asks 40 hours a week and runs in term; you have 20 in term."]);
  });
});

describe("what a recommendation says plainly", () => {
  test("where a hybrid or on-site slot is from the student: the city and the distance, or the two cities", async () => {
    const { organization } = await makeOrganization(db);
    const skill = await makeSkill(db);
    const student = await makeMatchableStudent({ skills: [[skill.slug, 3]], city: "Boston", workModes: ["remote", "hybrid", "onsite"] });
    const slot = (title: string, values: Parameters<typeof makeSlot>[2]) => openSlot(organization, [[skill.slug, 2]], { title, ...values });
    const seattle = await slot("Hybrid in Seattle", { workMode: "hybrid", city: "Seattle", timezone: "America/Los_Angeles" });
    const cambridge = await slot("On site in Cambridge", { workMode: "onsite", city: "Cambridge" });
    const boston = await slot("On site in Boston", { workMode: "onsite", city: "boston" });
    const elsewhere = await slot("Hybrid in Springfield", { workMode: "hybrid", city: "Springfield" });
    const remote = await slot("Remote", { workMode: "remote", city: "Seattle" });
    invalidateOpenSlots();

    const result = await recommendedSlotsFor(db, student.id, { k: 50 });
    if (result.status !== "ready") throw new Error("expected recommendations");
    const first = (id: string) => {
      const found = result.slots.find((s) => s.id === id)!;
      return [found.reasons[0], found.strengths[0]];
    };
    expect(first(seattle.id)).toEqual(["Hybrid in Seattle, about 4,000 km (2,485 miles) from Boston: you would need to move or travel there.", false]);
    expect(first(cambridge.id)).toEqual(["On site in Cambridge, about 5 km (5 miles) from Boston.", true]);
    expect(first(boston.id)).toEqual(["On site in boston, where you live.", true]);
    expect(first(elsewhere.id)).toEqual(["Hybrid in Springfield, not Boston: check that you can get there.", false]);
    expect(first(remote.id)[0]).toMatch(/^Covers/);
  });

  test("a slot where the student covers none of the required skills at the level asked is called a stretch", async () => {
    const { organization } = await makeOrganization(db);
    const [python, sql] = [await makeSkill(db), await makeSkill(db)];
    const student = await makeMatchableStudent({ skills: [[python.slug, 1], [sql.slug, 1]] });
    const stretch = await openSlot(organization, [[python.slug, 3], [sql.slug, 3]]);
    const fits = await openSlot(organization, [[python.slug, 1], [sql.slug, 3]]);
    invalidateOpenSlots();

    const result = await recommendedSlotsFor(db, student.id, { k: 50 });
    if (result.status !== "ready") throw new Error("expected recommendations");
    const byId = new Map(result.slots.map((s) => [s.id, s]));
    expect(byId.get(stretch.id)?.stretch).toBe(
      "A stretch: you have none of the 2 required skills at the level asked yet. Apply if you can show you are learning them fast.",
    );
    expect(byId.get(fits.id)?.stretch).toBeNull();
  });
});

describe("slots the student took up", () => {
  test("are left out of recommendations: applied to, matched with or finished; a withdrawn application or a proposal not yet introduced is not", async () => {
    const { organization } = await makeOrganization(db);
    const skill = await makeSkill(db);
    const student = await makeMatchableStudent({ skills: [[skill.slug, 3]] });
    const slot = (title: string) => openSlot(organization, [[skill.slug, 2]], { title });
    const [applied, shortlisted, matched, completed, ended, withdrawn, proposed] = await Promise.all(
      ["applied", "shortlisted", "matched", "completed", "ended", "withdrawn", "proposed", "untouched"].map(slot),
    );
    await makeApplication(db, { slotId: applied!.id, studentId: student.id });
    await makeApplication(db, { slotId: shortlisted!.id, studentId: student.id, status: "shortlisted" });
    await makeApplication(db, { slotId: withdrawn!.id, studentId: student.id, status: "withdrawn" });
    await makeMatch(db, { slotId: matched!.id, studentId: student.id, status: "interviewing" });
    await makeMatch(db, { slotId: completed!.id, studentId: student.id, status: "completed" });
    await makeMatch(db, { slotId: ended!.id, studentId: student.id, status: "not_proceeding" });
    await makeMatch(db, { slotId: proposed!.id, studentId: student.id, status: "proposed" });
    invalidateOpenSlots();

    const result = await recommendedSlotsFor(db, student.id, { k: 50 });
    if (result.status !== "ready") throw new Error("expected recommendations");
    const mine = new Set(result.slots.map((s) => s.title));
    expect(["applied", "shortlisted", "matched", "completed", "ended"].filter((t) => mine.has(t))).toEqual([]);
    expect(["withdrawn", "proposed", "untouched"].filter((t) => mine.has(t))).toEqual(["withdrawn", "proposed", "untouched"]);
    // Still k of them when some are left out.
    const two = await recommendedSlotsFor(db, student.id, { k: 2 });
    if (two.status !== "ready") throw new Error("expected recommendations");
    expect(two.slots).toHaveLength(2);
    expect(two.slots.map((s) => s.title).filter((t) => ["applied", "shortlisted", "matched", "completed", "ended"].includes(t))).toEqual([]);

    expect(Object.fromEntries(await slotStandings(db, student.id))).toEqual({
      [applied!.id]: "applied",
      [shortlisted!.id]: "applied",
      [matched!.id]: "matched",
      [completed!.id]: "completed",
      [ended!.id]: "not_proceeding",
    });
  });
});

describe("students who fit a slot", () => {
  /**
   * A slot requiring a skill of its own, and students with it: visible to verified mentors (keeping
   * or sharing their status), hidden from mentors, not opted in, and not eligible.
   */
  async function scene() {
    const { organization, mentor } = await makeOrganization(db);
    const skill = await makeSkill(db);
    const slot = await openSlot(organization, [[skill.slug, 2]], { title: "Sensor data intern" });
    const keeping = await makeMatchableStudent({ skills: [[skill.slug, 3]], workAuthorization: "us_f1_cpt", school: "Northeastern University", visibleToMentors: true });
    // One level below the slot's ask: half credit, so the order does not hang on random ids.
    const sharing = await makeMatchableStudent({ skills: [[skill.slug, 1]], workAuthorization: "us_f1_cpt", shareAuthorization: true, visibleToMentors: true });
    // The best fit of all, but hidden from mentors: in rounds only.
    const hidden = await makeMatchableStudent({ skills: [[skill.slug, 4]], workAuthorization: "us_f1_cpt", visibleToMentors: false });
    const notOptedIn = await makeMatchableStudent({ skills: [[skill.slug, 4]], inMatching: false, visibleToMentors: true });
    const ineligible = await makeMatchableStudent({ skills: [[skill.slug, 4]], workAuthorization: "ca_study_permit", visibleToMentors: true });
    return { organization, mentor, skill, slot, keeping, sharing, hidden, notOptedIn, ineligible };
  }

  test("are eligible students opted in to matching who let verified mentors see them, best first, with reasons", async () => {
    const { mentor, slot, keeping, sharing } = await scene();
    const result = await studentsWhoFit(db, mentor.id, slot.id);
    expect(result?.slot).toMatchObject({ id: slot.id, title: "Sensor data intern", open: true, organizationVerified: true });
    const ids = result!.students.map((s) => s.id);
    // Exactly these two: the hidden, the not opted in and the ineligible student are left out.
    expect(ids).toEqual([keeping.id, sharing.id]);
    const [first] = result!.students;
    expect(first).toMatchObject({ name: "Amara Okafor", school: "Northeastern University", program: "Computer Science", invitedAt: null });
    expect(first!.skills[0]).toMatchObject({ level: 3 });
    expect(first!.reasons.join(" ")).toContain("Covers 1 of 1 required skill at the level asked");
    // Read about the student, not to them.
    expect(first!.reasons.join(" ")).not.toMatch(/\byour?\b/i);
  });

  test("list nobody to a mentor whose organization is not verified", async () => {
    const { organization, mentor } = await makeOrganization(db, { verified: false });
    const skill = await makeSkill(db);
    const slot = await openSlot(organization, [[skill.slug, 2]]);
    const visible = await makeMatchableStudent({ skills: [[skill.slug, 3]], visibleToMentors: true });
    const result = await studentsWhoFit(db, mentor.id, slot.id);
    expect(result).toMatchObject({ slot: { organizationVerified: false }, students: [] });
    expect(await inviteToApply(db, mentor.id, slot.id, visible.id)).toEqual({ ok: false, error: "student_not_found" });
  });

  test("never show a student's work-authorization status unless the student shares it", async () => {
    const { mentor, slot, keeping, sharing } = await scene();
    const result = await studentsWhoFit(db, mentor.id, slot.id);
    const kept = result!.students.find((s) => s.id === keeping.id)!;
    const shared = result!.students.find((s) => s.id === sharing.id)!;
    expect(kept.authorization).toBeNull();
    expect(kept.fit.map((f) => f.text)).toEqual(["Work authorization: fits this slot; Amara confirms it with the school before a start date."]);
    expect(JSON.stringify(kept)).not.toMatch(STATUS_WORDS);
    expect(JSON.stringify(kept)).not.toContain("us_f1");
    expect(shared.authorization?.label).toMatch(/CPT/);
    expect(shared.fit.map((f) => f.text)).toEqual([
      `Work authorization (shared by Amara): ${AUTHORIZATION_INFO.us_f1_cpt.label} — fits this slot.`,
      "To confirm before a start date: With the offer letter, Amara asks the DSO to authorize CPT for this employer and these dates, and starts only after that; the organization gives Amara the offer letter.",
      "To confirm before a start date: The organization has not said it can give the offer letter CPT needs; Amara will ask you for one.",
    ]);
  });

  test("are only for mentors of the slot's own organization", async () => {
    const { slot, keeping } = await scene();
    const { mentor: outsider } = await makeOrganization(db);
    expect(await studentsWhoFit(db, outsider.id, slot.id)).toBeNull();
    expect(await studentsWhoFit(db, keeping.id, slot.id)).toBeNull();
    expect(await studentsWhoFit(db, outsider.id, "not-a-uuid")).toBeNull();
  });

  test("an invitation emails the student once, with why they fit and a link to the slot, and is audited", async () => {
    const { mentor, slot, keeping } = await scene();

    const first = await inviteToApply(db, mentor.id, slot.id, keeping.id);
    expect(first.ok).toBe(true);
    const sent = await emailsTo(db, keeping.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toContain("Sensor data intern");
    expect(sent[0]!.text).toContain("Covers 1 of 1 required skill at the level asked");
    expect(sent[0]!.text).toContain(mentor.name);
    expect(linkIn(sent[0]!, `/slots/${slot.id}`)).toBeTruthy();

    const second = await inviteToApply(db, mentor.id, slot.id, keeping.id);
    expect(second).toMatchObject({ ok: false, error: "already_invited" });
    expect(await emailsTo(db, keeping.email)).toHaveLength(1);

    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, INVITED_ACTION), eq(auditLog.subjectId, slot.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: mentor.id, subjectType: "slot", detail: { studentId: keeping.id } });
    expect(JSON.stringify(audit[0]!.detail)).not.toMatch(/us_f1|CPT/);

    const fit = await studentsWhoFit(db, mentor.id, slot.id);
    expect(fit!.students.find((s) => s.id === keeping.id)!.invitedAt).toBeInstanceOf(Date);
  });

  test("an invitation to a student not on the list is refused as not found, and writes and sends nothing", async () => {
    const { mentor, slot, hidden, notOptedIn, ineligible } = await scene();
    for (const student of [hidden, notOptedIn, ineligible]) {
      expect(await inviteToApply(db, mentor.id, slot.id, student.id)).toEqual({ ok: false, error: "student_not_found" });
      expect(await emailsTo(db, student.email)).toHaveLength(0);
    }
    // The same answer as for an id that belongs to nobody.
    expect(await inviteToApply(db, mentor.id, slot.id, "00000000-0000-4000-8000-000000000000")).toEqual({ ok: false, error: "student_not_found" });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, INVITED_ACTION), eq(auditLog.subjectId, slot.id)));
    expect(audit).toHaveLength(0);
  });

  test("an invitation is refused to other organizations' mentors and for a slot no longer open", async () => {
    const { organization, mentor, skill, slot, keeping } = await scene();
    const { mentor: outsider } = await makeOrganization(db);
    expect(await inviteToApply(db, outsider.id, slot.id, keeping.id)).toEqual({ ok: false, error: "not_found" });
    const closed = await openSlot(organization, [[skill.slug, 2]], { status: "closed" });
    expect(await inviteToApply(db, mentor.id, closed.id, keeping.id)).toEqual({ ok: false, error: "not_open" });
    expect(await emailsTo(db, keeping.email)).toHaveLength(0);
  });
});
