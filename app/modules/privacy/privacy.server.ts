import { and, asc, count, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { transaction, type Db } from "~db/client.server";
import {
  accountSuspensions,
  accountTokens,
  auditLog,
  checkIns,
  deletedAccounts,
  emailPreferences,
  emails,
  feedbackAnswers,
  goalEvidence,
  matches,
  matchMessages,
  matchOutcomes,
  mentorshipGoals,
  outcomeFollowUps,
  reminders,
  organizationInvitations,
  organizationMembers,
  organizations,
  sessions,
  skills,
  slotMentors,
  slotStars,
  slots,
  studentProfiles,
  studentProjects,
  studentSkills,
  throttle,
  users,
  type UserRole,
} from "~db/schema";
import { verifyPassword } from "~/auth/password.server";
import { firstName } from "~/domain/names";
import { AFTER_INTRODUCTION_MATCH_STATUSES, CLOSED_WITH_REASON_MATCH_STATUSES, isIn, LIVE_SLOT_STATUSES, USER_ROLES, zeroFor } from "~/domain/vocabulary";
import { renderComponents } from "~/messages/audiences";
import { applicationsForExport } from "~/modules/applications/applications.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { afterInternshipForMentor, afterInternshipForStudent, FORMER_MENTOR_IN_EXPORT, releaseMentorRequests } from "./after-internship-export.server";
import { invalidateOpenSlots } from "~/modules/engine-adapter/instance.server";
import { blockedUntil, LIMITS, recordFailure } from "~/modules/accounts/throttle.server";
import { lockAmongAdmins } from "~/modules/people/admins.server";

const ABOUT = [
  "This file holds everything Steppingstone stores about you, as of exportedAt.",
  "account: your account (your password is stored only as a one-way hash, which is not included).",
  "sessions: the devices where you are or were signed in (the secret part of each session is never stored in readable form, and is not included).",
  "suspensions: each time an admin suspended your account: when, the reason they recorded, and when and why it was lifted.",
  "emailLinks: confirmation and password-reset links we emailed you — when, and whether they were used (not the links themselves).",
  "studentProfile, skills, projects: your profile as you entered it, including your work authorization. Mentors never see that status unless you chose to share it.",
  "organization, organizationsCreated, slotsCreated, slotsMentored, invitationsSent, invitationsReceived: your part in organizations and their internship slots.",
  "applications: the applications you made — the slot, what you wrote, and where each stands.",
  "starredSlots: the slots you starred, in your order — your ranking for matching rounds.",
  "matches: your matches from the introduction on — the slot, where it stands, why the engine proposed it (its reasons, worded for you), the reason given if it ended, and its history.",
  "Each match also holds the mentorship itself: the plan's goals with their evidence links; your weekly check-ins with your mentor's replies (a reply whose mentor has since deleted their account says \"a former mentor\"); the messages on the match's thread; your own feedback answers, and your mentor's answers only where they chose to share them with you (answers a mentor kept private are not included); the outcome you recorded; and your answers to the follow-ups (never the secret part of their one-click links).",
  "recommendationLetters, referrals, documents: the letters and referrals you asked your mentors for, with where each stands and every delivery of a letter (to whom, when, whether it was opened); the verification letters and certificates issued to you. A letter whose right to read you waived is listed as existing and delivered, without its text.",
  "mentoring: as a mentor, what you wrote on your interns' matches — goals you created or confirmed done (and evidence links you added), your replies to check-ins (with the week and the intern's first name, not their check-in), your messages and your feedback answers; the letters you were asked for (with the text you wrote, not whom the student sent them to), the referrals you were asked for, and the documents you signed. What the intern wrote stays theirs.",
  "reminders: the reminders we sent you about your matches — the kind, when, and the reminder in a sentence — and whether each was emailed on its own or in your weekly digest.",
  "emailPreferences: whether you get each reminder and message notice as it comes (each, the default) or in one weekly digest.",
  "emails: the emails we sent you — subject, kind, time and delivery status, not their text.",
  "activity: the changes you made that we record in our audit log; recordsAboutYou: entries where your account was the subject.",
  "Deleting your account (on your account page) removes all of this, except that organizations and slots you helped create stay for their other members; letters you wrote that were ready, referrals you made and documents you signed stay with the students they were for, under the name you signed; and an anonymous count of your role is kept. Letters and referrals you were asked for and had not answered are declined, so the student can ask someone else.",
].join(" ");

/** The place in `throttle` where failed passwords and emails to an address are counted (see accounts/throttle.server.ts). */
const throttleKeys = (email: string) => [`login:account:${email}`, `email:to:${email}`];

/**
 * Everything the platform holds about one person, as plain JSON: never a password hash, a token
 * or session secret, or anything about another person except what this person wrote themselves.
 */
export async function exportUserData(db: Db, userId: string, now = new Date()) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return null;

  const [
    sessionRows,
    tokenRows,
    profileRows,
    skillRows,
    projectRows,
    membershipRows,
    createdOrgRows,
    createdSlotRows,
    mentoredSlotRows,
    sentInvitationRows,
    receivedInvitationRows,
    emailRows,
    activityRows,
    aboutRows,
    applicationRows,
  ] = await Promise.all([
    db
      .select({ device: sessions.userAgent, signedInAt: sessions.createdAt, lastActiveAt: sessions.lastActiveAt })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(asc(sessions.createdAt)),
    db
      .select({ purpose: accountTokens.purpose, sentTo: accountTokens.email, createdAt: accountTokens.createdAt, expiresAt: accountTokens.expiresAt, usedAt: accountTokens.usedAt })
      .from(accountTokens)
      .where(eq(accountTokens.userId, userId))
      .orderBy(asc(accountTokens.createdAt)),
    db.select().from(studentProfiles).where(eq(studentProfiles.userId, userId)),
    db
      .select({ slug: studentSkills.skillSlug, name: skills.name, level: studentSkills.level })
      .from(studentSkills)
      .innerJoin(skills, eq(skills.slug, studentSkills.skillSlug))
      .where(eq(studentSkills.userId, userId))
      .orderBy(asc(skills.name)),
    db
      .select({ title: studentProjects.title, description: studentProjects.description, url: studentProjects.url, position: studentProjects.position })
      .from(studentProjects)
      .where(eq(studentProjects.userId, userId))
      .orderBy(asc(studentProjects.position)),
    db
      .select({ id: organizations.id, name: organizations.name, type: organizations.type, joinedAt: organizationMembers.joinedAt })
      .from(organizationMembers)
      .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
      .where(eq(organizationMembers.userId, userId)),
    db
      .select({ id: organizations.id, name: organizations.name, type: organizations.type, createdAt: organizations.createdAt })
      .from(organizations)
      .where(eq(organizations.createdBy, userId))
      .orderBy(asc(organizations.createdAt)),
    slotSummaries(db).where(eq(slots.createdBy, userId)).orderBy(asc(slots.createdAt)),
    slotSummaries(db)
      .innerJoin(slotMentors, eq(slotMentors.slotId, slots.id))
      .where(eq(slotMentors.userId, userId))
      .orderBy(asc(slots.createdAt)),
    db
      .select({
        organization: organizations.name,
        invitedEmail: organizationInvitations.email,
        createdAt: organizationInvitations.createdAt,
        expiresAt: organizationInvitations.expiresAt,
        acceptedAt: organizationInvitations.acceptedAt,
      })
      .from(organizationInvitations)
      .innerJoin(organizations, eq(organizations.id, organizationInvitations.organizationId))
      .where(eq(organizationInvitations.invitedBy, userId))
      .orderBy(asc(organizationInvitations.createdAt)),
    db
      .select({ organization: organizations.name, createdAt: organizationInvitations.createdAt, acceptedAt: organizationInvitations.acceptedAt })
      .from(organizationInvitations)
      .innerJoin(organizations, eq(organizations.id, organizationInvitations.organizationId))
      .where(eq(organizationInvitations.email, user.email))
      .orderBy(asc(organizationInvitations.createdAt)),
    db
      .select({ kind: emails.template, subject: emails.subject, status: emails.status, createdAt: emails.createdAt, sentAt: emails.sentAt })
      .from(emails)
      .where(or(eq(emails.userId, userId), sql`${user.email} = any(${emails.to})`))
      .orderBy(asc(emails.createdAt)),
    db
      .select({ action: auditLog.action, subjectType: auditLog.subjectType, subjectId: auditLog.subjectId, detail: auditLog.detail, at: auditLog.createdAt })
      .from(auditLog)
      .where(eq(auditLog.actorId, userId))
      .orderBy(asc(auditLog.createdAt), asc(auditLog.id)),
    db
      .select({ action: auditLog.action, at: auditLog.createdAt })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, "user"), eq(auditLog.subjectId, userId), or(isNull(auditLog.actorId), ne(auditLog.actorId, userId))))
      .orderBy(asc(auditLog.createdAt), asc(auditLog.id)),
    applicationsForExport(db, userId),
  ]);
  const [starRows, matchRows, mentoring, reminderRows, preferenceRows, afterInternship, afterMentoring] = await Promise.all([
    starredSlotsForExport(db, userId),
    matchesForExport(db, userId),
    mentoringForExport(db, userId),
    remindersForExport(db, userId),
    db.select().from(emailPreferences).where(eq(emailPreferences.userId, userId)),
    afterInternshipForStudent(db, userId, now),
    afterInternshipForMentor(db, userId),
  ]);
  const preference = preferenceRows[0];

  const suspensionRows = await db
    .select({ suspendedAt: accountSuspensions.suspendedAt, reason: accountSuspensions.reason, reactivatedAt: accountSuspensions.reactivatedAt, reactivationNote: accountSuspensions.reactivationNote })
    .from(accountSuspensions)
    .where(eq(accountSuspensions.userId, userId))
    .orderBy(asc(accountSuspensions.suspendedAt));

  const profile = profileRows[0];
  return {
    exportedAt: now.toISOString(),
    about: ABOUT,
    account: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      emailVerifiedAt: user.emailVerifiedAt,
      suspendedAt: user.suspendedAt,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
    },
    sessions: sessionRows,
    suspensions: suspensionRows,
    emailLinks: tokenRows,
    studentProfile: profile ? (({ userId: _userId, ...rest }) => rest)(profile) : null,
    skills: skillRows,
    projects: projectRows,
    organization: membershipRows[0] ?? null,
    organizationsCreated: createdOrgRows,
    slotsCreated: createdSlotRows,
    slotsMentored: mentoredSlotRows,
    invitationsSent: sentInvitationRows,
    invitationsReceived: receivedInvitationRows,
    applications: applicationRows,
    starredSlots: starRows,
    matches: matchRows,
    ...afterInternship,
    mentoring: { ...mentoring, ...afterMentoring },
    reminders: reminderRows,
    emailPreferences: { cadence: preference?.cadence ?? "each", lastDigestAt: preference?.lastDigestAt ?? null, changedAt: preference?.updatedAt ?? null },
    emails: emailRows,
    activity: activityRows,
    recordsAboutYou: aboutRows,
  };
}

