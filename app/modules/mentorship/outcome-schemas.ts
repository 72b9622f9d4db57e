import { z } from "zod";
import { UNKNOWN_BUTTON } from "~/forms/gate";
import { FOLLOW_UP_ANSWERS, RETURN_OFFER_ANSWERS, SLOT_OFFERS } from "~/domain/vocabulary";

// The outcome's forms: the student's record at completion (/matches/:matchId/outcome) and the
// one-click follow-up (/follow-up/:token). The words are in outcome-labels.ts.

export const DELIVERED_ANSWERS = ["yes", "no"] as const;
export const MAX_ORGANIZATION_NAME = 200;

const delivered = z.enum(DELIVERED_ANSWERS, { error: "Choose yes or no" }).optional();

/**
 * The student's outcome: for each benefit the slot promised, delivered yes or no (the module asks
 * for exactly the slot's promises), and the return offer.
 */
export const OutcomeSchema = z.object({
  delivered: z
    .object(Object.fromEntries(SLOT_OFFERS.map((offer) => [offer, delivered])) as Record<(typeof SLOT_OFFERS)[number], typeof delivered>)
    .optional()
    .default({}),
  returnOffer: z.enum(RETURN_OFFER_ANSWERS, { error: "Choose whether you got a return offer (or are still waiting to hear)" }),
});
export type OutcomeInput = z.output<typeof OutcomeSchema>;

/** The answer in a follow-up link's query string (`?answer=…`). */
export const FollowUpAnswerQuerySchema = z.object({ answer: z.enum(FOLLOW_UP_ANSWERS) });

/** The follow-up page's two forms: the answer (for a browser that did not record it from the link), then the organization. */
export const FollowUpActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("answer"), answer: z.enum(FOLLOW_UP_ANSWERS, { error: "Choose one of the answers" }) }),
    z.object({
      intent: z.literal("organization"),
      organizationName: z
        .string({ error: "Write the organization's name, or leave the page: it is optional" })
        .trim()
        .min(1, "Write the organization's name, or leave the page: it is optional")
        .max(MAX_ORGANIZATION_NAME, `Use at most ${MAX_ORGANIZATION_NAME} characters`),
    }),
  ],
  { error: UNKNOWN_BUTTON },
);
export type FollowUpAction = z.output<typeof FollowUpActionSchema>;
