import { and, count, eq, inArray, is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { expect, test } from "vitest";
import { transaction, type Db } from "~db/client.server";
import * as schema from "~db/schema";
import {
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
  messageNotices,
  outcomeFollowUps,
  reminders,
  organizationInvitations,
  organizationMembers,
  organizations,
  sessions,
  slotMentors,
  slotStars,
  slots,
  studentProfiles,
  studentProjects,
  studentSkills,
  users,
  type User,
  type WorkAuthorization,
} from "~db/schema";
import { KNOWN_PASSWORD, makeOrganization as makeOrganizationOf, makeUser, uniqueEmail } from "~db/test/factories";
import { moduleTestDb } from "~db/test/module-db";
import { makeMatch } from "~db/test/match-factories";
import { makeMentorship } from "~db/test/mentorship-factories";
import { addDays, makeSlot as makeSlotOf } from "~db/test/slot-factories";
import { createSession } from "~/auth/session.server";
import { generateToken } from "~/auth/tokens.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { accountsEverByRole, deleteAccount, exportUserData } from "./privacy.server";

const db = moduleTestDb();

// ── factories: a student with a full profile; organizations and slots named after who made them ──

async function makeStudent(db: Db, status: WorkAuthorization = "us_f1_cpt", overrides: Partial<User> = {}) {
  const user = await makeUser(db, { role: "student", name: "Amara Obi", ...overrides });
  await db.insert(studentProfiles).values({
    userId: user.id,
    school: "University of Toronto",
    program: "Computer Science",
    degree: "bachelor",
    country: "CA",
    city: "Toronto",
    timezone: "America/Toronto",
    workAuthorization: status,
    authorizationValidUntil: "2031-04-30",
    goals: ["mentorship", "referral"],
    inMatching: true,
  });
  await db.insert(studentSkills).values([
    { userId: user.id, skillSlug: "python", level: 3 },
    { userId: user.id, skillSlug: "react", level: 2 },
  ]);
  await db.insert(studentProjects).values({ userId: user.id, title: "Transit ridership dashboard", description: "Cleaned five years of open data." });
  return user;
}

/** The organization "Test Labs", verified, created by the first of `mentors`, who are its members. */
const makeOrganization = (db: Db, mentors: User[]) =>
  makeOrganizationOf(db, { name: "Test Labs", members: mentors, createdBy: mentors[0]?.id ?? null, verifiedAt: new Date() });

/** An open slot created by the first of `mentors`, who are its named mentors. */
const makeSlot = (db: Db, organizationId: string, mentors: User[], overrides: Partial<typeof slots.$inferInsert> = {}) =>
  makeSlotOf(db, { id: organizationId }, { createdBy: mentors[0]?.id ?? null, mentorIds: mentors.map((m) => m.id), ...overrides });

async function makeEmail(db: Db, values: { to: string[]; userId?: string | null; status?: "queued" | "sent"; subject?: string }) {
  const [row] = await db
    .insert(emails)
    .values({ template: "test", subject: values.subject ?? "A test email", html: "<p>The private body of the email</p>", text: "The private body of the email", status: "queued", ...values })
    .returning();
  return row!;
}

async function rows(query: PromiseLike<unknown[]>) {
  return (await query).length;
}

// ── export ───────────────────────────────────────────────────────────────────────────────────

test("the export holds the person's account, profile, skills, projects, sessions and emails — no secrets", async () => {
  const student = await makeStudent(db, "us_f1_cpt");
  const { session, token } = await createSession(db, student.id, "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0");
  const link = generateToken();
  await db.insert(accountTokens).values({ id: link.id, secretHash: link.secretHash, userId: student.id, purpose: "reset_password", email: student.email, expiresAt: new Date(Date.now() + 3600_000) });
  await makeEmail(db, { to: [student.email], userId: student.id, subject: "Reset your Steppingstone password", status: "sent" });

  const data = await exportUserData(db, student.id, new Date("2030-01-02T03:04:05Z"));
  const json = JSON.stringify(data);

  expect(data!.exportedAt).toBe("2030-01-02T03:04:05.000Z");
  expect(data!.about).toMatch(/everything Steppingstone stores about you/);
  expect(data!.account).toMatchObject({ email: student.email, name: "Amara Obi", role: "student" });
  expect(data!.studentProfile).toMatchObject({ school: "University of Toronto", workAuthorization: "us_f1_cpt", goals: ["mentorship", "referral"] });
  expect(data!.skills).toEqual([
    { slug: "python", name: "Python", level: 3 },
    { slug: "react", name: "React", level: 2 },
  ]);
  expect(data!.projects).toEqual([expect.objectContaining({ title: "Transit ridership dashboard" })]);
  expect(data!.sessions).toEqual([expect.objectContaining({ device: "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0" })]);
  expect(data!.emailLinks).toEqual([expect.objectContaining({ purpose: "reset_password", usedAt: null })]);
  expect(data!.emails).toEqual([expect.objectContaining({ subject: "Reset your Steppingstone password", status: "sent" })]);

  // Credentials and their hashes never leave the database, nor do email bodies (they carry links).
  expect(json).not.toContain(student.passwordHash);
  expect(json).not.toMatch(/argon2/);
  expect(json).not.toContain(session.secretHash);
  expect(json).not.toContain(session.id);
  expect(json).not.toContain(token);
  expect(json).not.toContain(link.secretHash);
  expect(json).not.toContain(link.id);
  expect(json).not.toContain("private body");
});

test("the export holds nothing about other people: not their profile, skills or work authorization", async () => {
  const student = await makeStudent(db, "ca_study_permit");
  const other = await makeStudent(db, "us_f1_stem_opt", { name: "Kenji Watanabe" });
  await db.insert(studentSkills).values({ userId: other.id, skillSlug: "rust", level: 4 });
  await makeEmail(db, { to: [other.email], userId: other.id, subject: "Someone else's email" });

  const json = JSON.stringify(await exportUserData(db, student.id));

  expect(json).toContain("ca_study_permit");
  expect(json).not.toContain("us_f1_stem_opt");
  expect(json).not.toContain(other.email);
  expect(json).not.toContain("Kenji Watanabe");
  expect(json).not.toContain('"rust"');
  expect(json).not.toContain("Someone else's email");
});

test("a mentor's export holds their organization, slots, invitations sent and their own actions", async () => {
  const mentor = await makeUser(db, { role: "mentor", name: "Priya Raman" });
  const colleague = await makeUser(db, { role: "mentor", name: "Marcus Bell" });
  const org = await makeOrganization(db, [mentor, colleague]);
  const created = await makeSlot(db, org.id, [mentor], { title: "Backend intern: notifications" });
  const mentored = await makeSlot(db, org.id, [colleague, mentor], { title: "Data intern", createdBy: colleague.id });
  const invitee = uniqueEmail("invitee");
  await db.insert(organizationInvitations).values({ id: generateToken().id, secretHash: "0".repeat(64), organizationId: org.id, email: invitee, invitedBy: mentor.id, expiresAt: new Date(Date.now() + 86_400_000) });
  await recordAudit(db, { actorId: mentor.id, action: "slot.submitted", subjectType: "slot", subjectId: created.id });
  await recordAudit(db, { actorId: colleague.id, action: "slot.submitted", subjectType: "slot", subjectId: mentored.id });

  const data = (await exportUserData(db, mentor.id))!;

  expect(data.studentProfile).toBeNull();
  expect(data.organization).toMatchObject({ id: org.id, name: "Test Labs", type: "startup" });
  expect(data.organizationsCreated.map((o) => o.id)).toEqual([org.id]);
  expect(data.slotsCreated.map((s) => s.title)).toEqual(["Backend intern: notifications"]);
  expect(data.slotsMentored.map((s) => s.title).sort()).toEqual(["Backend intern: notifications", "Data intern"]);
  expect(data.invitationsSent).toEqual([expect.objectContaining({ organization: "Test Labs", invitedEmail: invitee })]);
  expect(data.activity).toEqual([expect.objectContaining({ action: "slot.submitted", subjectId: created.id })]);
  expect(JSON.stringify(data)).not.toContain("0".repeat(64));
});

test("the export holds the student's starred slots in their order, and their matches as they may read them: status, reasons, closing reason, history", async () => {
  const student = await makeStudent(db, "us_f1_cpt");
  const mentor = await makeUser(db, { role: "mentor", name: "Priya Raman" });
  const admin = await makeUser(db, { role: "admin", name: "Ada Admin" });
  const org = await makeOrganization(db, [mentor]);
  const first = await makeSlot(db, org.id, [mentor], { title: "Data intern: ridership" });
  const second = await makeSlot(db, org.id, [mentor], { title: "Backend intern: notifications" });
  const proposed = await makeSlot(db, org.id, [mentor], { title: "A slot only proposed" });
  await db.insert(slotStars).values([
    { studentId: student.id, slotId: second.id, position: 1 },
    { studentId: student.id, slotId: first.id, position: 2 },
  ]);
  const completed = await makeMatch(db, { slotId: first.id, studentId: student.id, status: "completed" });
  await makeMatch(db, { slotId: second.id, studentId: student.id, status: "not_proceeding", closingReason: "The dates no longer worked." });
  // A proposal (and its review) is the admins' business until the introduction: not the student's to read yet.
  await makeMatch(db, { slotId: proposed.id, studentId: student.id, status: "proposed" });
  await recordAudit(db, { actorId: admin.id, action: "match.approved", subjectType: "match", subjectId: completed.id });
  await recordAudit(db, { actorId: student.id, action: "match.confirmed", subjectType: "match", subjectId: completed.id });
  await recordAudit(db, { actorId: mentor.id, action: "match.completed", subjectType: "match", subjectId: completed.id });

  const data = (await exportUserData(db, student.id))!;

  expect(data.about).toMatch(/starredSlots/);
  expect(data.about).toMatch(/matches/);
  expect(data.starredSlots).toEqual([
    expect.objectContaining({ position: 1, slot: "Backend intern: notifications", organization: "Test Labs" }),
    expect.objectContaining({ position: 2, slot: "Data intern: ridership", organization: "Test Labs" }),
  ]);
  expect(data.matches.map((m) => [m.slot, m.status])).toEqual([
    ["Data intern: ridership", "completed"],
    ["Backend intern: notifications", "not_proceeding"],
  ]);
  const [done, notGoing] = data.matches;
  expect(done!.reasons.length).toBeGreaterThan(0);
  for (const reason of done!.reasons) expect(reason.text).toMatch(/\w/);
  expect(done!.closingReason).toBeNull();
  expect(done!.history.map((h) => [h.action, h.by])).toEqual([
    ["match.approved", "a Steppingstone admin"],
    ["match.confirmed", "you"],
    ["match.completed", "Priya Raman"],
  ]);
  expect(notGoing!.closingReason).toBe("The dates no longer worked.");
  const json = JSON.stringify(data);
  expect(json).not.toContain("A slot only proposed");
  expect(json).not.toContain("Ada Admin");
});

// ── the mentorship in the export ─────────────────────────────────────────────────────────────

const SECRET_HASH = "f".repeat(64);

/**
 * A completed match with a row in every mentorship table: Lena Fischer's internship with Priya
 * Raman. Lena wrote a goal (done, confirmed by Priya) with a repository, Priya another with a
 * demo; two check-ins (week 2 late, not replied to); two messages; the midpoint from both sides
 * (Lena's kept private, Priya's shared) and Priya's final round kept private; the outcome; the
 * 3-month follow-up; a reminder each, Priya's in a notice; Lena takes the weekly digest.
 */
async function makeFullMentorship(db: Db) {
  // why: the slot's deadline must come before its start, 100 days ago.
  const m = await makeMentorship(db, { status: "completed", startedDaysAgo: 100, durationWeeks: 12, slot: { applicationDeadline: addDays(new Date(), -120) } });
  const { student, mentor, match } = m;
  await db.update(users).set({ name: "Lena Fischer" }).where(eq(users.id, student.id));
  await db.update(users).set({ name: "Priya Raman" }).where(eq(users.id, mentor.id));
  const at = (day: number) => new Date(Date.UTC(2031, 0, day, 15));
  const [theirs, mentors] = await db
    .insert(mentorshipGoals)
    .values([
      { matchId: match.id, title: "Ship the import pipeline with tests", targetWeek: 6, state: "done", source: "learning_plan", createdBy: student.id, doneConfirmedBy: mentor.id, doneConfirmedAt: at(20), position: 0 },
      { matchId: match.id, title: "Present the feature to the team", targetWeek: 12, state: "in_progress", source: "added", createdBy: mentor.id, position: 1 },
    ])
    .returning();
  await db.insert(goalEvidence).values([
    { goalId: theirs!.id, url: "https://github.com/lena/import-pipeline", label: "Repository", addedBy: student.id },
    { goalId: mentors!.id, url: "https://demo.example.com/feature", label: "Demo", addedBy: mentor.id },
  ]);
  await db.insert(checkIns).values([
    {
      matchId: match.id,
      week: 1,
      done: "Set up the project and fixed the CSV date bug",
      next: "Start on the importer",
      hoursWorked: 20,
      mentorHoursReceived: 2,
      late: false,
      reply: "Great first week, well done on the date bug",
      mentorHoursGiven: 2.5,
      repliedBy: mentor.id,
      repliedAt: at(8),
    },
    { matchId: match.id, week: 2, done: "Importer skeleton", next: "Tests for the importer", blockers: "Waiting for staging access", hoursWorked: 18.5, mentorHoursReceived: 1, late: true },
  ]);
  await db.insert(matchMessages).values([
    { matchId: match.id, authorId: student.id, body: "Could we move Thursday's call to Friday?", createdAt: at(3) },
    { matchId: match.id, authorId: mentor.id, body: "Friday at 10 works for me.", createdAt: at(4) },
  ]);
  await db.insert(feedbackAnswers).values([
    { matchId: match.id, round: "midpoint", side: "student", authorId: student.id, answers: { answersQuestions: "always" }, comment: "Lena keeps this to herself", shared: false, submittedAt: at(40) },
    { matchId: match.id, round: "midpoint", side: "mentor", authorId: mentor.id, answers: { onTrack: "yes" }, comment: "Priya shares this with Lena", shared: true, submittedAt: at(41) },
    { matchId: match.id, round: "final", side: "mentor", authorId: mentor.id, answers: { onTrack: "yes" }, comment: "Priya keeps this to herself", shared: false, submittedAt: at(80) },
  ]);
  await db.insert(matchOutcomes).values({ matchId: match.id, benefits: { recommendation_letter: true, referral: false }, returnOffer: "pending", recordedBy: student.id });
  await db.insert(outcomeFollowUps).values({ matchId: match.id, months: 3, secretHash: SECRET_HASH, answer: "paid_internship", organizationName: "Acme Analytics", answeredAt: at(25) });
  await db.insert(reminders).values([
    { kind: "check_in_due", eventKey: `${match.id}:week:2`, userId: student.id, matchId: match.id, state: "sent", summary: "Your check-in for week 2 is due." },
    { kind: "check_in_reply", eventKey: `${match.id}:reply:2`, userId: mentor.id, matchId: match.id, state: "in_digest", summary: "Lena's week 2 check-in is waiting for your reply." },
  ]);
  await db.insert(messageNotices).values({ matchId: match.id, userId: mentor.id, emailedThrough: at(3), lastEmailedAt: at(3) });
  await db.insert(emailPreferences).values({ userId: student.id, cadence: "weekly_digest" });
  return m;
}

test("a student's export holds each match's plan, check-ins with replies, messages, feedback (the mentor's only where shared), outcome and follow-ups, and their reminders", async () => {
  const { student } = await makeFullMentorship(db);

  const data = (await exportUserData(db, student.id))!;
  const json = JSON.stringify(data);

  const [exported] = data.matches;
  expect(exported!.status).toBe("completed");
  expect(exported!.plan).toEqual([
    expect.objectContaining({
      title: "Ship the import pipeline with tests",
      state: "done",
      doneConfirmedBy: "Priya Raman",
      evidence: [expect.objectContaining({ url: "https://github.com/lena/import-pipeline", addedBy: "you" })],
    }),
    expect.objectContaining({ title: "Present the feature to the team", doneConfirmedBy: null, evidence: [expect.objectContaining({ url: "https://demo.example.com/feature", addedBy: "Priya Raman" })] }),
  ]);
  expect(exported!.checkIns).toEqual([
    expect.objectContaining({
      week: 1,
      done: "Set up the project and fixed the CSV date bug",
      hoursWorked: 20,
      late: false,
      reply: expect.objectContaining({ text: "Great first week, well done on the date bug", mentorHoursGiven: 2.5, by: "Priya Raman" }),
    }),
    expect.objectContaining({ week: 2, blockers: "Waiting for staging access", hoursWorked: 18.5, late: true, reply: null }),
  ]);
  expect(exported!.messages.map((m) => [m.by, m.body])).toEqual([
    ["you", "Could we move Thursday's call to Friday?"],
    ["Priya Raman", "Friday at 10 works for me."],
  ]);
  expect(exported!.feedback.map((f) => [f.round, f.by, f.comment])).toEqual([
    ["midpoint", "you", "Lena keeps this to herself"],
    ["midpoint", "Priya Raman", "Priya shares this with Lena"],
  ]);
  // The mentor's answers kept private stay private, and the export says so.
  expect(json).not.toContain("Priya keeps this to herself");
  expect(data.about).toMatch(/answers a mentor kept private are not included/);
  expect(exported!.outcome).toMatchObject({ benefits: { recommendation_letter: true, referral: false }, returnOffer: "pending", recordedBy: "you" });
  expect(exported!.followUps).toEqual([expect.objectContaining({ months: 3, answer: "paid_internship", organization: "Acme Analytics" })]);
  expect(json).not.toContain(SECRET_HASH);

  expect(data.reminders).toEqual([expect.objectContaining({ kind: "check_in_due", summary: "Your check-in for week 2 is due.", state: "sent", slot: expect.stringMatching(/^Test slot/) })]);
  expect(json).not.toContain("waiting for your reply");
  expect(data.emailPreferences.cadence).toBe("weekly_digest");
  // What a student wrote on their own match is under the match, not under `mentoring`.
  expect(data.mentoring).toEqual({ goals: [], checkInReplies: [], messages: [], feedback: [], lettersYouWereAskedFor: [], referralsYouWereAskedFor: [], documentsYouSigned: [] });
});

test("a mentor's export holds what they wrote on their interns' matches (goals, replies, messages, feedback) and their reminders, naming the intern by first name, with none of the intern's writing", async () => {
  const { mentor } = await makeFullMentorship(db);

  const data = (await exportUserData(db, mentor.id))!;
  const json = JSON.stringify(data);

  expect(data.mentoring.goals).toEqual([
    expect.objectContaining({ title: "Ship the import pipeline with tests", student: "Lena", createdByYou: false, doneConfirmedByYouAt: expect.any(Date), evidenceYouAdded: [] }),
    expect.objectContaining({ title: "Present the feature to the team", student: "Lena", createdByYou: true, doneConfirmedByYouAt: null, evidenceYouAdded: [expect.objectContaining({ url: "https://demo.example.com/feature" })] }),
  ]);
  expect(data.mentoring.checkInReplies).toEqual([expect.objectContaining({ week: 1, student: "Lena", reply: "Great first week, well done on the date bug", mentorHoursGiven: 2.5 })]);
  expect(data.mentoring.messages.map((m) => [m.student, m.body])).toEqual([["Lena", "Friday at 10 works for me."]]);
  expect(data.mentoring.feedback.map((f) => [f.round, f.shared, f.comment])).toEqual([
    ["midpoint", true, "Priya shares this with Lena"],
    ["final", false, "Priya keeps this to herself"],
  ]);
  expect(data.reminders).toEqual([expect.objectContaining({ kind: "check_in_reply", state: "in_digest" })]);
  expect(data.emailPreferences).toEqual({ cadence: "each", lastDigestAt: null, changedAt: null });
  expect(data.matches).toEqual([]);

  // The intern's own writing and surname are theirs, not the mentor's.
  for (const theirs of ["Fischer", "Set up the project and fixed the CSV date bug", "Waiting for staging access", "Could we move Thursday", "Lena keeps this to herself", "github.com/lena", "Acme Analytics"]) {
    expect(json).not.toContain(theirs);
  }
});

// Every column that names a person (an id of a user, or an email address) is in the export, or
// is named here with why not. A new table or column holding a person's data fails this test
// until it is exported (exportUserData) or added below with its reason.
const EXPORTED: Record<string, string | string[]> = {
  "users.id": "account",
  "users.email": "account",
  "sessions.user_id": "sessions",
  "account_suspensions.user_id": "suspensions",
  "account_tokens.user_id": "emailLinks",
  "account_tokens.email": "emailLinks",
  "emails.user_id": "emails",
  "student_profiles.user_id": "studentProfile",
  "student_skills.user_id": "skills",
  "student_projects.user_id": "projects",
  "organization_members.user_id": "organization",
  "organizations.created_by": "organizationsCreated",
  "slots.created_by": "slotsCreated",
  "slot_mentors.user_id": "slotsMentored",
  "organization_invitations.invited_by": "invitationsSent",
  "organization_invitations.email": "invitationsReceived",
  "applications.student_id": "applications",
  "slot_stars.student_id": "starredSlots",
  "matches.student_id": "matches",
  "audit_log.actor_id": "activity",
  // The mentorship: the student reads theirs under each match; a mentor's own writing on their interns' matches is under `mentoring`.
  "mentorship_goals.created_by": ["matches", "mentoring"],
  "mentorship_goals.done_confirmed_by": ["matches", "mentoring"],
  "goal_evidence.added_by": ["matches", "mentoring"],
  "check_ins.replied_by": ["matches", "mentoring"],
  "match_messages.author_id": ["matches", "mentoring"],
  "feedback_answers.author_id": ["matches", "mentoring"],
  "match_outcomes.recorded_by": "matches",
  "reminders.user_id": "reminders",
  "email_preferences.user_id": "emailPreferences",
  // What the internship left (after-internship-export.server.ts): the student's under its own keys, the mentor's under `mentoring`.
  "recommendation_letters.mentor_id": ["recommendationLetters", "mentoring"],
  "letter_deliveries.recipient_email": "recommendationLetters",
  "referrals.mentor_id": ["referrals", "mentoring"],
  "issued_documents.signed_by": ["documents", "mentoring"],
};
const NOT_EXPORTED: Record<string, string> = {
  // An admin's or a mentor's act on someone else's record: the act is in their `activity` (the audit log), the record is the other person's.
  "organizations.verified_by": "covered by activity (organization.verified)",
  "slots.reviewed_by": "covered by activity (slot.approved / slot.sent_back)",
  "matches.proposed_by": "covered by activity (application.match_proposed); the match is the student's",
  "matches.reviewed_by": "covered by activity (match.approved / match.rejected); the match is the student's",
  "match_rounds.run_by": "covered by activity (round.run); a round's stats are counts, about nobody",
  "message_notices.user_id": "bookkeeping: the newest message already emailed to them, and when; the emails themselves are in emails",
  "referrals.outcome_by": "the referral is the student's (in referrals); who last set its outcome is covered by activity",
  "issued_documents.requested_by": "the document is the student's (in documents); the request is covered by activity",
  "issued_documents.revoked_by": "the document is the student's (in documents, with when and why it was revoked); revoking is covered by activity (document.revoked)",
  "account_suspensions.suspended_by": "the suspension is the suspended person's (in suspensions); suspending is covered by activity (user.suspended)",
  "account_suspensions.reactivated_by": "the suspension is the suspended person's (in suspensions); reactivating is covered by activity (user.reactivated)",
};

/** Every column of the schema that holds a person's id (a reference to users) or an email address, as "table.column". */
function personColumns() {
  const found: string[] = [];
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    const referencing = new Set(config.foreignKeys.filter((fk) => fk.reference().foreignTable === schema.users).flatMap((fk) => fk.reference().columns.map((c) => c.name)));
    for (const column of config.columns) {
      // why: the schema names columns in camelCase; the database (casing: snake_case) and this list in snake_case.
      const name = column.name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      if (referencing.has(column.name) || /(^|_)(user|student|mentor|actor)_id$|_by$|(^|_)email$/.test(name)) found.push(`${config.name}.${name}`);
    }
  }
  return found.concat("users.id").sort();
}

