import type { DocumentKind } from "./content";

// The documents' words (issue 14). Safe in the browser.

/** What each kind of document is called, on pages, in emails, on /verify and in the PDF's heading. */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  experience_verification: "Experience verification letter",
  completion_certificate: "Certificate of completion",
};

/** The same, mid-sentence. */
export const DOCUMENT_KIND_WORDS: Record<DocumentKind, string> = {
  experience_verification: "experience verification letter",
  completion_certificate: "certificate of completion",
};

/** What each kind is for, said to the student before generating one. */
export const DOCUMENT_KIND_HINTS: Record<DocumentKind, string> = {
  experience_verification:
    "Your role, dates, duties, whether it was paid, and your weekly hours from your check-ins — the letter a school's international office (DSO) or an employer asks for.",
  completion_certificate: "The same letter without hours: that you completed the internship, in which role and when. Once the internship is completed.",
};

/** The recommendation letter, as /verify names it. */
export const RECOMMENDATION_LETTER_LABEL = "Recommendation letter";

/** The same with its article: "an experience verification letter". */
export const A_DOCUMENT_KIND: Record<DocumentKind, string> = {
  experience_verification: "an experience verification letter",
  completion_certificate: "a certificate of completion",
};
