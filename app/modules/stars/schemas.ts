import { z } from "zod";
import { UUID } from "~/modules/ids";

// The star form. Safe in the browser.

/** The most slots a student can star: their ranking in a round stays short enough to mean something. */
export const MAX_STARS = 20;

/** Star, unstar or move one starred slot; posted to /starred from any page, back to `redirectTo`. */
export const StarActionSchema = z.object({
  intent: z.enum(["star", "unstar", "up", "down"]),
  slotId: z.string().regex(UUID, "Unknown slot"),
  redirectTo: z.string().optional(),
});
export type StarAction = z.output<typeof StarActionSchema>;
