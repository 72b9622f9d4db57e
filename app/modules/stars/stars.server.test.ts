import { asc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { slotStars } from "~db/schema";
import { addDays, makeOrganization, makeSlot, makeStudent } from "~db/test/slot-factories";
import { moduleTestDb } from "~db/test/module-db";
import { isStarred, listStars, MAX_STARS, moveStar, starSlot, unstarSlot } from "./stars.server";

const db = moduleTestDb();

const TODAY = new Date().toISOString().slice(0, 10);

async function positions(studentId: string) {
  const rows = await db.select().from(slotStars).where(eq(slotStars.studentId, studentId)).orderBy(asc(slotStars.position));
  return rows.map((r) => [r.slotId, r.position]);
}

describe("stars", () => {
  test("keep the student's order, dense from 1, after moves and unstars", async () => {
    const { organization } = await makeOrganization(db);
    const student = await makeStudent(db);
    const [a, b, c] = [await makeSlot(db, organization), await makeSlot(db, organization), await makeSlot(db, organization)];
    for (const slot of [a, b, c]) expect(await starSlot(db, student.id, slot.id)).toEqual({ ok: true });
    expect(await starSlot(db, student.id, a.id)).toEqual({ ok: true }); // again: nothing changes
    expect((await listStars(db, student.id)).map((s) => [s.id, s.position])).toEqual([[a.id, 1], [b.id, 2], [c.id, 3]]);

    expect(await moveStar(db, student.id, c.id, "up")).toEqual({ ok: true });
    expect(await positions(student.id)).toEqual([[a.id, 1], [c.id, 2], [b.id, 3]]);
    expect(await moveStar(db, student.id, a.id, "up")).toEqual({ ok: true }); // already first
    expect(await moveStar(db, student.id, b.id, "down")).toEqual({ ok: true }); // already last
    expect(await positions(student.id)).toEqual([[a.id, 1], [c.id, 2], [b.id, 3]]);
    expect(await moveStar(db, student.id, a.id, "down")).toEqual({ ok: true });
    expect(await positions(student.id)).toEqual([[c.id, 1], [a.id, 2], [b.id, 3]]);

    expect(await unstarSlot(db, student.id, c.id)).toEqual({ ok: true });
    expect(await positions(student.id)).toEqual([[a.id, 1], [b.id, 2]]);
    expect(await unstarSlot(db, student.id, c.id)).toEqual({ ok: false, error: "not_starred" });
    expect(await isStarred(db, student.id, a.id)).toBe(true);
    expect(await isStarred(db, student.id, c.id)).toBe(false);
  });

  test("only an open slot still taking applications can be starred", async () => {
    const { organization } = await makeOrganization(db);
    const student = await makeStudent(db);
    const closed = await makeSlot(db, organization, { status: "closed" });
    const draft = await makeSlot(db, organization, { status: "draft" });
    const pastDeadline = await makeSlot(db, organization, { applicationDeadline: addDays(TODAY, -2) });
    for (const slot of [closed, draft, pastDeadline]) expect(await starSlot(db, student.id, slot.id)).toEqual({ ok: false, error: "not_open" });
    expect(await starSlot(db, student.id, "00000000-0000-4000-8000-000000000000")).toEqual({ ok: false, error: "not_found" });
    expect(await positions(student.id)).toEqual([]);
  });

  test(`a student can star at most ${MAX_STARS} slots; the next is refused`, async () => {
    const { organization } = await makeOrganization(db);
    const student = await makeStudent(db);
    const slots = [];
    for (let i = 0; i <= MAX_STARS; i++) slots.push(await makeSlot(db, organization));
    for (const slot of slots.slice(0, MAX_STARS)) expect(await starSlot(db, student.id, slot.id)).toEqual({ ok: true });
    expect(await starSlot(db, student.id, slots[MAX_STARS]!.id)).toEqual({ ok: false, error: "too_many" });
    const rows = await positions(student.id);
    expect(rows.map(([, p]) => p)).toEqual(Array.from({ length: MAX_STARS }, (_, i) => i + 1));
    // Unstarring one makes room again.
    expect(await unstarSlot(db, student.id, slots[0]!.id)).toEqual({ ok: true });
    expect(await starSlot(db, student.id, slots[MAX_STARS]!.id)).toEqual({ ok: true });
  });

  test("a mentor cannot star slots", async () => {
    const { organization, mentor } = await makeOrganization(db);
    const slot = await makeSlot(db, organization);
    expect(await starSlot(db, mentor.id, slot.id)).toEqual({ ok: false, error: "not_found" });
  });
});