/** The student's starred slots in their order: their ranking for matching rounds. */
function starredSlotsForExport(db: Db, studentId: string) {
  return db
    .select({ position: slotStars.position, slot: slots.title, organization: organizations.name, starredAt: slotStars.createdAt })
    .from(slotStars)
    .innerJoin(slots, eq(slots.id, slotStars.slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .where(eq(slotStars.studentId, studentId))
    .orderBy(asc(slotStars.position));
}

// The match lifecycle's audit actions: a match's history as its people read it.
const MATCH_HISTORY_ACTIONS = ["match.approved", "match.interviewing", "match.confirmed", "match.active", "match.completed", "match.not_proceeding"];

/**
 * The student's matches as they may read them on their match page: from the introduction on (a
 * proposal is the admins' business), the reasons worded for them, the closing reason of one that
 * ended, and its history — who moved it (an admin's approval unnamed, as on the page) and when.
 */
async function matchesForExport(db: Db, studentId: string) {
  const rows = await db
    .select({ match: matches, slot: slots.title, organization: organizations.name })
    .from(matches)
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .where(and(eq(matches.studentId, studentId), inArray(matches.status, [...AFTER_INTRODUCTION_MATCH_STATUSES])))
    .orderBy(asc(matches.createdAt), asc(matches.id));
  const history = rows.length
    ? await db
        .select({ matchId: auditLog.subjectId, action: auditLog.action, actorId: auditLog.actorId, actorName: users.name, at: auditLog.createdAt })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorId))
        .where(and(eq(auditLog.subjectType, "match"), inArray(auditLog.subjectId, rows.map((r) => r.match.id)), inArray(auditLog.action, MATCH_HISTORY_ACTIONS)))
        .orderBy(asc(auditLog.createdAt), asc(auditLog.id))
    : [];
  const mentorship = await mentorshipForExport(db, studentId, rows.map((r) => r.match.id));
  return rows.map(({ match, slot, organization }) => ({
    slot,
    organization,
    status: match.status,
    source: match.source,
    score: match.score,
    reasons: renderComponents(match.reasons, { audience: "student", stage: "matched" }).map(({ label, points, max, text }) => ({ label, points, max, text })),
    closingReason: isIn(CLOSED_WITH_REASON_MATCH_STATUSES, match.status) ? match.closingReason : null,
    introducedAt: match.introducedAt,
    confirmedAt: match.confirmedAt,
    createdAt: match.createdAt,
    updatedAt: match.updatedAt,
    history: history
      .filter((h) => h.matchId === match.id)
      .map((h) => ({
        action: h.action,
        by: h.actorId === studentId ? "you" : h.action === "match.approved" ? "a Steppingstone admin" : (h.actorName ?? "a former member"),
        at: h.at,
      })),
    startedAt: match.startedAt,
    completedAt: match.completedAt,
    ...mentorship(match.id),
  }));
}

