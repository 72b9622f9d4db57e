import type { FEEDBACK_ROUNDS } from "~/domain/vocabulary";
import type { FEEDBACK_FREQUENCIES, MENTOR_QUESTIONS, ON_TRACK_ANSWERS, PROGRESS_ANSWERS, REPLY_SPEEDS, STUDENT_QUESTIONS } from "./feedback-schemas";

// The words of the feedback rounds: each round, each question, each answer. Safe in the browser.

type FeedbackRound = (typeof FEEDBACK_ROUNDS)[number];

export const FEEDBACK_ROUND_LABELS: Record<FeedbackRound, string> = { midpoint: "Midpoint feedback", final: "Final feedback" };
/** The round inside a sentence ("the midpoint round"). */
export const FEEDBACK_ROUND_WORDS: Record<FeedbackRound, string> = { midpoint: "midpoint", final: "final" };

export const FREQUENCY_LABELS: Record<(typeof FEEDBACK_FREQUENCIES)[number], string> = { always: "Always", usually: "Usually", sometimes: "Sometimes", rarely: "Rarely" };
export const REPLY_SPEED_LABELS: Record<(typeof REPLY_SPEEDS)[number], string> = {
  same_day: "The same day",
  within_two_days: "Within two days",
  within_a_week: "Within a week",
  slower: "Slower than a week",
};
export const PROGRESS_LABELS: Record<(typeof PROGRESS_ANSWERS)[number], string> = {
  ahead: "Ahead of the plan",
  on_track: "On track",
  a_little_behind: "A little behind",
  far_behind: "Far behind",
};
export const ON_TRACK_LABELS: Record<(typeof ON_TRACK_ANSWERS)[number], string> = { yes: "Yes", partly: "Partly", no: "No" };

type Question<Key extends string> = { key: Key; question: string; labels?: Readonly<Record<string, string>> };

/** The student's questions, as asked and as read back. */
export const STUDENT_QUESTION_WORDS: { [K in (typeof STUDENT_QUESTIONS)[number]]: Question<K> } = {
  answersQuestions: { key: "answersQuestions", question: "Does your mentor answer your questions?", labels: FREQUENCY_LABELS },
  helpsWhenStuck: { key: "helpsWhenStuck", question: "Does your mentor help when you are stuck?", labels: FREQUENCY_LABELS },
  meetsAsAgreed: { key: "meetsAsAgreed", question: "Do you meet as you agreed?", labels: FREQUENCY_LABELS },
  supportHours: { key: "supportHours", question: "How many hours of support do you get in a usual week?" },
  replySpeed: { key: "replySpeed", question: "How fast do replies to your questions come?", labels: REPLY_SPEED_LABELS },
};

/** A mentor's questions, as asked and as read back. */
export const MENTOR_QUESTION_WORDS: { [K in (typeof MENTOR_QUESTIONS)[number]]: Question<K> } = {
  progress: { key: "progress", question: "How is the student progressing against the plan?", labels: PROGRESS_LABELS },
  communication: { key: "communication", question: "Does communication with the student work well?", labels: FREQUENCY_LABELS },
  onTrack: { key: "onTrack", question: "Is the internship on track to meet its goals?", labels: ON_TRACK_LABELS },
};

/** An answer as a person reads it: the label of a choice, or the hours. */
export function answerWords(labels: Readonly<Record<string, string>> | undefined, value: string | number | undefined): string {
  if (value === undefined) return "Not answered";
  if (!labels) return `${value} ${value === 1 ? "hour" : "hours"} a week`;
  return Object.hasOwn(labels, String(value)) ? labels[String(value)]! : String(value);
}
