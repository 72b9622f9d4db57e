import { randomBytes } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  applications,
  emails,
  letterDeliveries,
  matchOutcomes,
  organizations,
  outcomeFollowUps,
  recommendationLetters,
  referrals,
  studentProfiles,
  users,
  type Match,
  type WorkAuthorization,
} from "~db/schema";
import { makeMatch } from "~db/test/match-factories";
import { addDays, addMentor, makeOrganization, makeSlot } from "~db/test/slot-factories";
import { moduleTestDb } from "~db/test/module-db";
import { DAY_MS } from "~/domain/time";
import { EMPTY_PROFILE, missingForMatching } from "~/modules/profiles/completeness";
import type { StudentProfileFields } from "~/modules/profiles/types";
import { STALL_DAYS } from "~/modules/mentorship/schedule";
import { NO_FILTERS, type InsightFilters } from "./filters";
import { getFunnel, getHealth, getInsights, getOutcomes, readyForMatching, SLOW_REPLY_DAYS } from "./insights.server";
import { FUNNEL_STEPS, type FunnelStepKey, type OutcomeRow } from "./types";

const db = moduleTestDb();

// The cohort signs up in March 2043 and the health checks run in June 2044: far from every other
// test file's rows (they share this database), so a date range or a slot filter sees only ours.
const MARCH: InsightFilters = { ...NO_FILTERS, from: "2043-03-01", to: "2043-03-31" };
const MAY: InsightFilters = { ...NO_FILTERS, from: "2043-05-01", to: "2043-05-31" };
const NOW = new Date("2044-06-15T16:00:00Z");
const ago = (days: number) => new Date(NOW.getTime() - days * DAY_MS);
const suffix = () => randomBytes(4).toString("hex");

const made = { users: [] as string[], organizations: [] as string[], emails: [] as string[] };

const READY = {
  country: "US",
  city: "Boston",
  timezone: "America/New_York",
  availableFrom: "2043-06-01",
  availableWeeks: 12,
  hoursPerWeekTerm: 20,
  hoursPerWeekBreak: 40,
  workModes: ["remote" as const],
  compensation: "any" as const,
};

/** `n` students signed up at `createdAt`; with a profile unless `profile` is null (ready for matching when `ready`). */
async function students(n: number, { createdAt, authorization = "us_citizen_pr", ready = true, profile = true }: { createdAt: string; authorization?: WorkAuthorization | null; ready?: boolean; profile?: boolean }) {
  const rows = await db
    .insert(users)
    .values(Array.from({ length: n }, () => ({ email: `insights-${suffix()}@example.org`, name: `Student ${suffix()}`, role: "student" as const, passwordHash: "x", createdAt: new Date(createdAt) })))
    .returning({ id: users.id });
  const ids = rows.map((r) => r.id);
  made.users.push(...ids);
  if (profile) await db.insert(studentProfiles).values(ids.map((userId) => ({ userId, workAuthorization: authorization, ...(ready ? READY : {}) })));
  return ids;
}

async function org(type: (typeof organizations.$inferInsert)["type"]) {
  const { organization, mentor } = await makeOrganization(db, { type });
  made.organizations.push(organization.id);
  made.users.push(mentor.id);
  return { organization, mentor };
}

const apply = (slotId: string, ids: string[], values: Partial<typeof applications.$inferInsert> = {}) =>
  db.insert(applications).values(ids.map((studentId) => ({ slotId, studentId, statement: "I would like to build this.", status: "submitted" as const, ...values })));

const matchAll = (slotId: string, ids: string[], values: Partial<Match> = {}) => Promise.all(ids.map((studentId) => makeMatch(db, { slotId, studentId, ...values })));

async function deliveredLetter(match: Match, delivered = true) {
  const [letter] = await db
    .insert(recommendationLetters)
    .values({ matchId: match.id, purpose: "jobs", dueDate: "2043-04-01", waived: false, state: "ready", format: "written", body: "Recommended.", verificationCode: `T${suffix()}${suffix()}`.slice(0, 16), readyAt: new Date("2043-03-25T00:00:00Z") })
    .returning();
  if (delivered)
    await db.insert(letterDeliveries).values({ letterId: letter!.id, recipientName: "Admissions", recipientEmail: "admissions@example.org", tokenId: suffix() + suffix(), secretHash: "x", expiresAt: new Date("2043-05-01T00:00:00Z") });
}

