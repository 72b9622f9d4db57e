import type { REFERRAL_METHODS, REFERRAL_OUTCOMES, REFERRAL_STATES } from "~/domain/vocabulary";

// The words of the referrals pages and emails. Safe in the browser.

type State = (typeof REFERRAL_STATES)[number];
type Method = (typeof REFERRAL_METHODS)[number];
type Outcome = (typeof REFERRAL_OUTCOMES)[number];

/** How the mentor referred the student, as a choice. */
export const REFERRAL_METHOD_LABELS: Record<Method, string> = {
  internal_tool: "Through my company's internal referral tool",
  email_to_recruiter: "By email to a recruiter or hiring manager",
  other: "Another way",
};

/** How the mentor referred the student, inside a sentence ("… referred you through the internal tool"). */
export const REFERRAL_METHOD_WORDS: Record<Method, string> = {
  internal_tool: "through the company's internal referral tool",
  email_to_recruiter: "by email to a recruiter",
  other: "another way",
};

/** What came of a referral, as a choice and as a badge. */
export const REFERRAL_OUTCOME_LABELS: Record<Outcome, string> = {
  submitted: "Application submitted",
  interviewing: "Interviewing",
  offer: "Offer",
  not_selected: "Not selected",
  no_answer: "No answer from the company",
};

/** Where a referral stands, in a word or two, before any outcome. */
export const REFERRAL_STATE_LABELS: Record<State, string> = {
  requested: "Waiting for the mentor",
  accepted: "Referred",
  declined: "Declined",
};

/** The notice after a successful post, by the `notice` query parameter. */
export const REFERRAL_NOTICES = {
  requested: "Your request is sent: the mentor was emailed. You will hear from us when they answer.",
  accepted: "Thank you: the referral is recorded, and the student was emailed.",
  declined: "Your answer is saved, and the student was emailed.",
  outcome: "Saved: the other side sees it on this page, and is emailed when the outcome changes.",
  withdrawn: "Your request is withdrawn, and the mentor was emailed.",
} as const;
export type ReferralNotice = keyof typeof REFERRAL_NOTICES;

/** Why a well-formed post was refused, as the page says it. */
export const REFERRAL_REFUSALS = {
  not_allowed_request: "You can ask for a referral from the mentors of an internship that has started or is completed.",
  not_a_mentor: "That person is not a mentor of that internship any more. Reload the page and choose again.",
  already_asked: "You already asked this mentor for this role at this company. Its page shows where it stands.",
  not_allowed_answer: "Only the mentor asked answers a request, and only once.",
  already_answered: "This request was already answered — perhaps a moment ago in another tab. Reload the page to see the answer.",
  future_date: "The day you referred them cannot be in the future.",
  not_allowed_outcome: "The student and the mentor who referred them record what came of a referral, once it is made.",
  not_allowed_withdraw: "Only the student withdraws a request, and only before the mentor answers.",
} as const;
export type ReferralRefusal = keyof typeof REFERRAL_REFUSALS;

/**
 * The reason a referral's student reads when the mentor asked deleted their account before answering.
 * Worded as the letters' MENTOR_GONE_REASON (app/modules/letters/letters.server.ts), so both read alike.
 */
export const REFERRAL_MENTOR_GONE_REASON = "Your mentor deleted their Steppingstone account before answering this request. Ask another mentor of the internship.";
