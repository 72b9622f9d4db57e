import { eq, sql } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { emailPreferences, reminders, type ReminderKind } from "~db/schema";
import { queueEmail, type QueuedEmail } from "~/mail/outbox.server";

export type Reminder = {
  kind: ReminderKind;
  /** The event, unique with kind and person: `<matchId>:week:3`, `<matchId>:midpoint:2`… */
  eventKey: string;
  user: { id: string; email: string };
  matchId: string | null;
  /** The reminder in one sentence, as the weekly digest lists it. */
  summary: string;
  /** Where the person acts on it (absolute). */
  url: string;
  /** The email on its own, for a person who takes each email as it comes. */
  email: () => Omit<QueuedEmail, "to" | "userId">;
};

export type Reminded = "sent" | "in_digest" | "already";

/** Kinds that always go as their own email: an admin's nudge, and a follow-up whose one-click links a digest cannot carry. */
const NEVER_IN_DIGEST: readonly ReminderKind[] = ["stall_nudge", "outcome_follow_up"];

/** How `userId` takes reminders: each as it comes (the default) or in a weekly digest. */
export async function cadenceOf(db: Db, userId: string) {
  const [row] = await db.select({ cadence: emailPreferences.cadence }).from(emailPreferences).where(eq(emailPreferences.userId, userId));
  return row?.cadence ?? "each";
}

/**
 * Sends a reminder once per event and person, whatever restarts: the ledger row is written first
 * (its unique key refuses a second), and in the same transaction the email is queued — or, for a
 * person who chose the weekly digest, the row waits for it. Call inside `transaction()`.
 * The row is dated `now`, the sweep's clock (not the database's): the digest, the feedback
 * reminders and the stalled list compare it with that clock.
 */
export async function remind(tx: Db, reminder: Reminder, now: Date = new Date()): Promise<Reminded> {
  const cadence = NEVER_IN_DIGEST.includes(reminder.kind) ? "each" : await cadenceOf(tx, reminder.user.id);
  const [row] = await tx
    .insert(reminders)
    .values({
      kind: reminder.kind,
      eventKey: reminder.eventKey,
      userId: reminder.user.id,
      matchId: reminder.matchId,
      state: cadence === "each" ? "sent" : "in_digest",
      summary: reminder.summary,
      url: reminder.url,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: reminders.id });
  if (!row) return "already";
  if (cadence !== "each") return "in_digest";
  const emailId = await queueEmail(tx, { ...reminder.email(), to: [reminder.user.email], userId: reminder.user.id });
  await tx.update(reminders).set({ emailId }).where(eq(reminders.id, row.id));
  return "sent";
}

/** Whether an event was already reminded to anyone (e.g. a stall nudge today). */
export async function remindedBefore(db: Db, kind: ReminderKind, eventKey: string) {
  const [row] = await db.select({ one: sql<number>`1` }).from(reminders).where(sql`${reminders.kind} = ${kind} and ${reminders.eventKey} = ${eventKey}`).limit(1);
  return Boolean(row);
}
