import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { throttle } from "~db/schema";

const MINUTE = 60_000;

export const LIMITS = {
  /** Ten consecutive wrong passwords block the account for ten minutes. */
  loginAccount: { limit: 10, windowMs: 24 * 60 * MINUTE, blockMs: 10 * MINUTE },
  /** One address guessing across accounts: 100 failures in ten minutes block it for ten. */
  loginIp: { limit: 100, windowMs: 10 * MINUTE, blockMs: 10 * MINUTE },
  /** Emails one address can trigger (signup, reset, resend): 20 an hour. */
  emailIp: { limit: 20, windowMs: 60 * MINUTE, blockMs: 0 },
  /** Emails one mailbox can receive from those forms: 5 an hour. */
  emailRecipient: { limit: 5, windowMs: 60 * MINUTE, blockMs: 0 },
} as const;

type Limit = { limit: number; windowMs: number; blockMs: number };

/** The latest time until which any of `keys` is blocked, or null. */
export async function blockedUntil(db: Db, keys: string[], now = new Date()) {
  const rows = await db.select({ blockedUntil: throttle.blockedUntil }).from(throttle).where(inArray(throttle.key, keys));
  const times = rows.map((r) => r.blockedUntil?.getTime() ?? 0).filter((t) => t > now.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

/** Counts one event for `key` in its window and returns the count so far. */
async function count(db: Db, key: string, windowMs: number, now: Date) {
  // why: drizzle's postgres.js driver turns off postgres.js's Date serializer, so a Date inside
  // sql`` (not bound to a column) fails to send; pass timestamps as ISO strings.
  const windowStart = new Date(now.getTime() - windowMs).toISOString();
  const [row] = await db
    .insert(throttle)
    .values({ key, count: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: throttle.key,
      set: {
        count: sql`case when ${throttle.windowStartedAt} < ${windowStart} then 1 else ${throttle.count} + 1 end`,
        windowStartedAt: sql`case when ${throttle.windowStartedAt} < ${windowStart} then ${now.toISOString()} else ${throttle.windowStartedAt} end`,
      },
    })
    .returning({ count: throttle.count });
  return row!.count;
}

/** Records a failure; reaching the limit blocks the key for `blockMs` and starts counting afresh. */
export async function recordFailure(db: Db, key: string, limit: Limit, now = new Date()) {
  const failures = await count(db, key, limit.windowMs, now);
  if (failures >= limit.limit) {
    await db
      .update(throttle)
      .set({ blockedUntil: new Date(now.getTime() + limit.blockMs), count: 0, windowStartedAt: now })
      .where(eq(throttle.key, key));
  }
}

export async function resetThrottle(db: Db, key: string) {
  await db.delete(throttle).where(eq(throttle.key, key));
}

/** Takes one of the `limit` events allowed per window; false once they are used up. */
export async function takeAllowance(db: Db, key: string, limit: Limit, now = new Date()) {
  return (await count(db, key, limit.windowMs, now)) <= limit.limit;
}
