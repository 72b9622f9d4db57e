import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { studentProfiles, users } from "~db/schema";
import { makeApplication, makeMatch, makeMatchableStudent } from "~db/test/match-factories";
import { addDays, makeOrganization, makeSkill, makeSlot } from "~db/test/slot-factories";
import { moduleTestDb } from "~db/test/module-db";
import { getCompiledOpenSlots, invalidateOpenSlots, loadOpenSlots, loadStudent, loadStudents, toMatchSlot, toMatchStudent } from "./instance.server";

const db = moduleTestDb();

const NOW = new Date();
const TODAY = NOW.toISOString().slice(0, 10);

describe("toMatchStudent", () => {
  test("an incomplete profile is not matchable, and hours are the larger of term and break", async () => {
    const student = await makeMatchableStudent(db);
    const [profile] = await db.select().from(studentProfiles).where(eq(studentProfiles.userId, student.id));
    expect(toMatchStudent(profile!, [])?.maxHoursPerWeek).toBe(40);
    expect(toMatchStudent({ ...profile!, timezone: null }, [])).toBeNull();
    expect(toMatchStudent({ ...profile!, workModes: [] }, [])).toBeNull();
    expect(toMatchStudent({ ...profile!, hoursPerWeekTerm: 0, hoursPerWeekBreak: null }, [])).toBeNull();
  });
});

describe("loadStudents", () => {
  test("for a round: opted-in, complete, not suspended, still a student, without a seat-holding match — with skills and starred slots in order", async () => {
    const skill = await makeSkill(db);
    const { organization } = await makeOrganization(db);
    const [a, b] = [await makeSlot(db, organization), await makeSlot(db, organization)];
    const ready = await makeMatchableStudent(db, { skills: [[skill.slug, 3]], stars: [b.id, a.id] });
    const notOptedIn = await makeMatchableStudent(db, { inMatching: false });
    const incomplete = await makeMatchableStudent(db, { availableFrom: null });
    const suspended = await makeMatchableStudent(db);
    await db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, suspended.id));
    // Made an admin: the profile stays, the account is no longer a student's.
    const madeAdmin = await makeMatchableStudent(db);
    await db.update(users).set({ role: "admin" }).where(eq(users.id, madeAdmin.id));
    const proposed = await makeMatchableStudent(db);
    await makeMatch(db, { slotId: a.id, studentId: proposed.id, status: "proposed" });
    const confirmed = await makeMatchableStudent(db);
    await makeMatch(db, { slotId: a.id, studentId: confirmed.id, status: "confirmed" });
    const ended = await makeMatchableStudent(db);
    await makeMatch(db, { slotId: a.id, studentId: ended.id, status: "not_proceeding" });
    await makeMatch(db, { slotId: b.id, studentId: ended.id, status: "rejected" });

    const mine = [ready, notOptedIn, incomplete, suspended, madeAdmin, proposed, confirmed, ended].map((s) => s.id);
    const loaded = (await loadStudents(db, { forRound: true })).filter((s) => mine.includes(s.id));
    expect(loaded.map((s) => s.id).sort()).toEqual([ready.id, ended.id].sort());
    const first = loaded.find((s) => s.id === ready.id)!;
    expect(first).toMatchObject({ skills: { [skill.slug]: 3 }, ranking: [b.id, a.id], workAuthorization: "us_citizen_pr", country: "US", maxHoursPerWeek: 40 });

    // By id, without the round's rules: the not-opted-in student is there, the incomplete one still is not.
    const byId = await loadStudents(db, { ids: [notOptedIn.id, incomplete.id, proposed.id] });
    expect(byId.map((s) => s.id).sort()).toEqual([notOptedIn.id, proposed.id].sort());
    expect(await loadStudents(db, { ids: [] })).toEqual([]);

    // Holding one of some skills: the round's rules still apply, and each keeps all their skills.
    const other = await makeSkill(db);
    const both = await makeMatchableStudent(db, { skills: [[other.slug, 2], [skill.slug, 1]] });
    const neither = await makeMatchableStudent(db, { skills: [] });
    const withSkill = (await loadStudents(db, { forRound: true, withAnySkill: [skill.slug, "no-such-skill"] })).filter((s) => [...mine, both.id, neither.id].includes(s.id));
    expect(withSkill.map((s) => s.id).sort()).toEqual([ready.id, both.id].sort());
    expect(withSkill.find((s) => s.id === both.id)!.skills).toEqual({ [other.slug]: 2, [skill.slug]: 1 });
  });

  test("loadStudent gives the same student as loadStudents, in one query", async () => {
    const skill = await makeSkill(db);
    const { organization } = await makeOrganization(db);
    const slot = await makeSlot(db, organization);
    const student = await makeMatchableStudent(db, { skills: [[skill.slug, 2]], stars: [slot.id] });
    const [many] = await loadStudents(db, { ids: [student.id] });
    expect(await loadStudent(db, student.id)).toEqual(many);
    expect(await loadStudent(db, (await makeMatchableStudent(db, { country: null })).id)).toBeNull();
  });
});

