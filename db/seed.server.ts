import { and, eq, inArray } from "drizzle-orm";
import { hashPassword } from "~/auth/password.server";
import { DAY_MS } from "~/domain/time";
import { generateToken } from "~/auth/tokens.server";
import { newVerificationCode } from "~/modules/documents/codes";
import { serializeContent } from "~/modules/documents/content";
import { buildContent } from "~/modules/documents/documents.server";
import { DELIVERY_LINK_DAYS } from "~/modules/letters/rules";
import { findMentorship } from "~/modules/mentorship/access.server";
import { checkEligibility } from "~/engine/eligibility";
import { scorePair } from "~/engine/score";
import { utcOffsetMinutes } from "~/engine/timezone";
import { loadMatchSlot, loadStudent } from "~/modules/engine-adapter/instance.server";
import { FEEDBACK_ROUND_WORDS } from "~/modules/mentorship/feedback-labels";
import { CHECK_IN_REMINDER_DAYS_AFTER_DUE } from "~/modules/mentorship/schedule";
import { addDays, feedbackRoundDays, isLate, lastDay, weekDays, type InternshipDates } from "~/modules/mentorship/weeks";
import { formatDay } from "~/modules/slots/format";
import { dayIn } from "~/modules/slots/access.server";
import { transaction, type Db } from "./client.server";
import { cohortIsMissing, seedEarlierCohort } from "./seed-cohort.server";
import {
  auditLog,
  checkIns,
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
  recommendationLetters,
  referrals,
  reminders,
  slotMentors,
  slotSkills,
  slots,
  studentProfiles,
  studentProjects,
  studentSkills,
  users,
  type UserRole,
} from "./schema";
import {
  DEMO_ADMIN,
  DEMO_MENTORS,
  DEMO_MENTORSHIPS,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  DEMO_SLOTS,
  DEMO_STUDENTS,
  ORGANIZATION_REGIONS,
  studentProfileData,
  type DemoAfterwards,
  type DemoMentorship,
  type DemoSlot,
} from "./seed-data";

export { DEMO_PASSWORD };

/** Every demo account: one admin, the mentors of the demo organizations, thirty students. */
export const DEMO_ACCOUNTS: { email: string; name: string; role: UserRole }[] = [
  { ...DEMO_ADMIN, role: "admin" },
  ...DEMO_MENTORS.map((m) => ({ ...m, role: "mentor" as const })),
  ...DEMO_STUDENTS.map((s) => ({ email: s.email, name: s.name, role: "student" as const })),
];

const daysFrom = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS);
/** A calendar date (YYYY-MM-DD, UTC) `days` after `now`. */
const dateIn = (now: Date, days: number) => daysFrom(now, days).toISOString().slice(0, 10);
const monthIn = (now: Date, months: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 15)).toISOString().slice(0, 10);

/** What a run created; `cohort`: the earlier cohort's students (db/seed-cohort-data.ts), all at once or none. */
export type SeedResult = { created: number; accounts: number; organizations: number; slots: number; profiles: number; mentorships: number; cohort: number };

/**
 * Creates whatever part of the demo marketplace is missing — accounts (verified, password
 * `steppingstone-demo`), organizations, memberships, slots, student profiles and three
 * mentorships (one under way with its midpoint feedback open, one completed, one stalled), and an
 * earlier cohort whose past term gives the admins' insights a funnel — in one transaction, and leaves everything already there as it is. Refuses to run in production,
 * where these would be known credentials. Dates are relative to `now`.
 */
