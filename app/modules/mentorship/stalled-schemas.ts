import { z } from "zod";
import { NOT_FROM_OUR_PAGES } from "~/forms/gate";

// The admins' one form on /admin/stalled (server and browser read it alike).

/** "Nudge both sides" on one stalled match. */
export const NudgeSchema = z.object({ intent: z.literal("nudge", { error: NOT_FROM_OUR_PAGES }), matchId: z.uuid({ error: NOT_FROM_OUR_PAGES }) });
export type NudgeInput = z.output<typeof NudgeSchema>;