test("every table holding a person's data is in the export, or named with the reason it is not", async () => {
  const columns = personColumns();
  expect(columns).toContain("slot_stars.student_id");
  expect(columns).toContain("matches.student_id");
  const unaccounted = columns.filter((c) => !(c in EXPORTED) && !(c in NOT_EXPORTED));
  expect(unaccounted, "export these (exportUserData), or name them in NOT_EXPORTED with the reason").toEqual([]);
  // The lists name only what exists, so a dropped column leaves no stale entry behind.
  expect([...Object.keys(EXPORTED), ...Object.keys(NOT_EXPORTED)].sort()).toEqual(columns);

  const data = (await exportUserData(db, (await makeUser(db, { role: "student" })).id))!;
  for (const [column, keys] of Object.entries(EXPORTED)) for (const key of [keys].flat()) expect(Object.keys(data), column).toContain(key);
  for (const key of Object.keys(data).filter((k) => !["exportedAt", "about", "recordsAboutYou"].includes(k))) expect(data.about, `the about text explains ${key}`).toContain(`${key}`);
});

test("there is no export for an account that does not exist", async () => {
  expect(await exportUserData(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
});

// ── delete ───────────────────────────────────────────────────────────────────────────────────

async function deletedCount(role: "student" | "mentor" | "admin") {
  const [row] = await db.select({ n: count() }).from(deletedAccounts).where(eq(deletedAccounts.role, role));
  return row!.n;
}

test("a wrong password deletes nothing", async () => {
  const student = await makeStudent(db);
  await createSession(db, student.id, "Firefox");
  const queued = await makeEmail(db, { to: [student.email], userId: student.id });
  const before = await deletedCount("student");

  expect(await deleteAccount(db, student.id, { password: "not my password" })).toEqual({ ok: false, error: "wrong_password" });

  expect(await rows(db.select().from(users).where(eq(users.id, student.id)))).toBe(1);
  expect(await rows(db.select().from(sessions).where(eq(sessions.userId, student.id)))).toBe(1);
  expect(await rows(db.select().from(studentProfiles).where(eq(studentProfiles.userId, student.id)))).toBe(1);
  expect(await rows(db.select().from(studentSkills).where(eq(studentSkills.userId, student.id)))).toBe(2);
  expect(await rows(db.select().from(emails).where(eq(emails.id, queued.id)))).toBe(1);
  expect(await deletedCount("student")).toBe(before);
});

test("deleting removes the account, sessions, profile, skills, projects and emails to them; the role is still counted", async () => {
  const student = await makeStudent(db);
  const other = await makeStudent(db);
  await createSession(db, student.id, "Firefox");
  await createSession(db, student.id, "Safari");
  const tied = await makeEmail(db, { to: [student.email], userId: student.id, status: "sent" });
  const queuedToAddress = await makeEmail(db, { to: [student.email], userId: null });
  const shared = await makeEmail(db, { to: [student.email, other.email], userId: null });
  const othersEmail = await makeEmail(db, { to: [other.email], userId: other.id });
  await recordAudit(db, { actorId: student.id, action: "application.submitted", subjectType: "application", subjectId: "a1", detail: { contact: student.email } });
  const everBefore = await accountsEverByRole(db);
  const deletedBefore = await deletedCount("student");

  expect(await deleteAccount(db, student.id, { password: KNOWN_PASSWORD })).toEqual({ ok: true, role: "student" });

  expect(await rows(db.select().from(users).where(eq(users.id, student.id)))).toBe(0);
  expect(await rows(db.select().from(sessions).where(eq(sessions.userId, student.id)))).toBe(0);
  expect(await rows(db.select().from(studentProfiles).where(eq(studentProfiles.userId, student.id)))).toBe(0);
  expect(await rows(db.select().from(studentSkills).where(eq(studentSkills.userId, student.id)))).toBe(0);
  expect(await rows(db.select().from(studentProjects).where(eq(studentProjects.userId, student.id)))).toBe(0);
  expect(await rows(db.select().from(emails).where(eq(emails.id, tied.id)))).toBe(0);
  expect(await rows(db.select().from(emails).where(eq(emails.id, queuedToAddress.id)))).toBe(0);
  expect(await rows(db.select().from(emails).where(sql`${student.email} = any(${emails.to})`))).toBe(0);
  const [sharedAfter] = await db.select().from(emails).where(eq(emails.id, shared.id));
  expect(sharedAfter!.to).toEqual([other.email]);
  expect(await rows(db.select().from(emails).where(eq(emails.id, othersEmail.id)))).toBe(1);
  expect(await rows(db.select().from(studentProfiles).where(eq(studentProfiles.userId, other.id)))).toBe(1);

  // Counted anonymously: one more deleted student, and "students ever" unchanged.
  expect(await deletedCount("student")).toBe(deletedBefore + 1);
  expect(await accountsEverByRole(db)).toEqual(everBefore);

  // The audit log keeps the entries, without the person's address, and records the deletion anonymously.
  expect(await rows(db.select().from(auditLog).where(sql`position(${student.email} in ${auditLog.detail}::text) > 0`))).toBe(0);
  const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, "account.deleted"), eq(auditLog.subjectType, "user"))).orderBy(sql`${auditLog.id} desc`).limit(1);
  expect(entry!.actorId).toBeNull();
  expect(entry!.detail).toEqual({ role: "student", by: "account_holder" });
  expect(JSON.stringify(entry)).not.toContain(student.email);
  expect(JSON.stringify(entry)).not.toContain(student.id);
});