/** Who wrote something on the student's match, as the student reads it: "you", the mentor's name, or "a former mentor" once their account is gone. */
const writer = (studentId: string) => (id: string | null, name: string | null) => (id === studentId ? "you" : id && name ? name : FORMER_MENTOR_IN_EXPORT);

/**
 * The mentorship on the student's matches, as the student reads it in the app: the plan, their
 * check-ins with the replies, the thread, their own feedback and the mentors' where shared with
 * them (never the unshared), the outcome, the follow-ups (never the link's secret hash).
 */
async function mentorshipForExport(db: Db, studentId: string, matchIds: string[]) {
  const by = writer(studentId);
  const none = matchIds.length === 0;
  const [goalRows, evidenceRows, checkInRows, messageRows, feedbackRows, outcomeRows, followUpRows] = none
    ? [[], [], [], [], [], [], []]
    : await Promise.all([
        db
          .select({ goal: mentorshipGoals, confirmedBy: users.name })
          .from(mentorshipGoals)
          .leftJoin(users, eq(users.id, mentorshipGoals.doneConfirmedBy))
          .where(inArray(mentorshipGoals.matchId, matchIds))
          .orderBy(asc(mentorshipGoals.position), asc(mentorshipGoals.createdAt)),
        db
          .select({ goalId: goalEvidence.goalId, url: goalEvidence.url, label: goalEvidence.label, addedBy: goalEvidence.addedBy, addedByName: users.name, addedAt: goalEvidence.createdAt })
          .from(goalEvidence)
          .innerJoin(mentorshipGoals, eq(mentorshipGoals.id, goalEvidence.goalId))
          .leftJoin(users, eq(users.id, goalEvidence.addedBy))
          .where(inArray(mentorshipGoals.matchId, matchIds))
          .orderBy(asc(goalEvidence.createdAt)),
        db
          .select({ checkIn: checkIns, repliedByName: users.name })
          .from(checkIns)
          .leftJoin(users, eq(users.id, checkIns.repliedBy))
          .where(inArray(checkIns.matchId, matchIds))
          .orderBy(asc(checkIns.week)),
        db
          .select({ matchId: matchMessages.matchId, authorId: matchMessages.authorId, authorName: users.name, body: matchMessages.body, at: matchMessages.createdAt })
          .from(matchMessages)
          .leftJoin(users, eq(users.id, matchMessages.authorId))
          .where(inArray(matchMessages.matchId, matchIds))
          .orderBy(asc(matchMessages.createdAt), asc(matchMessages.id)),
        // The student's own answers, and the mentors' only where they shared them: as on the feedback page.
        db
          .select({ answer: feedbackAnswers, authorName: users.name })
          .from(feedbackAnswers)
          .leftJoin(users, eq(users.id, feedbackAnswers.authorId))
          .where(and(inArray(feedbackAnswers.matchId, matchIds), or(eq(feedbackAnswers.side, "student"), eq(feedbackAnswers.shared, true))))
          .orderBy(asc(feedbackAnswers.submittedAt), asc(feedbackAnswers.side)),
        db
          .select({ outcome: matchOutcomes, recordedByName: users.name })
          .from(matchOutcomes)
          .leftJoin(users, eq(users.id, matchOutcomes.recordedBy))
          .where(inArray(matchOutcomes.matchId, matchIds)),
        // Never the secret's hash: what was asked, when, and the answer.
        db
          .select({
            matchId: outcomeFollowUps.matchId,
            months: outcomeFollowUps.months,
            sentAt: outcomeFollowUps.sentAt,
            answer: outcomeFollowUps.answer,
            organization: outcomeFollowUps.organizationName,
            answeredAt: outcomeFollowUps.answeredAt,
          })
          .from(outcomeFollowUps)
          .where(inArray(outcomeFollowUps.matchId, matchIds))
          .orderBy(asc(outcomeFollowUps.months)),
      ]);
  return (matchId: string) => {
    const outcome = outcomeRows.find((o) => o.outcome.matchId === matchId);
    return {
      plan: goalRows
        .filter((g) => g.goal.matchId === matchId)
        .map(({ goal, confirmedBy }) => ({
          title: goal.title,
          targetWeek: goal.targetWeek,
          state: goal.state,
          source: goal.source,
          benefit: goal.benefit,
          doneConfirmedBy: goal.doneConfirmedAt ? by(goal.doneConfirmedBy, confirmedBy) : null,
          doneConfirmedAt: goal.doneConfirmedAt,
          createdAt: goal.createdAt,
          updatedAt: goal.updatedAt,
          evidence: evidenceRows.filter((e) => e.goalId === goal.id).map((e) => ({ url: e.url, label: e.label, addedBy: by(e.addedBy, e.addedByName), addedAt: e.addedAt })),
        })),
      checkIns: checkInRows
        .filter((c) => c.checkIn.matchId === matchId)
        .map(({ checkIn: c, repliedByName }) => ({
          week: c.week,
          done: c.done,
          next: c.next,
          blockers: c.blockers,
          hoursWorked: c.hoursWorked,
          mentorHoursReceived: c.mentorHoursReceived,
          late: c.late,
          submittedAt: c.submittedAt,
          updatedAt: c.updatedAt,
          reply: c.repliedAt ? { text: c.reply, mentorHoursGiven: c.mentorHoursGiven, by: by(c.repliedBy, repliedByName), at: c.repliedAt } : null,
        })),
      messages: messageRows.filter((m) => m.matchId === matchId).map((m) => ({ by: by(m.authorId, m.authorName), body: m.body, at: m.at })),
      feedback: feedbackRows
        .filter((f) => f.answer.matchId === matchId)
        .map(({ answer: f, authorName }) => ({
          round: f.round,
          side: f.side,
          by: f.side === "student" ? "you" : by(f.authorId, authorName),
          answers: f.answers,
          comment: f.comment,
          shared: f.shared,
          submittedAt: f.submittedAt,
        })),
      outcome: outcome
        ? {
            benefits: outcome.outcome.benefits,
            returnOffer: outcome.outcome.returnOffer,
            recordedBy: by(outcome.outcome.recordedBy, outcome.recordedByName),
            recordedAt: outcome.outcome.recordedAt,
            updatedAt: outcome.outcome.updatedAt,
          }
        : null,
      followUps: followUpRows.filter((f) => f.matchId === matchId).map(({ matchId: _matchId, ...f }) => f),
    };
  };
}

