import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { verifyPassword } from "~/auth/password.server";
import { isIn, STUDENT_GOALS } from "~/domain/vocabulary";
import { payAgainstMinimum } from "~/domain/minimum-wage";
import { authorizationFit } from "~/engine/work-authorization";
import { checkEligibility } from "~/engine/eligibility";
import { loadMatchSlot, loadStudent } from "~/modules/engine-adapter/instance.server";
import { AUTHORIZATION_INFO } from "~/domain/work-authorization";
import { slotRuleIssues } from "~/modules/slots/rules";
import { submitted } from "~/modules/slots/submitted";
import { dayIn } from "~/modules/slots/access.server";
import { addDays, daysBetween, feedbackRoundDays, isLate, lastDay, weekDays, weekOf } from "~/modules/mentorship/weeks";
import { findMentorship } from "~/modules/mentorship/access.server";
import { getFeedbackPage } from "~/modules/mentorship/feedback.server";
import { listStalledMatches } from "~/modules/mentorship/stalled.server";
import { STALL_DAYS } from "~/modules/mentorship/schedule";
import { runReminderSweep } from "~/modules/mentorship/sweep.server";
import { transaction, type Db } from "./client.server";
import { moduleTestDb } from "./test/module-db";
import {
  applications,
  auditLog,
  checkIns,
  emails,
  feedbackAnswers,
  goalEvidence,
  issuedDocuments,
  letterDeliveries,
  letterViews,
  matches,
  matchMessages,
  matchOutcomes,
  mentorshipGoals,
  messageNotices,
  organizationMembers,
  organizations,
  outcomeFollowUps,
  recommendationLetters,
  referrals,
  reminders,
  skills,
  slotMentors,
  slotStars,
  slots,
  slotSkills,
  studentProfiles,
  studentProjects,
  studentSkills,
  users,
  workAuthorization,
  type PrimaryBeneficiaryAnswers,
} from "./schema";
import { parseContent } from "~/modules/documents/content";
import { publicPromiseRecordOf } from "~/modules/promises/promises.server";
import { DEMO_ACTIVE_MENTORSHIP, DEMO_COMPLETED_MENTORSHIP, DEMO_MENTORSHIPS, DEMO_ORGANIZATIONS, DEMO_STALLED_MENTORSHIP, DEMO_SLOTS, DEMO_STUDENTS, TRACKS } from "./seed-data";
import { DEMO_PASSWORD, seedDemoData } from "./seed.server";
import { COHORT_ORGANIZATIONS, COHORT_SLOTS, COHORT_STUDENTS, reached, type CohortStage } from "./seed-cohort-data";

// The queue: the sweep these tests run queues its emails (queueEmail needs it).
const db = moduleTestDb({ queue: true });

const NOW = new Date("2031-03-10T12:00:00Z");
const today = NOW.toISOString().slice(0, 10);

/**
 * Runs `fn` on a database where the seed has run, then undoes everything.
 * why: the test database is shared with the other test files, which must not see 37 demo accounts.
 */
async function inRolledBackSeed(fn: (tx: Db) => Promise<void>) {
  const rollback = new Error("rollback");
  await expect(
    transaction(db, async (tx) => {
      await seedDemoData(tx, NOW);
      await fn(tx);
      throw rollback;
    }),
  ).rejects.toBe(rollback);
}

async function tableCounts(tx: Db) {
  const tables = {
    users,
    organizations,
    organizationMembers,
    slots,
    slotSkills,
    slotMentors,
    studentProfiles,
    studentSkills,
    studentProjects,
    matches,
    mentorshipGoals,
    goalEvidence,
    checkIns,
    matchMessages,
    feedbackAnswers,
    matchOutcomes,
    reminders,
    auditLog,
    applications,
    recommendationLetters,
    letterDeliveries,
    referrals,
    outcomeFollowUps,
    emails,
  };
  const entries = await Promise.all(Object.entries(tables).map(async ([name, table]) => [name, (await tx.select({ n: count() }).from(table))[0]!.n] as const));
  return Object.fromEntries(entries);
}

test("the seed creates a startup, a nonprofit and a research team, verified, with their mentors", async () => {
  await inRolledBackSeed(async (tx) => {
    const orgs = await tx.select().from(organizations).where(inArray(organizations.slug, DEMO_ORGANIZATIONS.map((o) => o.slug)));
    expect(orgs.length).toBeGreaterThanOrEqual(3);
    expect(new Set(orgs.map((o) => o.type))).toEqual(new Set(["startup", "nonprofit", "research_team", "small_business"]));
    expect(orgs.every((o) => o.verifiedAt && o.verifiedBy)).toBe(true);

    const members = await tx
      .select({ email: users.email, org: organizations.type, verified: users.emailVerifiedAt, hash: users.passwordHash })
      .from(organizationMembers)
      .innerJoin(users, eq(users.id, organizationMembers.userId))
      .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
      .where(inArray(organizations.slug, DEMO_ORGANIZATIONS.map((o) => o.slug)));
    expect(members).toContainEqual(expect.objectContaining({ email: "mentor@example.org", org: "startup" }));
    for (const org of orgs) {
      const n = members.filter((m) => m.org === org.type).length;
      expect(n, org.name).toBeGreaterThanOrEqual(1);
      expect(n, org.name).toBeLessThanOrEqual(2);
    }
    expect(members.every((m) => m.verified)).toBe(true);
    expect(await verifyPassword(members.find((m) => m.email === "mentor2@example.org")!.hash, DEMO_PASSWORD)).toBe(true);
  });
});