test("a deleted mentor's organization and slots stay for the other mentors, without the mentor's name", async () => {
  const leaving = await makeUser(db, { role: "mentor" });
  const staying = await makeUser(db, { role: "mentor" });
  const org = await makeOrganization(db, [leaving, staying]);
  const shared = await makeSlot(db, org.id, [leaving, staying]);
  const onlyTheirs = await makeSlot(db, org.id, [leaving]);

  expect(await deleteAccount(db, leaving.id, { password: KNOWN_PASSWORD })).toEqual({ ok: true, role: "mentor" });

  const [orgAfter] = await db.select().from(organizations).where(eq(organizations.id, org.id));
  expect(orgAfter!.createdBy).toBeNull();
  const [sharedAfter] = await db.select().from(slots).where(eq(slots.id, shared.id));
  expect(sharedAfter).toMatchObject({ status: "open", createdBy: null });
  expect(await db.select({ userId: slotMentors.userId }).from(slotMentors).where(eq(slotMentors.slotId, shared.id))).toEqual([{ userId: staying.id }]);
  // A slot left with no named mentor cannot be mentored: it closes, and the audit log says why.
  const [orphan] = await db.select().from(slots).where(eq(slots.id, onlyTheirs.id));
  expect(orphan!.status).toBe("closed");
  expect(await rows(db.select().from(auditLog).where(and(eq(auditLog.action, "slot.closed"), eq(auditLog.subjectId, onlyTheirs.id))))).toBe(1);
  expect(await rows(db.select().from(organizationMembers).where(eq(organizationMembers.organizationId, org.id)))).toBe(1);
});

