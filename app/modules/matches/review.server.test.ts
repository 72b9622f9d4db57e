import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { applications, auditLog, emails, matches } from "~db/schema";
import { emailsTo, makeUser } from "~db/test/factories";
import { makeApplication, makeMatch, makeMatchableStudent } from "~db/test/match-factories";
import { addMentor, makeOrganization, makeSlot } from "~db/test/slot-factories";
import { moduleTestDb } from "~db/test/module-db";
import { AUTHORIZATION_INFO } from "~/domain/work-authorization";
import type { AuthorizationExplanation } from "~/engine/explanations";
import { approveMatch, approveMatches, listReviewQueue, rejectMatch } from "./review.server";
import { RejectSchema } from "./schemas";

const db = moduleTestDb({ queue: true });

const CPT_WARNINGS: AuthorizationExplanation[] = [
  { code: "cpt_dso_authorization", params: {} },
  { code: "cpt_term_hours", params: { hours: 30 } },
];

/** A slot with two named mentors, a CPT student, and a proposal between them (`source` round unless said). */
async function proposal(options: { source?: "round" | "application"; slotStatus?: "open" | "filled" } = {}) {
  const { organization, mentor } = await makeOrganization(db, { name: `Riverbend Sensors ${Math.random().toString(36).slice(2, 6)}` });
  const second = await addMentor(db, organization, "Priya Raman");
  const slot = await makeSlot(db, organization, {
    title: "Data pipeline intern",
    mentorIds: [mentor.id, second.id],
    acceptedAuthorizations: ["us_f1_cpt"],
    hoursPerWeek: 30,
    status: options.slotStatus ?? "open",
  });
  const student = await makeMatchableStudent(db, { name: "Amara Okafor", workAuthorization: "us_f1_cpt" });
  const application =
    options.source === "application" ? await makeApplication(db, { slotId: slot.id, studentId: student.id, status: "match_proposed", shortlistRank: 1 }) : null;
  const match = await makeMatch(db, {
    slotId: slot.id,
    studentId: student.id,
    source: options.source ?? "round",
    applicationId: application?.id ?? null,
    proposedBy: application ? mentor.id : null,
    warnings: CPT_WARNINGS,
  });
  return { organization, mentor, second, slot, student, application, match };
}

const matchRow = async (id: string) => (await db.select().from(matches).where(eq(matches.id, id)))[0]!;
const auditOf = (matchId: string) => db.select().from(auditLog).where(and(eq(auditLog.subjectType, "match"), eq(auditLog.subjectId, matchId))).orderBy(asc(auditLog.id));
const introductionsOf = (studentEmail: string) => db.select().from(emails).where(and(eq(emails.template, "introduction"), sql`${studentEmail} = any(${emails.to})`));