const followUp = (match: Match, answer: (typeof outcomeFollowUps.$inferInsert)["answer"]) =>
  db.insert(outcomeFollowUps).values({ matchId: match.id, months: 3, answer, answeredAt: new Date("2043-06-30T00:00:00Z") });

const outcome = (match: Match, benefits: Record<string, boolean>, returnOffer: "yes" | "no" | "pending") => db.insert(matchOutcomes).values({ matchId: match.id, benefits, returnOffer });

const completedValues = (at: string) => ({ status: "completed" as const, introducedAt: new Date(at), confirmedAt: new Date(at), startedAt: new Date(at), completedAt: new Date(at) });

const people = (steps: { key: FunnelStepKey; people: number | null }[]) => Object.fromEntries(steps.map((s) => [s.key, s.people]));

// The crafted cohort (groups of 5 or more, so no cell is hidden unless a test says so):
// slot A: nonprofit, unpaid, in Canada; slot B: startup, paid, in the US; slot C: nonprofit, stipend, in the US.
beforeAll(async () => {
  const nonprofit = await org("nonprofit");
  const startup = await org("startup");
  const slotA = await makeSlot(db, nonprofit.organization, { compensation: "unpaid", country: "CA", timezone: "America/Toronto", academicProgram: "Co-op", academicSchool: "Waterloo" });
  const slotB = await makeSlot(db, startup.organization, { compensation: "paid", country: "US" });
  const slotC = await makeSlot(db, nonprofit.organization, { compensation: "stipend", country: "US" });
  const march = "2043-03-10T12:00:00Z";

  // g1: signed up on the range's first instant, no profile at all.
  await students(5, { createdAt: "2043-03-01T00:00:00Z", profile: false });
  // g2: ready for matching, signed up on the range's last second; nothing else.
  await students(5, { createdAt: "2043-03-31T23:59:59Z" });
  // g3: a profile missing most of what matching needs (no authorization), applied to B and withdrew.
  await apply(slotB.id, await students(5, { createdAt: march, ready: false, authorization: null }), { status: "withdrawn" });
  // g4: applied to A, waiting.
  await apply(slotA.id, await students(6, { createdAt: march }));
  // g5: proposed for B by a round, without applying.
  await matchAll(slotB.id, await students(5, { createdAt: march }), { status: "proposed" });
  // g6: introduced on C, then not going ahead.
  await matchAll(slotC.id, await students(5, { createdAt: march }), { status: "not_proceeding", introducedAt: new Date(march), closingReason: "Schedules." });
  // g7: confirmed on B (no introduction time recorded: the status says it came after).
  await matchAll(slotB.id, await students(5, { createdAt: march }), { status: "confirmed", introducedAt: null, confirmedAt: new Date(march) });
  // g8: active on A.
  await matchAll(slotA.id, await students(5, { createdAt: march }), { status: "active", confirmedAt: new Date(march), startedAt: new Date(march) });
  // g9: completed on B: every promise kept, a return offer, a letter delivered, a full-time offer at 3 months.
  for (const m of await matchAll(slotB.id, await students(5, { createdAt: march }), completedValues("2043-03-20T00:00:00Z"))) {
    await outcome(m, { mentorship: true, referral: true }, "yes");
    await deliveredLetter(m);
    await followUp(m, "full_time_offer");
  }
  // g10: completed on A: some promises kept, a referral made, still searching at 3 months.
  for (const m of await matchAll(slotA.id, await students(5, { createdAt: march }), completedValues("2043-03-21T00:00:00Z"))) {
    await outcome(m, { mentorship: true, referral: false }, "no");
    await db.insert(referrals).values({ matchId: m.id, company: "Acme", role: "Engineer", state: "accepted", method: "internal_tool", referredOn: "2043-03-22" });
    await followUp(m, "still_searching");
  }
  // g11: completed on A: no outcome recorded, a letter ready but never sent, a referral still asked for, no follow-up answer.
  for (const m of await matchAll(slotA.id, await students(5, { createdAt: march }), completedValues("2043-03-22T00:00:00Z"))) {
    await deliveredLetter(m, false);
    await db.insert(referrals).values({ matchId: m.id, company: "Acme", role: "Engineer", state: "requested" });
    await db.insert(outcomeFollowUps).values({ matchId: m.id, months: 3 });
  }
  // g12: US student visas, applied to B.
  await apply(slotB.id, await students(5, { createdAt: march, authorization: "us_f1_opt_post" }));
  // g13: three on Canadian study permits, applied to A: a group too small to show.
  await apply(slotA.id, await students(3, { createdAt: march, authorization: "ca_study_permit" }));
  // g14: signed up the instant after March, applied to B.
  await apply(slotB.id, await students(5, { createdAt: "2043-04-01T00:00:00Z" }));

  // May: internships completed on C, signed up in May: five kept no promise, three kept some.
  for (const m of await matchAll(slotC.id, await students(5, { createdAt: "2043-05-02T00:00:00Z" }), completedValues("2043-05-20T00:00:00Z")))
    await outcome(m, { mentorship: false, referral: false }, "pending");
  for (const m of await matchAll(slotC.id, await students(3, { createdAt: "2043-05-02T00:00:00Z" }), completedValues("2043-05-21T00:00:00Z")))
    await outcome(m, { mentorship: true, referral: false }, "pending");
});