test("when the last member leaves, the organization stays, its open and in-review slots close, and the audit log says so", async () => {
  const mentor = await makeUser(db, { role: "mentor" });
  const org = await makeOrganization(db, [mentor]);
  const open = await makeSlot(db, org.id, [mentor]);
  const inReview = await makeSlot(db, org.id, [], { status: "pending_review" });
  const draft = await makeSlot(db, org.id, [mentor], { status: "draft" });
  const invited = uniqueEmail("next-mentor");
  await db.insert(organizationInvitations).values({ id: generateToken().id, secretHash: "1".repeat(64), organizationId: org.id, email: invited, invitedBy: mentor.id, expiresAt: new Date(Date.now() + 86_400_000) });

  expect(await deleteAccount(db, mentor.id, { password: KNOWN_PASSWORD })).toEqual({ ok: true, role: "mentor" });

  expect(await rows(db.select().from(organizations).where(eq(organizations.id, org.id)))).toBe(1);
  const statuses = Object.fromEntries((await db.select({ id: slots.id, status: slots.status }).from(slots).where(eq(slots.organizationId, org.id))).map((s) => [s.id, s.status]));
  expect(statuses).toEqual({ [open.id]: "closed", [inReview.id]: "closed", [draft.id]: "draft" });
  const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, "organization.left_without_members"), eq(auditLog.subjectId, org.id)));
  expect(entry!.actorId).toBeNull();
  expect(entry!.detail).toMatchObject({ reason: "last_member_deleted_account" });
  expect((entry!.detail as { closedSlots: string[] }).closedSlots.sort()).toEqual([open.id, inReview.id].sort());
  // The invitation someone else received still lets a new mentor take over.
  const [invitation] = await db.select().from(organizationInvitations).where(eq(organizationInvitations.email, invited));
  expect(invitation!.invitedBy).toBeNull();
});