describe("approveMatch", () => {
  test("introduces the pair: one email to the student and both mentors with the reasons, the student's steps to them alone, and an audit entry", async () => {
    const admin = await makeUser(db, { role: "admin", name: "Dana Admin" });
    const { match, student, mentor, second, application, organization } = await proposal({ source: "application" });

    expect(await approveMatch(db, { adminId: admin.id, matchId: match.id })).toEqual({ ok: true });

    expect(await matchRow(match.id)).toMatchObject({ status: "introduced", reviewedBy: admin.id });
    expect((await matchRow(match.id)).introducedAt).toBeInstanceOf(Date);
    expect((await db.select().from(applications).where(eq(applications.id, application!.id)))[0]!.status).toBe("introduced");

    const sent = await introductionsOf(student.email);
    expect(sent).toHaveLength(1);
    const email = sent[0]!;
    expect(email.to[0]).toBe(student.email);
    expect(new Set(email.to)).toEqual(new Set([student.email, mentor.email, second.email]));
    // From the no-reply sender, so replies are addressed to the people introduced.
    expect(email.replyTo).toEqual(email.to);
    expect(email.subject).toBe(`Introduction: Amara Okafor and ${organization.name} — Data pipeline intern`);
    const text = email.text!;
    // Who each is, why, what next.
    expect(text).toContain("Amara Okafor");
    expect(text).toContain("Priya Raman");
    expect(text).toContain("Covers 1 of 1 required skill at the level asked (Python).");
    expect(text).toMatch(/Reply all/i);
    expect(text).toContain(`/matches/${match.id}`);
    // Everyone reads the joint email: what the organization may be asked for, in words that fit any status — no status, no steps.
    expect(text).toContain("Amara may ask");
    expect(text).toContain("an offer letter with the dates, hours and duties");
    expect(text).not.toMatch(/CPT|DSO|F-1|Curricular Practical Training|EAD|I-983/);

    // The steps go to the student alone, in their voice, with their status.
    const steps = await db.select().from(emails).where(and(eq(emails.template, "introduction-steps"), sql`${student.email} = any(${emails.to})`));
    expect(steps).toHaveLength(1);
    expect(steps[0]!.to).toEqual([student.email]);
    expect(steps[0]!.text).toContain(AUTHORIZATION_INFO.us_f1_cpt.label);
    expect(steps[0]!.text).toContain("With the offer letter, ask your DSO to authorize CPT");
    expect(steps[0]!.text).toContain("Schools usually allow CPT of at most 20 hours a week during term (a school's policy, not a federal rule); this slot is 30 — fine in a break, or where the school allows more.");

    const [entry] = await auditOf(match.id);
    expect(entry).toMatchObject({ actorId: admin.id, action: "match.approved" });
    expect(JSON.stringify(entry!.detail)).not.toMatch(/us_f1|cpt|curricular/i);
  });

  test("a second approval is refused and sends nothing — also when they arrive together", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const { match, student } = await proposal();
    expect(await approveMatch(db, { adminId: admin.id, matchId: match.id })).toEqual({ ok: true });
    expect(await approveMatch(db, { adminId: admin.id, matchId: match.id })).toEqual({ ok: false, error: "already_decided" });
    expect(await introductionsOf(student.email)).toHaveLength(1);

    const other = await proposal();
    const results = await Promise.all(Array.from({ length: 5 }, () => approveMatch(db, { adminId: admin.id, matchId: other.match.id })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await introductionsOf(other.student.email)).toHaveLength(1);
    expect((await auditOf(other.match.id)).filter((a) => a.action === "match.approved")).toHaveLength(1);
  });

  test("a slot that is no longer open takes no introduction", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const { match, student } = await proposal({ slotStatus: "filled" });
    expect(await approveMatch(db, { adminId: admin.id, matchId: match.id })).toEqual({ ok: false, error: "slot_unavailable" });
    expect((await matchRow(match.id)).status).toBe("proposed");
    expect(await emailsTo(db, student.email)).toHaveLength(0);
  });

  test("an unknown or malformed id is not found", async () => {
    const admin = await makeUser(db, { role: "admin" });
    expect(await approveMatch(db, { adminId: admin.id, matchId: "not-a-uuid" })).toEqual({ ok: false, error: "not_found" });
    expect(await approveMatch(db, { adminId: admin.id, matchId: "00000000-0000-4000-8000-000000000000" })).toEqual({ ok: false, error: "not_found" });
  });
});

describe("approveMatches (bulk)", () => {
  test("approves each selected proposal with its own introduction, and reports the ones decided meanwhile", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const [a, b, c] = [await proposal(), await proposal({ source: "application" }), await proposal()];
    await rejectMatch(db, { adminId: admin.id, matchId: c.match.id, reason: "Decided by another admin first." });

    const result = await approveMatches(db, { adminId: admin.id, matchIds: [a.match.id, b.match.id, c.match.id, a.match.id] });
    expect(result.approved.sort()).toEqual([a.match.id, b.match.id].sort());
    expect(result.refused).toEqual([{ matchId: c.match.id, error: "already_decided" }]);
    expect(await introductionsOf(a.student.email)).toHaveLength(1);
    expect(await introductionsOf(b.student.email)).toHaveLength(1);
    expect(await introductionsOf(c.student.email)).toHaveLength(0);
  });
});