export async function seedDemoData(db: Db, now = new Date()): Promise<SeedResult> {
  if (process.env.NODE_ENV === "production") {
    throw new Error("Refusing to seed demo data: NODE_ENV is production.");
  }
  const emails = DEMO_ACCOUNTS.map((a) => a.email);
  const existing = await db.select({ email: users.email }).from(users).where(inArray(users.email, emails));
  const missing = DEMO_ACCOUNTS.filter((a) => !existing.some((e) => e.email === a.email));
  // why: argon2id takes tens of milliseconds; every demo account shares one hash, computed
  // once and outside the transaction.
  const cohortMissing = await cohortIsMissing(db);
  const passwordHash = missing.length > 0 || cohortMissing ? await hashPassword(DEMO_PASSWORD) : "";

  return transaction(db, async (tx) => {
    const result: SeedResult = { created: 0, accounts: 0, organizations: 0, slots: 0, profiles: 0, mentorships: 0, cohort: 0 };
    if (missing.length > 0) {
      const inserted = await tx
        .insert(users)
        .values(missing.map((a) => ({ ...a, passwordHash, emailVerifiedAt: now })))
        .onConflictDoNothing()
        .returning({ id: users.id });
      result.accounts = inserted.length;
    }
    const idRows = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
    const idOf = new Map(idRows.map((r) => [r.email, r.id]));
    const adminId = idOf.get(DEMO_ADMIN.email) ?? null;

    const orgIds = await seedOrganizations(tx, now, idOf, adminId, result);
    await seedSlots(tx, now, idOf, orgIds, adminId, result);
    await seedStudents(tx, now, idOf, result);
    for (const mentorship of DEMO_MENTORSHIPS) await seedMentorship(tx, now, mentorship, idOf, orgIds, adminId, result);
    if (cohortMissing) result.cohort = await seedEarlierCohort(tx, now, { passwordHash, adminId });

    result.created = result.accounts + result.organizations + result.slots + result.profiles + result.mentorships + result.cohort;
    return result;
  });
}

async function seedOrganizations(tx: Db, now: Date, idOf: Map<string, string>, adminId: string | null, result: SeedResult) {
  for (const org of DEMO_ORGANIZATIONS) {
    const verifiedAt = daysFrom(now, -org.verifiedDaysAgo);
    const createdAt = daysFrom(verifiedAt, -2);
    const { mentors, verifiedDaysAgo: _days, ...values } = org;
    const created = await tx
      .insert(organizations)
      .values({ ...values, verifiedAt, verifiedBy: adminId, createdBy: idOf.get(mentors[0]!) ?? null, createdAt, updatedAt: verifiedAt })
      .onConflictDoNothing({ target: organizations.slug })
      .returning({ id: organizations.id });
    result.organizations += created.length;
    const [row] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, org.slug));
    // why: a mentor belongs to one organization at most; one who already joined another
    // (by hand, in development) stays there — onConflictDoNothing covers both unique keys.
    const memberships = mentors.flatMap((email, i) => (idOf.has(email) ? [{ organizationId: row!.id, userId: idOf.get(email)!, joinedAt: daysFrom(createdAt, i * 5) }] : []));
    if (memberships.length > 0) await tx.insert(organizationMembers).values(memberships).onConflictDoNothing();
  }
  const rows = await tx
    .select({ id: organizations.id, slug: organizations.slug })
    .from(organizations)
    .where(inArray(organizations.slug, DEMO_ORGANIZATIONS.map((o) => o.slug)));
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** A slot is identified by its organization and title; one with that title already there is left alone. */
async function seedSlots(tx: Db, now: Date, idOf: Map<string, string>, orgIds: Map<string, string>, adminId: string | null, result: SeedResult) {
  const existing = await tx
    .select({ organizationId: slots.organizationId, title: slots.title })
    .from(slots)
    .where(inArray(slots.organizationId, [...orgIds.values()]));
  const members = await tx
    .select({ organizationId: organizationMembers.organizationId, userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(inArray(organizationMembers.organizationId, [...orgIds.values()]));

  for (const slot of DEMO_SLOTS) {
    const organizationId = orgIds.get(slot.organization)!;
    if (existing.some((e) => e.organizationId === organizationId && e.title === slot.title)) continue;
    const mentorIds = slot.mentors
      .map((email) => idOf.get(email))
      .filter((id): id is string => Boolean(id) && members.some((m) => m.organizationId === organizationId && m.userId === id));
    // Every slot names a mentor of its organization; without one the demo would show a slot nobody mentors.
    if (mentorIds.length === 0) continue;

    const [created] = await tx
      .insert(slots)
      .values({ ...slotValues(slot, now, adminId), organizationId, createdBy: mentorIds[0]! })
      .returning({ id: slots.id });
    await tx.insert(slotMentors).values(mentorIds.map((userId) => ({ slotId: created!.id, userId })));
    await tx.insert(slotSkills).values([
      ...slot.required.map(([skillSlug, minLevel]) => ({ slotId: created!.id, skillSlug, minLevel, required: true })),
      ...slot.niceToHave.map(([skillSlug, minLevel]) => ({ slotId: created!.id, skillSlug, minLevel, required: false })),
    ]);
    result.slots += 1;
  }
}

function slotValues(slot: DemoSlot, now: Date, adminId: string | null) {
  const unpaid = slot.compensation === "unpaid" || slot.compensation === "course_credit";
  const publishedAt = slot.status === "open" ? daysFrom(now, -(slot.publishedDaysAgo ?? 1)) : null;
  const submittedAt = slot.status === "draft" ? null : daysFrom(publishedAt ?? now, -2);
  const createdAt = daysFrom(submittedAt ?? now, -1);
  const {
    organization: _organization,
    mentors: _mentors,
    required: _required,
    niceToHave: _niceToHave,
    deadlineInDays,
    startAfterDeadlineDays,
    publishedDaysAgo: _publishedDaysAgo,
    ...values
  } = slot;
  return {
    ...values,
    region: ORGANIZATION_REGIONS[slot.organization] ?? null,
    applicationDeadline: dateIn(now, deadlineInDays),
    startDate: dateIn(now, deadlineInDays + startAfterDeadlineDays),
    // Unpaid slots were reviewed by an admin before they opened; paid slots of a verified organization skip review.
    reviewedBy: slot.status === "open" && unpaid ? adminId : null,
    reviewedAt: slot.status === "open" && unpaid ? daysFrom(publishedAt!, 0) : null,
    submittedAt,
    publishedAt,
    createdAt,
    updatedAt: publishedAt ?? submittedAt ?? createdAt,
  };
}

/** A student's profile, skills and projects are created together, only when the profile is missing. */
async function seedStudents(tx: Db, now: Date, idOf: Map<string, string>, result: SeedResult) {
  for (const [index, student] of DEMO_STUDENTS.entries()) {
    const userId = idOf.get(student.email);
    if (!userId) continue;
    const { profile, skills, projects } = studentProfileData(student, index);
    const { graduatesInMonths, availableInDays, validity, ...values } = profile;
    const created = await tx
      .insert(studentProfiles)
      .values({
        ...values,
        userId,
        graduationDate: monthIn(now, graduatesInMonths),
        availableFrom: dateIn(now, availableInDays),
        authorizationValidFrom: validity ? dateIn(now, validity.fromDays) : null,
        authorizationValidUntil: validity ? dateIn(now, validity.untilDays) : null,
        createdAt: daysFrom(now, -40 + index),
        updatedAt: daysFrom(now, -20 + (index % 15)),
      })
      .onConflictDoNothing({ target: studentProfiles.userId })
      .returning({ userId: studentProfiles.userId });
    if (created.length === 0) continue;
    await tx.insert(studentSkills).values(skills.map((s) => ({ userId, skillSlug: s.slug, level: s.level }))).onConflictDoNothing();
    await tx.insert(studentProjects).values(projects.map((p) => ({ ...p, userId })));
    result.profiles += 1;
  }
}

/** The instant `hour`:`minute` on `day` (YYYY-MM-DD) in `timeZone`. */
function at(timeZone: string, day: string, hour: number, minute = 0) {
  const offset = utcOffsetMinutes(timeZone, day) ?? 0;
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!, hour, minute) - offset * 60_000);
}