afterAll(async () => {
  if (made.emails.length) await db.delete(emails).where(inArray(emails.id, made.emails));
  if (made.organizations.length) await db.delete(organizations).where(inArray(organizations.id, made.organizations));
  if (made.users.length) await db.delete(users).where(inArray(users.id, made.users));
});

describe("getFunnel", () => {
  test("counts each step's distinct students in the cohort, a step reached whatever came after", async () => {
    const funnel = await getFunnel(db, MARCH);
    expect(funnel.map((s) => s.key)).toEqual([...FUNNEL_STEPS]);
    expect(people(funnel)).toEqual({
      signed_up: 64,
      // everyone with a profile ready, and g3, whose application shows they were ready once
      profile_complete: 59,
      applied_or_in_round: 54,
      proposed: 35,
      introduced: 30,
      confirmed: 25,
      active: 20,
      completed: 15,
      letter_or_referral: 10,
      paid_work_within_6_months: 5,
    });
    expect(funnel[0]).toMatchObject({ fromPrevious: null, fromStart: 1 });
    expect(funnel[1]!.fromPrevious).toBeCloseTo(59 / 64);
    expect(funnel[9]!.fromPrevious).toBeCloseTo(5 / 10);
    expect(funnel[9]!.fromStart).toBeCloseTo(5 / 64);
  });

  test("the date range picks students by sign-up day, both ends included", async () => {
    expect(people(await getFunnel(db, { ...MARCH, to: "2043-04-01" }))).toMatchObject({ signed_up: 69, applied_or_in_round: 59, proposed: 35 });
    expect(people(await getFunnel(db, { ...MARCH, from: "2043-03-02" }))).toMatchObject({ signed_up: 59, profile_complete: 59 });
    expect(people(await getFunnel(db, { ...MARCH, to: "2043-03-30" }))).toMatchObject({ signed_up: 59, profile_complete: 54 });
  });

  test("a slot filter narrows the steps from applying on, not signing up or the profile", async () => {
    expect(people(await getFunnel(db, { ...MARCH, compensation: "unpaid" }))).toEqual({
      signed_up: 64,
      profile_complete: 59,
      applied_or_in_round: 24,
      proposed: 15,
      introduced: 15,
      confirmed: 15,
      active: 15,
      completed: 10,
      letter_or_referral: 5,
      paid_work_within_6_months: 0,
    });
    expect(people(await getFunnel(db, { ...MARCH, country: "US" }))).toEqual({
      signed_up: 64,
      profile_complete: 59,
      applied_or_in_round: 30,
      proposed: 20,
      introduced: 15,
      confirmed: 10,
      active: 5,
      completed: 5,
      letter_or_referral: 5,
      paid_work_within_6_months: 5,
    });
    expect(people(await getFunnel(db, { ...MARCH, organizationType: "nonprofit" }))).toMatchObject({ applied_or_in_round: 29, proposed: 20, introduced: 20, confirmed: 15, completed: 10 });
    // Together: the nonprofit's US slot is C alone.
    expect(people(await getFunnel(db, { ...MARCH, organizationType: "nonprofit", country: "US" }))).toMatchObject({ applied_or_in_round: 5, proposed: 5, introduced: 5, confirmed: 0 });
  });

  test("the authorization group narrows every step; a student without a status is 'not stated'", async () => {
    expect(people(await getFunnel(db, { ...MARCH, authorizationGroup: "us_student" }))).toMatchObject({ signed_up: 5, profile_complete: 5, applied_or_in_round: 5, proposed: 0 });
    expect(people(await getFunnel(db, { ...MARCH, authorizationGroup: "not_stated" }))).toMatchObject({ signed_up: 10, profile_complete: 5, applied_or_in_round: 5, proposed: 0 });
    expect(people(await getFunnel(db, { ...MARCH, authorizationGroup: "citizen_pr" }))).toMatchObject({ signed_up: 46, proposed: 35, paid_work_within_6_months: 5 });
  });

  test("a cell of 1 to 4 people is hidden, and every ratio that reads it is null; zero is shown", async () => {
    const funnel = await getFunnel(db, { ...MARCH, authorizationGroup: "ca_student" });
    expect(people(funnel)).toMatchObject({ signed_up: null, profile_complete: null, applied_or_in_round: null, proposed: 0 });
    for (const step of funnel) expect([step.fromPrevious, step.fromStart]).toEqual([null, null]);
  });
});

