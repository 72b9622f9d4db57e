import { eq, inArray } from "drizzle-orm";
import { generateToken } from "~/auth/tokens.server";
import { DAY_MS } from "~/domain/time";
import { checkEligibility } from "~/engine/eligibility";
import { scorePair } from "~/engine/score";
import { newVerificationCode } from "~/modules/documents/codes";
import { toMatchSlot, toMatchStudent } from "~/modules/engine-adapter/instance.server";
import { DELIVERY_LINK_DAYS } from "~/modules/letters/rules";
import { followUpIdOf, monthsAfter } from "~/modules/mentorship/outcomes.server";
import { addDays, isLate } from "~/modules/mentorship/weeks";
import { submitted } from "~/modules/slots/submitted";
import { resetPasswordSubject } from "~emails/reset-password";
import type { Db } from "./client.server";
import {
  applications,
  auditLog,
  checkIns,
  emails,
  letterDeliveries,
  letterViews,
  matches,
  matchOutcomes,
  organizationMembers,
  organizations,
  outcomeFollowUps,
  recommendationLetters,
  referrals,
  slotMentors,
  slotSkills,
  slots,
  studentProfiles,
  studentProjects,
  studentSkills,
  users,
  type Slot,
} from "./schema";
import {
  COHORT_CLOSING_REASONS,
  COHORT_MENTORS,
  COHORT_ORGANIZATIONS,
  COHORT_SLOTS,
  COHORT_STUDENTS,
  COHORT_TERM,
  reached,
  type CohortSlot,
  type CohortStudent,
} from "./seed-cohort-data";
import { studentProfileData } from "./seed-data";

// The earlier cohort (db/seed-cohort-data.ts says what it is), written as the app would have
// written it over a past term: accounts, profiles, applications, matches with their history,
// check-ins, outcomes, letters, referrals and follow-ups. It is created whole, in one batch of
// statements, when its first organization is missing, and left alone when it is there.

const daysFrom = (now: Date, days: number, hourUtc = 15) => {
  const d = new Date(now.getTime() + days * DAY_MS);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
};
const dateIn = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
const monthIn = (now: Date, months: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 15)).toISOString().slice(0, 10);
/** An instant on a calendar day (YYYY-MM-DD), at an hour UTC. */
const onDay = (day: string, hourUtc: number) => new Date(`${day}T${String(hourUtc).padStart(2, "0")}:00:00Z`);

/** Whether the cohort still has to be created (its first organization is not there). */
export async function cohortIsMissing(db: Db) {
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, COHORT_ORGANIZATIONS[0]!.slug));
  return !row;
}

/** Weekly work in a check-in, per slot: what the interns of each project wrote about. */
const WORK: Record<string, string[]> = {
  A: ["Read the event schema and loaded a week of GPS events.", "Wrote checks for duplicate and out-of-order events.", "Built the arrival estimate for one route and measured it.", "Ran the nightly data-quality report and fixed two gaps."],
  B: ["Set up the dashboard locally and fixed a filter bug.", "Rebuilt the late-loads table with keyboard navigation.", "Added tests for the filters and the date maths.", "Timed three shippers finding a late load, before and after."],
  C: ["Audited the sign-up form on a phone and with a screen reader.", "Fixed labels and error messages on the form.", "Built the reminder email before each club.", "Wrote the volunteers' guide and tested it with two of them."],
  D: ["Read the gauge records and the group's code.", "Wrote the drift check and tested it on a known case.", "Corrected one year of records and compared with the reference station.", "Documented the method for the open-data release."],
  E: ["Flew-along day and a first map by hand.", "Built the photo-to-map step of the pipeline.", "Compared two months and checked against the field plots.", "Wrote the notebook the ecologists rerun."],
  F: ["Learned where each month-end number comes from.", "Scripted the first export and checked it with a bookkeeper.", "Built the report template from three exports.", "Tested the report against last year's and fixed the differences."],
  G: ["Listed what new clients send and what the team needs.", "Sketched the form and tested it on paper with the team.", "Built uploads and the checklist per kind of business.", "Tested the form with a client and fixed what confused them."],
};

