import { setTimeout as sleepFor } from "node:timers/promises";
import { sql } from "drizzle-orm";
import type { Db } from "~db/client.server";

/**
 * Requests per second Resend allows a team by default, across all its API keys
 * (resend.com/docs/api-reference/rate-limit, read 2026-11-29). EMAIL_SEND_RATE overrides it.
 */
export const RESEND_DEFAULT_PER_SECOND = 5;

/** What a provider's response said about its rate limit (IETF draft-06 headers, as Resend sends them). */
export type ProviderLimits = {
  /** Requests per second the provider allows (`ratelimit-limit` over the `w=` window of `ratelimit-policy`, else one second). */
  perSecond?: number;
  /** On a 429: seconds to wait before the next request (`retry-after`, else `ratelimit-reset`). */
  retryAfterSeconds?: number;
};

const seconds = (value: string | undefined) => {
  if (value === undefined || value.trim() === "") return undefined;
  const n = Number(value);
  if (Number.isFinite(n) && n >= 0) return n;
  // why: `retry-after` may also be an HTTP date (RFC 9110).
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - Date.now()) / 1000);
};

/** Reads the rate-limit headers of a response (`headers` keyed in lower case). */
export function providerLimits(headers: Record<string, string> | null | undefined): ProviderLimits {
  if (!headers) return {};
  const limit = Number(headers["ratelimit-limit"]);
  const window = Number(/(?:^|;)\s*w=(\d+(?:\.\d+)?)/.exec(headers["ratelimit-policy"] ?? "")?.[1] ?? 1);
  const perSecond = limit > 0 && window > 0 ? limit / window : undefined;
  const retryAfterSeconds = seconds(headers["retry-after"]) ?? seconds(headers["ratelimit-reset"]);
  return { ...(perSecond ? { perSecond } : {}), ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) };
}

/** A turn, at `at` (epoch ms by the database's clock), or how long until the next one when that is too late. */
export type Turn = { ok: true; at: number } | { ok: false; waitMs: number };

export interface SendRate {
  /**
   * Waits for this sender's turn in the rate shared by every sender of the provider. Returns
   * `{ ok: false, waitMs }` without waiting when the turn comes later than `notAfter` (epoch ms).
   */
  take(options?: { notAfter?: number }): Promise<Turn>;
  /** Adapts the shared pace to what a response said; after a 429 nobody sends until its retry-after. */
  observe(limits: ProviderLimits, options?: { refused?: boolean }): Promise<void>;
}

type SendRateOptions = {
  /** The row in `email_send_rate`: one per provider account. */
  provider: string;
  /** Our ceiling, in requests per second (EMAIL_SEND_RATE); a lower limit announced by the provider wins. */
  perSecond: number;
  /** Waiting, replaceable in tests so they count waits instead of timing them. */
  sleep?: (ms: number) => Promise<unknown>;
  /** When a 429 names no wait. */
  defaultRetryAfterSeconds?: number;
};

/**
 * The send rate shared through PostgreSQL: each request reserves the next free moment
 * (`next_at`) in one atomic update, so senders in any number of processes never together
 * exceed `perSecond` (or the provider's own lower limit), and a 429 holds all of them back.
 */
export function sharedSendRate(db: Db, { provider, perSecond, sleep = sleepFor, defaultRetryAfterSeconds = 1 }: SendRateOptions): SendRate {
  if (!(perSecond > 0)) throw new Error(`A send rate must be above 0 per second (got ${perSecond})`);
  let announced: number | undefined;

  /** The reserved moment and the milliseconds from now until it (≤ 0: now). */
  async function reserve() {
    const spacing = sql`make_interval(secs => 1.0 / least(${perSecond}::float8, coalesce(r.provider_per_second, ${perSecond}::float8)))`;
    const [row] = await db.execute<{ slot: string; at_ms: number; wait_ms: number }>(sql`
      insert into email_send_rate as r (provider, next_at)
      values (${provider}, clock_timestamp() + make_interval(secs => 1.0 / ${perSecond}::float8))
      on conflict (provider) do update
        set next_at = greatest(r.next_at, r.blocked_until, clock_timestamp()) + ${spacing}
      returning (r.next_at - ${spacing})::text as slot,
                (extract(epoch from r.next_at - ${spacing}) * 1000)::float8 as at_ms,
                (extract(epoch from (r.next_at - ${spacing}) - clock_timestamp()) * 1000)::float8 as wait_ms`);
    return { slot: row!.slot, at: Number(row!.at_ms), waitMs: Number(row!.wait_ms) };
  }

  /** Whether a 429 met since `slot` was reserved asked for a wait beyond it. */
  async function blocked(slot: string) {
    const [row] = await db.execute<{ blocked: boolean }>(
      sql`select coalesce(blocked_until > ${slot}::timestamptz, false) as blocked from email_send_rate where provider = ${provider}`,
    );
    return row?.blocked === true;
  }

  return {
    async take({ notAfter } = {}) {
      for (;;) {
        const { slot, at, waitMs } = await reserve();
        if (notAfter !== undefined && Date.now() + waitMs > notAfter) return { ok: false, waitMs };
        if (waitMs > 0) await sleep(waitMs);
        // why: a turn reserved before another sender's 429 would go out into the closed window;
        // it reserves again, behind the wait the provider asked for.
        if (!(await blocked(slot))) return { ok: true, at };
      }
    },

    async observe(limits, { refused = false } = {}) {
      if (limits.perSecond && limits.perSecond !== announced) {
        announced = limits.perSecond;
        await db.execute(sql`
          insert into email_send_rate (provider, provider_per_second) values (${provider}, ${limits.perSecond})
          on conflict (provider) do update set provider_per_second = excluded.provider_per_second`);
      }
      if (refused) {
        const wait = sql`make_interval(secs => ${limits.retryAfterSeconds ?? defaultRetryAfterSeconds}::float8)`;
        await db.execute(sql`
          insert into email_send_rate as r (provider, next_at, blocked_until)
          values (${provider}, clock_timestamp() + ${wait}, clock_timestamp() + ${wait})
          on conflict (provider) do update
            set blocked_until = greatest(r.blocked_until, clock_timestamp() + ${wait}),
                next_at = greatest(r.next_at, clock_timestamp() + ${wait})`);
      }
    },
  };
}