describe("readyForMatching", () => {
  test("agrees with missingForMatching, one missing field at a time", async () => {
    const complete: StudentProfileFields = { ...EMPTY_PROFILE, ...READY, workModes: ["remote"], workAuthorization: "us_citizen_pr" };
    const variants: Partial<StudentProfileFields>[] = [
      {},
      { country: null },
      { timezone: "  " },
      { timezone: null },
      { availableFrom: null },
      { availableWeeks: null },
      { hoursPerWeekTerm: 0, hoursPerWeekBreak: 0 },
      { hoursPerWeekTerm: 0 },
      { hoursPerWeekBreak: null },
      { workModes: [] },
      { workAuthorization: null },
      { compensation: null },
    ];
    const [id] = await students(1, { createdAt: "2043-07-01T00:00:00Z", profile: false });
    for (const variant of variants) {
      const profile = { ...complete, ...variant };
      await db.delete(studentProfiles).where(inArray(studentProfiles.userId, [id!]));
      const { skills: _skills, projects: _projects, ...row } = profile;
      await db.insert(studentProfiles).values({ ...row, userId: id! });
      const [read] = await db.select({ ready: readyForMatching }).from(studentProfiles).where(inArray(studentProfiles.userId, [id!]));
      expect({ variant, ready: read!.ready }).toEqual({ variant, ready: missingForMatching(profile).length === 0 });
    }
  });
});

const row = (rows: OutcomeRow[], key: string) => rows.find((r) => r.key === key)!;