/** Creates the earlier cohort when it is missing. Returns how many of its students it created (0 when it was there). */
export async function seedEarlierCohort(tx: Db, now: Date, { passwordHash, adminId }: { passwordHash: string; adminId: string | null }): Promise<number> {
  if (!(await cohortIsMissing(tx))) return 0;

  // ── Accounts: mentors joined before the term, students signed up 330 to 300 days ago ──────────
  const signedUp = new Map(COHORT_STUDENTS.map((s, i) => [s.email, daysFrom(now, -330 + ((i * 7) % 31), 13 + (i % 8))]));
  const accounts = [
    ...COHORT_MENTORS.map((m, i) => ({ email: m.email, name: m.name, role: "mentor" as const, createdAt: daysFrom(now, -410 + i, 16) })),
    ...COHORT_STUDENTS.map((s) => ({ email: s.email, name: s.name, role: "student" as const, createdAt: signedUp.get(s.email)! })),
  ];
  await tx
    .insert(users)
    .values(accounts.map((a) => ({ ...a, passwordHash, emailVerifiedAt: a.createdAt, updatedAt: a.createdAt })))
    .onConflictDoNothing();
  const idRows = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, accounts.map((a) => a.email)));
  const idOf = new Map(idRows.map((r) => [r.email, r.id]));
  const id = (email: string) => idOf.get(email)!;

  // ── Organizations, verified before the term, and their mentors ───────────────────────────────
  const orgRows = await tx
    .insert(organizations)
    .values(
      COHORT_ORGANIZATIONS.map(({ mentors, region: _region, ...o }) => ({
        ...o,
        verifiedAt: daysFrom(now, -400),
        verifiedBy: adminId,
        createdBy: id(mentors[0]!.email),
        createdAt: daysFrom(now, -405),
        updatedAt: daysFrom(now, -400),
      })),
    )
    .returning({ id: organizations.id, slug: organizations.slug });
  const orgId = new Map(orgRows.map((r) => [r.slug, r.id]));
  await tx
    .insert(organizationMembers)
    .values(COHORT_MENTORS.map((m, i) => ({ organizationId: orgId.get(m.organization)!, userId: id(m.email), joinedAt: daysFrom(now, -405 + i) })));

  // ── Slots: the term's, filled or closed; two open now ───────────────────────────────────────
  const slotRows = await tx
    .insert(slots)
    .values(COHORT_SLOTS.map((slot) => slotValues(slot, now, adminId, orgId.get(slot.organization)!, id(slot.mentors[0]!))))
    .returning();
  const slotOf = new Map(COHORT_SLOTS.map((s) => [s.key, slotRows.find((r) => r.title === s.title)!]));
  await tx.insert(slotMentors).values(COHORT_SLOTS.flatMap((s) => s.mentors.map((m) => ({ slotId: slotOf.get(s.key)!.id, userId: id(m) }))));
  await tx.insert(slotSkills).values(
    COHORT_SLOTS.flatMap((s) => [
      ...s.required.map(([skillSlug, minLevel]) => ({ slotId: slotOf.get(s.key)!.id, skillSlug, minLevel, required: true })),
      ...s.niceToHave.map(([skillSlug, minLevel]) => ({ slotId: slotOf.get(s.key)!.id, skillSlug, minLevel, required: false })),
    ]),
  );

  // ── Profiles: complete ones out of matching and hidden from mentors; a few left half done ─────
  const built = COHORT_STUDENTS.map((student, index) => ({ student, ...studentProfileData(student, index) }));
  const startedProfile = ({ student }: (typeof built)[number]) => {
    const createdAt = new Date(signedUp.get(student.email)!.getTime() + 2 * DAY_MS);
    return {
      userId: id(student.email),
      school: student.school,
      program: student.program,
      degree: student.degree,
      languages: student.languages,
      country: student.country,
      city: student.city,
      createdAt,
      updatedAt: createdAt,
    };
  };
  // Started and left: school and place, nothing matching needs.
  const partialRows = built.filter(({ student }) => reached(student, "partial_profile") && !reached(student, "profile")).map(startedProfile);
  const fullRows = built.flatMap((b) => {
    const { student, profile } = b;
    if (!reached(student, "profile")) return [];
    const base = startedProfile(b);
    const createdAt = base.createdAt;
    const { graduatesInMonths, availableInDays: _available, validity, ...values } = profile;
    return [
      {
        ...values,
        ...base,
        graduationDate: monthIn(now, graduatesInMonths),
        // Free from a week before the term's start: when they were looking.
        availableFrom: dateIn(now, COHORT_TERM.startDay - 7),
        authorizationValidFrom: validity ? dateIn(now, validity.fromDays) : null,
        authorizationValidUntil: validity ? dateIn(now, validity.untilDays) : null,
        shareAuthorization: false,
        inMatching: false,
        visibleToMentors: false,
        updatedAt: new Date(createdAt.getTime() + 3 * DAY_MS),
      },
    ];
  });
  await tx.insert(studentProfiles).values([...partialRows, ...fullRows]);
  const complete = built.filter(({ student }) => reached(student, "profile"));
  await tx.insert(studentSkills).values(complete.flatMap(({ student, skills }) => skills.map((s) => ({ userId: id(student.email), skillSlug: s.slug, level: s.level }))));
  await tx.insert(studentProjects).values(complete.flatMap(({ student, projects }) => projects.map((p) => ({ ...p, userId: id(student.email) }))));

  // ── Applications and matches ────────────────────────────────────────────────────────────────
  // Every other matched student came through an application, the rest through a round.
  const storied = COHORT_STUDENTS.filter((s) => reached(s, "applied") && s.slot);
  const viaApplication = (s: CohortStudent, i: number) => !reached(s, "proposed") || i % 2 === 0;
  const applicationRows = storied.flatMap((s, i) => {
    if (!viaApplication(s, i)) return [];
    const slot = slotOf.get(s.slot!)!;
    const open = slot.status === "open";
    // A few days after signing up, before the term's deadline (the last sign-ups were 300 days ago).
    const submittedAt = open ? new Date(now.getTime() - 10 * DAY_MS - 3 * 3600_000) : new Date(signedUp.get(s.email)!.getTime() + (4 + (i % 2)) * DAY_MS);
    const status = open ? "submitted" : reached(s, "introduced") ? "introduced" : reached(s, "proposed") ? "not_selected" : i % 3 === 0 ? "withdrawn" : "not_selected";
    return [
      {
        slotId: slot.id,
        studentId: id(s.email),
        statement: `I would like to work on “${slot.title}”. ${slot.project} It is close to what I study in ${s.program}, and I can give it the hours it asks.`,
        answers: slot.questions.map(() => "I have done something close to this in a class project; I can show you the code."),
        status: status as "submitted" | "introduced" | "not_selected" | "withdrawn",
        declineReason: status === "not_selected" && i % 2 === 1 ? "We chose a student whose term dates fit the start better. Thank you for applying." : null,
        submittedAt,
        updatedAt: open ? submittedAt : daysFrom(now, COHORT_TERM.deadlineDay + 3),
      },
    ];
  });
  const appRows = applicationRows.length
    ? await tx.insert(applications).values(applicationRows).returning({ id: applications.id, studentId: applications.studentId })
    : [];
  const applicationOf = new Map(appRows.map((r) => [r.studentId, r.id]));

  const matched = storied.filter((s) => reached(s, "proposed"));
  const profileOf = new Map(fullRows.map((p) => [p.userId, p]));
  const plans = matched.map((s) => {
    const i = storied.indexOf(s);
    const slot = slotOf.get(s.slot!)!;
    const studentId = id(s.email);
    const fromApplication = applicationOf.has(studentId) && viaApplication(s, i);
    const dates = { startDate: slot.startDate!, durationWeeks: slot.durationWeeks! };
    const createdAt = daysFrom(now, COHORT_TERM.deadlineDay + 2 + (i % 3), 16);
    const introducedAt = reached(s, "introduced") ? new Date(createdAt.getTime() + 2 * DAY_MS) : null;
    const confirmedAt = reached(s, "confirmed") ? new Date(introducedAt!.getTime() + 4 * DAY_MS) : null;
    const startedAt = reached(s, "started") ? onDay(dates.startDate, 16) : null;
    const completedAt = reached(s, "completed") ? onDay(addDays(dates.startDate, dates.durationWeeks * 7), 22) : null;
    const reasons = COHORT_CLOSING_REASONS[s.stage];
    const closedAt = s.stage === "proposed" ? introducedAtOr(createdAt) : s.stage === "introduced" ? new Date(introducedAt!.getTime() + 8 * DAY_MS) : s.stage === "confirmed" ? new Date(confirmedAt!.getTime() + 5 * DAY_MS) : s.stage === "started" ? new Date(startedAt!.getTime() + 22 * DAY_MS) : null;
    return { s, i, slot, studentId, fromApplication, dates, createdAt, introducedAt, confirmedAt, startedAt, completedAt, closedAt, closingReason: reasons ? reasons[i % reasons.length]! : null };
  });
  const matchRows = await tx
    .insert(matches)
    .values(
      plans.map((p) => {
        const { score, warnings } = engineScore({ ...profileOf.get(p.studentId)!, cptFullTimeMonthsUsed: null }, complete.find((c) => c.student.email === p.s.email)!.skills, p.slot, slotSkillsOf(COHORT_SLOTS.find((c) => c.key === p.s.slot)!), p.fromApplication);
        const status = p.s.stage === "completed" ? "completed" : p.s.stage === "proposed" ? "rejected" : "not_proceeding";
        return {
          slotId: p.slot.id,
          studentId: p.studentId,
          source: p.fromApplication ? ("application" as const) : ("round" as const),
          applicationId: p.fromApplication ? applicationOf.get(p.studentId)! : null,
          proposedBy: p.fromApplication ? id(COHORT_SLOTS.find((c) => c.key === p.s.slot)!.mentors[0]!) : null,
          score: score.score,
          reasons: score.components,
          warnings,
          status: status as "completed" | "rejected" | "not_proceeding",
          reviewedBy: adminId,
          reviewedAt: p.introducedAt ?? p.closedAt,
          closingReason: p.closingReason,
          introducedAt: p.introducedAt,
          confirmedAt: p.confirmedAt,
          startedAt: p.startedAt,
          completedAt: p.completedAt,
          createdAt: p.createdAt,
          updatedAt: p.closedAt ?? p.completedAt ?? p.createdAt,
        };
      }),
    )
    .returning({ id: matches.id, studentId: matches.studentId });
  const matchOf = new Map(matchRows.map((r) => [r.studentId, r.id]));

  // Each match's history, as the review and moveMatch record it.
  await tx.insert(auditLog).values(
    plans.flatMap((p) => {
      const matchId = matchOf.get(p.studentId)!;
      const mentorId = id(COHORT_SLOTS.find((c) => c.key === p.s.slot)!.mentors[0]!);
      const detail = { slotId: p.slot.id, slotTitle: p.slot.title };
      const entry = (action: string, actorId: string | null, at: Date, more: Record<string, unknown> = {}) => ({ actorId, action, subjectType: "match", subjectId: matchId, detail: { ...detail, ...more }, createdAt: at });
      if (p.s.stage === "proposed") return [entry("match.rejected", adminId, p.closedAt!, { studentId: p.studentId, reason: p.closingReason })];
      const rows = [entry("match.approved", adminId, p.introducedAt!, { source: p.fromApplication ? "application" : "round", studentId: p.studentId })];
      if (p.confirmedAt) rows.push(entry("match.confirmed", p.studentId, p.confirmedAt, { from: "introduced", by: "student" }));
      if (p.startedAt) rows.push(entry("match.active", mentorId, p.startedAt, { from: "confirmed", by: "mentor" }));
      if (p.completedAt) rows.push(entry("match.completed", mentorId, p.completedAt, { from: "active", by: "mentor" }));
      if (p.s.stage !== "completed") {
        const from = p.startedAt ? "active" : p.confirmedAt ? "confirmed" : "introduced";
        rows.push(entry("match.not_proceeding", p.studentId, p.closedAt!, { from, by: "student", reason: p.closingReason }));
      }
      return rows;
    }),
  );

  // Weekly check-ins of the internships that started, each replied to the next day; a few late.
  await tx.insert(checkIns).values(
    plans
      .filter((p) => p.startedAt)
      .flatMap((p) => {
        const cohortSlot = COHORT_SLOTS.find((c) => c.key === p.s.slot)!;
        const work = WORK[cohortSlot.key]!;
        const weeks = p.completedAt ? p.dates.durationWeeks : 3;
        const mentorId = id(cohortSlot.mentors[0]!);
        return Array.from({ length: weeks }, (_, k) => {
          const week = k + 1;
          const day = addDays(p.dates.startDate, 7 * week - 1 + (p.i % 4 === 1 && week === 5 ? 2 : 0));
          const submittedAt = onDay(day, 23);
          const repliedAt = new Date(submittedAt.getTime() + 14 * 3600_000);
          return {
            matchId: matchOf.get(p.studentId)!,
            week,
            done: work[k % work.length]!,
            next: week === weeks ? "Hand-over notes and a last session with the team." : work[(k + 1) % work.length]!,
            hoursWorked: cohortSlot.hoursPerWeek,
            mentorHoursReceived: cohortSlot.mentorHoursPerWeek,
            late: isLate(p.dates, week, day),
            submittedAt,
            updatedAt: submittedAt,
            reply: "Good week. See you at our one-to-one.",
            mentorHoursGiven: cohortSlot.mentorHoursPerWeek,
            repliedBy: mentorId,
            repliedAt,
          };
        });
      }),
  );

  // ── What the completed internships left ─────────────────────────────────────────────────────
  const done = plans.filter((p) => p.completedAt && p.s.after);
  await tx.insert(matchOutcomes).values(
    done.map((p) => {
      const after = p.s.after!;
      const offers = COHORT_SLOTS.find((c) => c.key === p.s.slot)!.offers;
      const benefits: Record<string, boolean> = { ...after.kept };
      if (offers.includes("return_offer")) benefits.return_offer = after.returnOffer !== "pending";
      const recordedAt = new Date(p.completedAt!.getTime() + DAY_MS);
      return { matchId: matchOf.get(p.studentId)!, benefits, returnOffer: after.returnOffer, recordedBy: p.studentId, recordedAt, updatedAt: recordedAt };
    }),
  );

  const lettered = done.filter((p) => p.s.after!.letter);
  const letterRows = await tx
    .insert(recommendationLetters)
    .values(
      lettered.map((p, k) => {
        const letter = p.s.after!.letter!;
        const mentor = COHORT_MENTORS.find((m) => m.email === COHORT_SLOTS.find((c) => c.key === p.s.slot)!.mentors[0])!;
        const readyAt = new Date(p.completedAt!.getTime() + 6 * DAY_MS);
        return {
          matchId: matchOf.get(p.studentId)!,
          mentorId: id(mentor.email),
          purpose: letter.purpose,
          dueDate: addDays(p.completedAt!.toISOString().slice(0, 10), 21),
          waived: k % 2 === 0,
          state: "ready" as const,
          format: "written" as const,
          body: `I recommend ${p.s.name}, who interned with ${COHORT_ORGANIZATIONS.find((o) => o.slug === COHORT_SLOTS.find((c) => c.key === p.s.slot)!.organization)!.name} for ten weeks on “${p.slot.title}”.\n\n${p.s.name.split(" ")[0]} wrote every weekly check-in on time, asked good questions early, and finished the project. I recommend them without reservation.`,
          writerName: mentor.name,
          writerTitle: mentor.title,
          verificationCode: newVerificationCode(),
          readyAt,
          createdAt: new Date(p.completedAt!.getTime() - 2 * DAY_MS),
          updatedAt: readyAt,
        };
      }),
    )
    .returning({ id: recommendationLetters.id, matchId: recommendationLetters.matchId, readyAt: recommendationLetters.readyAt });
  const deliveries = lettered.map((p) => {
    const letter = letterRows.find((l) => l.matchId === matchOf.get(p.studentId))!;
    const token = generateToken();
    const sentAt = new Date(letter.readyAt!.getTime() + DAY_MS);
    return {
      letterId: letter.id,
      recipientName: p.s.after!.letter!.recipientName,
      recipientEmail: p.s.after!.letter!.recipientEmail,
      tokenId: token.id,
      secretHash: token.secretHash,
      sentAt,
      expiresAt: new Date(sentAt.getTime() + DELIVERY_LINK_DAYS * DAY_MS),
      firstViewedAt: new Date(sentAt.getTime() + 2 * DAY_MS),
      viewCount: 1,
    };
  });
  const deliveryRows = await tx.insert(letterDeliveries).values(deliveries).returning({ id: letterDeliveries.id, firstViewedAt: letterDeliveries.firstViewedAt });
  await tx.insert(letterViews).values(deliveryRows.map((d) => ({ deliveryId: d.id, viewedAt: d.firstViewedAt! })));

  const referred = done.filter((p) => p.s.after!.referral);
  await tx.insert(referrals).values(
    referred.map((p, k) => {
      const referral = p.s.after!.referral!;
      const lastUpdateAt = new Date(p.completedAt!.getTime() + 45 * DAY_MS);
      return {
        matchId: matchOf.get(p.studentId)!,
        mentorId: id(COHORT_SLOTS.find((c) => c.key === p.s.slot)!.mentors[0]!),
        company: referral.company,
        role: referral.role,
        state: "accepted" as const,
        method: k % 2 === 0 ? ("email_to_recruiter" as const) : ("internal_tool" as const),
        referredOn: addDays(p.completedAt!.toISOString().slice(0, 10), 10),
        outcome: referral.outcome,
        outcomeBy: p.studentId,
        lastUpdateAt,
        createdAt: new Date(p.completedAt!.getTime() + 8 * DAY_MS),
        updatedAt: lastUpdateAt,
      };
    }),
  );

  // "Where are you now?" at 3 and 6 months: every one was sent (so the sweep sends none again); most answered.
  await tx.insert(outcomeFollowUps).values(
    done.flatMap((p) =>
      ([3, 6] as const).map((months) => {
        const answer = months === 3 ? p.s.after!.at3 : p.s.after!.at6;
        const sentAt = new Date(Math.min(monthsAfter(p.completedAt!, months).getTime(), now.getTime() - DAY_MS));
        const token = generateToken();
        const paid = answer === "paid_internship" || answer === "full_time_offer";
        return {
          id: followUpIdOf(token.id),
          matchId: matchOf.get(p.studentId)!,
          months,
          secretHash: token.secretHash,
          sentAt,
          answer,
          organizationName: paid ? (p.s.after!.where ?? null) : null,
          answeredAt: answer ? new Date(Math.min(sentAt.getTime() + (1 + (p.i % 4)) * DAY_MS, now.getTime())) : null,
        };
      }),
    ),
  );

  // One email that could not be delivered this week: the address a student signed up with is gone.
  const bounced = COHORT_STUDENTS.find((s) => s.stage === "account")!;
  await tx.insert(emails).values({
    template: "reset-password",
    to: [bounced.email],
    subject: resetPasswordSubject,
    userId: id(bounced.email),
    status: "failed",
    transport: "resend",
    attempts: 5,
    lastError: `550 5.1.1 <${bounced.email}>: recipient address rejected: the mailbox does not exist`,
    createdAt: new Date(now.getTime() - 2 * DAY_MS - 5 * 3600_000),
  });

  return COHORT_STUDENTS.length;
}