/** Where a mentor's own writing was: the slot, its organization, and the intern's full name (exported as the first name only). */
const MENTORED_MATCH = { slot: slots.title, organization: organizations.name, student: users.name };
const placed = (r: { slot: string; organization: string; student: string }) => ({ slot: r.slot, organization: r.organization, student: firstName(r.student) });

/**
 * What a mentor wrote on their interns' matches (never on a match where they are the student):
 * goals they created, confirmed done or added evidence to; replies; messages; feedback. The
 * intern's own writing stays out, and the intern is named by first name only.
 */
async function mentoringForExport(db: Db, userId: string) {
  const notTheirOwn = ne(matches.studentId, userId);
  const [goalRows, evidenceRows, replyRows, messageRows, feedbackRows] = await Promise.all([
    db
      .select({ ...MENTORED_MATCH, goal: mentorshipGoals })
      .from(mentorshipGoals)
      .innerJoin(matches, eq(matches.id, mentorshipGoals.matchId))
      .innerJoin(slots, eq(slots.id, matches.slotId))
      .innerJoin(organizations, eq(organizations.id, slots.organizationId))
      .innerJoin(users, eq(users.id, matches.studentId))
      .where(
        and(
          notTheirOwn,
          or(
            eq(mentorshipGoals.createdBy, userId),
            eq(mentorshipGoals.doneConfirmedBy, userId),
            sql`exists (select 1 from ${goalEvidence} where ${goalEvidence.goalId} = ${mentorshipGoals.id} and ${goalEvidence.addedBy} = ${userId})`,
          ),
        ),
      )
      .orderBy(asc(mentorshipGoals.createdAt), asc(mentorshipGoals.position)),
    db
      .select({ goalId: goalEvidence.goalId, url: goalEvidence.url, label: goalEvidence.label, addedAt: goalEvidence.createdAt })
      .from(goalEvidence)
      .where(eq(goalEvidence.addedBy, userId))
      .orderBy(asc(goalEvidence.createdAt)),
    db
      .select({ ...MENTORED_MATCH, week: checkIns.week, reply: checkIns.reply, mentorHoursGiven: checkIns.mentorHoursGiven, repliedAt: checkIns.repliedAt })
      .from(checkIns)
      .innerJoin(matches, eq(matches.id, checkIns.matchId))
      .innerJoin(slots, eq(slots.id, matches.slotId))
      .innerJoin(organizations, eq(organizations.id, slots.organizationId))
      .innerJoin(users, eq(users.id, matches.studentId))
      .where(and(notTheirOwn, eq(checkIns.repliedBy, userId)))
      .orderBy(asc(checkIns.repliedAt)),
    db
      .select({ ...MENTORED_MATCH, body: matchMessages.body, at: matchMessages.createdAt })
      .from(matchMessages)
      .innerJoin(matches, eq(matches.id, matchMessages.matchId))
      .innerJoin(slots, eq(slots.id, matches.slotId))
      .innerJoin(organizations, eq(organizations.id, slots.organizationId))
      .innerJoin(users, eq(users.id, matches.studentId))
      .where(and(notTheirOwn, eq(matchMessages.authorId, userId)))
      .orderBy(asc(matchMessages.createdAt), asc(matchMessages.id)),
    db
      .select({ ...MENTORED_MATCH, answer: feedbackAnswers })
      .from(feedbackAnswers)
      .innerJoin(matches, eq(matches.id, feedbackAnswers.matchId))
      .innerJoin(slots, eq(slots.id, matches.slotId))
      .innerJoin(organizations, eq(organizations.id, slots.organizationId))
      .innerJoin(users, eq(users.id, matches.studentId))
      .where(and(notTheirOwn, eq(feedbackAnswers.authorId, userId)))
      .orderBy(asc(feedbackAnswers.submittedAt), asc(feedbackAnswers.round)),
  ]);
  return {
    goals: goalRows.map(({ goal, ...r }) => ({
      ...placed(r),
      title: goal.title,
      targetWeek: goal.targetWeek,
      state: goal.state,
      createdByYou: goal.createdBy === userId,
      doneConfirmedByYouAt: goal.doneConfirmedBy === userId ? goal.doneConfirmedAt : null,
      evidenceYouAdded: evidenceRows.filter((e) => e.goalId === goal.id).map(({ goalId: _goalId, ...e }) => e),
    })),
    checkInReplies: replyRows.map((r) => ({ ...placed(r), week: r.week, reply: r.reply, mentorHoursGiven: r.mentorHoursGiven, repliedAt: r.repliedAt })),
    messages: messageRows.map((r) => ({ ...placed(r), body: r.body, at: r.at })),
    feedback: feedbackRows.map(({ answer: f, ...r }) => ({ ...placed(r), round: f.round, answers: f.answers, comment: f.comment, shared: f.shared, submittedAt: f.submittedAt })),
  };
}

