import { aliasedTable, and, asc, count, eq, inArray, max } from "drizzle-orm";
import { createElement } from "react";
import { transaction, type Db } from "~db/client.server";
import { goalEvidence, mentorshipGoals, studentProfiles, users, type Benefit, type MentorshipGoal } from "~db/schema";
import GoalDone, { goalDoneSubject } from "~emails/goal-done";
import { FORMER_MENTOR, firstName } from "~/domain/names";
import { absoluteUrl } from "~/env.server";
import { queueEmail } from "~/mail/outbox.server";
import { isIn, PLAN_EDITABLE_MATCH_STATUSES, UNCONFIRMED_MATCH_STATUSES } from "~/domain/vocabulary";
import { findMentorship, type Mentorship, type Viewer } from "./access.server";
import { draftGoals } from "./plan-draft";
import type { PlanAction } from "./plan-schemas";
import { mayConfirmGoal, mayEditPlan } from "./rules";
import { weekDays } from "./weeks";

// The pair's plan: goals with a target week and a state, drafted at confirmation from the slot's
// learning plan and the benefits, edited by either side, "done" confirmed by a mentor, with links
// as evidence (docs/decisions/016-the-mentorship-space.md).

/** More goals than a plan of a long internship needs; a cap so a loop of requests cannot grow a plan without end. */
export const MAX_GOALS = 60;
/** Links per goal. */
export const MAX_EVIDENCE_PER_GOAL = 20;


/**
 * Drafts the plan of a match that has no goals yet — one goal per line of the slot's learning
 * plan and one per benefit promised or wanted — and returns how many it wrote (0 when the plan
 * already has goals, so it drafts once). The caller holds the match's row lock.
 */
export async function draftPlan(
  tx: Db,
  {
    matchId,
    slot,
    studentGoals,
    now,
  }: { matchId: string; slot: { learningPlan: string | null; offers: readonly Benefit[]; durationWeeks: number }; studentGoals: readonly Benefit[]; now: Date },
): Promise<number> {
  const [existing] = await tx.select({ value: count() }).from(mentorshipGoals).where(eq(mentorshipGoals.matchId, matchId));
  if ((existing?.value ?? 0) > 0) return 0;
  const goals = draftGoals({ learningPlan: slot.learningPlan, offers: slot.offers, studentGoals, durationWeeks: slot.durationWeeks });
  if (!goals.length) return 0;
  await tx.insert(mentorshipGoals).values(
    goals.map((goal, position) => ({ matchId, ...goal, position, createdBy: null, createdAt: now, updatedAt: now })),
  );
  return goals.length;
}

/** The student's goals from their profile (none without a profile). */
export async function studentGoalsOf(db: Db, studentId: string): Promise<Benefit[]> {
  const [profile] = await db.select({ goals: studentProfiles.goals }).from(studentProfiles).where(eq(studentProfiles.userId, studentId));
  return profile?.goals ?? [];
}

const confirmer = aliasedTable(users, "confirmer");
const creator = aliasedTable(users, "creator");

/** Why the plan cannot be changed by this reader, in a sentence, or null when it can. */
function readOnlyBecause(m: Mentorship): string | null {
  if (m.side === "admin") return "Admins read the plan; the student and the mentors keep it.";
  if (isIn(PLAN_EDITABLE_MATCH_STATUSES, m.match.status)) return null;
  if (m.match.status === "completed") return "The internship is completed, so the plan stays as it was at the end.";
  if (m.match.status === "not_proceeding") return "This match is not going ahead, so the plan stays as it was.";
  return "The plan starts when the match is confirmed.";
}

/**
 * The plan as `m`'s reader sees it: goals by target week, each with its evidence and who
 * confirmed it done, the progress, and what the reader may change. Every row read is the match's.
 */
