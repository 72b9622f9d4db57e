import type { LETTER_PURPOSES, LETTER_STATES } from "~/domain/vocabulary";

export type LetterPurpose = (typeof LETTER_PURPOSES)[number];
export type LetterState = (typeof LETTER_STATES)[number];

// The words of recommendation letters, one place for each (app/modules/letters). Safe in the browser.

export const LETTER_PURPOSE_LABELS: Record<LetterPurpose, string> = {
  graduate_school: "Graduate school",
  jobs: "Job applications",
  program: "A named program",
};

/** What a letter is for, as the student and the writer read it: "Graduate school: MSc Computer Science". */
export const letterPurposeText = (letter: { purpose: LetterPurpose; purposeDetail: string | null }) =>
  letter.purposeDetail ? `${LETTER_PURPOSE_LABELS[letter.purpose]}: ${letter.purposeDetail}` : LETTER_PURPOSE_LABELS[letter.purpose];

const PURPOSE_FOR_RECIPIENT: Record<LetterPurpose, string> = { graduate_school: "graduate school", jobs: "job applications", program: "a program" };

/**
 * What a letter is for, as its recipient reads it after "for": the program, school or job the
 * student named ("MSc Computer Science, University of Toronto"), else the kind ("graduate school").
 */
export const letterPurposeForRecipient = (letter: { purpose: LetterPurpose; purposeDetail: string | null }) =>
  letter.purposeDetail ?? PURPOSE_FOR_RECIPIENT[letter.purpose];

/** A letter's state as its student reads it. */
export const LETTER_STATE_LABELS_STUDENT: Record<LetterState, string> = {
  requested: "Asked — waiting for your mentor",
  writing: "Your mentor is writing it",
  ready: "Ready to send",
  declined: "Declined",
};

/** A letter's state as its writer (and an admin) reads it. */
export const LETTER_STATE_LABELS_WRITER: Record<LetterState, string> = {
  requested: "Asked — not started",
  writing: "Writing",
  ready: "Ready",
  declined: "Declined",
};

/** What became of one delivery, as the student reads it. */
export type DeliveryState = "sent" | "opened" | "expired" | "revoked";

export const DELIVERY_STATE_LABELS: Record<DeliveryState, string> = {
  sent: "Sent — not opened yet",
  opened: "Opened",
  expired: "Link expired",
  revoked: "Letter revoked",
};

/** What waiving means, said plainly where the student chooses. */
export const WAIVE_EXPLANATION =
  "Many graduate schools and employers give more weight to a confidential letter, and US graduate applications ask whether you waived your right to read it. If you waive, you will never see the letter's text — not on this site, not in an email, not in your data export. You will still see whether it is ready, where you sent it and whether it was opened. You cannot change this choice once you send the request.";