test("the seed creates 15+ slots: all four kinds of compensation, both countries, every work mode, dates still ahead", async () => {
  await inRolledBackSeed(async (tx) => {
    const rows = await tx
      .select()
      .from(slots)
      .innerJoin(organizations, eq(organizations.id, slots.organizationId))
      .where(inArray(organizations.slug, DEMO_ORGANIZATIONS.map((o) => o.slug)));
    const seeded = rows.map((r) => r.slots);
    expect(seeded.length).toBeGreaterThanOrEqual(15);
    expect(new Set(seeded.map((s) => s.compensation))).toEqual(new Set(["paid", "stipend", "unpaid", "course_credit"]));
    expect(new Set(seeded.map((s) => s.country))).toEqual(new Set(["US", "CA"]));
    expect(new Set(seeded.map((s) => s.workMode))).toEqual(new Set(["remote", "hybrid", "onsite"]));
    expect(new Set(seeded.filter((s) => s.compensation === "paid").map((s) => s.currency))).toEqual(new Set(["USD", "CAD"]));

    const byStatus = (status: string) => seeded.filter((s) => s.status === status);
    expect(byStatus("open").length).toBeGreaterThan(seeded.length / 2);
    expect(byStatus("pending_review").length).toBeGreaterThanOrEqual(2);
    expect(byStatus("draft").length).toBe(1);
    for (const s of byStatus("open").map(submitted)) {
      expect(s.applicationDeadline > today, s.title).toBe(true);
      expect(s.startDate >= s.applicationDeadline, s.title).toBe(true);
      expect(s.publishedAt!.getTime()).toBeLessThan(NOW.getTime());
    }
    const published = byStatus("open").map((s) => s.publishedAt!.getTime());
    expect(Math.max(...published) - Math.min(...published)).toBeGreaterThan(21 * 24 * 3600_000);

    const ids = seeded.map((s) => s.id);
    const skillRows = await tx.select().from(slotSkills).where(inArray(slotSkills.slotId, ids));
    const mentorRows = await tx.select().from(slotMentors).where(inArray(slotMentors.slotId, ids));
    for (const id of ids) {
      expect(skillRows.some((r) => r.slotId === id && r.required)).toBe(true);
      expect(mentorRows.some((r) => r.slotId === id)).toBe(true);
    }
    expect(skillRows.some((r) => !r.required)).toBe(true);
  });
});

test("the seed creates 30 students with complete profiles across all twelve work-authorization statuses", async () => {
  await inRolledBackSeed(async (tx) => {
    const profiles = await tx
      .select({ profile: studentProfiles, role: users.role, email: users.email })
      .from(studentProfiles)
      .innerJoin(users, eq(users.id, studentProfiles.userId))
      .where(inArray(users.email, DEMO_STUDENTS.map((s) => s.email)));
    expect(profiles.length).toBeGreaterThanOrEqual(30);
    expect(profiles.every((p) => p.role === "student")).toBe(true);
    expect(profiles.map((p) => p.email)).toContain("student@example.org");
    expect(new Set(profiles.map((p) => p.profile.workAuthorization))).toEqual(new Set(workAuthorization.enumValues));
    for (const { profile } of profiles) {
      for (const field of ["school", "program", "degree", "graduationDate", "country", "city", "timezone", "availableFrom", "availableWeeks", "hoursPerWeekTerm", "compensation"] as const) {
        expect(profile[field], `${field} of ${profile.userId}`).not.toBeNull();
      }
      expect(profile.workModes.length).toBeGreaterThan(0);
      expect(profile.goals).toContain("mentorship");
      expect(profile.goals.every((g) => isIn(STUDENT_GOALS, g))).toBe(true);
      // Validity dates only for statuses that have them (OPT, J-1, EAD, permits).
      if (profile.authorizationValidUntil) expect(AUTHORIZATION_INFO[profile.workAuthorization!].hasDates).toBe(true);
    }
    const inMatching = profiles.filter((p) => p.profile.inMatching).length / profiles.length;
    expect(inMatching).toBeGreaterThan(0.55);
    expect(inMatching).toBeLessThan(0.8);

    const userIds = profiles.map((p) => p.profile.userId);
    const skillCounts = await tx.select({ userId: studentSkills.userId, n: count() }).from(studentSkills).where(inArray(studentSkills.userId, userIds)).groupBy(studentSkills.userId);
    expect(skillCounts.length).toBe(userIds.length);
    expect(skillCounts.every((s) => s.n >= 5)).toBe(true);
    const [projects] = await tx.select({ n: count() }).from(studentProjects).where(inArray(studentProjects.userId, userIds));
    expect(projects!.n).toBeGreaterThanOrEqual(30);
  });
});

test("running the seed again creates nothing new", async () => {
  await inRolledBackSeed(async (tx) => {
    const before = await tableCounts(tx);
    expect(await seedDemoData(tx, new Date(NOW.getTime() + 86_400_000))).toEqual({ created: 0, accounts: 0, organizations: 0, slots: 0, profiles: 0, mentorships: 0, cohort: 0 });
    expect(await tableCounts(tx)).toEqual(before);
  });
});

/** The demo match of `studentEmail` on the slot titled `title`, with its slot, its mentor's id and its rows. */
async function seededMentorship(tx: Db, studentEmail: string, title: string, mentorEmail = "mentor@example.org") {
  const [row] = await tx
    .select({ match: matches, slot: slots })
    .from(matches)
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(users, eq(users.id, matches.studentId))
    .where(and(eq(users.email, studentEmail), eq(slots.title, title)));
  expect(row, title).toBeDefined();
  const { match, slot } = row!;
  const [mentor] = await tx.select({ id: users.id }).from(users).where(eq(users.email, mentorEmail));
  const [named] = await tx.select().from(slotMentors).where(eq(slotMentors.slotId, slot.id));
  const goals = await tx.select().from(mentorshipGoals).where(eq(mentorshipGoals.matchId, match.id)).orderBy(asc(mentorshipGoals.position));
  const evidence = await tx.select().from(goalEvidence).where(inArray(goalEvidence.goalId, goals.map((g) => g.id)));
  const weeks = await tx.select().from(checkIns).where(eq(checkIns.matchId, match.id)).orderBy(asc(checkIns.week));
  const messages = await tx.select().from(matchMessages).where(eq(matchMessages.matchId, match.id)).orderBy(asc(matchMessages.createdAt));
  const feedback = await tx.select().from(feedbackAnswers).where(eq(feedbackAnswers.matchId, match.id));
  const [outcome] = await tx.select().from(matchOutcomes).where(eq(matchOutcomes.matchId, match.id));
  const dates = { startDate: slot.startDate!, durationWeeks: slot.durationWeeks! };
  return { match, slot, mentorId: mentor!.id, named: named!, goals, evidence, weeks, messages, feedback, outcome, dates, today: dayIn(slot.timezone!, NOW) };
}

