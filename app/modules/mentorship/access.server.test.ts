import { describe, expect, test } from "vitest";
import { makeUser } from "~db/test/factories";
import { makeMatch } from "~db/test/match-factories";
import { makeMentorship } from "~db/test/mentorship-factories";
import { moduleTestDb } from "~db/test/module-db";
import { addMentor, makeOrganization, makeStudent } from "~db/test/slot-factories";
import { findMentorship } from "./access.server";

const db = moduleTestDb();

// Every /matches/:matchId/* page starts with findMentorship: who gets the space, and who gets the
// same "not found" as for a match that does not exist.
describe("who sees a match's mentorship space", () => {
  test("the student, every mentor of the slot's organization and an admin; nobody else", async () => {
    const { match, student, mentor, organization } = await makeMentorship(db);
    const colleague = await addMentor(db, organization, "A Colleague");
    const admin = await makeUser(db, { role: "admin" });
    const otherStudent = await makeStudent(db);
    const { mentor: otherMentor } = await makeOrganization(db);

    const sideOf = async (viewer: { id: string; role: "student" | "mentor" | "admin" }) => (await findMentorship(db, viewer, match.id))?.side ?? null;
    expect(await sideOf({ id: student.id, role: "student" })).toBe("student");
    expect(await sideOf({ id: mentor.id, role: "mentor" })).toBe("mentor");
    expect(await sideOf({ id: colleague.id, role: "mentor" })).toBe("mentor");
    expect(await sideOf({ id: admin.id, role: "admin" })).toBe("admin");
    expect(await sideOf({ id: otherStudent.id, role: "student" })).toBeNull();
    expect(await sideOf({ id: otherMentor.id, role: "mentor" })).toBeNull();
    // A student's id with a mentor's role (a stale session) does not make them one.
    expect(await sideOf({ id: student.id, role: "mentor" })).toBeNull();
  });

  test("a proposal or a rejected match has no space for anyone, admins included; malformed ids are not found", async () => {
    const { match, student, mentor, slot } = await makeMentorship(db, { status: "proposed" });
    const admin = await makeUser(db, { role: "admin" });
    expect(await findMentorship(db, { id: student.id, role: "student" }, match.id)).toBeNull();
    expect(await findMentorship(db, { id: mentor.id, role: "mentor" }, match.id)).toBeNull();
    expect(await findMentorship(db, { id: admin.id, role: "admin" }, match.id)).toBeNull();
    const other = await makeStudent(db);
    const rejected = await makeMatch(db, { slotId: slot.id, studentId: other.id, status: "rejected" });
    expect(await findMentorship(db, { id: admin.id, role: "admin" }, rejected.id)).toBeNull();
    expect(await findMentorship(db, { id: admin.id, role: "admin" }, "not-a-uuid")).toBeNull();
    expect(await findMentorship(db, { id: admin.id, role: "admin" }, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  test("today is the slot's day, not the server's", async () => {
    // 02:00 UTC on 1 June is still 31 May in New York, where the factory's slots are.
    const now = new Date("2026-06-01T02:00:00Z");
    const { match, student } = await makeMentorship(db, { today: now });
    const found = await findMentorship(db, { id: student.id, role: "student" }, match.id, { now });
    expect(found?.today).toBe("2026-05-31");
  });
});
