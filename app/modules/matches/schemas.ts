import { z } from "zod";
import { UNKNOWN_BUTTON } from "~/forms/gate";

// One schema per form, used by the server (parseWithZod) and the browser (Conform).

export const MAX_LIST_LENGTH = 1000;
/** How many proposals one bulk approval may take: a page of the queue is 20, so this is generous. */
export const MAX_BULK = 100;

const reason = (missing: string, short: string) =>
  z.string({ error: missing }).trim().min(10, short).max(2000, "Use at most 2,000 characters");

/** The admin's forms on /admin/matches, one per intent. */
export const RunRoundSchema = z.object({
  intent: z.literal("run_round"),
  listLength: z
    .number({ error: (issue) => (issue.input === undefined ? "Enter how many slots each student's list holds" : "Enter a whole number") })
    .int("Enter a whole number")
    .min(1, "Each list holds at least 1 slot")
    .max(MAX_LIST_LENGTH, `Each list holds at most ${MAX_LIST_LENGTH.toLocaleString("en-US")} slots`),
});

export const ApproveSchema = z.object({ intent: z.literal("approve"), matchId: z.uuid() });

export const BulkApproveSchema = z.object({
  intent: z.literal("approve_selected"),
  matchIds: z
    .array(z.uuid(), { error: "Select at least one proposal to approve" })
    .min(1, "Select at least one proposal to approve")
    .max(MAX_BULK, `Approve at most ${MAX_BULK} at once`),
});

export const RejectSchema = z.object({
  intent: z.literal("reject"),
  matchId: z.uuid(),
  reason: reason(
    "Write the reason: it stays with the decision, and a mentor who proposed the match reads it",
    "Say a little more (at least 10 characters): a mentor who proposed the match reads it",
  ),
});

export const ReviewActionSchema = z.discriminatedUnion("intent", [RunRoundSchema, ApproveSchema, BulkApproveSchema, RejectSchema], { error: UNKNOWN_BUTTON });
export type ReviewAction = z.output<typeof ReviewActionSchema>;

/** What a person can do to a match after the introduction (see lifecycle.server.ts for who may). */
export const MATCH_MOVES = ["interviewing", "confirm", "start", "complete", "not_proceeding"] as const;
export type MatchMove = (typeof MATCH_MOVES)[number];

export const MoveSchema = z.discriminatedUnion("move", [
  z.object({ move: z.literal("interviewing") }),
  z.object({
    move: z.literal("confirm"),
    // why: confirming is the moment the student commits to the paperwork; they tick that they read it.
    acknowledge: z.literal("on", { error: "Tick the box to say you will complete these steps before your first day" }),
  }),
  z.object({ move: z.literal("start") }),
  z.object({ move: z.literal("complete") }),
  z.object({
    move: z.literal("not_proceeding"),
    reason: reason("Write why you are not going ahead: the other person reads it", "Say a little more (at least 10 characters): the other person reads it"),
  }),
], { error: UNKNOWN_BUTTON });
export type MoveInput = z.output<typeof MoveSchema>;