test("the demo student's internship is under way with the demo mentor: five weeks of check-ins (one late), four replies, a plan half done, a thread", async () => {
  await inRolledBackSeed(async (tx) => {
    const m = await seededMentorship(tx, "student@example.org", DEMO_ACTIVE_MENTORSHIP.slot.title);
    expect(m.match.status).toBe("active");
    expect(m.slot.status).toBe("filled");
    expect(m.named.userId).toBe(m.mentorId);
    // Five weeks and two days in, counted in the slot's zone.
    expect(daysBetween(m.dates.startDate, m.today)).toBe(5 * 7 + 2);
    expect(weekOf(m.dates, m.today)).toBe(6);
    expect(m.match.startedAt!.getTime()).toBeLessThan(NOW.getTime());

    // A check-in for each of weeks 1–5, each written in or after its week and by today; the late mark agrees with weeks.ts.
    expect(m.weeks.map((c) => c.week)).toEqual([1, 2, 3, 4, 5]);
    for (const c of m.weeks) {
      const written = dayIn(m.slot.timezone!, c.submittedAt);
      expect(written >= weekDays(m.dates, c.week).first && written <= m.today, `week ${c.week}`).toBe(true);
      expect(c.late, `week ${c.week}`).toBe(isLate(m.dates, c.week, written));
      expect(c.hoursWorked).toBeGreaterThanOrEqual(18);
      expect(c.hoursWorked).toBeLessThanOrEqual(24);
      expect(c.done.length).toBeGreaterThan(40);
      expect(c.next.length).toBeGreaterThan(20);
    }
    expect(m.weeks.filter((c) => c.late).map((c) => c.week)).toEqual([5]);
    expect(m.weeks.filter((c) => c.blockers).length).toBe(1);
    const replied = m.weeks.filter((c) => c.reply);
    expect(replied.map((c) => c.week)).toEqual([1, 2, 3, 4]);
    for (const c of replied) expect([c.repliedBy, c.mentorHoursGiven! > 0, c.repliedAt! > c.submittedAt]).toEqual([m.mentorId, true, true]);

    // Six goals, half done: one of them waits for the mentor's confirmation, one links a repository.
    expect(m.goals.length).toBe(6);
    const done = m.goals.filter((g) => g.state === "done");
    expect(done.length).toBe(3);
    expect(done.filter((g) => !g.doneConfirmedAt).length).toBe(1);
    expect(done.filter((g) => g.doneConfirmedAt).every((g) => g.doneConfirmedBy === m.mentorId)).toBe(true);
    expect(m.evidence.some((e) => e.url.startsWith("https://github.com/"))).toBe(true);

    // A short thread between the two, over those weeks.
    expect(m.messages.length).toBe(5);
    expect(new Set(m.messages.map((x) => x.authorId))).toEqual(new Set([m.match.studentId, m.mentorId]));
    expect(m.messages.every((x) => x.createdAt.getTime() < NOW.getTime())).toBe(true);
    // Already emailed: the first sweep finds nothing waiting.
    expect((await tx.select().from(messageNotices).where(eq(messageNotices.matchId, m.match.id))).length).toBe(2);
    expect(m.feedback).toEqual([]);
    expect(m.outcome).toBeUndefined();
    // Every goal is due within the slot's weeks.
    expect(m.goals.every((g) => g.targetWeek >= 1 && g.targetWeek <= m.dates.durationWeeks)).toBe(true);
  });
});

test("on the seed's day, Wei's midpoint feedback round is open and both Wei and Priya see an empty form; the sweep emails them nothing old", async () => {
  await inRolledBackSeed(async (tx) => {
    const m = await seededMentorship(tx, "student@example.org", DEMO_ACTIVE_MENTORSHIP.slot.title);
    const rounds = feedbackRoundDays(m.dates);
    // It opened two days ago and stays open for twelve more days.
    expect(daysBetween(rounds.midpoint.opens, m.today)).toBe(2);
    for (const viewer of [{ id: m.match.studentId, role: "student" as const }, { id: m.mentorId, role: "mentor" as const }]) {
      const mentorship = await findMentorship(tx, viewer, m.match.id, { now: NOW });
      expect(mentorship?.side, viewer.role).toBe(viewer.role);
      const page = await getFeedbackPage(tx, mentorship!);
      expect(page.mayAnswer, viewer.role).toBe(true);
      expect(page.rounds.map((r) => [r.round, r.state, r.answers.length])).toEqual([
        ["midpoint", "open", 0],
        ["final", "upcoming", 0],
      ]);
    }

    // The ledger already holds the round's announcement to both sides (as feedback.server.ts keys it), dated its opening day.
    const opened = await tx.select().from(reminders).where(and(eq(reminders.matchId, m.match.id), eq(reminders.kind, "feedback_open")));
    expect(opened.map((r) => [r.eventKey, r.userId]).sort()).toEqual([[`${m.match.id}:midpoint`, m.match.studentId], [`${m.match.id}:midpoint`, m.mentorId]].sort());
    expect(opened.every((r) => dayIn(m.slot.timezone!, r.createdAt) === rounds.midpoint.opens)).toBe(true);

    // The first sweep after the seed writes no reminder on any demo internship: nothing about days long past.
    const demoMatches = await tx
      .select({ id: matches.id })
      .from(matches)
      .innerJoin(slots, eq(slots.id, matches.slotId))
      .where(inArray(slots.title, DEMO_MENTORSHIPS.map((d) => d.slot.title)));
    expect(demoMatches.length).toBe(DEMO_MENTORSHIPS.length);
    const ledger = async () => (await tx.select({ n: count() }).from(reminders).where(inArray(reminders.matchId, demoMatches.map((d) => d.id))))[0]!.n;
    const before = await ledger();
    const first = await runReminderSweep(tx, NOW);
    expect(Object.values(first).every((n) => n !== null), "every step ran").toBe(true);
    expect(await ledger()).toBe(before);

    // Five days after opening, whoever has not answered is reminded: the demo's story goes on by itself.
    const later = await runReminderSweep(tx, new Date(NOW.getTime() + 3 * 86_400_000));
    expect(later.feedbackRounds).toBe(2);
    const reminded = await tx.select().from(reminders).where(and(eq(reminders.matchId, m.match.id), eq(reminders.kind, "feedback_reminder")));
    expect(reminded.map((r) => r.userId).sort()).toEqual([m.match.studentId, m.mentorId].sort());
  });
});

