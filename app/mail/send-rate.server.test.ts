import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { createDb } from "~db/client.server";
import { emailSendRate } from "~db/schema";
import { moduleTestDb } from "~db/test/module-db";
import { providerLimits, sharedSendRate } from "./send-rate.server";

// Senders are given a sleep that only counts what it was asked to wait: the tests assert the
// turns the database hands out, never how long anything took.

const db = moduleTestDb();
// A second pool, as a second worker process would have: the only thing the two share is PostgreSQL.
const otherProcess = createDb(process.env.DATABASE_URL!, { max: 2 });
afterAll(() => otherProcess.$client.end({ timeout: 5 }));

/** A provider row of its own, so tests never share a pace. */
const uniqueProvider = () => `test-${randomBytes(6).toString("hex")}`;

function countingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

const gaps = (times: number[]) => [...times].sort((a, b) => a - b).flatMap((t, i, sorted) => (i === 0 ? [] : [t - sorted[i - 1]!]));

describe("sharedSendRate", () => {
  test("two senders in different processes together never exceed the shared rate", async () => {
    const provider = uniqueProvider();
    const a = sharedSendRate(db, { provider, perSecond: 5, sleep: countingSleep().sleep });
    const b = sharedSendRate(otherProcess, { provider, perSecond: 5, sleep: countingSleep().sleep });

    const turns = async (rate: typeof a) => {
      const at: number[] = [];
      for (let i = 0; i < 10; i++) {
        const turn = await rate.take();
        if (!turn.ok) throw new Error("no turn");
        at.push(turn.at);
      }
      return at;
    };
    const [fromA, fromB] = await Promise.all([turns(a), turns(b)]);

    expect(fromA).toHaveLength(10);
    expect(fromB).toHaveLength(10);
    // 20 turns, each at least 1/5 s after the one before, whoever took it.
    for (const gap of gaps([...fromA, ...fromB])) expect(gap).toBeGreaterThanOrEqual(199.999);
  });

  test("a lower limit announced by the provider slows every sender", async () => {
    const provider = uniqueProvider();
    const a = sharedSendRate(db, { provider, perSecond: 5, sleep: countingSleep().sleep });
    const b = sharedSendRate(otherProcess, { provider, perSecond: 5, sleep: countingSleep().sleep });

    await a.observe(providerLimits({ "ratelimit-limit": "2" }));
    const at: number[] = [];
    for (let i = 0; i < 5; i++) {
      const turn = await b.take();
      if (turn.ok) at.push(turn.at);
    }

    expect(at).toHaveLength(5);
    for (const gap of gaps(at)) expect(gap).toBeGreaterThanOrEqual(499.999);
    const [row] = await db.select().from(emailSendRate).where(eq(emailSendRate.provider, provider));
    expect(row!.providerPerSecond).toBe(2);
  });

  test("after a 429 no sender goes before its retry-after; a turn that would come too late is declined, not waited for", async () => {
    const provider = uniqueProvider();
    const a = sharedSendRate(db, { provider, perSecond: 5, sleep: countingSleep().sleep });
    const bSleep = countingSleep();
    const b = sharedSendRate(otherProcess, { provider, perSecond: 5, sleep: bSleep.sleep });

    await a.observe({ retryAfterSeconds: 30 }, { refused: true });
    const turn = await b.take({ notAfter: Date.now() + 10_000 });

    expect(turn.ok).toBe(false);
    expect(!turn.ok && turn.waitMs).toBeGreaterThan(25_000);
    expect(bSleep.waits).toEqual([]);
  });

  test("a turn taken before another sender's 429 is not used in the closed window: it queues again behind it", async () => {
    const provider = uniqueProvider();
    const a = sharedSendRate(db, { provider, perSecond: 5, sleep: countingSleep().sleep });
    const waits: number[] = [];
    // While b sleeps towards its turn, a meets a 429 that asks for 20 s.
    const b = sharedSendRate(otherProcess, {
      provider,
      perSecond: 5,
      sleep: async (ms) => {
        waits.push(ms);
        if (waits.length === 1) await a.observe({ retryAfterSeconds: 20 }, { refused: true });
      },
    });

    const first = await a.take();
    const turn = await b.take();

    expect(first.ok && turn.ok).toBe(true);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeLessThan(1_000);
    expect(waits[1]).toBeGreaterThan(15_000);
    // b's turn is the first one after the wait the 429 asked for.
    expect(turn.ok && first.ok && turn.at - first.at).toBeGreaterThan(15_000);
  });
});

describe("providerLimits", () => {
  test("reads Resend's rate-limit headers", () => {
    expect(providerLimits({ "ratelimit-limit": "5", "ratelimit-remaining": "0", "ratelimit-reset": "1", "retry-after": "3" })).toEqual({
      perSecond: 5,
      retryAfterSeconds: 3,
    });
    expect(providerLimits({ "ratelimit-limit": "10", "ratelimit-policy": "10;w=2" })).toEqual({ perSecond: 5 });
    // Without retry-after, the window's reset says how long to wait.
    expect(providerLimits({ "ratelimit-reset": "2" })).toEqual({ retryAfterSeconds: 2 });
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    expect(providerLimits({ "retry-after": inAMinute }).retryAfterSeconds).toBeGreaterThan(50);
    expect(providerLimits({ "ratelimit-limit": "soon", "retry-after": "" })).toEqual({});
    expect(providerLimits(null)).toEqual({});
  });
});