/**
 * One internship with its slot, match and everything the pair wrote, placed so that the seed's
 * today (in the slot's zone) is `startedDaysAgo` days after the slot's start. It is identified by
 * its slot (organization and title): when the slot is there, nothing is added. Late marks come
 * from weeks.ts, as when a student writes a check-in in the app.
 */
async function seedMentorship(
  tx: Db,
  now: Date,
  demo: DemoMentorship,
  idOf: Map<string, string>,
  orgIds: Map<string, string>,
  adminId: string | null,
  result: SeedResult,
) {
  const organizationId = orgIds.get(demo.slot.organization);
  const studentId = idOf.get(demo.student);
  const mentorId = idOf.get(demo.mentor);
  if (!organizationId || !studentId || !mentorId) return;
  const [existing] = await tx
    .select({ id: slots.id })
    .from(slots)
    .where(and(eq(slots.organizationId, organizationId), eq(slots.title, demo.slot.title)));
  if (existing) return;
  const [member] = await tx
    .select({ userId: organizationMembers.userId })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, mentorId)));
  if (!member) return;

  const zone = demo.slot.timezone;
  const today = dayIn(zone, now);
  const startDate = addDays(today, -demo.startedDaysAgo);
  const dates: InternshipDates = { startDate, durationWeeks: demo.slot.durationWeeks };
  const day = (n: number) => addDays(startDate, n);
  const when = (n: number, hour: number, minute = 0) => at(zone, day(n), hour, minute);

  const { organization: _organization, required, niceToHave, ...terms } = demo.slot;
  const publishedAt = when(-45, 10);
  const [slot] = await tx
    .insert(slots)
    .values({
      ...terms,
      organizationId,
      createdBy: mentorId,
      region: ORGANIZATION_REGIONS[demo.slot.organization] ?? null,
      applicationDeadline: day(-21),
      startDate,
      status: "filled",
      submittedAt: when(-47, 10),
      publishedAt,
      createdAt: when(-48, 10),
      updatedAt: when(-14, 12),
    })
    .returning();
  await tx.insert(slotMentors).values({ slotId: slot!.id, userId: mentorId });
  await tx.insert(slotSkills).values([
    ...required.map(([skillSlug, minLevel]) => ({ slotId: slot!.id, skillSlug, minLevel, required: true })),
    ...niceToHave.map(([skillSlug, minLevel]) => ({ slotId: slot!.id, skillSlug, minLevel, required: false })),
  ]);

  // The score and warnings the engine gave the pair, as if they were matched before the start.
  const [engineStudent, engineSlot] = await Promise.all([loadStudent(tx, studentId), loadMatchSlot(tx, slot!)]);
  const student = engineStudent && { ...engineStudent, availableFrom: day(-7), availableWeeks: Math.max(engineStudent.availableWeeks, demo.slot.durationWeeks + 2) };
  const score = student ? scorePair(student, engineSlot) : { score: 80, components: [] };
  const introducedAt = when(-19, 11);
  const confirmedAt = when(-12, 15);
  const startedAt = when(0, 9);
  const completedAt = demo.status === "completed" ? at(zone, addDays(lastDay(dates), 1), 16) : null;
  const [match] = await tx
    .insert(matches)
    .values({
      slotId: slot!.id,
      studentId,
      source: "round",
      score: score.score,
      reasons: score.components,
      warnings: student ? checkEligibility(student, engineSlot).warnings : [],
      status: demo.status,
      reviewedBy: adminId,
      reviewedAt: introducedAt,
      introducedAt,
      confirmedAt,
      startedAt,
      completedAt,
      createdAt: when(-20, 10),
      updatedAt: completedAt ?? startedAt,
    })
    .returning({ id: matches.id });
  const matchId = match!.id;

  // Its history, as moveMatch and the review record it.
  const moves: { action: string; actorId: string | null; at: Date; detail: Record<string, unknown> }[] = [
    { action: "match.approved", actorId: adminId, at: introducedAt, detail: { source: "round", slotId: slot!.id, slotTitle: slot!.title, studentId, score: score.score } },
    { action: "match.confirmed", actorId: mentorId, at: confirmedAt, detail: { from: "introduced", slotId: slot!.id, slotTitle: slot!.title, by: "mentor" } },
    { action: "match.active", actorId: mentorId, at: startedAt, detail: { from: "confirmed", slotId: slot!.id, slotTitle: slot!.title, by: "mentor" } },
    ...(completedAt ? [{ action: "match.completed", actorId: mentorId, at: completedAt, detail: { from: "active", slotId: slot!.id, slotTitle: slot!.title, by: "mentor" } }] : []),
  ];
  await tx.insert(auditLog).values(moves.map((m) => ({ actorId: m.actorId, action: m.action, subjectType: "match", subjectId: matchId, detail: m.detail, createdAt: m.at })));

  const by = (side: "student" | "mentor") => (side === "student" ? studentId : mentorId);
  for (const [position, goal] of demo.goals.entries()) {
    const [row] = await tx
      .insert(mentorshipGoals)
      .values({
        matchId,
        title: goal.title,
        targetWeek: goal.targetWeek,
        state: goal.state,
        source: goal.source,
        benefit: goal.benefit ?? null,
        doneConfirmedBy: goal.confirmedDay === undefined ? null : mentorId,
        doneConfirmedAt: goal.confirmedDay === undefined ? null : when(goal.confirmedDay, 17),
        // Drafted goals are the platform's draft (no author); an added one is the mentor's.
        createdBy: goal.source === "added" ? mentorId : null,
        position,
        createdAt: confirmedAt,
        updatedAt: when(goal.confirmedDay ?? goal.evidence?.at(-1)?.day ?? 0, 17),
      })
      .returning({ id: mentorshipGoals.id });
    if (goal.evidence?.length) {
      await tx.insert(goalEvidence).values(goal.evidence.map((e) => ({ goalId: row!.id, url: e.url, label: e.label, addedBy: by(e.by), createdAt: when(e.day, 16) })));
    }
  }

  await tx.insert(checkIns).values(
    demo.checkIns.map((c) => ({
      matchId,
      week: c.week,
      done: c.done,
      next: c.next,
      blockers: c.blockers ?? null,
      hoursWorked: c.hoursWorked,
      mentorHoursReceived: c.mentorHoursReceived,
      late: isLate(dates, c.week, day(c.day)),
      submittedAt: when(c.day, 20),
      updatedAt: when(c.day, 20),
      reply: c.reply?.text ?? null,
      mentorHoursGiven: c.reply?.mentorHoursGiven ?? null,
      repliedBy: c.reply ? mentorId : null,
      repliedAt: c.reply ? when(c.reply.day, 12) : null,
    })),
  );
  // The reminders the sweep already sent, in its ledger, so its first run after the seed does not
  // email the demo people about days long past. A week's check-in not written by its due day was
  // reminded the morning after (reminders.server.ts's event key), whether it came late or not at all.
  const dueReminded = Array.from({ length: demo.slot.durationWeeks }, (_, i) => i + 1).filter((week) => {
    const remindOn = addDays(weekDays(dates, week).due, CHECK_IN_REMINDER_DAYS_AFTER_DUE);
    const written = demo.checkIns.find((c) => c.week === week);
    return remindOn <= today && (!written || isLate(dates, week, day(written.day))) && (!completedAt || remindOn <= lastDay(dates));
  });
  const remindedAt = (remindOn: string, hour: number) => new Date(Math.min(at(zone, remindOn, hour).getTime(), now.getTime()));
  const checkInRows = dueReminded.map((week) => {
    const due = weekDays(dates, week).due;
    return {
      kind: "check_in_due" as const,
      eventKey: `${matchId}:week:${week}`,
      userId: studentId,
      matchId,
      state: "sent" as const,
      summary: `Your check-in for week ${week} of “${slot!.title}” was due on ${formatDay(due)}.`,
      url: `/matches/${matchId}/check-ins`,
      createdAt: remindedAt(addDays(due, CHECK_IN_REMINDER_DAYS_AFTER_DUE), 9),
    };
  });
  // Each feedback round that has opened was announced to both sides on its day ("feedback_open",
  // `<matchId>:<round>`, as feedback.server.ts writes it); a round answered later still was.
  const rounds = feedbackRoundDays(dates);
  const opened = (["midpoint", "final"] as const).filter((round) => rounds[round].opens <= today && (!completedAt || rounds[round].opens <= lastDay(dates)));
  const feedbackRows = opened.flatMap((round) =>
    [studentId, mentorId].map((userId) => ({
      kind: "feedback_open" as const,
      eventKey: `${matchId}:${round}`,
      userId,
      matchId,
      state: "sent" as const,
      summary: `Open: the ${FEEDBACK_ROUND_WORDS[round]} feedback for “${slot!.title}”, until ${formatDay(addDays(rounds[round].closes, -1))}.`,
      url: `/matches/${matchId}/feedback`,
      createdAt: remindedAt(rounds[round].opens, 8),
    })),
  );
  if (checkInRows.length + feedbackRows.length > 0) await tx.insert(reminders).values([...checkInRows, ...feedbackRows]);

  if (demo.messages.length) {
    await tx.insert(matchMessages).values(demo.messages.map((m) => ({ matchId, authorId: by(m.by), body: m.body, createdAt: when(m.day, m.hour) })));
    // Every message was emailed to the other side when it was written: nothing waits for the next sweep.
    const last = demo.messages.at(-1)!;
    const through = when(last.day, last.hour);
    await tx.insert(messageNotices).values([studentId, mentorId].map((userId) => ({ matchId, userId, emailedThrough: through, lastEmailedAt: through })));
  }

  if (demo.feedback.length) {
    await tx.insert(feedbackAnswers).values(
      demo.feedback.map((f) => ({ matchId, round: f.round, side: f.side, authorId: by(f.side), answers: f.answers, comment: f.comment, shared: f.shared, submittedAt: when(f.day, 18) })),
    );
  }
  if (demo.outcome) {
    const recordedAt = when(demo.outcome.day, 10);
    await tx.insert(matchOutcomes).values({ matchId, benefits: demo.outcome.benefits, returnOffer: demo.outcome.returnOffer, recordedBy: studentId, recordedAt, updatedAt: recordedAt });
  }
  if (demo.afterwards) await seedAfterwards(tx, now, demo.afterwards, { matchId, studentId, mentorId, when, day });
  result.mentorships += 1;
}