test("the admins' stalled list shows Lucas's internship at Harbour Food Network: two weeks of check-ins, then eighteen days of silence", async () => {
  await inRolledBackSeed(async (tx) => {
    const m = await seededMentorship(tx, DEMO_STALLED_MENTORSHIP.student, DEMO_STALLED_MENTORSHIP.slot.title, DEMO_STALLED_MENTORSHIP.mentor);
    expect(m.match.status).toBe("active");
    expect(m.named.userId).toBe(m.mentorId);
    expect(m.weeks.map((c) => c.week)).toEqual([1, 2]);
    expect(m.weeks.every((c) => c.reply && !c.late)).toBe(true);
    expect(weekOf(m.dates, m.today)).toBe(5);

    // Every page: the module tests' own quiet internships share this database, and older silence comes first.
    const rows = [];
    for (let page = 1, pages = 1; page <= pages; page++) {
      const list = await listStalledMatches(tx, NOW, { page });
      rows.push(...list.rows);
      pages = list.pages;
    }
    const demoTitles = DEMO_MENTORSHIPS.map((d) => d.slot.title);
    const stalled = rows.filter((r) => demoTitles.includes(r.slot.title));
    expect(stalled.map((r) => r.matchId)).toEqual([m.match.id]);
    const [row] = stalled;
    expect(row!.daysSilent).toBeGreaterThanOrEqual(17);
    expect(row!.daysSilent).toBeLessThanOrEqual(20);
    expect(row!.daysSilent).toBeGreaterThanOrEqual(STALL_DAYS);
    expect(row!.organization.name).toBe("Harbour Food Network");
    expect(row!.nudgedToday).toBe(false);
    // The silence is real: no check-in, reply or message after the last activity.
    const last = Math.max(...m.weeks.map((c) => Math.max(c.submittedAt.getTime(), c.repliedAt?.getTime() ?? 0)), ...m.messages.map((x) => x.createdAt.getTime()));
    expect(row!.lastActivityAt.getTime()).toBe(last);
    // Weeks 3 and 4 were missed, and the sweep reminded each the day after it was due.
    const due = await tx.select().from(reminders).where(and(eq(reminders.matchId, m.match.id), eq(reminders.kind, "check_in_due")));
    expect(due.map((r) => r.eventKey).sort()).toEqual([`${m.match.id}:week:3`, `${m.match.id}:week:4`]);
  });
});

test("the demo mentor's completed internship: every week's check-in, both feedback rounds from both sides (some shared), goals done, and the outcome", async () => {
  await inRolledBackSeed(async (tx) => {
    const m = await seededMentorship(tx, DEMO_COMPLETED_MENTORSHIP.student, DEMO_COMPLETED_MENTORSHIP.slot.title);
    expect(m.match.status).toBe("completed");
    expect(m.named.userId).toBe(m.mentorId);
    const ago = (NOW.getTime() - m.match.completedAt!.getTime()) / 86_400_000;
    expect(ago).toBeGreaterThan(12);
    expect(ago).toBeLessThan(16);
    expect(addDays(lastDay(m.dates), 1)).toBe(dayIn(m.slot.timezone!, m.match.completedAt!));

    expect(m.weeks.map((c) => c.week)).toEqual(Array.from({ length: m.dates.durationWeeks }, (_, i) => i + 1));
    for (const c of m.weeks) expect(c.late).toBe(isLate(m.dates, c.week, dayIn(m.slot.timezone!, c.submittedAt)));
    expect(m.weeks.every((c) => c.reply && c.repliedBy === m.mentorId)).toBe(true);
    expect(m.goals.length).toBeGreaterThan(0);
    expect(m.goals.every((g) => g.state === "done" && g.doneConfirmedAt)).toBe(true);

    // Both rounds answered by both sides while each was open; some answers shared, some not.
    const rounds = feedbackRoundDays(m.dates);
    expect(m.feedback.map((f) => `${f.round}:${f.side}`).sort()).toEqual(["final:mentor", "final:student", "midpoint:mentor", "midpoint:student"]);
    for (const f of m.feedback) {
      const day = dayIn(m.slot.timezone!, f.submittedAt);
      expect(day >= rounds[f.round].opens && day <= rounds[f.round].closes, `${f.round} ${f.side}`).toBe(true);
      expect(f.authorId).toBe(f.side === "mentor" ? m.mentorId : m.match.studentId);
    }
    expect(new Set(m.feedback.map((f) => f.shared))).toEqual(new Set([true, false]));

    // Letter delivered, referral not yet, return offer pending.
    expect(m.outcome).toMatchObject({ benefits: { recommendation_letter: true, referral: false }, returnOffer: "pending", recordedBy: m.match.studentId });
    expect(m.messages.length).toBeGreaterThan(0);

    // The match's history: introduced, confirmed, started, completed.
    const history = await tx.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, m.match.id)).orderBy(asc(auditLog.createdAt));
    expect(history.map((h) => h.action)).toEqual(["match.approved", "match.confirmed", "match.active", "match.completed"]);
  });
});

test("the seed refuses to run when NODE_ENV is production", async () => {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await expect(seedDemoData(db, NOW)).rejects.toThrow("Refusing to seed demo data");
  } finally {
    process.env.NODE_ENV = previous;
  }
  expect((await db.select({ n: count() }).from(users).where(eq(users.email, "mentor6@example.org")))[0]!.n).toBe(0);
});

test("every skill in the demo data exists in the taxonomy", async () => {
  const used = new Set([...[...DEMO_SLOTS, ...COHORT_SLOTS].flatMap((s) => [...s.required, ...s.niceToHave].map(([slug]) => slug)), ...Object.values(TRACKS).flatMap((t) => t.skills)]);
  const found = await db.select({ slug: skills.slug }).from(skills).where(inArray(skills.slug, [...used]));
  expect([...used].filter((slug) => !found.some((f) => f.slug === slug))).toEqual([]);
});

// The posting rules of DESIGN.md, checked on the data itself, so the demo never shows a slot the
// posting form would refuse.
test("every demo slot follows the posting rules", () => {
  // The internships' slots too: each was posted by its mentor's organization before it was filled.
  const internshipSlots = DEMO_MENTORSHIPS.map((d) => ({ ...d.slot, mentors: [d.mentor], status: "filled" as const, publishedDaysAgo: undefined }));
  for (const slot of [...DEMO_SLOTS, ...internshipSlots]) expectPostingRules(slot, DEMO_ORGANIZATIONS.find((o) => o.slug === slot.organization)!);
});