describe("loadOpenSlots", () => {
  test("open slots taking applications; for a round, the seats left after seat-holding matches and the mentor's shortlist as ranking", async () => {
    const skill = await makeSkill(db);
    const { organization } = await makeOrganization(db);
    const roomy = await makeSlot(db, organization, { seats: 3, skills: [[skill.slug, 2, true]] });
    const full = await makeSlot(db, organization, { seats: 1 });
    const draft = await makeSlot(db, organization, { status: "draft" });
    const pastDeadline = await makeSlot(db, organization, { applicationDeadline: addDays(TODAY, -2), startDate: addDays(TODAY, 5) });

    const [s1, s2, s3, s4] = [await makeMatchableStudent(db), await makeMatchableStudent(db), await makeMatchableStudent(db), await makeMatchableStudent(db)];
    await makeMatch(db, { slotId: roomy.id, studentId: s1.id, status: "introduced" });
    await makeMatch(db, { slotId: roomy.id, studentId: s2.id, status: "not_proceeding" }); // history: holds nothing
    await makeMatch(db, { slotId: full.id, studentId: s1.id, status: "active" });
    await makeApplication(db, { slotId: roomy.id, studentId: s3.id, status: "shortlisted", shortlistRank: 2 });
    await makeApplication(db, { slotId: roomy.id, studentId: s4.id, status: "shortlisted", shortlistRank: 1 });
    await makeApplication(db, { slotId: roomy.id, studentId: s2.id, status: "submitted" });

    const mine = [roomy, full, draft, pastDeadline].map((s) => s.id);
    const forRound = (await loadOpenSlots(db, NOW, { forRound: true })).filter((s) => mine.includes(s.id));
    expect(forRound.map((s) => s.id)).toEqual([roomy.id]);
    expect(forRound[0]).toMatchObject({ seats: 2, ranking: [s4.id, s3.id], requiredSkills: { [skill.slug]: 2 }, acceptedWorkAuthorizations: ["us_citizen_pr"] });

    const browsing = (await loadOpenSlots(db, NOW)).filter((s) => mine.includes(s.id));
    expect(browsing.map((s) => s.id).sort()).toEqual([roomy.id, full.id].sort());
    expect(browsing.find((s) => s.id === roomy.id)).toMatchObject({ seats: 3 });
    expect(browsing.find((s) => s.id === roomy.id)!.ranking).toBeUndefined();
  });

  test("the compiled open slots are kept until invalidated", async () => {
    invalidateOpenSlots();
    const first = getCompiledOpenSlots(db, NOW);
    expect(getCompiledOpenSlots(db, NOW)).toBe(first);
    const { organization } = await makeOrganization(db);
    const slot = await makeSlot(db, organization);
    expect((await getCompiledOpenSlots(db, NOW)).slots.some((s) => s.id === slot.id)).toBe(false);
    invalidateOpenSlots();
    expect((await getCompiledOpenSlots(db, NOW)).slots.some((s) => s.id === slot.id)).toBe(true);
  });
});

test("a stipend below the minimum wage reaches the engine as unpaid; a required placement as such", () => {
  const base = {
    id: "s1",
    seats: 1,
    acceptedAuthorizations: ["ca_study_permit" as const],
    currency: "CAD",
    country: "CA",
    region: "ON",
    workMode: "remote" as const,
    timezone: "America/Toronto",
    startDate: "2027-01-04",
    durationWeeks: 12,
    hoursPerWeek: 15,
    offers: [],
    paperwork: [],
    requiredPlacement: true,
  };
  // CA$2,500 for 15 hours × 12 weeks is CA$13.89 an hour, below Ontario's minimum.
  expect(toMatchSlot({ ...base, compensation: "stipend", stipendAmount: 2500 }, [])).toMatchObject({ compensation: "unpaid", requiredPlacement: true });
  expect(toMatchSlot({ ...base, compensation: "stipend", stipendAmount: 3300, requiredPlacement: false }, [])).toMatchObject({ compensation: "stipend" });
  expect(toMatchSlot({ ...base, compensation: "stipend", stipendAmount: 3300, requiredPlacement: false }, [])).not.toHaveProperty("requiredPlacement");
});
