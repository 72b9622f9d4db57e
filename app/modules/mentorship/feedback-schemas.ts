import { z } from "zod";
import { FEEDBACK_ROUNDS } from "~/domain/vocabulary";

// The questions of a feedback round (modelled on Outreachy's), their answers as values, and one
// form schema per side. The words for the values are in feedback-labels.ts.

/** How often something happens: the student's questions about the mentor, and the mentor's about communication. */
export const FEEDBACK_FREQUENCIES = ["always", "usually", "sometimes", "rarely"] as const;
/** How fast the mentor's replies come. */
export const REPLY_SPEEDS = ["same_day", "within_two_days", "within_a_week", "slower"] as const;
/** The student's progress, as the mentor sees it. */
export const PROGRESS_ANSWERS = ["ahead", "on_track", "a_little_behind", "far_behind"] as const;
/** Whether the internship is on track, as the mentor sees it. */
export const ON_TRACK_ANSWERS = ["yes", "partly", "no"] as const;

export const MAX_SUPPORT_HOURS = 40;
export const MAX_FEEDBACK_COMMENT = 5000;

const choose = <T extends readonly [string, ...string[]]>(values: T, missing: string) => z.enum(values, { error: missing });

const round = z.enum(FEEDBACK_ROUNDS, { error: "This round is not one Steppingstone knows. Reload the page and try again." });
const comment = z
  .string()
  .trim()
  .max(MAX_FEEDBACK_COMMENT, `Use at most ${MAX_FEEDBACK_COMMENT.toLocaleString("en-US")} characters`)
  .optional();
/** Unticked sends nothing: not shared, the default. */
const share = z.boolean().optional().default(false);

/** The student's answers about the mentor. */
export const StudentFeedbackSchema = z.object({
  round,
  answersQuestions: choose(FEEDBACK_FREQUENCIES, "Choose how often your mentor answers your questions"),
  helpsWhenStuck: choose(FEEDBACK_FREQUENCIES, "Choose how often your mentor helps when you are stuck"),
  meetsAsAgreed: choose(FEEDBACK_FREQUENCIES, "Choose how often you meet as agreed"),
  supportHours: z
    .number({ error: (issue) => (issue.input === undefined ? "Enter the hours of support you get in a usual week (0 if none)" : "Enter a number of hours, like 2 or 1.5") })
    .min(0, "Hours cannot be negative")
    .max(MAX_SUPPORT_HOURS, `Enter at most ${MAX_SUPPORT_HOURS} hours a week`)
    .multipleOf(0.5, "Round to the half hour, like 1.5"),
  replySpeed: choose(REPLY_SPEEDS, "Choose how fast replies come"),
  comment,
  share,
});

/** A mentor's answers about the internship. */
export const MentorFeedbackSchema = z.object({
  round,
  progress: choose(PROGRESS_ANSWERS, "Choose how the student's progress looks"),
  communication: choose(FEEDBACK_FREQUENCIES, "Choose how often communication works well"),
  onTrack: choose(ON_TRACK_ANSWERS, "Choose whether the internship is on track"),
  comment,
  share,
});

export type StudentFeedbackInput = z.output<typeof StudentFeedbackSchema>;
export type MentorFeedbackInput = z.output<typeof MentorFeedbackSchema>;
export type FeedbackInput = StudentFeedbackInput | MentorFeedbackInput;

/** The stored answers of each side (feedback_answers.answers: every question but the free text). */
export type StudentAnswers = Omit<StudentFeedbackInput, "round" | "comment" | "share">;
export type MentorAnswers = Omit<MentorFeedbackInput, "round" | "comment" | "share">;

/** The questions each side answers, in the order the form asks them (the free text comes last). */
export const STUDENT_QUESTIONS = ["answersQuestions", "helpsWhenStuck", "meetsAsAgreed", "supportHours", "replySpeed"] as const satisfies readonly (keyof StudentAnswers)[];
export const MENTOR_QUESTIONS = ["progress", "communication", "onTrack"] as const satisfies readonly (keyof MentorAnswers)[];