export async function getPlan(db: Db, m: Mentorship) {
  const matchId = m.match.id;
  const rows = await db
    .select({ goal: mentorshipGoals, confirmerName: confirmer.name, creatorName: creator.name })
    .from(mentorshipGoals)
    .leftJoin(confirmer, eq(confirmer.id, mentorshipGoals.doneConfirmedBy))
    .leftJoin(creator, eq(creator.id, mentorshipGoals.createdBy))
    .where(eq(mentorshipGoals.matchId, matchId))
    .orderBy(asc(mentorshipGoals.targetWeek), asc(mentorshipGoals.position), asc(mentorshipGoals.createdAt), asc(mentorshipGoals.id));
  const evidence = rows.length
    ? await db
        .select({ evidence: goalEvidence, addedByName: users.name })
        .from(goalEvidence)
        .leftJoin(users, eq(users.id, goalEvidence.addedBy))
        .where(
          inArray(
            goalEvidence.goalId,
            rows.map((r) => r.goal.id),
          ),
        )
        .orderBy(asc(goalEvidence.createdAt), asc(goalEvidence.id))
    : [];
  const mayEdit = mayEditPlan({ side: m.side, status: m.match.status });
  const mayConfirm = mayConfirmGoal({ side: m.side, status: m.match.status });
  const you = (id: string | null, name: string | null) => (id === m.viewerId ? "you" : (name ?? FORMER_MENTOR));
  const goals = rows.map(({ goal, confirmerName, creatorName }) => ({
    id: goal.id,
    title: goal.title,
    targetWeek: goal.targetWeek,
    state: goal.state,
    source: goal.source,
    benefit: goal.benefit,
    /** Who added it by hand; null for a goal drafted from the slot. */
    addedBy: goal.source === "added" ? you(goal.createdBy, creatorName) : null,
    confirmed: goal.state === "done" && goal.doneConfirmedAt ? { by: you(goal.doneConfirmedBy, confirmerName), at: goal.doneConfirmedAt } : null,
    /** The reader may change its state: a student may not move a goal a mentor confirmed done (a mentor reopens it). */
    mayChangeState: mayEdit && !(m.side === "student" && goal.state === "done" && goal.doneConfirmedAt),
    /** Its week is over and it is neither done nor dropped. */
    overdue: goal.state !== "done" && goal.state !== "dropped" && m.today > weekDays(m.dates, goal.targetWeek).due,
    evidence: evidence
      .filter((e) => e.evidence.goalId === goal.id)
      .map(({ evidence: e, addedByName }) => ({
        id: e.id,
        url: e.url,
        label: e.label,
        addedBy: you(e.addedBy, addedByName),
        mayRemove: mayEdit && (e.addedBy === m.viewerId || m.side === "mentor"),
      })),
  }));
  const counted = goals.filter((g) => g.state !== "dropped");
  return {
    goals,
    progress: {
      total: counted.length,
      done: counted.filter((g) => g.confirmed).length,
      waiting: counted.filter((g) => g.state === "done" && !g.confirmed).length,
      dropped: goals.length - counted.length,
    },
    mayEdit,
    mayConfirm,
    readOnlyBecause: readOnlyBecause(m),
    /** Introduced or talking: the plan starts at confirmation. */
    beforeConfirmation: isIn(UNCONFIRMED_MATCH_STATUSES, m.match.status),
    /** The reader may draft the plan from the slot: it has no goals yet (a match confirmed before plans existed). */
    mayDraft: mayEdit && goals.length === 0,
    hasLearningPlan: Boolean(m.slot.learningPlan?.trim()),
    dates: m.dates,
    today: m.today,
    /** The mentors who confirm "done", for the student's "waiting for …". */
    mentorNames: m.mentors.map((p) => p.name),
  };
}
export type PlanView = Awaited<ReturnType<typeof getPlan>>;
export type PlanGoal = PlanView["goals"][number];

export type PlanError =
  | "not_found"
  | "admins_read"
  | "not_allowed"
  | "read_only"
  | "already_drafted"
  | "nothing_to_draft"
  | "week_out_of_range"
  | "not_done"
  | "confirmed_done"
  | "too_many_goals"
  | "too_many_links";
export type PlanNotice = "drafted" | "added" | "edited" | "state" | "done_waiting" | "confirmed" | "evidence_added" | "evidence_removed";
export type PlanResult = { ok: true; notice: PlanNotice } | { ok: false; error: PlanError };

/**
 * One change to a match's plan by `viewer`, under the match's row lock: either side edits while
 * the match is confirmed or active (rules.ts), only a mentor confirms "done", and every goal or
 * link named must be this match's (else not_found, as for a match that is not theirs). A student's
 * "done" waits for a mentor (who is emailed); a mentor's counts as confirmed; leaving "done" clears the
 * confirmation, and only a mentor may move a goal a mentor confirmed away from "done".
 */
