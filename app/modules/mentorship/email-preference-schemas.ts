import { z } from "zod";
import { EMAIL_CADENCES } from "~/domain/vocabulary";

// The reminders section of /account, used by the server and the browser (Conform).

export const EMAIL_CADENCE_INTENT = "email-cadence";

export const EmailCadenceSchema = z.object({
  intent: z.literal(EMAIL_CADENCE_INTENT),
  cadence: z.enum(EMAIL_CADENCES, { error: "Choose how reminders reach you" }),
});