const introducedAtOr = (createdAt: Date) => new Date(createdAt.getTime() + 2 * DAY_MS);

function slotValues(slot: CohortSlot, now: Date, adminId: string | null, organizationId: string, createdBy: string) {
  const { key: _key, organization, mentors: _mentors, required: _required, niceToHave: _nice, deadlineInDays, startAfterDeadlineDays, publishedDaysAgo, ...values } = slot;
  const open = slot.status === "open";
  const publishedAt = daysFrom(now, open ? -(publishedDaysAgo ?? 1) : COHORT_TERM.publishedDay, 15);
  const unpaid = slot.compensation === "unpaid" || slot.compensation === "course_credit";
  return {
    ...values,
    organizationId,
    createdBy,
    region: COHORT_ORGANIZATIONS.find((o) => o.slug === organization)!.region,
    applicationDeadline: dateIn(now, deadlineInDays),
    startDate: dateIn(now, deadlineInDays + startAfterDeadlineDays),
    // Unpaid slots were reviewed by an admin before they opened; paid slots of a verified organization skip review.
    reviewedBy: unpaid ? adminId : null,
    reviewedAt: unpaid ? publishedAt : null,
    submittedAt: new Date(publishedAt.getTime() - 2 * DAY_MS),
    publishedAt,
    createdAt: new Date(publishedAt.getTime() - 3 * DAY_MS),
    // A filled slot last changed when its last seat was taken; a closed one at its deadline.
    updatedAt: open ? publishedAt : daysFrom(now, COHORT_TERM.deadlineDay + 10),
  };
}

const slotSkillsOf = (slot: CohortSlot) => [
  ...slot.required.map(([skillSlug, minLevel]) => ({ skillSlug, minLevel, required: true })),
  ...slot.niceToHave.map(([skillSlug, minLevel]) => ({ skillSlug, minLevel, required: false })),
];

/** The score and warnings the engine gave the pair, as if they were matched before the start (free from a week before it, for long enough). */
function engineScore(
  profile: Parameters<typeof toMatchStudent>[0],
  skills: { slug: string; level: number }[],
  slot: Slot,
  skillRows: ReturnType<typeof slotSkillsOf>,
  applied: boolean,
) {
  const engineSlot = toMatchSlot(submitted(slot), skillRows);
  const student = toMatchStudent(profile, Object.fromEntries(skills.map((s) => [s.slug, s.level])));
  if (!student) return { score: { score: 70, components: [] }, warnings: [] };
  const fitted = { ...student, availableFrom: addDays(slot.startDate!, -7), availableWeeks: Math.max(student.availableWeeks, slot.durationWeeks! + 2) };
  return { score: scorePair(fitted, engineSlot), warnings: checkEligibility(fitted, engineSlot, { applied }).warnings };
}
