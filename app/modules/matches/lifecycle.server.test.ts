import { and, asc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { applications, auditLog, matches, mentorshipGoals, slots, type MatchStatus } from "~db/schema";
import { slotFilledSubject } from "~emails/slot-filled";
import { SLOT_FILLED_REASON } from "~/modules/slots/filled.server";
import { endSlot } from "~/modules/slots/slots.server";
import { emailsTo, makeUser } from "~db/test/factories";
import { makeApplication, makeMatch, makeMatchableStudent } from "~db/test/match-factories";
import { addDays, addMentor, makeOrganization, makeSlot } from "~db/test/slot-factories";
import { moduleTestDb } from "~db/test/module-db";
import { AUTHORIZATION_INFO } from "~/domain/work-authorization";
import { allowedMoves, getMatchPage, listMyMatches, moveMatch, type Viewer } from "./lifecycle.server";
import { rejectMatch } from "./review.server";
import { MoveSchema, type MoveInput } from "./schemas";
import { STATUS_WORDS } from "~/messages/status-words.test-support";

const db = moduleTestDb({ queue: true });

const as = (user: { id: string; role: Viewer["role"] }): Viewer => ({ id: user.id, role: user.role });
const CONFIRM: MoveInput = { move: "confirm", acknowledge: "on" };

/** An introduced match between a CPT student and a slot with two named mentors. */
async function introduced(options: { seats?: number; status?: MatchStatus } = {}) {
  const { organization, mentor } = await makeOrganization(db);
  const second = await addMentor(db, organization, "Priya Raman");
  const slot = await makeSlot(db, organization, { seats: options.seats ?? 2, mentorIds: [mentor.id, second.id], acceptedAuthorizations: ["us_f1_cpt"] });
  const student = await makeMatchableStudent(db, { name: "Amara Okafor", workAuthorization: "us_f1_cpt" });
  const match = await makeMatch(db, {
    slotId: slot.id,
    studentId: student.id,
    status: options.status ?? "introduced",
    warnings: [
      { code: "cpt_dso_authorization", params: {} },
      { code: "cpt_term_hours", params: { hours: 30 } },
    ],
  });
  return { organization, mentor, second, slot, student, match };
}

const statusOf = async (id: string) => (await db.select({ status: matches.status }).from(matches).where(eq(matches.id, id)))[0]!.status;
const slotStatus = async (id: string) => (await db.select({ status: slots.status }).from(slots).where(eq(slots.id, id)))[0]!.status;
const auditActions = async (subjectType: string, id: string) =>
  (await db.select().from(auditLog).where(and(eq(auditLog.subjectType, subjectType), eq(auditLog.subjectId, id))).orderBy(asc(auditLog.id))).map((a) => a.action);

describe("who may do what", () => {
  test("the rules as the page offers them", () => {
    expect(allowedMoves("introduced", "student")).toEqual(["interviewing", "confirm", "not_proceeding"]);
    expect(allowedMoves("introduced", "mentor")).toEqual(["interviewing", "not_proceeding"]);
    expect(allowedMoves("interviewing", "student")).toEqual(["confirm", "not_proceeding"]);
    expect(allowedMoves("interviewing", "mentor")).toEqual(["not_proceeding"]);
    expect(allowedMoves("confirmed", "mentor")).toEqual(["start", "not_proceeding"]);
    expect(allowedMoves("confirmed", "student")).toEqual(["not_proceeding"]);
    // An internship under way can end early, from either side.
    expect(allowedMoves("active", "mentor")).toEqual(["complete", "not_proceeding"]);
    expect(allowedMoves("active", "student")).toEqual(["not_proceeding"]);
    for (const status of ["proposed", "rejected", "completed", "not_proceeding"] as const) {
      expect(allowedMoves(status, "student")).toEqual([]);
      expect(allowedMoves(status, "mentor")).toEqual([]);
    }
    expect(allowedMoves("introduced", "admin")).toEqual([]);
  });

  test("the other side, other people and admins cannot take a step that is not theirs", async () => {
    const { match, mentor, student } = await introduced();
    const stranger = await makeMatchableStudent(db);
    const otherMentor = (await makeOrganization(db)).mentor;
    const admin = await makeUser(db, { role: "admin" });

    expect(await moveMatch(db, { viewer: as(mentor), matchId: match.id, input: CONFIRM })).toEqual({ ok: false, error: "not_allowed" });
    expect(await moveMatch(db, { viewer: as(student), matchId: match.id, input: { move: "start" } })).toEqual({ ok: false, error: "not_allowed" });
    expect(await moveMatch(db, { viewer: as(admin), matchId: match.id, input: { move: "interviewing" } })).toEqual({ ok: false, error: "not_allowed" });
    // Someone who may not see the match learns nothing about it.
    expect(await moveMatch(db, { viewer: as(stranger), matchId: match.id, input: CONFIRM })).toEqual({ ok: false, error: "not_found" });
    expect(await moveMatch(db, { viewer: as(otherMentor), matchId: match.id, input: { move: "interviewing" } })).toEqual({ ok: false, error: "not_found" });
    // A step that does not follow from where the match is.
    expect(await moveMatch(db, { viewer: as(mentor), matchId: match.id, input: { move: "complete" } })).toEqual({ ok: false, error: "wrong_status" });
    expect(await statusOf(match.id)).toBe("introduced");
  });

  test("a student never acts on a proposal they have not been introduced through", async () => {
    const { match, student } = await introduced({ status: "proposed" });
    expect(await moveMatch(db, { viewer: as(student), matchId: match.id, input: CONFIRM })).toEqual({ ok: false, error: "not_found" });
    expect(await getMatchPage(db, as(student), match.id)).toBeNull();
  });
});

describe("moveMatch", () => {
  test("introduced → talking → confirmed → started → completed, each step emailed to the other side and audited", async () => {
    const { match, mentor, second, student, slot } = await introduced({ seats: 2 });

    expect(await moveMatch(db, { viewer: as(mentor), matchId: match.id, input: { move: "interviewing" } })).toEqual({ ok: true, status: "interviewing" });
    let toStudent = await emailsTo(db, student.email);
    expect(toStudent.map((e) => e.subject)).toEqual(["You are talking about " + slot.title]);

    expect(await moveMatch(db, { viewer: as(student), matchId: match.id, input: CONFIRM })).toEqual({ ok: true, status: "confirmed" });
    const [toMentor] = await emailsTo(db, mentor.email);
    expect(toMentor).toMatchObject({ template: "match-status", subject: `Confirmed: ${slot.title}` });
    expect(toMentor!.text).toContain("Amara Okafor confirmed the match");
    expect(toMentor!.text).toContain("(1 still open)");
    expect(await emailsTo(db, second.email)).toHaveLength(1);
    expect((await db.select().from(matches).where(eq(matches.id, match.id)))[0]!.confirmedAt).toBeInstanceOf(Date);
    expect(await slotStatus(slot.id)).toBe("open");

    // On the first day, where the slot is (noon in New York).
    const firstDay = new Date(`${slot.startDate}T16:00:00Z`);
    expect(await moveMatch(db, { viewer: as(second), matchId: match.id, input: { move: "start" }, now: firstDay })).toEqual({ ok: true, status: "active" });
    expect(await moveMatch(db, { viewer: as(mentor), matchId: match.id, input: { move: "complete" }, now: firstDay })).toEqual({ ok: true, status: "completed" });
    toStudent = await emailsTo(db, student.email);
    expect(toStudent.map((e) => e.subject)).toEqual([`You are talking about ${slot.title}`, `The internship has started: ${slot.title}`, `The internship is complete: ${slot.title}`]);

    expect(await auditActions("match", match.id)).toEqual(["match.interviewing", "match.confirmed", "match.active", "match.completed"]);
    // Whatever the status, no audit entry names it.
    const details = await db.select({ detail: auditLog.detail }).from(auditLog).where(eq(auditLog.subjectId, match.id));
    expect(JSON.stringify(details)).not.toMatch(/us_f1|cpt|curricular/i);
  });

  test("not going ahead needs a reason, which the other side reads; a student may end it too", async () => {
    expect(MoveSchema.safeParse({ move: "not_proceeding" }).success).toBe(false);
    expect(MoveSchema.safeParse({ move: "not_proceeding", reason: "no" }).success).toBe(false);
    expect(MoveSchema.safeParse({ move: "confirm" }).success).toBe(false);

    const { match, mentor, student } = await introduced();
    const reason = "We could not agree on the hours during my exam weeks.";
    expect(await moveMatch(db, { viewer: as(student), matchId: match.id, input: { move: "not_proceeding", reason } })).toEqual({ ok: true, status: "not_proceeding" });
    expect((await db.select().from(matches).where(eq(matches.id, match.id)))[0]).toMatchObject({ status: "not_proceeding", closingReason: reason });
    const [email] = await emailsTo(db, mentor.email);
    expect(email!.subject).toMatch(/^Not going ahead/);
    expect(email!.text).toContain(reason);
    expect(await emailsTo(db, student.email)).toHaveLength(0);
    // Over is over.
    expect(await moveMatch(db, { viewer: as(student), matchId: match.id, input: CONFIRM })).toEqual({ ok: false, error: "wrong_status" });
  });

  test("the last seat fills the slot; the next confirmation is refused; a confirmed pair that falls through reopens it", async () => {
    const first = await introduced({ seats: 1 });
    const student2 = await makeMatchableStudent(db);
    const second = await makeMatch(db, { slotId: first.slot.id, studentId: student2.id, status: "interviewing" });

    expect(await moveMatch(db, { viewer: as(first.student), matchId: first.match.id, input: CONFIRM })).toEqual({ ok: true, status: "confirmed" });
    expect(await slotStatus(first.slot.id)).toBe("filled");
    expect(await auditActions("slot", first.slot.id)).toEqual(["slot.filled"]);
    const [email] = await emailsTo(db, first.mentor.email);
    expect(email!.text).toContain("the last one, so the slot is now marked filled");

    expect(await moveMatch(db, { viewer: as(student2), matchId: second.id, input: CONFIRM })).toEqual({ ok: false, error: "slot_full" });
    expect(await statusOf(second.id)).toBe("interviewing");

    expect(
      await moveMatch(db, { viewer: as(first.mentor), matchId: first.match.id, input: { move: "not_proceeding", reason: "The project lost its funding before the start." } }),
    ).toEqual({ ok: true, status: "not_proceeding" });
    expect(await slotStatus(first.slot.id)).toBe("open");
    expect(await auditActions("slot", first.slot.id)).toEqual(["slot.filled", "slot.reopened"]);
    expect(await moveMatch(db, { viewer: as(student2), matchId: second.id, input: CONFIRM })).toEqual({ ok: true, status: "confirmed" });
  });
});

describe("when a slot fills", () => {
  const applicationOf = async (id: string) => (await db.select().from(applications).where(eq(applications.id, id)))[0]!;
  const filledEmails = async (email: string) => (await emailsTo(db, email)).filter((e) => e.template === "slot-filled");

  test("each applicant still waiting is told once and not selected; a student introduced but not confirmed is told and cannot confirm", async () => {
    const { match, mentor, student, slot } = await introduced({ seats: 1 });
    const talking = await makeMatchableStudent(db, { name: "Bao Tran" });
    const talkingMatch = await makeMatch(db, { slotId: slot.id, studentId: talking.id, status: "interviewing" });
    const waiting = await Promise.all(
      (["submitted", "shortlisted", "match_proposed"] as const).map(async (status) => {
        const applicant = await makeMatchableStudent(db);
        return { applicant, application: await makeApplication(db, { slotId: slot.id, studentId: applicant.id, status }) };
      }),
    );
    const gone = await makeMatchableStudent(db);
    const withdrawn = await makeApplication(db, { slotId: slot.id, studentId: gone.id, status: "withdrawn" });
    // The student who takes the seat applied too: their application is not "not selected".
    const own = await makeApplication(db, { slotId: slot.id, studentId: student.id, status: "introduced" });

    expect(await moveMatch(db, { viewer: as(student), matchId: match.id, input: CONFIRM })).toEqual({ ok: true, status: "confirmed" });
    expect(await slotStatus(slot.id)).toBe("filled");

    for (const { applicant, application } of waiting) {
      expect(await applicationOf(application.id)).toMatchObject({ status: "not_selected", declineReason: SLOT_FILLED_REASON });
      const [email] = await filledEmails(applicant.email);
      expect(email).toMatchObject({ subject: slotFilledSubject(slot.title) });
      expect(email!.text).toContain("your application will not go further");
    }
    expect(await applicationOf(withdrawn.id)).toMatchObject({ status: "withdrawn", declineReason: null });
    expect(await applicationOf(own.id)).toMatchObject({ status: "introduced" });
    expect(await filledEmails(gone.email)).toHaveLength(0);
    expect(await filledEmails(student.email)).toHaveLength(0);
    // The student who was talking hears that no seat is left, never who took it.
    const [toTalking] = await filledEmails(talking.email);
    expect(toTalking!.text).toContain("there is no seat left for you to confirm");
    expect(toTalking!.text).toContain(`/matches/${talkingMatch.id}`);
    expect(toTalking!.text).not.toContain("Amara");

    // Their page offers no Confirm the server would refuse; it says why.
    expect(await getMatchPage(db, as(talking), talkingMatch.id)).toMatchObject({ moves: ["not_proceeding"], later: [{ move: "confirm", until: "seat" }] });

    // The seat frees up, and fills again: the applicants are not told twice.
    await moveMatch(db, { viewer: as(mentor), matchId: match.id, input: { move: "not_proceeding", reason: "The project lost its funding before the start." } });
    expect(await getMatchPage(db, as(talking), talkingMatch.id)).toMatchObject({ moves: ["confirm", "not_proceeding"], later: [] });
    expect(await moveMatch(db, { viewer: as(talking), matchId: talkingMatch.id, input: CONFIRM })).toEqual({ ok: true, status: "confirmed" });
    for (const { applicant } of waiting) expect(await filledEmails(applicant.email)).toHaveLength(1);
  });

  test("a mentor who marks the slot filled tells the applicants still waiting too", async () => {
    const { organization, mentor } = await makeOrganization(db);
    const slot = await makeSlot(db, organization, { status: "open", mentorIds: [mentor.id] });
    const applicant = await makeMatchableStudent(db);
    const application = await makeApplication(db, { slotId: slot.id, studentId: applicant.id });
    // A seat is still free: the student introduced may still confirm, so they are not told there is none.
    const introducedStudent = await makeMatchableStudent(db);
    const match = await makeMatch(db, { slotId: slot.id, studentId: introducedStudent.id, status: "introduced" });
    expect(await endSlot(db, { userId: mentor.id, slotId: slot.id, outcome: "filled" })).toEqual({ ok: true });
    expect(await applicationOf(application.id)).toMatchObject({ status: "not_selected", declineReason: SLOT_FILLED_REASON });
    expect(await filledEmails(applicant.email)).toHaveLength(1);
    expect(await filledEmails(introducedStudent.email)).toHaveLength(0);
    expect(await getMatchPage(db, as(introducedStudent), match.id)).toMatchObject({ moves: ["interviewing", "confirm", "not_proceeding"], later: [] });
  });
});

describe("the dates of a match", () => {
  // The slot's zone is New York: noon there is 16:00 or 17:00 UTC.
  const noonOn = (day: string) => new Date(`${day}T17:00:00Z`);

  test("started from a week before the slot's start date, completed from the start date; the page says when", async () => {
    const { match, mentor, slot } = await introduced({ status: "confirmed" });
    const weekBefore = addDays(slot.startDate, -7);

    const early = await moveMatch(db, { viewer: as(mentor), matchId: match.id, input: { move: "start" }, now: noonOn(addDays(slot.startDate, -8)) });
    expect(early).toEqual({ ok: false, error: "too_early", opensOn: weekBefore });
    expect(await statusOf(match.id)).toBe("confirmed");
    // The page offers no move the server refuses: it says when.
    expect(await getMatchPage(db, as(mentor), match.id, noonOn(addDays(slot.startDate, -8)))).toMatchObject({
      moves: ["not_proceeding"],
      later: [{ move: "start", until: "date", opensOn: weekBefore }],
    });
    // Just before midnight in New York on the day before the window: still too early, though it is the next day in UTC.
    expect(await moveMatch(db, { viewer: as(mentor), matchId: match.id, input: { move: "start" }, now: new Date(`${weekBefore}T03:59:00Z`) })).toMatchObject({
      error: "too_early",
    });

    expect(await moveMatch(db, { viewer: as(mentor), matchId: match.id, input: { move: "start" }, now: noonOn(weekBefore) })).toEqual({ ok: true, status: "active" });
    expect(await moveMatch(db, { viewer: as(mentor), matchId: match.id, input: { move: "complete" }, now: noonOn(weekBefore) })).toEqual({
      ok: false,
      error: "too_early",
      opensOn: slot.startDate,
    });
    expect(await getMatchPage(db, as(mentor), match.id, noonOn(weekBefore))).toMatchObject({
      moves: ["not_proceeding"],
      later: [{ move: "complete", until: "date", opensOn: slot.startDate }],
    });
    expect(await moveMatch(db, { viewer: as(mentor), matchId: match.id, input: { move: "complete" }, now: noonOn(slot.startDate) })).toEqual({ ok: true, status: "completed" });
  });

  test("an internship under way can end early with a reason, from either side; its seat is freed", async () => {
    const { match, mentor, student, slot } = await introduced({ seats: 1 });
    expect(await moveMatch(db, { viewer: as(student), matchId: match.id, input: CONFIRM })).toEqual({ ok: true, status: "confirmed" });
    expect(await slotStatus(slot.id)).toBe("filled");
    expect(await moveMatch(db, { viewer: as(mentor), matchId: match.id, input: { move: "start" }, now: noonOn(slot.startDate) })).toEqual({ ok: true, status: "active" });

    const reason = "A family emergency: I have to go home for the rest of the term.";
    expect(await moveMatch(db, { viewer: as(student), matchId: match.id, input: { move: "not_proceeding", reason } })).toEqual({ ok: true, status: "not_proceeding" });
    expect((await db.select().from(matches).where(eq(matches.id, match.id)))[0]).toMatchObject({ status: "not_proceeding", closingReason: reason });
    expect(await slotStatus(slot.id)).toBe("open");
    const toMentor = await emailsTo(db, mentor.email);
    expect(toMentor.at(-1)!.text).toContain(reason);
  });
});

describe("reading matches", () => {
  test("the match page: the student, the slot's organization and admins see it; anyone else gets nothing", async () => {
    const { match, student, mentor } = await introduced();
    const admin = await makeUser(db, { role: "admin" });
    const stranger = await makeMatchableStudent(db);
    const otherMentor = (await makeOrganization(db)).mentor;

    const mine = await getMatchPage(db, as(student), match.id);
    expect(mine).toMatchObject({ side: "student", moves: ["interviewing", "confirm", "not_proceeding"] });
    expect(mine!.authorization.statusLabel).toBe(AUTHORIZATION_INFO.us_f1_cpt.label);
    // The status's own step, then the pair's steps it does not already say, to the student.
    expect(mine!.authorization.steps).toEqual([
      "With the offer letter, ask your DSO to authorize CPT for this employer and these dates (they appear on your I-20), and start only after that.",
      "Schools usually allow CPT of at most 20 hours a week during term (a school's policy, not a federal rule); this slot is 30 — fine in a break, or where the school allows more.",
    ]);
    expect(mine!.reasons).toHaveLength(5);

    const theirs = await getMatchPage(db, as(mentor), match.id);
    expect(theirs).toMatchObject({ side: "mentor", moves: ["interviewing", "not_proceeding"] });
    // The student does not share the status: the mentor reads that there are steps, never which.
    expect(theirs!.authorization).toMatchObject({ statusLabel: null, steps: [] });
    expect(theirs!.authorization.summary).toBe("Work authorization: fits this slot; Amara confirms it with the school before a start date.");
    expect(theirs!.authorization.documents).toContain("an offer letter with the dates, hours and duties");
    expect(JSON.stringify(theirs)).not.toMatch(STATUS_WORDS);
    expect(theirs!.reasons.find((r) => r.label === "Dates and hours")!.text).toMatch(/Amara's 40 hours a week/);

    expect(await getMatchPage(db, as(admin), match.id)).toMatchObject({ side: "admin", moves: [] });
    expect(await getMatchPage(db, as(stranger), match.id)).toBeNull();
    expect(await getMatchPage(db, as(otherMentor), match.id)).toBeNull();
    expect(await getMatchPage(db, as(student), "../../etc")).toBeNull();
  });

  test("a round's proposal is for admins only; a mentor's own proposal is visible to their organization", async () => {
    const round = await introduced({ status: "proposed" });
    expect(await getMatchPage(db, as(round.mentor), round.match.id)).toBeNull();
    const fromApplication = await introduced();
    await db.update(matches).set({ status: "proposed", source: "application", introducedAt: null }).where(eq(matches.id, fromApplication.match.id));
    expect(await getMatchPage(db, as(fromApplication.mentor), fromApplication.match.id)).toMatchObject({ side: "mentor", moves: [] });
  });

  test("your matches: a student's own, a mentor's organization's; proposals and rejections stay out", async () => {
    const a = await introduced();
    const b = await introduced({ status: "confirmed" });
    await makeMatch(db, { slotId: b.slot.id, studentId: a.student.id, status: "rejected" });
    const stranger = await makeMatchableStudent(db);

    const studentList = await listMyMatches(db, as(a.student));
    expect(studentList.rows.map((r) => r.id)).toEqual([a.match.id]);
    expect(studentList.total).toBe(1);
    const mentorList = await listMyMatches(db, as(b.mentor));
    expect(mentorList.rows.map((r) => r.id)).toEqual([b.match.id]);
    expect((await listMyMatches(db, as(stranger))).rows).toEqual([]);
  });

  test("your matches: the pairs talking first, then step by step, those not going ahead last", async () => {
    const student = await makeMatchableStudent(db);
    const { organization } = await makeOrganization(db);
    for (const status of ["not_proceeding", "completed", "active", "confirmed", "introduced", "interviewing"] as const) {
      await makeMatch(db, { slotId: (await makeSlot(db, organization)).id, studentId: student.id, status });
    }
    const listed = await listMyMatches(db, as(student));
    expect(listed.rows.map((r) => r.status)).toEqual(["interviewing", "introduced", "confirmed", "active", "completed", "not_proceeding"]);
  });
});

describe("the plan at confirmation", () => {
  test("confirming drafts the pair's plan from the slot's learning plan and the student's goals, once", async () => {
    const { organization, mentor } = await makeOrganization(db);
    const slot = await makeSlot(db, organization, {
      mentorIds: [mentor.id],
      learningPlan: "Week 2: read the codebase\nWeeks 3-8: build the dashboard",
      offers: ["referral"],
    });
    const student = await makeMatchableStudent(db, { goals: ["mentorship", "portfolio_project"] });
    const match = await makeMatch(db, { slotId: slot.id, studentId: student.id, status: "interviewing" });
    expect(await db.select().from(mentorshipGoals).where(eq(mentorshipGoals.matchId, match.id))).toEqual([]);

    expect(await moveMatch(db, { viewer: as(student), matchId: match.id, input: CONFIRM })).toEqual({ ok: true, status: "confirmed" });
    const goals = await db.select().from(mentorshipGoals).where(eq(mentorshipGoals.matchId, match.id)).orderBy(asc(mentorshipGoals.position));
    expect(goals.map((g) => [g.title, g.targetWeek, g.source])).toEqual([
      ["Read the codebase", 2, "learning_plan"],
      ["Build the dashboard", 8, "learning_plan"],
      ["Referral for a next role", slot.durationWeeks, "student_goal"],
      ["A portfolio project to show", slot.durationWeeks, "student_goal"],
    ]);
    // Other moves draft nothing more.
    await moveMatch(db, { viewer: as(mentor), matchId: match.id, input: { move: "start" }, now: new Date(`${slot.startDate}T16:00:00Z`) });
    expect(await db.select().from(mentorshipGoals).where(eq(mentorshipGoals.matchId, match.id))).toHaveLength(4);
  });

  test("a confirmation refused (no seat left) drafts nothing", async () => {
    const first = await introduced({ seats: 1 });
    const student2 = await makeMatchableStudent(db);
    const second = await makeMatch(db, { slotId: first.slot.id, studentId: student2.id, status: "introduced" });
    await moveMatch(db, { viewer: as(first.student), matchId: first.match.id, input: CONFIRM });
    expect(await moveMatch(db, { viewer: as(student2), matchId: second.id, input: CONFIRM })).toEqual({ ok: false, error: "slot_full" });
    expect(await db.select().from(mentorshipGoals).where(eq(mentorshipGoals.matchId, second.id))).toEqual([]);
  });
});

describe("the match's history", () => {
  test("who moved it, when, and why: the reason for not going ahead is under its entry, for both sides", async () => {
    const { match, mentor, student } = await introduced();
    await moveMatch(db, { viewer: as(mentor), matchId: match.id, input: { move: "interviewing" } });
    const reason = "We could not agree on the hours during my exam weeks.";
    await moveMatch(db, { viewer: as(student), matchId: match.id, input: { move: "not_proceeding", reason } });

    const forStudent = (await getMatchPage(db, as(student), match.id))!.history;
    expect(forStudent.map(({ what, who, why }) => ({ what, who, why }))).toEqual([
      { what: "Marked as talking", who: mentor.name, why: null },
      { what: "Said it is not going ahead", who: "You", why: reason },
    ]);
    expect(forStudent[1]!.at).toBeInstanceOf(Date);
    const forMentor = (await getMatchPage(db, as(mentor), match.id))!.history;
    expect(forMentor[1]).toMatchObject({ who: "Amara Okafor", why: reason });
  });

  test("an admin's rejection of a mentor's proposal shows, unnamed, with the reason, to the mentors", async () => {
    const { organization, mentor } = await makeOrganization(db);
    const slot = await makeSlot(db, organization, { mentorIds: [mentor.id] });
    const student = await makeMatchableStudent(db);
    const application = await makeApplication(db, { slotId: slot.id, studentId: student.id, status: "match_proposed" });
    const proposal = await makeMatch(db, { slotId: slot.id, studentId: student.id, source: "application", applicationId: application.id, proposedBy: mentor.id });
    const admin = await makeUser(db, { role: "admin", name: "Dana Admin" });
    const reason = "The slot's dates do not fit the student's availability.";
    expect(await rejectMatch(db, { adminId: admin.id, matchId: proposal.id, reason })).toEqual({ ok: true });

    expect((await getMatchPage(db, as(mentor), proposal.id))!.history).toEqual([
      expect.objectContaining({ what: "An admin did not approve the proposal", who: "A Steppingstone admin", why: reason }),
    ]);
    expect((await getMatchPage(db, as(admin), proposal.id))!.history).toEqual([expect.objectContaining({ who: "You", why: reason })]);
  });
});
