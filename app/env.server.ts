import { z } from "zod";
import { RESEND_DEFAULT_PER_SECOND } from "~/mail/send-rate.server";
import { SWEEP_EVERY_SECONDS } from "~/modules/mentorship/schedule";

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.url().optional(),
  DATABASE_URL: z.string().optional(),
  RESEND_API_KEY: z.string().min(1).optional(),
  /** `log`: emails are written to the log and not delivered (a staging server). Production needs RESEND_API_KEY or this. */
  EMAIL_TRANSPORT: z.enum(["log"]).optional(),
  EMAIL_FROM: z.string().min(3).default("Steppingstone <no-reply@steppingstone.local>"),
  /** Requests per second to Resend, shared by every worker loop and process (a lower `ratelimit-limit` from Resend wins). */
  EMAIL_SEND_RATE: z.coerce.number().positive().max(1000).default(RESEND_DEFAULT_PER_SECOND),
  RUN_WORKER: z.enum(["true", "false"]).optional(),
  /** Seconds between two runs of the reminders sweep (app/jobs/reminders.worker.server.ts). */
  REMINDER_SWEEP_SECONDS: z.coerce.number().int().min(10).max(86_400).default(SWEEP_EVERY_SECONDS),
  /**
   * Seconds a public page (the slot list, a slot's page) as a signed-out visitor gets it is kept
   * and shared by every signed-out visitor (server/page-cache.ts); 0 turns it off. Changes made
   * through this server show at once; others within this many seconds.
   */
  PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  /**
   * How many proxies stand in front of the app: `false` (none), `true` (one: a load balancer), or
   * their number. The client address is the one the nearest trusted proxy saw, never an entry a
   * client wrote at the left of X-Forwarded-For.
   */
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9])$/, "TRUST_PROXY is true, false, or the number of proxies in front of the app (0–9)")
    .default("false")
    .transform((value) => (value === "true" ? 1 : value === "false" ? 0 : Number(value))),
});

export type Env = z.infer<typeof schema> & { APP_URL: string; runWorkerInProcess: boolean };

let cached: Env | undefined;

/** Reads and checks the environment once; a wrong value stops start-up with a readable message. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Checks an environment: the settings, or an error whose lines name each variable that is wrong. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === "production" && env.RESEND_API_KEY && env.EMAIL_FROM.endsWith(".local>")) {
    throw new Error("Invalid environment:\n  EMAIL_FROM: set a sender on a domain verified with Resend");
  }
  // why: without a transport, production would "send" sign-up and reset emails into a mailbox
  // nobody can open (404 in production), and no one could confirm an account.
  if (env.NODE_ENV === "production" && !env.RESEND_API_KEY && env.EMAIL_TRANSPORT !== "log") {
    throw new Error(
      "Invalid environment:\n  RESEND_API_KEY: production needs a real email transport. Set RESEND_API_KEY, or EMAIL_TRANSPORT=log on a staging server whose emails are only logged, never delivered.",
    );
  }
  return {
    ...env,
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    runWorkerInProcess: env.RUN_WORKER ? env.RUN_WORKER === "true" : env.NODE_ENV !== "production",
  };
}

export const isProduction = () => getEnv().NODE_ENV === "production";

/**
 * Whether browsers get production's policy — the strict CSP, HSTS, the `__Host-` Secure session
 * cookie. Every mode but `development` (Vite's dev server, which needs inline styles and a
 * websocket) does, so the journeys' server (`test`) ships exactly what production ships.
 */
export const shipsProductionPolicy = (env: Pick<Env, "NODE_ENV"> = getEnv()) => env.NODE_ENV !== "development";

/** An absolute link into the app, for emails. */
export const absoluteUrl = (path: string) => `${getEnv().APP_URL}${path}`;