describe("getOutcomes", () => {
  test("completed internships by compensation, organization type and promises kept", async () => {
    const outcomes = await getOutcomes(db, MARCH);
    const paid = { completed: 5, answered: 5, paidWork: 5, paidWorkShare: 1, returnOffers: 5, letterOrReferral: 5 };
    const unpaid = { completed: 10, answered: 5, paidWork: 0, paidWorkShare: null, returnOffers: 0, letterOrReferral: 5 };
    const none = { completed: 0, answered: 0, paidWork: 0, paidWorkShare: null, returnOffers: 0, letterOrReferral: 0 };
    expect(outcomes.byCompensation.map((r) => r.key)).toEqual(["paid", "stipend", "unpaid", "course_credit"]);
    expect(row(outcomes.byCompensation, "paid")).toMatchObject({ label: "Paid (hourly)", ...paid });
    expect(row(outcomes.byCompensation, "unpaid")).toMatchObject(unpaid);
    expect(row(outcomes.byCompensation, "stipend")).toMatchObject(none);
    expect(row(outcomes.byOrganizationType, "startup")).toMatchObject(paid);
    expect(row(outcomes.byOrganizationType, "nonprofit")).toMatchObject(unpaid);
    expect(row(outcomes.byOrganizationType, "company")).toMatchObject(none);
    expect(outcomes.byPromisesKept.map((r) => r.key)).toEqual(["all", "some", "none", "no_record"]);
    expect(row(outcomes.byPromisesKept, "all")).toMatchObject(paid);
    expect(row(outcomes.byPromisesKept, "some")).toMatchObject({ completed: 5, answered: 5, paidWork: 0, letterOrReferral: 5 });
    expect(row(outcomes.byPromisesKept, "no_record")).toMatchObject({ completed: 5, answered: 0, letterOrReferral: 0 });
    expect(row(outcomes.byPromisesKept, "none")).toMatchObject(none);
  });

  test("the date range picks internships completed in it; a small group is hidden, and so is the count that would give it away", async () => {
    const may = await getOutcomes(db, MAY);
    // 5 kept no promise and fewer than 5 some: with the 8 of the pay breakdown, showing the 5
    // would tell the other is 3. So the 5 is hidden too; the zeros stay.
    expect(row(may.byPromisesKept, "none")).toMatchObject({ completed: null, returnOffers: 0 });
    expect(row(may.byPromisesKept, "some")).toMatchObject({ completed: null });
    expect(row(may.byCompensation, "stipend")).toMatchObject({ completed: 8 });
    expect(row(may.byCompensation, "paid")).toMatchObject({ completed: 0 });
  });

  test("slot filters and the authorization group narrow the internships counted", async () => {
    const startups = await getOutcomes(db, { ...MARCH, organizationType: "startup" });
    expect(row(startups.byCompensation, "paid").completed).toBe(5);
    expect(row(startups.byCompensation, "unpaid").completed).toBe(0);
    const inCanada = await getOutcomes(db, { ...MARCH, country: "CA" });
    expect(row(inCanada.byOrganizationType, "nonprofit").completed).toBe(10);
    expect(row(inCanada.byOrganizationType, "startup").completed).toBe(0);
    const unpaid = await getOutcomes(db, { ...MARCH, compensation: "unpaid" });
    expect(row(unpaid.byPromisesKept, "all").completed).toBe(0);
    expect(row(unpaid.byPromisesKept, "some").completed).toBe(5);
    const visas = await getOutcomes(db, { ...MARCH, authorizationGroup: "us_student" });
    expect(visas.byCompensation.every((r) => r.completed === 0)).toBe(true);
  });
});

