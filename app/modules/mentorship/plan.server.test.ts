import { and, asc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { goalEvidence, mentorshipGoals, studentProfiles, users } from "~db/schema";
import { emailsTo, makeUser } from "~db/test/factories";
import { makeMentorship as makeMentorshipAsIs } from "~db/test/mentorship-factories";
import { addDays } from "~db/test/slot-factories";
import { moduleTestDb } from "~db/test/module-db";
import { findMentorship, type Viewer } from "./access.server";
import { FORMER_MENTOR } from "~/domain/names";
import { actOnPlan, draftPlan, getPlan, MAX_EVIDENCE_PER_GOAL } from "./plan.server";
import { goalBadge } from "./plan-labels";
import { planActionSchema, type PlanAction } from "./plan-schemas";

const db = moduleTestDb({ queue: true });

/** makeMentorship with an application deadline before the slot's start (its own default is after a start in the past). */
function makeMentorship(_: typeof db, options: Parameters<typeof makeMentorshipAsIs>[1] = {}) {
  const deadline = addDays(new Date().toISOString().slice(0, 10), -(options.startedDaysAgo ?? 21) - 10);
  return makeMentorshipAsIs(db, { ...options, slot: { applicationDeadline: deadline, ...options.slot } });
}

const as = (user: { id: string; role: Viewer["role"] }): Viewer => ({ id: user.id, role: user.role });
const goalsOf = (matchId: string) =>
  db.select().from(mentorshipGoals).where(eq(mentorshipGoals.matchId, matchId)).orderBy(asc(mentorshipGoals.targetWeek), asc(mentorshipGoals.position));
const goal = async (id: string) => (await db.select().from(mentorshipGoals).where(eq(mentorshipGoals.id, id)))[0]!;
const act = (user: { id: string; role: Viewer["role"] }, matchId: string, action: PlanAction) => actOnPlan(db, { viewer: as(user), matchId, action });
const planFor = async (user: { id: string; role: Viewer["role"] }, matchId: string) => getPlan(db, (await findMentorship(db, as(user), matchId))!);

/** A confirmed match whose plan was drafted, as at confirmation. */
async function drafted(options: Parameters<typeof makeMentorship>[1] = {}) {
  const pair = await makeMentorship(db, { status: "confirmed", startedDaysAgo: -7, ...options });
  await draftPlan(db, { matchId: pair.match.id, slot: { ...pair.slot, durationWeeks: pair.slot.durationWeeks! }, studentGoals: ["mentorship", "portfolio_project"], now: new Date() });
  const goals = await goalsOf(pair.match.id);
  return { ...pair, goals };
}

describe("drafting", () => {
  test("one goal per line of the learning plan and per benefit promised or wanted, once", async () => {
    const { match, slot, goals } = await drafted();
    expect(goals.map((g) => [g.title, g.targetWeek, g.source, g.benefit])).toEqual([
      ["Set up the project and ship a first fix", 2, "learning_plan", null],
      ["Build the import pipeline with tests", 6, "learning_plan", null],
      ["Own a feature end to end and present it", 12, "learning_plan", null],
      ["Recommendation letter from your mentor", 12, "student_goal", "recommendation_letter"],
      ["Referral for a next role", 12, "student_goal", "referral"],
      ["A portfolio project to show", 12, "student_goal", "portfolio_project"],
    ]);
    // A second draft writes nothing: the plan is the pair's from now on.
    expect(await draftPlan(db, { matchId: match.id, slot: { ...slot, durationWeeks: slot.durationWeeks! }, studentGoals: ["referral"], now: new Date() })).toBe(0);
    expect(await goalsOf(match.id)).toHaveLength(6);
  });

  test("a match confirmed before plans existed is drafted from the page's button, by either side, once", async () => {
    const { match, student, mentor } = await makeMentorship(db, { status: "active" });
    await db.update(studentProfiles).set({ goals: ["return_offer"] }).where(eq(studentProfiles.userId, student.id));
    expect((await planFor(student, match.id)).mayDraft).toBe(true);
    expect(await act(student, match.id, { intent: "draft" })).toEqual({ ok: true, notice: "drafted" });
    expect((await goalsOf(match.id)).map((g) => g.title)).toContain("Return-offer conversation");
    expect(await act(mentor, match.id, { intent: "draft" })).toEqual({ ok: false, error: "already_drafted" });
    expect((await planFor(mentor, match.id)).mayDraft).toBe(false);
  });

  test("a slot without a learning plan starts with its benefits, and the page invites adding goals", async () => {
    const { match, student } = await makeMentorship(db, { status: "active", slot: { compensation: "paid", hourlyRate: "25", currency: "USD", learningPlan: null } });
    await act(student, match.id, { intent: "draft" });
    const plan = await planFor(student, match.id);
    expect(plan.goals.map((g) => g.title)).toEqual(["Recommendation letter from your mentor", "Referral for a next role"]);
    expect(plan.hasLearningPlan).toBe(false);
  });
});

describe("who may change the plan", () => {
  test("admins read it; other people of other matches get not_found; before confirmation and after the end it is read-only", async () => {
    const { match, goals, student, mentor } = await drafted();
    const admin = await makeUser(db, { role: "admin" });
    const outsider = (await makeMentorship(db)).mentor;
    const otherStudent = (await makeMentorship(db)).student;
    const add: PlanAction = { intent: "add_goal", title: "Write the docs", targetWeek: 3 };
    expect(await act(admin, match.id, add)).toEqual({ ok: false, error: "admins_read" });
    expect(await act(admin, match.id, { intent: "confirm_done", goalId: goals[0]!.id })).toEqual({ ok: false, error: "admins_read" });
    expect(await act(outsider, match.id, add)).toEqual({ ok: false, error: "not_found" });
    expect(await act(otherStudent, match.id, add)).toEqual({ ok: false, error: "not_found" });
    expect(await goalsOf(match.id)).toHaveLength(goals.length);
    const adminView = await planFor(admin, match.id);
    expect(adminView.goals).toHaveLength(goals.length);
    expect(adminView.mayEdit).toBe(false);
    expect(adminView.readOnlyBecause).toBe("Admins read the plan; the student and the mentors keep it.");

    const talking = await makeMentorship(db, { status: "interviewing" });
    expect(await act(talking.student, talking.match.id, add)).toEqual({ ok: false, error: "read_only" });
    expect((await planFor(talking.student, talking.match.id)).readOnlyBecause).toBe("The plan starts when the match is confirmed.");
    const done = await makeMentorship(db, { status: "completed" });
    expect(await act(done.mentor, done.match.id, add)).toEqual({ ok: false, error: "read_only" });

    // Both sides of the match itself may.
    expect(await act(student, match.id, add)).toEqual({ ok: true, notice: "added" });
    expect(await act(mentor, match.id, { ...add, title: "Review the docs" })).toEqual({ ok: true, notice: "added" });
    const added = (await goalsOf(match.id)).filter((g) => g.source === "added");
    expect(added.map((g) => [g.title, g.targetWeek, g.createdBy])).toEqual([
      ["Write the docs", 3, student.id],
      ["Review the docs", 3, mentor.id],
    ]);
  });

  test("a goal or a link of another match is not found, and nothing changes", async () => {
    const mine = await drafted();
    const theirs = await drafted();
    const target = theirs.goals[0]!;
    expect(await act(mine.student, mine.match.id, { intent: "set_state", goalId: target.id, state: "done" })).toEqual({ ok: false, error: "not_found" });
    expect(await act(mine.mentor, mine.match.id, { intent: "edit_goal", goalId: target.id, title: "Mine now", targetWeek: 1 })).toEqual({ ok: false, error: "not_found" });
    expect(await act(mine.mentor, mine.match.id, { intent: "add_evidence", goalId: target.id, url: "https://example.org/x" })).toEqual({ ok: false, error: "not_found" });
    await act(theirs.student, theirs.match.id, { intent: "add_evidence", goalId: target.id, url: "https://example.org/theirs" });
    const [link] = await db.select().from(goalEvidence).where(eq(goalEvidence.goalId, target.id));
    expect(await act(mine.mentor, mine.match.id, { intent: "remove_evidence", evidenceId: link!.id })).toEqual({ ok: false, error: "not_found" });
    expect(await goal(target.id)).toMatchObject({ title: target.title, state: "not_started" });
    expect(await db.select().from(goalEvidence).where(eq(goalEvidence.goalId, target.id))).toHaveLength(1);
  });

  test("a week outside the internship is refused by the form and by the module", async () => {
    const { match, student, goals } = await drafted({ durationWeeks: 12 });
    expect(planActionSchema(12).safeParse({ intent: "add_goal", title: "Late goal", targetWeek: 13 }).success).toBe(false);
    expect(await act(student, match.id, { intent: "add_goal", title: "Late goal", targetWeek: 13 })).toEqual({ ok: false, error: "week_out_of_range" });
    expect(await act(student, match.id, { intent: "edit_goal", goalId: goals[0]!.id, title: "Early", targetWeek: 0 })).toEqual({ ok: false, error: "week_out_of_range" });
    expect(await act(student, match.id, { intent: "edit_goal", goalId: goals[0]!.id, title: "Set up and ship two fixes", targetWeek: 3 })).toEqual({ ok: true, notice: "edited" });
    expect(await goal(goals[0]!.id)).toMatchObject({ title: "Set up and ship two fixes", targetWeek: 3 });
  });
});

describe("done, and who confirms it", () => {
  test("a student's done waits for a mentor; the mentor's confirmation is recorded; leaving done clears it", async () => {
    const { match, student, mentor, goals } = await drafted();
    const id = goals[0]!.id;
    expect(await act(student, match.id, { intent: "set_state", goalId: id, state: "done" })).toEqual({ ok: true, notice: "done_waiting" });
    expect(await goal(id)).toMatchObject({ state: "done", doneConfirmedBy: null, doneConfirmedAt: null });
    let plan = await planFor(student, match.id);
    expect(plan.progress).toEqual({ total: 6, done: 0, waiting: 1, dropped: 0 });

    // Only a mentor confirms.
    expect(await act(student, match.id, { intent: "confirm_done", goalId: id })).toEqual({ ok: false, error: "not_allowed" });
    expect(await act(mentor, match.id, { intent: "confirm_done", goalId: id })).toEqual({ ok: true, notice: "confirmed" });
    expect(await goal(id)).toMatchObject({ state: "done", doneConfirmedBy: mentor.id });
    plan = await planFor(student, match.id);
    expect(plan.goals.find((g) => g.id === id)!.confirmed?.by).toBe(mentor.name);
    expect(plan.progress).toEqual({ total: 6, done: 1, waiting: 0, dropped: 0 });

    // Back to in progress (by a mentor: the student may not undo a confirmation): the confirmation goes with the "done".
    await act(mentor, match.id, { intent: "set_state", goalId: id, state: "in_progress" });
    expect(await goal(id)).toMatchObject({ state: "in_progress", doneConfirmedBy: null, doneConfirmedAt: null });
    expect(await act(mentor, match.id, { intent: "confirm_done", goalId: id })).toEqual({ ok: false, error: "not_done" });

    // A mentor's own "done" is confirmed at once; a dropped goal leaves the count.
    expect(await act(mentor, match.id, { intent: "set_state", goalId: goals[1]!.id, state: "done" })).toEqual({ ok: true, notice: "confirmed" });
    expect(await goal(goals[1]!.id)).toMatchObject({ doneConfirmedBy: mentor.id });
    await act(student, match.id, { intent: "set_state", goalId: goals[2]!.id, state: "dropped" });
    expect((await planFor(mentor, match.id)).progress).toEqual({ total: 5, done: 1, waiting: 0, dropped: 1 });
  });

  test("a goal a mentor confirmed done is moved away from done by a mentor only; the student's page says to ask", async () => {
    const { match, student, mentor, goals } = await drafted();
    const id = goals[0]!.id;
    await act(student, match.id, { intent: "set_state", goalId: id, state: "done" });
    // Waiting for a mentor: the student may still take the "done" back.
    expect((await planFor(student, match.id)).goals.find((g) => g.id === id)!.mayChangeState).toBe(true);
    await act(mentor, match.id, { intent: "confirm_done", goalId: id });

    for (const state of ["not_started", "in_progress", "dropped"] as const) {
      expect(await act(student, match.id, { intent: "set_state", goalId: id, state })).toEqual({ ok: false, error: "confirmed_done" });
    }
    expect(await goal(id)).toMatchObject({ state: "done", doneConfirmedBy: mentor.id });
    // Saying "done" again changes nothing and is no error.
    expect(await act(student, match.id, { intent: "set_state", goalId: id, state: "done" })).toEqual({ ok: true, notice: "state" });
    expect((await planFor(student, match.id)).goals.find((g) => g.id === id)).toMatchObject({ mayChangeState: false, confirmed: { by: mentor.name } });
    expect((await planFor(mentor, match.id)).goals.find((g) => g.id === id)!.mayChangeState).toBe(true);

    // The mentor reopens it; then the student moves it again.
    expect(await act(mentor, match.id, { intent: "set_state", goalId: id, state: "in_progress" })).toEqual({ ok: true, notice: "state" });
    expect(await goal(id)).toMatchObject({ state: "in_progress", doneConfirmedBy: null });
    expect(await act(student, match.id, { intent: "set_state", goalId: id, state: "not_started" })).toEqual({ ok: true, notice: "state" });

    // A goal the mentor set done themselves is confirmed, and held the same way.
    await act(mentor, match.id, { intent: "set_state", goalId: goals[1]!.id, state: "done" });
    expect(await act(student, match.id, { intent: "set_state", goalId: goals[1]!.id, state: "in_progress" })).toEqual({ ok: false, error: "confirmed_done" });
  });

  test("the student's done emails each of the slot's mentors; a mentor's own done emails no one", async () => {
    const { match, student, mentor, secondMentor, goals } = await drafted({ secondMentor: true });
    expect(await act(student, match.id, { intent: "set_state", goalId: goals[0]!.id, state: "done" })).toEqual({ ok: true, notice: "done_waiting" });
    for (const person of [mentor, secondMentor!]) {
      const sent = await emailsTo(db, person.email);
      expect(sent.map((e) => e.subject)).toEqual([`${student.name} marked “${goals[0]!.title}” done — confirm it on the plan`]);
      expect(sent[0]!.text).toContain(`/matches/${match.id}/plan`);
    }
    // Saying done again is no new event.
    await act(student, match.id, { intent: "set_state", goalId: goals[0]!.id, state: "done" });
    expect(await emailsTo(db, mentor.email)).toHaveLength(1);
    await act(mentor, match.id, { intent: "set_state", goalId: goals[1]!.id, state: "done" });
    await act(student, match.id, { intent: "set_state", goalId: goals[2]!.id, state: "in_progress" });
    expect(await emailsTo(db, mentor.email)).toHaveLength(1);
    expect(await emailsTo(db, secondMentor!.email)).toHaveLength(1);
    expect(await emailsTo(db, student.email)).toEqual([]);
  });

  test("the badge tells a done waiting for confirmation from a confirmed one", () => {
    expect(goalBadge("done", false).label).toBe("Done — waiting for confirmation");
    expect(goalBadge("done", true).label).toBe("Done");
    expect(goalBadge("done", false).tone).not.toBe(goalBadge("done", true).tone);
    expect(goalBadge("in_progress", false).label).toBe("In progress");
  });

  test("a deleted mentor's confirmation and links show as a former mentor's", async () => {
    const { match, student, mentor, goals } = await drafted({ secondMentor: true });
    await act(mentor, match.id, { intent: "set_state", goalId: goals[0]!.id, state: "done" });
    await act(mentor, match.id, { intent: "add_evidence", goalId: goals[0]!.id, url: "https://github.com/example/first-fix", label: "The pull request" });
    await act(mentor, match.id, { intent: "add_goal", title: "Pair on the release", targetWeek: 4 });
    await db.delete(users).where(eq(users.id, mentor.id));
    const plan = await planFor(student, match.id);
    const first = plan.goals.find((g) => g.id === goals[0]!.id)!;
    expect(first.confirmed?.by).toBe(FORMER_MENTOR);
    expect(first.evidence).toEqual([expect.objectContaining({ label: "The pull request", addedBy: FORMER_MENTOR, mayRemove: false })]);
    expect(plan.goals.find((g) => g.title === "Pair on the release")!.addedBy).toBe(FORMER_MENTOR);
    // Drafted goals have no author to name.
    expect(plan.goals.find((g) => g.source === "learning_plan")!.addedBy).toBeNull();
  });
});

describe("evidence links", () => {
  test("only http(s) links with a host; each removed by who added it or by a mentor", async () => {
    const { match, student, mentor, goals } = await drafted();
    const schema = planActionSchema(12);
    const link = (url: string) => schema.safeParse({ intent: "add_evidence", goalId: goals[0]!.id, url });
    expect(link("javascript:alert(1)").success).toBe(false);
    expect(link("ftp://files.example.org/x").success).toBe(false);
    expect(link("https://localhost").success).toBe(false);
    expect(link("not a link").success).toBe(false);
    expect(link("HTTPS://GitHub.com/me/repo")).toMatchObject({ success: true, data: { url: "https://github.com/me/repo" } });
    // A link pasted without its scheme is taken as https; what is not a web address still is not.
    expect(link("github.com/wei/keyboard-nav")).toMatchObject({ success: true, data: { url: "https://github.com/wei/keyboard-nav" } });
    expect(link("www.example.org/demo?x=1")).toMatchObject({ success: true, data: { url: "https://www.example.org/demo?x=1" } });
    expect(link("example.org:8080/x")).toMatchObject({ success: true, data: { url: "https://example.org:8080/x" } });
    for (const bad of ["JavaScript:alert(1)", "mailto:me@example.org", "data:text/html,hi", "localhost:3000", "a b.com", "me:secret@example.org"]) {
      expect(link(bad).success, bad).toBe(false);
    }

    const goalId = goals[0]!.id;
    await act(student, match.id, { intent: "add_evidence", goalId, url: "https://github.com/me/repo", label: "Repository" });
    await act(mentor, match.id, { intent: "add_evidence", goalId, url: "https://demo.example.org" });
    const [studentLink, mentorLink] = await db.select().from(goalEvidence).where(eq(goalEvidence.goalId, goalId)).orderBy(asc(goalEvidence.createdAt));
    expect(await act(student, match.id, { intent: "remove_evidence", evidenceId: mentorLink!.id })).toEqual({ ok: false, error: "not_allowed" });
    const view = (await planFor(student, match.id)).goals.find((g) => g.id === goalId)!;
    expect(view.evidence.map((e) => [e.label, e.addedBy, e.mayRemove])).toEqual([
      ["Repository", "you", true],
      [null, mentor.name, false],
    ]);
    expect(await act(mentor, match.id, { intent: "remove_evidence", evidenceId: studentLink!.id })).toEqual({ ok: true, notice: "evidence_removed" });
    expect(await act(mentor, match.id, { intent: "remove_evidence", evidenceId: mentorLink!.id })).toEqual({ ok: true, notice: "evidence_removed" });
    expect(await db.select().from(goalEvidence).where(eq(goalEvidence.goalId, goalId))).toEqual([]);
  });

  test("a goal takes a bounded number of links", async () => {
    const { match, student, goals } = await drafted();
    const goalId = goals[0]!.id;
    for (let i = 0; i < MAX_EVIDENCE_PER_GOAL; i++) await act(student, match.id, { intent: "add_evidence", goalId, url: `https://example.org/${i}` });
    expect(await act(student, match.id, { intent: "add_evidence", goalId, url: "https://example.org/one-more" })).toEqual({ ok: false, error: "too_many_links" });
    expect(await db.select().from(goalEvidence).where(and(eq(goalEvidence.goalId, goalId)))).toHaveLength(MAX_EVIDENCE_PER_GOAL);
  });
});

describe("the page's order and dates", () => {
  test("goals by target week; a goal past its week and not done is overdue", async () => {
    const { match, student, goals } = await drafted({ status: "active", startedDaysAgo: 21 });
    const plan = await planFor(student, match.id);
    expect(plan.goals.map((g) => g.targetWeek)).toEqual([...plan.goals.map((g) => g.targetWeek)].sort((a, b) => a - b));
    // Week 2 ended a week ago (the internship is in its fourth week).
    expect(plan.goals.find((g) => g.id === goals[0]!.id)!.overdue).toBe(true);
    expect(plan.goals.find((g) => g.id === goals[1]!.id)!.overdue).toBe(false);
  });
});
