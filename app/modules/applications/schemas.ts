import { z } from "zod";
import { UNKNOWN_BUTTON } from "~/forms/gate";
import type { ApplyError, ProposeError, WithdrawError } from "./applications.server";
import type { ApplicationStatus } from "~db/schema";
import type { AFTER_INTRODUCTION_MATCH_STATUSES } from "~/domain/vocabulary";

// One schema per form, used by the server (parseWithZod) and the browser (Conform).

export const MAX_STATEMENT = 4000;
export const MAX_ANSWER = 2000;
export const MAX_DECLINE_REASON = 1000;
export const MAX_SHORTLIST_RANK = 999;

/** What a student sees for each status: plain words, the same on every page and in emails. */
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: "Submitted",
  shortlisted: "Shortlisted",
  match_proposed: "Match proposed",
  introduced: "Introduced",
  not_selected: "Not selected",
  withdrawn: "Withdrawn",
};

/** One sentence under the status, saying what happens next. */
export const APPLICATION_STATUS_HINTS: Record<ApplicationStatus, string> = {
  submitted: "The mentors have your application. You will get an email when they decide.",
  shortlisted: "The mentors put you on their shortlist.",
  match_proposed: "The mentor proposed a match. A Steppingstone admin reviews it; you will get the introduction by email once it is approved.",
  introduced: "You were introduced to the mentor by email. Take it from there together.",
  not_selected: "The mentors chose other applicants this time.",
  withdrawn: "You withdrew this application. You can apply again while the slot is open, starting from what you sent.",
};

/** After the introduction an application stands where its match does: one sentence per match status, for the student. */
export const INTRODUCED_MATCH_HINTS: Record<(typeof AFTER_INTRODUCTION_MATCH_STATUSES)[number], string> = {
  introduced: "You were introduced to the mentor by email. Take it from there together.",
  interviewing: "You and the mentor are talking about the internship.",
  confirmed: "You confirmed the internship: it is on.",
  active: "Your internship is under way.",
  completed: "Your internship is completed.",
  not_proceeding: "This match is not going ahead: see why on the match's page.",
};

const answer = z
  .string({ error: "Answer this question" })
  .trim()
  .min(1, "Answer this question")
  .max(MAX_ANSWER, `Use at most ${MAX_ANSWER.toLocaleString("en-US")} characters`);

/** The apply form for a slot with `questionCount` questions: a statement and one answer per question, in order. */
export function applicationFormSchema(questionCount: number) {
  return z.object({
    intent: z.literal("apply"),
    statement: z
      .string({ error: "Write a short statement: why this slot, and what you bring" })
      .trim()
      .min(1, "Write a short statement: why this slot, and what you bring")
      .max(MAX_STATEMENT, `Use at most ${MAX_STATEMENT.toLocaleString("en-US")} characters`),
    // why: Conform drops empty inputs, so the list is padded to one entry per question and each missing answer is named.
    answers: z.preprocess((v) => Array.from({ length: questionCount }, (_, i) => (Array.isArray(v) ? v[i] : undefined)), z.array(answer)),
  });
}
export type ApplicationInput = { statement: string; answers: string[] };

/** The mentor's forms on the applicants page, one per intent. */
export const ShortlistSchema = z.object({
  intent: z.literal("shortlist"),
  applicationId: z.uuid(),
  rank: z
    .number({ error: "Enter a whole number, 1 for your first choice" })
    .int("Enter a whole number, 1 for your first choice")
    .min(1, "1 is your first choice")
    .max(MAX_SHORTLIST_RANK, `Use a number up to ${MAX_SHORTLIST_RANK}`)
    .optional(),
});

export const DeclineSchema = z.object({
  intent: z.literal("decline"),
  applicationId: z.uuid(),
  reason: z.string().trim().max(MAX_DECLINE_REASON, `Use at most ${MAX_DECLINE_REASON.toLocaleString("en-US")} characters`).optional(),
});

export const ProposeSchema = z.object({ intent: z.literal("propose"), applicationId: z.uuid() });

export const ApplicantActionSchema = z.discriminatedUnion("intent", [ShortlistSchema, DeclineSchema, ProposeSchema], { error: UNKNOWN_BUTTON });
export type ApplicantAction = z.output<typeof ApplicantActionSchema>;

/** What a student reads when applying or withdrawing is refused. */
export const APPLY_ERROR_MESSAGES = {
  not_found: "This slot is not open to applications.",
  closed: "This slot no longer takes applications.",
  deadline_passed: "The application deadline has passed.",
  profile_incomplete: "Complete your profile first: your work authorization, where and when you can work, hours, pay and work modes.",
  authorization: "This slot cannot take your work authorization, so the mentors could not propose a match: see why on this page.",
  already_applied: "You have already applied to this slot.",
  answers_mismatch: "Answer each of the slot's questions.",
  decided: "The mentors have already decided on this application, so it can no longer be withdrawn.",
} as const satisfies Record<ApplyError | WithdrawError, string>;

/** What a mentor reads when a decision is refused. */
export const DECISION_ERROR_MESSAGES = {
  not_found: "This application is not one of your slot's.",
  decided: "This application has already been decided (or withdrawn). Reload the page to see where it is.",
  slot_not_open: "Only an open slot can get a match proposed.",
  profile_incomplete: "The student's profile lacks what matching needs, so a match cannot be proposed yet.",
  not_eligible: "The student does not fit this slot's hard requirements, so a match cannot be proposed.",
  live_match: "This student already has a match with this slot.",
} as const satisfies Record<ProposeError, string>;