/** Every column that references a match, found in the schema, so a new mentorship table is checked too. */
function matchColumns() {
  const found: { table: string; column: string }[] = [];
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    for (const fk of config.foreignKeys) {
      if (fk.reference().foreignTable !== schema.matches) continue;
      for (const column of fk.reference().columns) found.push({ table: config.name, column: column.name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) });
    }
  }
  return found;
}

test("a deleted student's matches go, and with them every row of the mentorship: plan, evidence, check-ins, thread, feedback, outcome, follow-ups, reminders", async () => {
  const { student, mentor, match } = await makeFullMentorship(db);
  const goalIds = (await db.select({ id: mentorshipGoals.id }).from(mentorshipGoals).where(eq(mentorshipGoals.matchId, match.id))).map((g) => g.id);
  const columns = matchColumns();
  expect(columns.map((c) => c.table)).toEqual(
    expect.arrayContaining(["mentorship_goals", "check_ins", "match_messages", "message_notices", "feedback_answers", "match_outcomes", "outcome_follow_ups", "reminders"]),
  );
  const referring = async () => {
    const counts: [string, number][] = [];
    for (const { table, column } of columns) {
      const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} = ${match.id}`);
      counts.push([`${table}.${column}`, row!.n]);
    }
    return counts.filter(([, n]) => n > 0).map(([column]) => column);
  };
  expect((await referring()).length).toBeGreaterThanOrEqual(8);

  expect(await deleteAccount(db, student.id, { password: KNOWN_PASSWORD })).toEqual({ ok: true, role: "student" });

  expect(await rows(db.select().from(matches).where(eq(matches.id, match.id)))).toBe(0);
  expect(await referring()).toEqual([]);
  expect(await rows(db.select().from(goalEvidence).where(inArray(goalEvidence.goalId, goalIds)))).toBe(0);
  expect(await rows(db.select().from(reminders).where(eq(reminders.userId, student.id)))).toBe(0);
  expect(await rows(db.select().from(emailPreferences).where(eq(emailPreferences.userId, student.id)))).toBe(0);
  // The mentor stays, with nothing left of the deleted student's internship.
  expect(await rows(db.select().from(users).where(eq(users.id, mentor.id)))).toBe(1);
  expect((await exportUserData(db, mentor.id))!.mentoring).toEqual({
    goals: [],
    checkInReplies: [],
    messages: [],
    feedback: [],
    lettersYouWereAskedFor: [],
    referralsYouWereAskedFor: [],
    documentsYouSigned: [],
  });
});

test('a deleted mentor\'s replies, messages, confirmations, evidence and feedback stay on the student\'s match as "a former mentor"; their reminders and notices go', async () => {
  const { student, mentor, match } = await makeFullMentorship(db);

  expect(await deleteAccount(db, mentor.id, { password: KNOWN_PASSWORD })).toEqual({ ok: true, role: "mentor" });

  const [message] = await db.select().from(matchMessages).where(and(eq(matchMessages.matchId, match.id), eq(matchMessages.body, "Friday at 10 works for me.")));
  expect(message!.authorId).toBeNull();
  const [reply] = await db.select().from(checkIns).where(and(eq(checkIns.matchId, match.id), eq(checkIns.week, 1)));
  expect(reply).toMatchObject({ reply: "Great first week, well done on the date bug", mentorHoursGiven: 2.5, repliedBy: null });
  const [confirmed] = await db.select().from(mentorshipGoals).where(and(eq(mentorshipGoals.matchId, match.id), eq(mentorshipGoals.position, 0)));
  expect(confirmed).toMatchObject({ state: "done", doneConfirmedBy: null, doneConfirmedAt: expect.any(Date) });
  expect((await db.select().from(feedbackAnswers).where(and(eq(feedbackAnswers.matchId, match.id), eq(feedbackAnswers.side, "mentor")))).map((f) => f.authorId)).toEqual([null, null]);
  expect(await rows(db.select().from(reminders).where(eq(reminders.userId, mentor.id)))).toBe(0);
  expect(await rows(db.select().from(messageNotices).where(eq(messageNotices.userId, mentor.id)))).toBe(0);

  const [exported] = (await exportUserData(db, student.id))!.matches;
  expect(exported!.checkIns[0]!.reply?.by).toBe("a former mentor");
  expect(exported!.messages.map((m) => m.by)).toEqual(["you", "a former mentor"]);
  expect(exported!.plan[0]!.doneConfirmedBy).toBe("a former mentor");
  expect(exported!.plan[1]!.evidence[0]!.addedBy).toBe("a former mentor");
  expect(exported!.feedback.map((f) => f.by)).toEqual(["you", "a former mentor"]);
  expect(JSON.stringify(exported)).not.toContain("Priya Raman");
});

test("the last admin (suspended ones do not count) cannot delete their account; an admin with a colleague can", async () => {
  const admin = await makeUser(db, { role: "admin" });
  const colleague = await makeUser(db, { role: "admin" });

  // why: the test database is shared with other files that make admins; inside a transaction
  // that is rolled back, everyone else is demoted so this admin is the last one.
  const rollback = new Error("rollback");
  await expect(
    transaction(db, async (tx) => {
      await tx.update(users).set({ role: "mentor" }).where(and(eq(users.role, "admin"), sql`${users.id} <> ${admin.id}`, sql`${users.id} <> ${colleague.id}`));
      // A suspended colleague cannot sign in, so this admin is the last one who can.
      await tx.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, colleague.id));
      expect(await deleteAccount(tx, admin.id, { password: KNOWN_PASSWORD })).toEqual({ ok: false, error: "last_admin" });
      expect(await rows(tx.select().from(users).where(eq(users.id, admin.id)))).toBe(1);
      throw rollback;
    }),
  ).rejects.toBe(rollback);

  expect(await deleteAccount(db, admin.id, { password: KNOWN_PASSWORD })).toEqual({ ok: true, role: "admin" });
  expect(await rows(db.select().from(users).where(eq(users.id, colleague.id)))).toBe(1);
});

test("wrong passwords count as failed logins: after ten, even the right one is refused for a while", async () => {
  const student = await makeStudent(db);
  for (let i = 0; i < 10; i++) await deleteAccount(db, student.id, { password: `guess ${i}` });

  expect(await deleteAccount(db, student.id, { password: KNOWN_PASSWORD })).toEqual({ ok: false, error: "throttled" });
  expect(await rows(db.select().from(users).where(eq(users.id, student.id)))).toBe(1);
});
