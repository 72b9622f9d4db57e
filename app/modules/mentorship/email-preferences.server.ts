import type { Db } from "~db/client.server";
import { emailPreferences } from "~db/schema";
import type { EMAIL_CADENCES } from "~/domain/vocabulary";
import { cadenceOf } from "./remind.server";

// How each person takes reminders: each email as it comes (no row says so too) or one weekly
// digest (digest.server.ts). Message notices are not reminders and never wait for the digest.

export type EmailCadence = (typeof EMAIL_CADENCES)[number];

/** The cadence `userId` chose; "each" until they choose. */
export const getEmailCadence = (db: Db, userId: string): Promise<EmailCadence> => cadenceOf(db, userId);

/**
 * Saves `userId`'s choice. Reminders already waiting for a digest still go in the next one, so
 * switching back to "each" loses none; switching to the digest holds only reminders due from now.
 */
export async function setEmailCadence(db: Db, { userId, cadence, now }: { userId: string; cadence: EmailCadence; now: Date }) {
  await db
    .insert(emailPreferences)
    .values({ userId, cadence, updatedAt: now })
    .onConflictDoUpdate({ target: emailPreferences.userId, set: { cadence, updatedAt: now } });
}