test("every slot of the earlier cohort follows the posting rules, and its open ones pass the posting form's", () => {
  for (const slot of COHORT_SLOTS) {
    const org = COHORT_ORGANIZATIONS.find((o) => o.slug === slot.organization)!;
    expectPostingRules(slot, { ...org, mentors: org.mentors.map((m) => m.email) });
  }
  const dateIn = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  for (const slot of COHORT_SLOTS.filter((s) => s.status === "open")) {
    const region = COHORT_ORGANIZATIONS.find((o) => o.slug === slot.organization)!.region;
    const terms = { ...slot, region, hourlyRate: slot.hourlyRate ? Number(slot.hourlyRate) : null, applicationDeadline: dateIn(slot.deadlineInDays), startDate: dateIn(slot.deadlineInDays + slot.startAfterDeadlineDays) };
    expect(slotRuleIssues(terms, today), slot.title).toEqual([]);
  }
});

function expectPostingRules(slot: Omit<(typeof DEMO_SLOTS)[number], "deadlineInDays" | "startAfterDeadlineDays">, org: { country: string; mentors: string[] }) {
  const US = new Set(workAuthorization.enumValues.filter((a) => a.startsWith("us_")));
  const CA = new Set(workAuthorization.enumValues.filter((a) => a.startsWith("ca_")));
  const factors: (keyof PrimaryBeneficiaryAnswers)[] = ["noExpectationOfPay", "educationalTraining", "tiedToEducation", "academicCalendar", "limitedDuration", "complementsStaff", "noJobEntitlement"];
  {
    const where = slot.title;
    expect(slot.mentors.every((m) => org.mentors.includes(m)), where).toBe(true);
    expect(slot.country, where).toBe(org.country);
    expect(slot.acceptedAuthorizations.every((a) => (slot.country === "US" ? US : CA).has(a)), where).toBe(true);
    expect(slot.questions.length, where).toBeLessThanOrEqual(3);
    expect(slot.required.length, where).toBeGreaterThan(0);
    if (slot.workMode !== "remote") expect(slot.city, where).toBeTruthy();

    const unpaid = slot.compensation === "unpaid" || slot.compensation === "course_credit";
    if (unpaid) {
      expect(slot.mentorHoursPerWeek, where).toBeGreaterThanOrEqual(1);
      expect(slot.learningPlan?.length ?? 0, where).toBeGreaterThan(100);
      for (const factor of factors) expect(slot.primaryBeneficiary?.[factor]?.length ?? 0, `${where}: ${factor}`).toBeGreaterThan(10);
      if (slot.country === "CA") expect([slot.academicSchool, slot.academicProgram], where).toEqual([expect.any(String), expect.any(String)]);
      // Unpaid work counts for post-completion OPT only at 20 hours a week or more.
      if (slot.hoursPerWeek < 20) expect(slot.acceptedAuthorizations, where).not.toContain("us_f1_opt_post");
      if (slot.status === "open") expect(slot.publishedDaysAgo, where).toBeDefined();
    }
    // STEM OPT needs pay, E-Verify and an I-983 training plan.
    if (slot.acceptedAuthorizations.includes("us_f1_stem_opt")) {
      expect(slot.compensation, where).toBe("paid");
      expect(slot.paperwork, where).toContain("everify_i983");
      expect(slot.hoursPerWeek, where).toBeGreaterThanOrEqual(20);
    }
    if (slot.acceptedAuthorizations.includes("us_f1_cpt")) expect(slot.paperwork, where).toContain("cpt_offer_letter");
    if (slot.acceptedAuthorizations.includes("ca_coop_permit")) expect(slot.paperwork, where).toContain("coop_agreement");
    // A Canadian study permit allows 24 hours a week off campus during the term; a required placement is not off-campus work.
    if (slot.acceptedAuthorizations.includes("ca_study_permit") && !slot.requiredPlacement) expect(slot.hoursPerWeek, where).toBeLessThanOrEqual(24);
    // Since 2026-04-01 a required placement in Canada takes study-permit students.
    if (slot.requiredPlacement) expect(slot.acceptedAuthorizations, where).toContain("ca_study_permit");
    // Pay at least the minimum wage where the slot is; a stipend below it would count as unpaid.
    expect(payAgainstMinimum({ ...slot, hourlyRate: slot.hourlyRate })?.below ?? false, where).toBe(false);
    if (slot.compensation === "paid") expect(Number(slot.hourlyRate), where).toBeGreaterThan(0);
  }
}

test("every demo slot passes the posting form's own rules", () => {
  const dateIn = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  for (const slot of DEMO_SLOTS) {
    const terms = {
      ...slot,
      hourlyRate: slot.hourlyRate ? Number(slot.hourlyRate) : null,
      applicationDeadline: dateIn(slot.deadlineInDays),
      startDate: dateIn(slot.deadlineInDays + slot.startAfterDeadlineDays),
    };
    expect(slotRuleIssues(terms, today), slot.title).toEqual([]);
  }
});

test("the demo has no randomness: the same `now` gives the same rows", async () => {
  const snapshot = async () => {
    let rows: unknown[] = [];
    await inRolledBackSeed(async (tx) => {
      const slotRows = await tx
        .select({ title: slots.title, deadline: slots.applicationDeadline, start: slots.startDate, publishedAt: slots.publishedAt, status: slots.status })
        .from(slots)
        .innerJoin(organizations, eq(organizations.id, slots.organizationId))
        .where(inArray(organizations.slug, DEMO_ORGANIZATIONS.map((o) => o.slug)))
        .orderBy(slots.title);
      const skillRows = await tx
        .select({ email: users.email, slug: studentSkills.skillSlug, level: studentSkills.level, availableFrom: studentProfiles.availableFrom, inMatching: studentProfiles.inMatching })
        .from(studentSkills)
        .innerJoin(users, eq(users.id, studentSkills.userId))
        .innerJoin(studentProfiles, eq(studentProfiles.userId, users.id))
        .where(inArray(users.email, DEMO_STUDENTS.map((st) => st.email)))
        .orderBy(users.email, studentSkills.skillSlug);
      rows = [...slotRows, ...skillRows];
    });
    return rows;
  };
  const first = await snapshot();
  expect(first.length).toBeGreaterThan(150);
  expect(await snapshot()).toEqual(first);
});

