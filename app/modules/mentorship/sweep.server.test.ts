import { expect, test, vi } from "vitest";
import type { Db } from "~db/client.server";
import { sendDigests } from "./digest.server";
import { feedbackRoundReminders } from "./feedback.server";
import { sendMessageBatches } from "./messages.server";
import { outcomeFollowUps } from "./outcomes.server";
import { checkInDueReminders, checkInReplyReminders, introductionReplyReminders } from "./reminders.server";
import { runReminderSweep, SWEEP_STEPS } from "./sweep.server";
import { documentSignatureReminders } from "~/modules/documents/reminders.server";
import { letterDueReminders } from "~/modules/letters/reminders.server";
import { referralNudges } from "~/modules/referrals/referrals.server";

// why: the steps are stand-ins; what is tested is how the sweep runs them, not what they send.
const db = {} as Db;
const NOW = new Date("2026-06-08T16:00:00Z");

test("one failing step is logged and does not stop the others; each step's count is returned", async () => {
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  const later = vi.fn(async () => 2);
  const result = await runReminderSweep(db, NOW, {
    first: async () => 1,
    broken: async () => {
      throw new Error("the database went away");
    },
    later,
  });

  expect(result).toEqual({ first: 1, broken: null, later: 2 });
  expect(later).toHaveBeenCalledWith(db, NOW);
  expect(error).toHaveBeenCalledWith(expect.stringContaining('"broken" failed'), expect.any(Error));
  error.mockRestore();
});

test("every step gets the same clock", async () => {
  const seen: Date[] = [];
  await runReminderSweep(db, NOW, { a: async (_db, now) => (seen.push(now), 0), b: async (_db, now) => (seen.push(now), 0) });
  expect(seen).toEqual([NOW, NOW]);
});

test("the sweep runs every reminder of the mentorship, and the weekly digest after them all", () => {
  expect(Object.values(SWEEP_STEPS)).toEqual([
    checkInDueReminders,
    checkInReplyReminders,
    introductionReplyReminders,
    feedbackRoundReminders,
    outcomeFollowUps,
    letterDueReminders,
    referralNudges,
    documentSignatureReminders,
    sendMessageBatches,
    sendDigests,
  ]);
});