describe("getHealth", () => {
  // The health checks' slots are in a country no other test uses, so the country filter sees only them.
  const HERE: InsightFilters = { ...NO_FILTERS, country: "QZ" };
  const today = "2044-06-15";
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const { organization, mentor } = await org("company");
    const second = await addMentor(db, organization, "Slow Second");
    made.users.push(second.id);
    const slot = (values: Parameters<typeof makeSlot>[2]) => makeSlot(db, organization, { country: "QZ", timezone: "America/New_York", ...values });

    // Stalled: an active match silent for 30 days, one for 3 days; on a stipend slot, one silent 20 days.
    const running = await slot({ startDate: addDays(today, -40), applicationDeadline: addDays(today, -50) });
    const stipend = await slot({ compensation: "stipend", startDate: addDays(today, -40), applicationDeadline: addDays(today, -50) });
    const [silent, talking, otherSilent] = await students(3, { createdAt: "2044-01-01T00:00:00Z" });
    ids.silent = (await makeMatch(db, { slotId: running.id, studentId: silent!, status: "active", introducedAt: ago(45), confirmedAt: ago(40), startedAt: ago(30) })).id;
    ids.talking = (await makeMatch(db, { slotId: running.id, studentId: talking!, status: "active", introducedAt: ago(45), confirmedAt: ago(40), startedAt: ago(3) })).id;
    ids.otherSilent = (await makeMatch(db, { slotId: stipend.id, studentId: otherSilent!, status: "active", introducedAt: ago(45), confirmedAt: ago(40), startedAt: ago(20) })).id;

    // Slow mentors: on a slot whose deadline has passed, the first mentor has two answers owed over
    // a week, the second (on a second slot too) one; newer and answered applications do not count.
    const waitingSlot = await slot({ applicationDeadline: addDays(today, -30), startDate: addDays(today, 10), mentorIds: [mentor.id, second.id] });
    const secondSlot = await slot({ compensation: "stipend", applicationDeadline: addDays(today, -30), startDate: addDays(today, 10), mentorIds: [second.id] });
    const applicants = await students(6, { createdAt: "2044-01-01T00:00:00Z" });
    await apply(waitingSlot.id, [applicants[0]!], { submittedAt: ago(10) });
    await apply(waitingSlot.id, [applicants[1]!], { submittedAt: ago(SLOW_REPLY_DAYS + 1) });
    await apply(waitingSlot.id, [applicants[2]!], { submittedAt: ago(SLOW_REPLY_DAYS - 1) });
    await apply(waitingSlot.id, [applicants[3]!], { submittedAt: ago(30), status: "shortlisted" });
    await apply(secondSlot.id, [applicants[4]!], { submittedAt: ago(12) });
    // A suspended applicant's application is hidden from the mentor: it is not one they owe.
    const [suspendedApplicant] = await students(1, { createdAt: "2044-01-01T00:00:00Z" });
    await db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, suspendedApplicant!));
    await apply(secondSlot.id, [suspendedApplicant!], { submittedAt: ago(20) });
    ids.mentor = mentor.id;
    ids.second = second.id;

    // Unapplied slots: open with the deadline in 3 days and no application; in 2 days with only a
    // withdrawn one; in 2 days with an applicant; in 10 days; closed; a stipend one in 5 days.
    ids.soon = (await slot({ title: "Soon", applicationDeadline: addDays(today, 3), startDate: addDays(today, 30) })).id;
    ids.withdrawn = (await slot({ title: "Withdrawn only", applicationDeadline: addDays(today, 2), startDate: addDays(today, 30) })).id;
    await apply(ids.withdrawn, [applicants[5]!], { status: "withdrawn", submittedAt: ago(1) });
    const applied = await slot({ title: "Applied", applicationDeadline: addDays(today, 2), startDate: addDays(today, 30) });
    await apply(applied.id, [applicants[5]!], { submittedAt: ago(1) });
    await slot({ title: "Later", applicationDeadline: addDays(today, 10), startDate: addDays(today, 30) });
    await slot({ title: "Closed", status: "closed", applicationDeadline: addDays(today, 1), startDate: addDays(today, 30) });
    ids.stipendSoon = (await slot({ title: "Stipend soon", compensation: "stipend", applicationDeadline: addDays(today, 5), startDate: addDays(today, 30) })).id;
  });

  test(`stalled matches: the mentorship's rule (${STALL_DAYS} days silent), longest silent first, narrowed by the slot filters`, async () => {
    const health = await getHealth(db, HERE, NOW);
    expect(health.stalled.total).toBe(2);
    expect(health.stalled.rows.map((r) => [r.matchId, r.silentDays])).toEqual([
      [ids.silent, 30],
      [ids.otherSilent, 20],
    ]);
    expect(health.stalled.rows[0]).toMatchObject({ slotTitle: expect.stringContaining("Test slot"), organizationName: expect.stringContaining("Test Organization") });
    const stipend = await getHealth(db, { ...HERE, compensation: "stipend" }, NOW);
    expect(stipend.stalled.rows.map((r) => r.matchId)).toEqual([ids.otherSilent]);
  });

  test(`mentors with applications waiting more than ${SLOW_REPLY_DAYS} days, most waiting first`, async () => {
    const health = await getHealth(db, HERE, NOW);
    expect(health.slowMentors.total).toBe(2);
    expect(health.slowMentors.rows).toEqual([
      { mentorId: ids.second, name: "Slow Second", organizationName: expect.stringContaining("Test Organization"), waiting: 3, oldestDays: 12 },
      { mentorId: ids.mentor, name: "Test Mentor", organizationName: expect.stringContaining("Test Organization"), waiting: 2, oldestDays: 10 },
    ]);
    const paidOnly = await getHealth(db, { ...HERE, compensation: "paid" }, NOW);
    // On paid slots alone, each has the same two (the order between them is by id).
    expect(paidOnly.slowMentors.rows.map((r) => [r.mentorId, r.waiting, r.oldestDays]).sort()).toEqual(
      [
        [ids.mentor, 2, 10],
        [ids.second, 2, 10],
      ].sort(),
    );
  });

  test("open slots nobody applied to with the deadline within a week, soonest first", async () => {
    const health = await getHealth(db, HERE, NOW);
    expect(health.unappliedSlots.rows.map((r) => [r.slotId, r.daysLeft])).toEqual([
      [ids.withdrawn, 2],
      [ids.soon, 3],
      [ids.stipendSoon, 5],
    ]);
    expect(health.unappliedSlots.total).toBe(3);
    expect(health.unappliedSlots.rows[1]).toMatchObject({ title: "Soon", deadline: addDays(today, 3) });
    const paid = await getHealth(db, { ...HERE, compensation: "paid" }, NOW);
    expect(paid.unappliedSlots.rows.map((r) => r.slotId)).toEqual([ids.withdrawn, ids.soon]);
  });

  test("emails failed in the last week (newest five listed) and queued for over an hour", async () => {
    const before = await getHealth(db, HERE, NOW);
    const email = (status: "failed" | "queued" | "sent", createdAt: Date, subject = "A test") => ({ template: "test", to: [`insights-${suffix()}@example.org`], subject, status, createdAt, lastError: status === "failed" ? "Mailbox full" : null });
    const rows = await db
      .insert(emails)
      .values([
        ...[1, 2, 3, 4, 5, 6].map((d) => email("failed", ago(d), `Failed ${d} days ago`)),
        email("failed", ago(8), "Failed 8 days ago"),
        email("sent", ago(1)),
        email("queued", new Date(NOW.getTime() - 2 * 3_600_000)),
        email("queued", new Date(NOW.getTime() - 10 * 60_000)),
      ])
      .returning({ id: emails.id });
    made.emails.push(...rows.map((r) => r.id));
    const after = await getHealth(db, HERE, NOW);
    expect(after.emails.failedLastWeek - before.emails.failedLastWeek).toBe(6);
    expect(after.emails.stuckQueued - before.emails.stuckQueued).toBe(1);
    expect(after.emails.rows.map((r) => r.subject)).toEqual(["Failed 1 days ago", "Failed 2 days ago", "Failed 3 days ago", "Failed 4 days ago", "Failed 5 days ago"]);
    expect(after.emails.rows[0]).toMatchObject({ lastError: "Mailbox full", to: [expect.stringContaining("@example.org")] });
  });

  test("is about now: the date range and the authorization group change nothing", async () => {
    const plain = await getHealth(db, HERE, NOW);
    expect(await getHealth(db, { ...HERE, from: "2043-01-01", to: "2043-01-31", authorizationGroup: "ca_student" }, NOW)).toEqual(plain);
  });
});

describe("getInsights", () => {
  test("returns the filters, the funnel, the outcomes and the health together", async () => {
    const insights = await getInsights(db, MARCH, NOW);
    expect(insights.filters).toEqual(MARCH);
    expect(insights.funnel).toEqual(await getFunnel(db, MARCH));
    expect(insights.outcomes).toEqual(await getOutcomes(db, MARCH));
    expect(insights.health.unappliedSlots.total).toBeGreaterThanOrEqual(3);
  });
});