describe("rejectMatch", () => {
  test("the form requires a reason of a sentence", () => {
    const base = { intent: "reject", matchId: "00000000-0000-4000-8000-000000000000" };
    expect(RejectSchema.safeParse({ ...base }).success).toBe(false);
    expect(RejectSchema.safeParse({ ...base, reason: "   no   " }).success).toBe(false);
    expect(RejectSchema.safeParse({ ...base, reason: "The dates do not fit the student's availability." }).success).toBe(true);
  });

  test("a round's proposal ends quietly: rejected with its reason, nobody emailed, audited", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const { match, student, mentor, second } = await proposal();
    expect(await rejectMatch(db, { adminId: admin.id, matchId: match.id, reason: "  The student's hours do not fit the team's schedule.  " })).toEqual({ ok: true });
    expect(await matchRow(match.id)).toMatchObject({ status: "rejected", closingReason: "The student's hours do not fit the team's schedule.", reviewedBy: admin.id });
    for (const person of [student, mentor, second]) expect(await emailsTo(db, person.email)).toHaveLength(0);
    expect((await auditOf(match.id)).map((a) => [a.action, a.actorId])).toEqual([["match.rejected", admin.id]]);
    expect(await rejectMatch(db, { adminId: admin.id, matchId: match.id, reason: "Again, for the second time." })).toEqual({ ok: false, error: "already_decided" });
  });

  test("a mentor's proposal goes back to the shortlist, and the mentor who proposed it gets the reason", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const { match, student, mentor, second, application } = await proposal({ source: "application" });
    const reason = "The slot starts before the student's availability; check the dates together and propose again.";
    expect(await rejectMatch(db, { adminId: admin.id, matchId: match.id, reason })).toEqual({ ok: true });

    expect((await db.select().from(applications).where(eq(applications.id, application!.id)))[0]).toMatchObject({ status: "shortlisted", shortlistRank: 1 });
    const [email] = await emailsTo(db, mentor.email);
    expect(email).toMatchObject({ template: "match-proposal-rejected", to: [mentor.email] });
    expect(email!.text).toContain(reason);
    expect(email!.text).toContain("Amara Okafor");
    expect(await emailsTo(db, second.email)).toHaveLength(0);
    expect(await emailsTo(db, student.email)).toHaveLength(0);
    expect((await auditOf(match.id)).map((a) => a.action)).toEqual(["match.rejected"]);
  });
});

describe("listReviewQueue", () => {
  test("holds round proposals and mentors' proposals, with who, where, score, top reasons and warnings; filters by source", async () => {
    const before = (await listReviewQueue(db, { page: 1 })).counts;
    const { match: fromRound } = await proposal();
    const { match: fromMentor, mentor } = await proposal({ source: "application" });
    const decided = await proposal();
    const introduced = await makeMatch(db, { slotId: decided.slot.id, studentId: (await makeMatchableStudent(db)).id, status: "introduced" });

    const all = await listReviewQueue(db, { page: 1 });
    const ids = all.rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([fromRound.id, fromMentor.id]));
    expect(ids).not.toContain(introduced.id);
    // The tabs' counts: two more from rounds, one more from a mentor; the introduced match is decided.
    expect(all.counts).toEqual({ all: before.all + 3, round: before.round + 2, application: before.application + 1 });

    const mine = all.rows.find((r) => r.id === fromMentor.id) ?? (await listReviewQueue(db, { source: "application" })).rows.find((r) => r.id === fromMentor.id)!;
    expect(mine).toMatchObject({ source: "application", proposedBy: mentor.name, score: 72, student: { name: "Amara Okafor" }, slot: { title: "Data pipeline intern", seats: 1 }, seatsTaken: 0 });
    expect(mine.student.about).toContain("Computer Science at Test University");
    expect(mine.reasons).toHaveLength(3);
    // About the student by name, for the admin.
    expect(mine.warnings[0]).toBe("Amara's DSO must authorize CPT for this employer and these dates before Amara's first day.");

    const onlyRounds = await listReviewQueue(db, { source: "round", page: 1 });
    expect(onlyRounds.rows.every((r) => r.source === "round")).toBe(true);
    expect(onlyRounds.rows.map((r) => r.id)).toContain(fromRound.id);
    const onlyMentors = await listReviewQueue(db, { source: "application", page: 1 });
    expect(onlyMentors.rows.map((r) => r.id)).toContain(fromMentor.id);
    expect(onlyMentors.rows.map((r) => r.id)).not.toContain(fromRound.id);
    expect([onlyRounds.total, onlyMentors.total]).toEqual([all.counts.round, all.counts.application]);
  });
});