/** The reminders sent to the person (each emailed, or held for and sent in their weekly digest), with the match's slot. */
function remindersForExport(db: Db, userId: string) {
  return db
    .select({ kind: reminders.kind, summary: reminders.summary, state: reminders.state, at: reminders.createdAt, slot: slots.title })
    .from(reminders)
    .leftJoin(matches, eq(matches.id, reminders.matchId))
    .leftJoin(slots, eq(slots.id, matches.slotId))
    .where(eq(reminders.userId, userId))
    .orderBy(asc(reminders.createdAt), asc(reminders.id));
}

function slotSummaries(db: Db) {
  return db
    .select({
      id: slots.id,
      title: slots.title,
      organization: organizations.name,
      status: slots.status,
      compensation: slots.compensation,
      createdAt: slots.createdAt,
      publishedAt: slots.publishedAt,
    })
    .from(slots)
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .$dynamic();
}

export type DeleteAccountError = "wrong_password" | "throttled" | "last_admin" | "not_found";

/**
 * Deletes an account and the personal data tied to it, in one transaction, after checking the
 * password. What stays: an anonymous `deleted_accounts` row (role and date) so head counts
 * survive, and the organizations and slots the person worked on, for their other members.
 * Never leaves the platform without an admin.
 */
export async function deleteAccount(
  db: Db,
  userId: string,
  input: { password: string },
  now = new Date(),
): Promise<{ ok: true; role: UserRole } | { ok: false; error: DeleteAccountError }> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return { ok: false, error: "not_found" };

  // why: a stolen session must not become a way to guess the password; wrong passwords here
  // count against the same allowance as wrong passwords at login.
  const [loginKey] = throttleKeys(user.email);
  if (await blockedUntil(db, [loginKey!], now)) return { ok: false, error: "throttled" };
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordFailure(db, loginKey!, LIMITS.loginAccount, now);
    return { ok: false, error: "wrong_password" };
  }

  const result = await transaction(db, async (tx) => {
    // why: locking every admin row (and this one) makes two admins deleting themselves at once
    // take turns, so the second one sees that the first is gone.
    const { self, lastAdmin } = await lockAmongAdmins(tx, userId);
    if (!self) return { ok: false as const, error: "not_found" as const };
    if (lastAdmin) return { ok: false as const, error: "last_admin" as const };

    const [membership] = await tx
      .select({ organizationId: organizationMembers.organizationId })
      .from(organizationMembers)
      .where(eq(organizationMembers.userId, userId));
    const mentoredSlotIds = (await tx.select({ slotId: slotMentors.slotId }).from(slotMentors).where(eq(slotMentors.userId, userId))).map((r) => r.slotId);

    const [tombstone] = await tx.insert(deletedAccounts).values({ role: self.role, deletedAt: now }).returning({ id: deletedAccounts.id });

    await releaseMentorRequests(tx, userId, now);
    await removeEmailsTo(tx, self.email, userId);
    await tx.delete(organizationInvitations).where(eq(organizationInvitations.email, self.email));
    await tx.delete(throttle).where(inArray(throttle.key, throttleKeys(self.email)));
    // why: an audit entry's detail may quote the address (an invitation, say); the entry stays, the address goes.
    await tx
      .update(auditLog)
      .set({ detail: sql`replace(${auditLog.detail}::text, ${self.email}, '[deleted account]')::jsonb` })
      .where(sql`position(${self.email} in ${auditLog.detail}::text) > 0`);

    // Sessions, links, profile, skills, projects, memberships and named-mentor rows go by
    // cascade; organizations and slots they created or verified stay (those columns become null).
    await tx.delete(users).where(eq(users.id, userId));

    if (membership) await handleLastMember(tx, membership.organizationId, now);
    await closeSlotsLeftWithoutMentor(tx, mentoredSlotIds, now);

    await recordAudit(tx, {
      actorId: null,
      action: "account.deleted",
      subjectType: "user",
      subjectId: tombstone!.id,
      detail: { role: self.role, by: "account_holder" },
    });
    return { ok: true as const, role: self.role };
  });
  // A mentor leaving may have closed slots: the kept open slots must not show them any more.
  if (result.ok && result.role === "mentor") invalidateOpenSlots();
  return result;
}