export async function actOnPlan(db: Db, { viewer, matchId, action, now = new Date() }: { viewer: Viewer; matchId: string; action: PlanAction; now?: Date }): Promise<PlanResult> {
  return transaction(db, async (tx): Promise<PlanResult> => {
    const m = await findMentorship(tx, viewer, matchId, { now, lock: true });
    if (!m) return { ok: false, error: "not_found" };
    const who = { side: m.side, status: m.match.status };
    if (m.side === "admin") return { ok: false, error: "admins_read" };
    const allowed = action.intent === "confirm_done" ? mayConfirmGoal(who) : mayEditPlan(who);
    if (!allowed) return { ok: false, error: m.side === "student" && action.intent === "confirm_done" ? "not_allowed" : "read_only" };
    const inRange = (week: number) => week >= 1 && week <= m.dates.durationWeeks;

    const goalOf = async (goalId: string): Promise<MentorshipGoal | null> => {
      const [goal] = await tx
        .select()
        .from(mentorshipGoals)
        .where(and(eq(mentorshipGoals.id, goalId), eq(mentorshipGoals.matchId, m.match.id)));
      return goal ?? null;
    };

    switch (action.intent) {
      case "draft": {
        const drafted = await draftPlan(tx, { matchId: m.match.id, slot: m.slot, studentGoals: await studentGoalsOf(tx, m.student.id), now });
        if (drafted > 0) return { ok: true, notice: "drafted" };
        const [existing] = await tx.select({ value: count() }).from(mentorshipGoals).where(eq(mentorshipGoals.matchId, m.match.id));
        return { ok: false, error: (existing?.value ?? 0) > 0 ? "already_drafted" : "nothing_to_draft" };
      }
      case "add_goal": {
        if (!inRange(action.targetWeek)) return { ok: false, error: "week_out_of_range" };
        const [stats] = await tx
          .select({ goals: count(), last: max(mentorshipGoals.position) })
          .from(mentorshipGoals)
          .where(eq(mentorshipGoals.matchId, m.match.id));
        if ((stats?.goals ?? 0) >= MAX_GOALS) return { ok: false, error: "too_many_goals" };
        await tx.insert(mentorshipGoals).values({
          matchId: m.match.id,
          title: action.title,
          targetWeek: action.targetWeek,
          source: "added",
          createdBy: viewer.id,
          position: (stats?.last ?? -1) + 1,
          createdAt: now,
          updatedAt: now,
        });
        return { ok: true, notice: "added" };
      }
      case "edit_goal": {
        if (!(await goalOf(action.goalId))) return { ok: false, error: "not_found" };
        if (!inRange(action.targetWeek)) return { ok: false, error: "week_out_of_range" };
        await tx.update(mentorshipGoals).set({ title: action.title, targetWeek: action.targetWeek, updatedAt: now }).where(eq(mentorshipGoals.id, action.goalId));
        return { ok: true, notice: "edited" };
      }
      case "set_state": {
        const goal = await goalOf(action.goalId);
        if (!goal) return { ok: false, error: "not_found" };
        if (goal.state === action.state) return { ok: true, notice: action.state === "done" && !goal.doneConfirmedAt ? "done_waiting" : "state" };
        // A mentor's confirmation is undone by a mentor only: the student asks them to reopen it.
        if (m.side === "student" && goal.state === "done" && goal.doneConfirmedAt) return { ok: false, error: "confirmed_done" };
        const confirmation =
          action.state === "done" && m.side === "mentor" ? { doneConfirmedBy: viewer.id, doneConfirmedAt: now } : { doneConfirmedBy: null, doneConfirmedAt: null };
        await tx
          .update(mentorshipGoals)
          .set({ state: action.state, ...confirmation, updatedAt: now })
          .where(eq(mentorshipGoals.id, goal.id));
        if (action.state === "done" && m.side === "student") {
          // The slot's mentors hear of it: the goal counts once one of them confirms it.
          for (const mentor of m.mentors) {
            await queueEmail(tx, {
              template: "goal-done",
              to: [mentor.email],
              subject: goalDoneSubject(m.student.name, goal.title),
              body: createElement(GoalDone, {
                name: firstName(mentor.name),
                studentName: m.student.name,
                goalTitle: goal.title,
                slotTitle: m.slot.title,
                planUrl: absoluteUrl(`/matches/${m.match.id}/plan#goal-${goal.id}`),
              }),
              userId: mentor.id,
            });
          }
        }
        return { ok: true, notice: action.state === "done" ? (m.side === "mentor" ? "confirmed" : "done_waiting") : "state" };
      }
      case "confirm_done": {
        const goal = await goalOf(action.goalId);
        if (!goal) return { ok: false, error: "not_found" };
        if (goal.state !== "done") return { ok: false, error: "not_done" };
        // Confirmed once: a second press keeps the first mentor's confirmation.
        if (!goal.doneConfirmedAt) {
          await tx.update(mentorshipGoals).set({ doneConfirmedBy: viewer.id, doneConfirmedAt: now, updatedAt: now }).where(eq(mentorshipGoals.id, goal.id));
        }
        return { ok: true, notice: "confirmed" };
      }
      case "add_evidence": {
        const goal = await goalOf(action.goalId);
        if (!goal) return { ok: false, error: "not_found" };
        const [links] = await tx.select({ value: count() }).from(goalEvidence).where(eq(goalEvidence.goalId, goal.id));
        if ((links?.value ?? 0) >= MAX_EVIDENCE_PER_GOAL) return { ok: false, error: "too_many_links" };
        await tx.insert(goalEvidence).values({ goalId: goal.id, url: action.url, label: action.label || null, addedBy: viewer.id, createdAt: now });
        return { ok: true, notice: "evidence_added" };
      }
      case "remove_evidence": {
        const [row] = await tx
          .select({ id: goalEvidence.id, addedBy: goalEvidence.addedBy })
          .from(goalEvidence)
          .innerJoin(mentorshipGoals, eq(mentorshipGoals.id, goalEvidence.goalId))
          .where(and(eq(goalEvidence.id, action.evidenceId), eq(mentorshipGoals.matchId, m.match.id)));
        if (!row) return { ok: false, error: "not_found" };
        // The person who added a link takes it back; a mentor may remove any.
        if (row.addedBy !== viewer.id && m.side !== "mentor") return { ok: false, error: "not_allowed" };
        await tx.delete(goalEvidence).where(eq(goalEvidence.id, row.id));
        return { ok: true, notice: "evidence_removed" };
      }
    }
  });
}
