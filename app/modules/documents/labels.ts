import type { DocumentKind } from "./content";

// The documents' words (issue 14). Safe in the browser. Each document's name is written once, as a
// label; the forms used mid-sentence and with an article are derived from it.

/** What each kind of document is called, on pages, in emails, on /verify and in the PDF's heading. */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  experience_verification: "Experience verification letter",
  completion_certificate: "Certificate of completion",
};

/** The recommendation letter, as /verify names it. */
export const RECOMMENDATION_LETTER_LABEL = "Recommendation letter";

/** A label mid-sentence: "Experience verification letter" → "experience verification letter". */
export const midSentence = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/**
 * A label with its article, mid-sentence: "an experience verification letter", "a certificate of
 * completion". why: by the first letter, which is right for every label here (none starts like "hour" or "university").
 */
export const withArticle = (label: string) => `${/^[aeiou]/i.test(label) ? "an" : "a"} ${midSentence(label)}`;

const eachKind = (word: (label: string) => string) =>
  Object.fromEntries(Object.entries(DOCUMENT_KIND_LABELS).map(([kind, label]) => [kind, word(label)])) as Record<DocumentKind, string>;

/** The same, mid-sentence. */
export const DOCUMENT_KIND_WORDS = eachKind(midSentence);

/** The same with its article: "an experience verification letter". */
export const A_DOCUMENT_KIND = eachKind(withArticle);

/** What each kind is for, said to the student before generating one. */
export const DOCUMENT_KIND_HINTS: Record<DocumentKind, string> = {
  experience_verification:
    "Your role, dates, duties, whether it was paid, and your weekly hours from your check-ins — the letter a school's international office (DSO) or an employer asks for.",
  completion_certificate: "The same letter without hours: that you completed the internship, in which role and when. Once the internship is completed.",
};
