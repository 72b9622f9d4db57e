import { and, eq, inArray, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, describe, expect, test } from "vitest";
import type { Db } from "~db/client.server";
import * as schema from "~db/schema";
import { auditLog, emails, matches, slots, users } from "~db/schema";
import { makeMatch } from "~db/test/match-factories";
import { makeOrganization, makeSlot } from "~db/test/slot-factories";
import { moduleTestDb } from "~db/test/module-db";
import { moveMatch } from "./lifecycle.server";

// The seat invariant under load: a slot never has more confirmed matches than seats, whatever
// arrives at once. The confirmations race on a pool of their own, as many connections as the
// server can spare (up to 100), so they really run at the same time.

const db = moduleTestDb({ queue: true });
const [{ version }] = (await db.execute<{ version: string }>(sql`select version() as version`)) as unknown as [{ version: string }];
// why: the embedded database (PGlite) runs one connection's transaction at a time — concurrent
// confirmations there queue by construction and prove nothing. CI runs this file against real
// PostgreSQL (.ci/run sets TEST_DATABASE_URL); locally, set TEST_DATABASE_URL to run it.
const embedded = /PGlite/.test(version);

const APP_NAME = "steppingstone-seat-race";
const RACERS = 120;
let race: Db | null = null;

afterAll(() => race?.$client.end({ timeout: 5 }));

/** A pool as large as the server allows beside everyone else's connections (at most 100). */
async function racePool() {
  const [room] = await db.execute<{ max: number; reserved: number; used: number }>(
    sql`select current_setting('max_connections')::int as max, current_setting('superuser_reserved_connections')::int as reserved, (select count(*)::int from pg_stat_activity) as used`,
  );
  const size = Math.min(100, room!.max - room!.reserved - room!.used - 10);
  if (size < 20) throw new Error(`The server has room for only ${size} more connections; the race needs at least 20 to mean anything`);
  const client = postgres(process.env.DATABASE_URL!, { max: size, transform: { undefined: null }, onnotice: () => {}, connection: { application_name: APP_NAME } });
  race = drizzle(client, { schema, casing: "snake_case" }) as Db;
  // Open every connection before the start, so the racers do not queue behind connection set-up.
  await Promise.all(Array.from({ length: size }, () => race!.execute(sql`select pg_sleep(0.05)`)));
  return { pool: race, size };
}

async function openConnections() {
  const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity where application_name = ${APP_NAME}`);
  return row!.n;
}

/** `n` students without profiles (confirming needs none), inserted at once. */
async function students(n: number) {
  return db
    .insert(users)
    .values(Array.from({ length: n }, (_, i) => ({ email: `racer-${i}-${crypto.randomUUID()}@example.org`, name: `Racer ${i}`, role: "student" as const, passwordHash: "no-login" })))
    .returning({ id: users.id });
}

describe.skipIf(embedded)("the seat invariant on real PostgreSQL", () => {
  test(`${RACERS} students confirm at once for a slot's last seat: exactly one gets it`, async () => {
    const { organization, mentor } = await makeOrganization(db);
    const slot = await makeSlot(db, organization, { seats: 2, mentorIds: [mentor.id] });
    const [holder] = await students(1);
    await makeMatch(db, { slotId: slot.id, studentId: holder!.id, status: "confirmed", confirmedAt: new Date() });
    const racers = await students(RACERS);
    const racing = await db
      .insert(matches)
      .values(racers.map((r) => ({ slotId: slot.id, studentId: r.id, source: "round" as const, score: 70, reasons: [], status: "interviewing" as const, introducedAt: new Date() })))
      .returning({ id: matches.id, studentId: matches.studentId });

    const { pool, size } = await racePool();
    const results = await Promise.all(
      racing.map((m) => moveMatch(pool, { viewer: { id: m.studentId, role: "student" }, matchId: m.id, input: { move: "confirm", acknowledge: "on" } })),
    );

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === "slot_full")).toHaveLength(RACERS - 1);
    const seated = await db.select({ id: matches.id }).from(matches).where(and(eq(matches.slotId, slot.id), inArray(matches.status, ["confirmed", "active", "completed"])));
    expect(seated).toHaveLength(2);
    expect((await db.select({ status: slots.status }).from(slots).where(eq(slots.id, slot.id)))[0]!.status).toBe("filled");
    const slotAudit = await db.select().from(auditLog).where(and(eq(auditLog.subjectType, "slot"), eq(auditLog.subjectId, slot.id)));
    expect(slotAudit.map((a) => a.action)).toEqual(["slot.filled"]);
    // One confirmation, so one email to the mentor.
    expect(await db.select({ id: emails.id }).from(emails).where(sql`${mentor.email} = any(${emails.to})`)).toHaveLength(1);
    // They ran at once: the pool had every connection open for them.
    expect(await openConnections()).toBe(size);
  });

  test(`${RACERS} confirmations of one match at once: it is confirmed once`, async () => {
    const { organization, mentor } = await makeOrganization(db);
    const slot = await makeSlot(db, organization, { seats: 3, mentorIds: [mentor.id] });
    const [student] = await students(1);
    const match = await makeMatch(db, { slotId: slot.id, studentId: student!.id, status: "introduced" });
    const pool = race ?? (await racePool()).pool;

    const results = await Promise.all(
      Array.from({ length: RACERS }, () => moveMatch(pool, { viewer: { id: student!.id, role: "student" }, matchId: match.id, input: { move: "confirm", acknowledge: "on" } })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === "wrong_status")).toHaveLength(RACERS - 1);
    const confirmations = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, match.id), eq(auditLog.action, "match.confirmed")));
    expect(confirmations).toHaveLength(1);
    expect((await db.select({ status: slots.status }).from(slots).where(eq(slots.id, slot.id)))[0]!.status).toBe("open");
  });
});
