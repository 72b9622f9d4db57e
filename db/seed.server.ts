import { inArray } from "drizzle-orm";
import { hashPassword } from "~/auth/password.server";
import type { Db } from "./client.server";
import { users, type UserRole } from "./schema";

export const DEMO_PASSWORD = "steppingstone-demo";

export const DEMO_ACCOUNTS: { email: string; name: string; role: UserRole }[] = [
  { email: "admin@example.org", name: "Dana Okafor", role: "admin" },
  { email: "mentor@example.org", name: "Priya Raman", role: "mentor" },
  { email: "student@example.org", name: "Wei Zhang", role: "student" },
];

/**
 * Creates the demo accounts that are missing (verified, password `steppingstone-demo`).
 * Idempotent; refuses to run in production, where these would be known credentials.
 */
export async function seedDemoData(db: Db) {
  if (process.env.NODE_ENV === "production") {
    throw new Error("Refusing to seed demo data: NODE_ENV is production.");
  }
  const existing = await db
    .select({ email: users.email })
    .from(users)
    .where(inArray(users.email, DEMO_ACCOUNTS.map((a) => a.email)));
  const missing = DEMO_ACCOUNTS.filter((a) => !existing.some((e) => e.email === a.email));
  if (missing.length === 0) return { created: 0 };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db
    .insert(users)
    .values(missing.map((a) => ({ ...a, passwordHash, emailVerifiedAt: new Date() })))
    .onConflictDoNothing();
  return { created: missing.length };
}