/**
 * Deletes the emails addressed to `email` alone (queued ones are then never sent: the delivery
 * job finds no row) and takes the address out of emails that also went to other people.
 */
async function removeEmailsTo(tx: Db, email: string, userId: string) {
  await tx.delete(emails).where(or(eq(emails.userId, userId), sql`${emails.to} = array[${email}]::text[]`));
  await tx
    .update(emails)
    .set({ to: sql`array_remove(${emails.to}, ${email})` })
    .where(sql`${email} = any(${emails.to})`);
}

/** A live slot whose only named mentor left has nobody to mentor the intern: it is closed, and the audit log says why. */
async function closeSlotsLeftWithoutMentor(tx: Db, slotIds: string[], now: Date) {
  if (slotIds.length === 0) return;
  const orphaned = await tx
    .update(slots)
    .set({ status: "closed", updatedAt: now })
    .where(
      and(
        inArray(slots.id, slotIds),
        inArray(slots.status, [...LIVE_SLOT_STATUSES]),
        sql`not exists (select 1 from ${slotMentors} where ${slotMentors.slotId} = ${slots.id})`,
      ),
    )
    .returning({ id: slots.id, organizationId: slots.organizationId });
  for (const slot of orphaned) {
    await recordAudit(tx, {
      actorId: null,
      action: "slot.closed",
      subjectType: "slot",
      subjectId: slot.id,
      detail: { reason: "mentor_deleted_account" },
    });
  }
}

