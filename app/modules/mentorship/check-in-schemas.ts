import { z } from "zod";
import { UNKNOWN_BUTTON } from "~/forms/gate";

// The forms of the check-ins page (/matches/:matchId/check-ins), one schema per button, used by
// the server (parseForm) and the browser (Conform). The database holds the same ranges (check_ins CHECKs).

/** A week's hours worked: a full-time week and then some, never more. */
export const MAX_HOURS_WORKED = 80;
/** Mentor time in a week, received or given. */
export const MAX_MENTOR_HOURS = 40;
/** The longest answer a check-in or a reply takes. */
export const MAX_CHECK_IN_TEXT = 4000;
/** The highest week number any internship has (the database's own limit). */
export const MAX_WEEK = 104;

/** Hours keep one decimal (numeric(4,1)): 7.5 is fine, 7.25 is refused rather than rounded behind the person's back. */
export const hasOneDecimal = (value: number) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-6;

/**
 * Hours as typed: "12.5" or, with a decimal comma, "12,5" (the form is a text field, since a
 * number field drops the comma in some browsers and reads 125). Anything else passes unchanged
 * and the number schema refuses it.
 */
export const readDecimalComma = (value: unknown) => (typeof value === "string" && /^\s*-?\d*,\d+\s*$/.test(value) ? value.replace(",", ".") : value);

const hours = (max: number, missing: string) =>
  z.preprocess(
    readDecimalComma,
    z
      .number({
        error: (issue) => (issue.input === undefined ? missing : "Enter a number of hours, like 7.5"),
      })
      .min(0, "Hours cannot be negative")
      .max(max, `Enter at most ${max} hours for a week`)
      .refine(hasOneDecimal, "Use at most one decimal, like 7.5"),
  );

const text = (missing: string) =>
  z
    .string({ error: missing })
    .min(1, missing)
    .max(MAX_CHECK_IN_TEXT, `Use at most ${MAX_CHECK_IN_TEXT.toLocaleString("en-US")} characters`);

/** The student's check-in for one week (a new one, or an edit of one no mentor has answered yet). */
export const WriteCheckInSchema = z.object({
  intent: z.literal("write"),
  week: z
    .number({
      error: (issue) => (issue.input === undefined ? "Choose the week this check-in is for" : "Choose a week from the list"),
    })
    .int("Choose a week from the list")
    .min(1, "Choose a week from the list")
    .max(MAX_WEEK, "Choose a week from the list"),
  done: text("Say what you did this week, even briefly"),
  next: text("Say what you plan to do next"),
  blockers: z
    .string()
    .max(MAX_CHECK_IN_TEXT, `Use at most ${MAX_CHECK_IN_TEXT.toLocaleString("en-US")} characters`)
    .optional(),
  hoursWorked: hours(MAX_HOURS_WORKED, "Enter the hours you worked this week (0 if none)"),
  mentorHoursReceived: hours(MAX_MENTOR_HOURS, "Enter the time your mentors gave you this week, in hours (0 if none)"),
});
export type CheckInInput = Omit<z.output<typeof WriteCheckInSchema>, "intent">;

/** A mentor's reply to a check-in, with the mentor time they gave that week. */
export const ReplyToCheckInSchema = z.object({
  intent: z.literal("reply"),
  checkInId: z.uuid({
    error: "This check-in is not one this page shows. Reload the page and try again.",
  }),
  reply: text("Write a reply: the student reads it"),
  mentorHoursGiven: hours(MAX_MENTOR_HOURS, "Enter the time you and the other mentors gave this week, in hours (0 if none)"),
});
export type CheckInReplyInput = Omit<z.output<typeof ReplyToCheckInSchema>, "intent" | "checkInId">;

/** Every form the check-ins page posts, told apart by its button's intent. */
export const CheckInActionSchema = z.discriminatedUnion("intent", [WriteCheckInSchema, ReplyToCheckInSchema], { error: UNKNOWN_BUTTON });
export type CheckInAction = z.output<typeof CheckInActionSchema>;
