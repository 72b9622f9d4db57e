import { z } from "zod";
import { LETTER_PURPOSES } from "~/domain/vocabulary";
import { UNKNOWN_BUTTON } from "~/forms/gate";
import { addDays } from "~/modules/mentorship/weeks";
import { isCalendarDate } from "~/modules/slots/rules";

// The forms of recommendation letters, one schema per form (or per button of a page), used by the
// routes and the browser (Conform). The words of states and purposes are in labels.ts.

export const MAX_PURPOSE_DETAIL = 200;
export const MAX_REQUEST_NOTE = 2000;
export const MAX_TITLE = 120;
export const MAX_BODY = 20_000;
export const MAX_REASON = 1000;
export const MAX_RECIPIENT_NAME = 200;
export const MAX_DELIVERY_MESSAGE = 1000;
/** How far ahead a due date may be. */
export const MAX_DUE_DAYS = 730;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "<matchId>.<mentorId>": one mentor of one of the student's internships, as the request form's choices carry it. */
export const askValue = (matchId: string, mentorId: string) => `${matchId}.${mentorId}`;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max.toLocaleString("en-US")} characters`)
    .optional()
    .transform((v) => v || null);

/** The student's request; `today` (YYYY-MM-DD) bounds the due date. */
export function requestLetterSchema(today: string) {
  return z
    .object({
      ask: z
        .string({ error: "Choose the mentor to ask" })
        .refine((v) => {
          const [match, mentor, ...rest] = v.split(".");
          return rest.length === 0 && UUID.test(match ?? "") && UUID.test(mentor ?? "");
        }, "Choose one of the mentors listed")
        .transform((v) => {
          const [matchId, mentorId] = v.split(".");
          return { matchId: matchId!, mentorId: mentorId! };
        }),
      purpose: z.enum(LETTER_PURPOSES, { error: "Choose what the letter is for" }),
      purposeDetail: optionalText(MAX_PURPOSE_DETAIL),
      dueDate: z
        .string({ error: "Choose the date you need the letter by" })
        .refine(isCalendarDate, "Enter the date as a date, like 2027-01-15")
        .refine((d) => d > today, "Choose a date after today: your mentor needs time to write")
        .refine((d) => d <= addDays(today, MAX_DUE_DAYS), "Choose a date within the next two years"),
      requestNote: optionalText(MAX_REQUEST_NOTE),
      waiver: z.enum(["waive", "keep"], { error: "Choose whether you waive your right to read the letter" }),
    })
    .refine((v) => v.purpose !== "program" || Boolean(v.purposeDetail), {
      path: ["purposeDetail"],
      message: "Name the program, school or scholarship",
      // why: said with the form's other messages, not only once they are fixed.
      when: ({ value }) => typeof value === "object" && value !== null && (value as { purpose?: unknown }).purpose === "program",
    });
}
export type RequestLetterInput = z.output<ReturnType<typeof requestLetterSchema>>;

const writerTitle = z
  .string({ error: "Write your title as it should appear under your name" })
  .trim()
  .min(2, "Write your title as it should appear under your name")
  .max(MAX_TITLE, `Use at most ${MAX_TITLE} characters`);

const reason = (what: string) =>
  z
    .string({ error: what })
    .trim()
    .min(3, what)
    .max(MAX_REASON, `Use at most ${MAX_REASON.toLocaleString("en-US")} characters`);

/** The writer's page: one form per button. A draft may be short; marking ready checks the text in the module. */
export const WriterActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("start") }),
    z.object({
      intent: z.enum(["save", "ready"]),
      writerTitle,
      body: z
        .string({ error: "Write the letter: paragraphs separated by a blank line" })
        .trim()
        .min(1, "Write the letter: paragraphs separated by a blank line")
        .max(MAX_BODY, `Use at most ${MAX_BODY.toLocaleString("en-US")} characters`),
    }),
    z.object({ intent: z.literal("ready_upload"), writerTitle }),
    z.object({ intent: z.literal("decline"), declineReason: reason("Say why, in a sentence: the student reads it") }),
    z.object({ intent: z.literal("revoke"), confirm: z.literal("on", { error: "Tick the box to confirm: every link stops working" }) }),
  ],
  { error: UNKNOWN_BUTTON },
);
export type WriterAction = z.output<typeof WriterActionSchema>;

/** The student withdraws a request made by mistake (before the letter is ready). */
export const WithdrawRequestSchema = z.object({
  intent: z.literal("withdraw", { error: UNKNOWN_BUTTON }),
  confirm: z.literal("on", { error: "Tick the box to confirm: your mentor is told, and the request is deleted" }),
});

/** The upload form (multipart): the PDF itself is checked in the module (type by its bytes, size, readable). */
export const UploadSchema = z.object({ intent: z.literal("upload", { error: UNKNOWN_BUTTON }), writerTitle });

/** The student sends a ready letter to one recipient. */
export const SendLetterSchema = z.object({
  intent: z.literal("send", { error: UNKNOWN_BUTTON }),
  recipientName: z
    .string({ error: "Write the recipient's name, or the office's" })
    .trim()
    .min(2, "Write the recipient's name, or the office's")
    .max(MAX_RECIPIENT_NAME, `Use at most ${MAX_RECIPIENT_NAME} characters`),
  recipientEmail: z
    .string({ error: "Enter the recipient's email address" })
    .trim()
    .toLowerCase()
    .max(254, "That email address is too long")
    .pipe(z.email({ error: "Enter a valid email address, like admissions@example.edu" })),
  message: optionalText(MAX_DELIVERY_MESSAGE),
});
export type SendLetterInput = z.output<typeof SendLetterSchema>;