test("the demo has a Canadian required placement that a study-permit student can take, without the 24-hour cap", () => {
  const placements = DEMO_SLOTS.filter((s) => s.country === "CA" && s.requiredPlacement && s.status === "open");
  expect(placements.length).toBeGreaterThan(0);
  for (const slot of placements) {
    const fit = authorizationFit(
      { workAuthorization: "ca_study_permit" },
      { ...slot, durationWeeks: slot.durationWeeks, startDate: "2027-01-04", acceptedAuthorizations: slot.acceptedAuthorizations, requiredPlacement: true },
    );
    expect(fit, slot.title).toEqual({ eligible: true, problems: [], warnings: [{ code: "study_permit_required_placement", params: {} }] });
  }
});

test("what Diego's internship left: a confidential letter delivered and opened, a referral now interviewing; Brightlane has three internships complete", async () => {
  await inRolledBackSeed(async (tx) => {
    const m = await seededMentorship(tx, DEMO_COMPLETED_MENTORSHIP.student, DEMO_COMPLETED_MENTORSHIP.slot.title);
    const [letter] = await tx.select().from(recommendationLetters).where(eq(recommendationLetters.matchId, m.match.id));
    expect(letter).toMatchObject({ state: "ready", waived: true, format: "written", writerName: "Priya Raman", mentorId: m.mentorId });
    expect(letter!.verificationCode).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
    const deliveries = await tx.select().from(letterDeliveries).where(eq(letterDeliveries.letterId, letter!.id));
    expect(deliveries).toEqual([expect.objectContaining({ recipientName: "Talent team, Cascadia Health Analytics", viewCount: 1 })]);
    expect(deliveries[0]!.firstViewedAt!.getTime()).toBeLessThan(NOW.getTime());
    expect(deliveries[0]!.expiresAt.getTime()).toBeGreaterThan(deliveries[0]!.sentAt.getTime());
    const views = await tx.select().from(letterViews).where(eq(letterViews.deliveryId, deliveries[0]!.id));
    expect(views).toHaveLength(1);

    const [referral] = await tx.select().from(referrals).where(eq(referrals.matchId, m.match.id));
    expect(referral).toMatchObject({ state: "accepted", method: "email_to_recruiter", outcome: "interviewing", company: "Cascadia Health Analytics" });

    // His verification letter, signed by Priya and issued: its text generated from the internship (ten weeks of check-ins).
    const [document] = await tx.select().from(issuedDocuments).where(eq(issuedDocuments.matchId, m.match.id));
    expect(document).toMatchObject({ kind: "experience_verification", signerName: "Priya Raman", signedBy: m.mentorId });
    expect(document!.issuedAt).not.toBeNull();
    const content = parseContent(document!.content);
    expect(content?.hours?.weeks.length).toBe(10);

    // Three of Brightlane's internships are complete: enough for its record of promises kept to show.
    const complete = await tx
      .select({ id: matches.id })
      .from(matches)
      .innerJoin(slots, eq(slots.id, matches.slotId))
      .innerJoin(organizations, eq(organizations.id, slots.organizationId))
      .where(and(eq(organizations.slug, "brightlane-labs"), eq(matches.status, "completed")));
    expect(complete).toHaveLength(3);
    // So a student weighing one of its slots reads its record: every letter delivered; Rahul's promised referral never made.
    const [brightlane] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, "brightlane-labs"));
    const record = await publicPromiseRecordOf(tx, brightlane!.id);
    expect(record.shown).toBe(true);
    if (!record.shown) return;
    expect(record.internships).toBe(3);
    expect(record.byBenefit.map((b) => [b.benefit, b.kept, b.counted])).toEqual([
      ["recommendation_letter", 3, 3],
      ["referral", 2, 3],
    ]);
    expect(record.mentorHoursDelivered).toBeGreaterThan(0);
  });
});

// ── The earlier cohort: what the admins' view of the program (/admin/insights) shows ─────────

const COHORT = sql`(select ${users.id} from ${users} where ${users.email} like 'cohort-%')`;
const COHORT_SLOT_IDS = sql`(select ${slots.id} from ${slots} join ${organizations} on ${organizations.id} = ${slots.organizationId}
  where ${organizations.slug} in (${sql.join(COHORT_ORGANIZATIONS.map((o) => sql`${o.slug}`), sql`, `)}))`;

/** Cohort students who reached each step of the funnel, counted in plain SQL from the rows the app reads. */
async function cohortFunnel(tx: Db) {
  const [row] = await tx.execute<Record<string, number>>(sql`
    with cohort as (select ${users.id} as id, ${users.createdAt} as created_at from ${users} where ${users.role} = 'student' and ${users.email} like 'cohort-%'),
    m as (select * from ${matches} where ${matches.studentId} in (select id from cohort))
    select
      (select count(*) from cohort)::int as signed_up,
      (select count(*) from ${studentProfiles} where ${studentProfiles.userId} in (select id from cohort)
        and ${studentProfiles.workAuthorization} is not null and ${studentProfiles.availableFrom} is not null and ${studentProfiles.compensation} is not null
        and cardinality(${studentProfiles.workModes}) > 0 and ${studentProfiles.timezone} is not null)::int as profile_complete,
      (select count(distinct s) from (select ${applications.studentId} as s from ${applications} union select student_id from m) x where s in (select id from cohort))::int as applied_or_in_round,
      (select count(distinct student_id) from m)::int as proposed,
      (select count(distinct student_id) from m where introduced_at is not null)::int as introduced,
      (select count(distinct student_id) from m where confirmed_at is not null)::int as confirmed,
      (select count(distinct student_id) from m where started_at is not null)::int as active,
      (select count(distinct student_id) from m where status = 'completed' and completed_at is not null)::int as completed,
      (select count(distinct student_id) from m where id in (
        select ${recommendationLetters.matchId} from ${recommendationLetters} join ${letterDeliveries} on ${letterDeliveries.letterId} = ${recommendationLetters.id} where ${recommendationLetters.state} = 'ready'
        union select ${referrals.matchId} from ${referrals} where ${referrals.state} = 'accepted'))::int as letter_or_referral,
      (select count(distinct student_id) from m where id in (
        select ${outcomeFollowUps.matchId} from ${outcomeFollowUps} where ${outcomeFollowUps.answer} in ('paid_internship', 'full_time_offer')))::int as paid_work
  `);
  return row!;
}

