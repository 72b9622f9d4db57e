import type { Db } from "~db/client.server";
import { sendDigests } from "./digest.server";
import { feedbackRoundReminders } from "./feedback.server";
import { sendMessageBatches } from "./messages.server";
import { outcomeFollowUps } from "./outcomes.server";
import { checkInDueReminders, checkInReplyReminders, introductionReplyReminders } from "./reminders.server";
import { documentSignatureReminders } from "~/modules/documents/reminders.server";
import { letterDueReminders } from "~/modules/letters/reminders.server";
import { referralNudges } from "~/modules/referrals/referrals.server";

// The reminders sweep (docs/decisions/016-the-mentorship-space.md): pg-boss runs it every
// SWEEP_EVERY_SECONDS (app/jobs/reminders.worker.server.ts). Each step finds what is due at `now`
// and sends it once through the reminders ledger, so a run repeated or cut short sends nothing twice.

/** A step of the sweep: what it wrote at `now` (emails queued or reminders held for a digest). */
export type SweepStep = (db: Db, now: Date) => Promise<number>;

/** Every step, by name, in the order they run: the weekly digest last, so it carries what this run held for it. */
export const SWEEP_STEPS: Record<string, SweepStep> = {
  checkInsDue: checkInDueReminders,
  checkInReplies: checkInReplyReminders,
  introductionReplies: introductionReplyReminders,
  feedbackRounds: feedbackRoundReminders,
  outcomeFollowUps,
  letterDueReminders,
  referralNudges,
  documentSignatureReminders,
  messageBatches: sendMessageBatches,
  weeklyDigests: sendDigests,
};

/** What each step wrote, or null for a step that failed (it is logged; the others still ran). */
export type SweepResult = Record<string, number | null>;

/** Runs each step at `now`, each on its own: one that throws is logged and the next still runs. */
export async function runReminderSweep(db: Db, now: Date, steps: Record<string, SweepStep> = SWEEP_STEPS): Promise<SweepResult> {
  const result: SweepResult = {};
  for (const [name, step] of Object.entries(steps)) {
    try {
      result[name] = await step(db, now);
    } catch (error) {
      console.error(`[sweep] the step "${name}" failed`, error);
      result[name] = null;
    }
  }
  return result;
}