/**
 * When the last member leaves, the organization stays (its history, its verification, its
 * pending invitations, which can bring in a new mentor) but nobody can mentor its interns, so
 * its open and in-review slots are closed. The audit log records it for the admins.
 */
async function handleLastMember(tx: Db, organizationId: string, now: Date) {
  const [members] = await tx.select({ n: count() }).from(organizationMembers).where(eq(organizationMembers.organizationId, organizationId));
  if (members!.n > 0) return;
  const closed = await tx
    .update(slots)
    .set({ status: "closed", updatedAt: now })
    .where(and(eq(slots.organizationId, organizationId), inArray(slots.status, [...LIVE_SLOT_STATUSES])))
    .returning({ id: slots.id });
  await recordAudit(tx, {
    actorId: null,
    action: "organization.left_without_members",
    subjectType: "organization",
    subjectId: organizationId,
    detail: { reason: "last_member_deleted_account", closedSlots: closed.map((s) => s.id) },
  });
}

/** Accounts ever created, by role: those still here plus the anonymous rows of deleted ones. */
export async function accountsEverByRole(db: Db) {
  const [current, deleted] = await Promise.all([
    db.select({ role: users.role, n: count() }).from(users).groupBy(users.role),
    db.select({ role: deletedAccounts.role, n: count() }).from(deletedAccounts).groupBy(deletedAccounts.role),
  ]);
  const totals = zeroFor(USER_ROLES);
  for (const row of [...current, ...deleted]) totals[row.role] += row.n;
  return totals;
}
