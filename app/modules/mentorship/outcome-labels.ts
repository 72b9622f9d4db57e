import type { FOLLOW_UP_ANSWERS, RETURN_OFFER_ANSWERS } from "~/domain/vocabulary";

// The words of an internship's outcome and its follow-ups. Safe in the browser.

export const RETURN_OFFER_LABELS: Record<(typeof RETURN_OFFER_ANSWERS)[number], string> = {
  yes: "Yes, I got a return offer",
  no: "No return offer",
  pending: "Still waiting to hear",
};

/** A follow-up's answer as a choice ("Where are you now?"). */
export const FOLLOW_UP_LABELS: Record<(typeof FOLLOW_UP_ANSWERS)[number], string> = {
  paid_internship: "In a paid internship",
  full_time_offer: "I have a full-time offer",
  still_searching: "Still searching",
  studying: "Studying",
};

/** A follow-up's answer inside a sentence ("At 3 months: a paid internship at Shopify"). */
export const FOLLOW_UP_WORDS: Record<(typeof FOLLOW_UP_ANSWERS)[number], string> = {
  paid_internship: "a paid internship",
  full_time_offer: "a full-time offer",
  still_searching: "still searching",
  studying: "studying",
};

/** "At 3 months: a paid internship at Shopify". */
export function followUpSentence(months: number, answer: (typeof FOLLOW_UP_ANSWERS)[number], organizationName: string | null) {
  const where = organizationName && (answer === "paid_internship" || answer === "full_time_offer" || answer === "studying") ? ` at ${organizationName}` : "";
  return `At ${months} months: ${FOLLOW_UP_WORDS[answer]}${where}`;
}
