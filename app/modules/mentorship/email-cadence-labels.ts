import type { EMAIL_CADENCES } from "~/domain/vocabulary";
import { DIGEST_HOUR_UTC, DIGEST_WEEKDAY } from "./schedule";

type EmailCadence = (typeof EMAIL_CADENCES)[number];

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
/** The weekday the digest goes, in words. */
export const DIGEST_DAY = WEEKDAYS[DIGEST_WEEKDAY]!;

/** How each cadence reads on /account. */
export const EMAIL_CADENCE_LABELS: Record<EmailCadence, { label: string; description: string }> = {
  each: { label: "Each email as it comes", description: "A reminder reaches you the moment it is due." },
  weekly_digest: {
    label: `One weekly digest on ${DIGEST_DAY}s`,
    description: `Reminders wait, and one email lists them all on ${DIGEST_DAY} from ${DIGEST_HOUR_UTC}:00 UTC.`,
  },
};
