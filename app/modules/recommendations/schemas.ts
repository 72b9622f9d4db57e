import { z } from "zod";
import { UUID } from "~/modules/ids";

// Forms of the recommendations area. Safe in the browser.

/** A mentor's invitation to one student, from the "Students who fit" page. */
export const InviteSchema = z.object({ studentId: z.string().regex(UUID, "Unknown student") });