/**
 * What the internship left: the mentor's letters (ready, with their deliveries and views), the
 * referrals with their outcomes, and the documents the mentor signed, as the app would have
 * written them on those days. Links' secrets are random and kept only as hashes, as the app does.
 */
async function seedAfterwards(
  tx: Db,
  now: Date,
  afterwards: DemoAfterwards,
  { matchId, studentId, mentorId, when, day }: { matchId: string; studentId: string; mentorId: string; when: (n: number, hour: number) => Date; day: (n: number) => string },
) {
  const [mentor] = await tx.select({ name: users.name }).from(users).where(eq(users.id, mentorId));
  for (const letter of afterwards.letters ?? []) {
    const [row] = await tx
      .insert(recommendationLetters)
      .values({
        matchId,
        mentorId,
        purpose: letter.purpose,
        purposeDetail: letter.purposeDetail ?? null,
        dueDate: day(letter.dueDay),
        waived: letter.waived,
        requestNote: letter.requestNote ?? null,
        state: "ready",
        format: "written",
        body: letter.body,
        writerName: mentor!.name,
        writerTitle: letter.writerTitle,
        verificationCode: newVerificationCode(),
        readyAt: when(letter.readyDay, 15),
        createdAt: when(letter.askedDay, 11),
        updatedAt: when(letter.readyDay, 15),
      })
      .returning({ id: recommendationLetters.id });
    for (const delivery of letter.deliveries) {
      const token = generateToken();
      const sentAt = when(delivery.sentDay, 10);
      const views = delivery.viewedDays.map((d) => when(d, 14));
      const [sent] = await tx
        .insert(letterDeliveries)
        .values({
          letterId: row!.id,
          recipientName: delivery.recipientName,
          recipientEmail: delivery.recipientEmail,
          message: delivery.message ?? null,
          tokenId: token.id,
          secretHash: token.secretHash,
          sentAt,
          expiresAt: new Date(sentAt.getTime() + DELIVERY_LINK_DAYS * DAY_MS),
          firstViewedAt: views[0] ?? null,
          viewCount: views.length,
        })
        .returning({ id: letterDeliveries.id });
      if (views.length) await tx.insert(letterViews).values(views.map((viewedAt) => ({ deliveryId: sent!.id, viewedAt })));
    }
  }
  for (const document of afterwards.documents ?? []) {
    // The text the app would have generated on the day the student asked, signed as it was.
    const askedAt = when(document.askedDay, 11);
    const signedAt = when(document.signedDay, 16);
    const mentorship = await findMentorship(tx, { id: studentId, role: "student" }, matchId, { now: askedAt });
    if (!mentorship) continue;
    const content = await buildContent(tx, mentorship, document.kind, askedAt);
    await tx.insert(issuedDocuments).values({
      matchId,
      kind: document.kind,
      content: serializeContent(content),
      requestedBy: studentId,
      signedBy: mentorId,
      signerName: mentor!.name,
      signerTitle: document.signerTitle,
      signedAt,
      verificationCode: newVerificationCode(),
      issuedAt: signedAt,
      createdAt: askedAt,
      updatedAt: signedAt,
    });
  }
  for (const referral of afterwards.referrals ?? []) {
    const lastUpdateAt = daysFrom(now, -referral.lastUpdateDaysAgo);
    await tx.insert(referrals).values({
      matchId,
      mentorId,
      company: referral.company,
      role: referral.role,
      postingUrl: referral.postingUrl ?? null,
      note: referral.note ?? null,
      state: "accepted",
      method: referral.method,
      methodNote: referral.methodNote ?? null,
      referredOn: day(referral.referredDay),
      outcome: referral.outcome ?? null,
      outcomeBy: referral.outcome ? studentId : null,
      lastUpdateAt,
      createdAt: when(referral.askedDay, 11),
      updatedAt: lastUpdateAt,
    });
  }
}
