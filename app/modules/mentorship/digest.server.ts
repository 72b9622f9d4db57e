import { and, asc, eq, inArray, isNull, lt, lte, or } from "drizzle-orm";
import { createElement } from "react";
import { transaction, type Db } from "~db/client.server";
import { emailPreferences, reminders, users } from "~db/schema";
import WeeklyDigest, { weeklyDigestSubject } from "~emails/weekly-digest";
import { firstName } from "~/domain/names";
import { absoluteUrl } from "~/env.server";
import { queueEmail } from "~/mail/outbox.server";
import { DIGEST_HOUR_UTC, DIGEST_WEEKDAY } from "./schedule";

// The weekly digest: reminders that remind() held ("in_digest") for a person who chose one
// email a week go together on DIGEST_WEEKDAY from DIGEST_HOUR_UTC, then read "digested".

const DAY_MS = 24 * 60 * 60 * 1000;

/** The latest digest time at or before `now`: DIGEST_WEEKDAY at DIGEST_HOUR_UTC. */
export function digestTimeOf(now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), DIGEST_HOUR_UTC);
  const daysBack = (now.getUTCDay() - DIGEST_WEEKDAY + 7) % 7;
  const time = today - daysBack * DAY_MS;
  return new Date(time > now.getTime() ? time - 7 * DAY_MS : time);
}

/**
 * A step of the reminders sweep: each person with reminders held for the digest from before this
 * week's digest time, and no digest since that time, gets one email listing every reminder
 * waiting for them; those become "digested". Idempotent (a second run sends nothing). Returns the emails sent.
 */
export async function sendDigests(db: Db, now: Date): Promise<number> {
  const digestTime = digestTimeOf(now);
  const due = await db
    .selectDistinct({ userId: reminders.userId })
    .from(reminders)
    .leftJoin(emailPreferences, eq(emailPreferences.userId, reminders.userId))
    .where(and(eq(reminders.state, "in_digest"), lte(reminders.createdAt, digestTime), or(isNull(emailPreferences.lastDigestAt), lt(emailPreferences.lastDigestAt, digestTime))));
  let sent = 0;
  for (const { userId } of due) {
    const emailed = await transaction(db, async (tx) => {
      // why: the person's preferences row is the lock two sweeps at once queue on; without a row they take "each", which a new row keeps.
      await tx.insert(emailPreferences).values({ userId, updatedAt: now }).onConflictDoNothing();
      const [preference] = await tx.select({ lastDigestAt: emailPreferences.lastDigestAt }).from(emailPreferences).where(eq(emailPreferences.userId, userId)).for("update");
      if (preference?.lastDigestAt && preference.lastDigestAt >= digestTime) return false;
      const waiting = await tx
        .select({ id: reminders.id, summary: reminders.summary, url: reminders.url })
        .from(reminders)
        .where(and(eq(reminders.userId, userId), eq(reminders.state, "in_digest")))
        .orderBy(asc(reminders.createdAt), asc(reminders.id));
      const [user] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
      if (!waiting.length || !user) return false;
      const emailId = await queueEmail(tx, {
        template: "weekly-digest",
        to: [user.email],
        subject: weeklyDigestSubject(waiting.length),
        body: createElement(WeeklyDigest, {
          name: firstName(user.name),
          items: waiting.map((r) => ({ summary: r.summary, url: r.url ?? absoluteUrl("/matches") })),
          settingsUrl: absoluteUrl("/account"),
        }),
        userId,
      });
      await tx
        .update(reminders)
        .set({ state: "digested", emailId })
        .where(
          inArray(
            reminders.id,
            waiting.map((r) => r.id),
          ),
        );
      await tx.update(emailPreferences).set({ lastDigestAt: now }).where(eq(emailPreferences.userId, userId));
      return true;
    });
    if (emailed) sent++;
  }
  return sent;
}
