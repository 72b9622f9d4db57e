import { z } from "zod";
import { UNKNOWN_BUTTON } from "~/forms/gate";
import { FOLLOW_UP_ANSWERS } from "~/domain/vocabulary";
import { MAX_ORGANIZATION_NAME, OutcomeSchema } from "./outcome-schemas";

// The forms of the outcome tab (/matches/:matchId/outcome), told apart by their `intent`: the
// student's record at completion, and the student's own change of a follow-up's answer.

const NOT_A_FOLLOW_UP = "Steppingstone asks at 3 and 6 months only: the page may be out of date. Reload it and try again.";

/** The student changes (or gives) the answer of a follow-up that was sent: 3 or 6 months, one of the four answers, and the organization if any. */
export const FollowUpChangeSchema = z.object({
  intent: z.literal("follow_up"),
  months: z.enum(["3", "6"], { error: NOT_A_FOLLOW_UP }).transform((months) => Number(months) as 3 | 6),
  answer: z.enum(FOLLOW_UP_ANSWERS, { error: "Choose one of the answers" }),
  organizationName: z.string().trim().max(MAX_ORGANIZATION_NAME, `Use at most ${MAX_ORGANIZATION_NAME} characters`).optional(),
});
export type FollowUpChange = z.output<typeof FollowUpChangeSchema>;

/** What the outcome tab's action reads: the outcome (intent "outcome") or a follow-up's answer (intent "follow_up"). */
export const OutcomeActionSchema = z.discriminatedUnion("intent", [OutcomeSchema.extend({ intent: z.literal("outcome") }), FollowUpChangeSchema], {
  error: UNKNOWN_BUTTON,
});
export type OutcomeAction = z.output<typeof OutcomeActionSchema>;
