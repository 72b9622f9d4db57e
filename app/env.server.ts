import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.url().optional(),
  DATABASE_URL: z.string().optional(),
  RESEND_API_KEY: z.string().min(1).optional(),
  EMAIL_FROM: z.string().min(3).default("Steppingstone <no-reply@steppingstone.local>"),
  RUN_WORKER: z.enum(["true", "false"]).optional(),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
});

export type Env = z.infer<typeof schema> & { APP_URL: string; runWorkerInProcess: boolean };

let cached: Env | undefined;

/** Reads and checks the environment once; a wrong value stops start-up with a readable message. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === "production" && env.RESEND_API_KEY && env.EMAIL_FROM.endsWith(".local>")) {
    throw new Error("Invalid environment:\n  EMAIL_FROM: set a sender on a domain verified with Resend");
  }
  cached = {
    ...env,
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    runWorkerInProcess: env.RUN_WORKER ? env.RUN_WORKER === "true" : env.NODE_ENV !== "production",
  };
  return cached;
}

export const isProduction = () => getEnv().NODE_ENV === "production";

/** An absolute link into the app, for emails. */
export const absoluteUrl = (path: string) => `${getEnv().APP_URL}${path}`;