const FUNNEL_STAGES: [string, CohortStage][] = [
  ["signed_up", "account"],
  ["profile_complete", "profile"],
  ["applied_or_in_round", "applied"],
  ["proposed", "proposed"],
  ["introduced", "introduced"],
  ["confirmed", "confirmed"],
  ["active", "started"],
  ["completed", "completed"],
];

test("the earlier cohort gives every step of the funnel at least 5 students, fewer at each step, from sign-up a term ago to paid work", async () => {
  await inRolledBackSeed(async (tx) => {
    const funnel = await cohortFunnel(tx);
    const steps = [...FUNNEL_STAGES.map(([key]) => key), "letter_or_referral", "paid_work"];
    const counts = steps.map((key) => funnel[key]!);
    // Every step shows (the dashboard hides a count under 5), and each loses people.
    for (const [i, key] of steps.entries()) {
      expect(counts[i], key).toBeGreaterThanOrEqual(5);
      if (i > 0) expect(counts[i], key).toBeLessThan(counts[i - 1]!);
    }
    expect(counts[0]).toBeGreaterThanOrEqual(40);
    // The rows say what the cohort's data says about each student.
    for (const [key, stage] of FUNNEL_STAGES) expect(funnel[key], key).toBe(COHORT_STUDENTS.filter((s) => reached(s, stage)).length);
    expect(funnel.letter_or_referral).toBe(COHORT_STUDENTS.filter((s) => s.after?.letter || s.after?.referral).length);

    // They signed up in a past term, 300 to 330 days before the seed's day, and applied after signing up and before the term's
    // deadline; their internships ended more than six months ago.
    const [span] = await tx.execute<{ first: Date; last: Date; ended: Date; early: number }>(sql`
      select min(${users.createdAt}) as first, max(${users.createdAt}) as last,
        (select count(*) from ${applications} join ${users} u on u.id = ${applications.studentId} join ${slots} on ${slots.id} = ${applications.slotId}
          where u.email like 'cohort-%' and (${applications.submittedAt} < u.created_at or ${applications.submittedAt}::date > ${slots.applicationDeadline}))::int as early,
        (select max(${matches.completedAt}) from ${matches} where ${matches.studentId} in ${COHORT}) as ended
      from ${users} where ${users.role} = 'student' and ${users.email} like 'cohort-%'`);
    const daysAgo = (d: Date) => (NOW.getTime() - new Date(d).getTime()) / 86_400_000;
    expect(daysAgo(span!.first)).toBeLessThanOrEqual(331);
    expect(span!.early).toBe(0);
    expect(daysAgo(span!.last)).toBeGreaterThanOrEqual(299);
    expect(daysAgo(span!.ended)).toBeGreaterThan(183);

    // Spread over work authorizations: every group of the dashboard's filter has 5 or more at sign-up.
    const groups = await tx.execute<{ status: string | null; n: number }>(sql`
      select ${studentProfiles.workAuthorization}::text as status, count(*)::int as n from ${users}
        left join ${studentProfiles} on ${studentProfiles.userId} = ${users.id}
      where ${users.email} like 'cohort-%' and ${users.role} = 'student' group by 1`);
    const inGroup = (statuses: string[]) => groups.filter((g) => g.status && statuses.includes(g.status)).reduce((n, g) => n + g.n, 0);
    expect(inGroup(["us_citizen_pr", "ca_citizen_pr"])).toBeGreaterThanOrEqual(5);
    expect(inGroup(["us_f1_cpt", "us_f1_opt_pre", "us_f1_opt_post", "us_f1_stem_opt", "us_j1_academic_training"])).toBeGreaterThanOrEqual(5);
    expect(inGroup(["ca_study_permit", "ca_coop_permit"])).toBeGreaterThanOrEqual(5);
    expect(inGroup(["us_other_ead", "ca_open_work_permit"])).toBeGreaterThanOrEqual(5);
    expect(inGroup(["not_authorized"])).toBeGreaterThan(0);
  });
});

test("the earlier cohort's completed internships: 5 or more for each kind of pay and of organization, promises kept by some and not by others", async () => {
  await inRolledBackSeed(async (tx) => {
    const rows = await tx.execute<{ compensation: string; type: string; benefits: Record<string, boolean> | null; return_offer: string | null; follow_ups: number }>(sql`
      select ${slots.compensation}::text as compensation, ${organizations.type}::text as type, ${matchOutcomes.benefits} as benefits, ${matchOutcomes.returnOffer}::text as return_offer,
        (select count(*) from ${outcomeFollowUps} where ${outcomeFollowUps.matchId} = ${matches.id} and ${outcomeFollowUps.sentAt} < ${NOW.toISOString()})::int as follow_ups
      from ${matches} join ${slots} on ${slots.id} = ${matches.slotId} join ${organizations} on ${organizations.id} = ${slots.organizationId}
        left join ${matchOutcomes} on ${matchOutcomes.matchId} = ${matches.id}
      where ${matches.status} = 'completed' and ${matches.studentId} in ${COHORT}`);
    for (const compensation of ["paid", "stipend", "unpaid", "course_credit"]) expect(rows.filter((r) => r.compensation === compensation).length, compensation).toBeGreaterThanOrEqual(5);
    for (const type of ["startup", "nonprofit", "research_team", "small_business"]) expect(rows.filter((r) => r.type === type).length, type).toBeGreaterThanOrEqual(5);

    // Every completed internship has its outcome, and both follow-ups were sent (so the sweep sends none again).
    expect(rows.every((r) => r.benefits && r.return_offer && r.follow_ups === 2)).toBe(true);
    const kept = rows.map((r) => Object.values(r.benefits!));
    const all = kept.filter((v) => v.every(Boolean)).length;
    const none = kept.filter((v) => !v.some(Boolean)).length;
    expect(all).toBeGreaterThanOrEqual(5);
    expect(rows.length - all - none).toBeGreaterThanOrEqual(5);
    expect(none).toBeGreaterThan(0);
    // A letter the student checked off was really sent: every delivered letter's promise reads kept.
    const delivered = await tx.execute<{ kept: boolean | null }>(sql`
      select (${matchOutcomes.benefits} ->> 'recommendation_letter')::boolean as kept from ${recommendationLetters}
        join ${letterDeliveries} on ${letterDeliveries.letterId} = ${recommendationLetters.id}
        join ${matchOutcomes} on ${matchOutcomes.matchId} = ${recommendationLetters.matchId}
      where ${recommendationLetters.matchId} in (select ${matches.id} from ${matches} where ${matches.studentId} in ${COHORT})`);
    expect(delivered.length).toBeGreaterThanOrEqual(5);
    expect(delivered.every((d) => d.kept === true)).toBe(true);
  });
});

test("the earlier cohort stays out of the demo's way: out of rounds, hidden from mentors, no stars, no match or application across, open slots nobody can be proposed for", async () => {
  await inRolledBackSeed(async (tx) => {
    const profiles = await tx.select().from(studentProfiles).where(sql`${studentProfiles.userId} in ${COHORT}`);
    expect(profiles.length).toBeGreaterThan(40);
    expect(profiles.filter((p) => p.inMatching || p.visibleToMentors)).toEqual([]);
    expect(await tx.select().from(slotStars).where(sql`${slotStars.studentId} in ${COHORT} or ${slotStars.slotId} in ${COHORT_SLOT_IDS}`)).toEqual([]);
    // Cohort students only on cohort slots, and only cohort students on them.
    for (const table of [matches, applications]) {
      const across = await tx.select({ id: table.id }).from(table).where(sql`(${table.studentId} in ${COHORT}) <> (${table.slotId} in ${COHORT_SLOT_IDS})`);
      expect(across).toEqual([]);
    }
    // No match of the cohort is live: nothing waits in the admins' queue, nothing can stall.
    const live = await tx.select({ status: matches.status }).from(matches).where(sql`${matches.slotId} in ${COHORT_SLOT_IDS} and ${matches.status} not in ('completed', 'rejected', 'not_proceeding')`);
    expect(live).toEqual([]);

    // Two cohort slots are open; they start before any demo student could, so no round proposes them to anyone.
    const open = await tx.select().from(slots).where(sql`${slots.id} in ${COHORT_SLOT_IDS} and ${slots.status} = 'open'`);
    expect(open.length).toBe(2);
    const demo = await tx.select({ id: users.id }).from(users).where(inArray(users.email, DEMO_STUDENTS.map((s) => s.email)));
    for (const slot of open) {
      const engineSlot = await loadMatchSlot(tx, slot);
      for (const { id } of demo) {
        const student = await loadStudent(tx, id);
        if (student) expect(checkEligibility(student, engineSlot).eligible, slot.title).toBe(false);
      }
    }
    // Synthetic addresses only.
    const people = await tx.select({ email: users.email, name: users.name }).from(users).where(sql`${users.id} in ${COHORT}`);
    expect(people.length).toBe(COHORT_STUDENTS.length + COHORT_ORGANIZATIONS.flatMap((o) => o.mentors).length);
    expect(people.every((p) => /^cohort-[a-z.-]+@example\.org$/.test(p.email))).toBe(true);
  });
});

test("the earlier cohort gives the health panel something to act on, and the sweep emails its people nothing", async () => {
  await inRolledBackSeed(async (tx) => {
    // An open slot of a cohort organization, its deadline five days away, and nobody applied.
    const unapplied = await tx.execute<{ title: string; days: number; applied: number }>(sql`
      select ${slots.title} as title, (${slots.applicationDeadline} - ${today}::date)::int as days,
        (select count(*) from ${applications} where ${applications.slotId} = ${slots.id})::int as applied
      from ${slots} where ${slots.id} in ${COHORT_SLOT_IDS} and ${slots.status} = 'open' and ${slots.applicationDeadline} <= ${today}::date + 7`);
    expect(unapplied.filter((s) => s.applied === 0).map((s) => s.days)).toEqual([5]);

    // A mentor with an application waiting ten days for a first answer.
    const waiting = await tx.execute<{ mentor: string; days: number }>(sql`
      select ${users.name} as mentor, floor(extract(epoch from (${NOW.toISOString()}::timestamptz - ${applications.submittedAt})) / 86400)::int as days
      from ${applications} join ${slotMentors} on ${slotMentors.slotId} = ${applications.slotId} join ${users} on ${users.id} = ${slotMentors.userId}
      where ${applications.status} = 'submitted' and ${applications.slotId} in ${COHORT_SLOT_IDS}`);
    expect(waiting).toEqual([{ mentor: "Marie-Claude Fontaine", days: 10 }]);

    // An email that failed this week, with the reason the provider gave.
    const failed = await tx.select().from(emails).where(and(eq(emails.status, "failed"), sql`${emails.userId} in ${COHORT}`));
    expect(failed).toHaveLength(1);
    expect(failed[0]!.lastError).toMatch(/does not exist/);
    expect((NOW.getTime() - failed[0]!.createdAt.getTime()) / 86_400_000).toBeLessThan(7);

    // The reminders sweep on the seed's day: no follow-up, referral nudge or reminder to anyone of the cohort.
    await runReminderSweep(tx, NOW);
    expect(await tx.select({ kind: reminders.kind }).from(reminders).where(sql`${reminders.userId} in ${COHORT}`)).toEqual([]);
  });
});

test("every cohort student's application or internship is on a slot of their country that takes their work authorization", () => {
  expect(new Set(COHORT_STUDENTS.map((s) => s.email)).size).toBe(COHORT_STUDENTS.length);
  for (const student of COHORT_STUDENTS.filter((s) => reached(s, "applied"))) {
    const slot = COHORT_SLOTS.find((s) => s.key === student.slot);
    expect(slot, student.name).toBeDefined();
    expect(slot!.country, student.name).toBe(student.country);
    expect(slot!.acceptedAuthorizations, student.name).toContain(student.workAuthorization);
    // Only the two open slots take applications now; every story before them is on the past term's slots.
    if (slot!.status === "open") expect(student.stage, student.name).toBe("applied");
  }
});
