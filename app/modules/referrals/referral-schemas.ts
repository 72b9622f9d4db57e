import { z } from "zod";
import { REFERRAL_METHODS, REFERRAL_OUTCOMES } from "~/domain/vocabulary";
import { UNKNOWN_BUTTON } from "~/forms/gate";
import { isoDate } from "~/modules/profiles/schemas";

// The forms of the referrals pages (/referrals and /referrals/:referralId), one schema per button,
// used by the server (parseForm) and the browser (Conform). The words are in referral-labels.ts.

export const MAX_COMPANY = 200;
export const MAX_ROLE = 200;
export const MAX_POSTING_URL = 2000;
export const MAX_REFERRAL_NOTE = 2000;

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** Which mentor of which internship: `<matchId>:<mentorId>`, one option of the request form's list. */
const ASKED = new RegExp(`^${UUID}:${UUID}$`, "i");

const text = (max: number, missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(max, `Use at most ${max.toLocaleString("en-US")} characters`);

const optionalText = (max: number) => z.string().trim().max(max, `Use at most ${max.toLocaleString("en-US")} characters`).optional();

/** The student asks one of the slot's mentors for a referral to a posting. */
export const RequestReferralSchema = z.object({
  intent: z.literal("request"),
  asked: z.string({ error: "Choose the mentor you ask" }).regex(ASKED, "Choose a mentor from the list"),
  company: text(MAX_COMPANY, "Name the company"),
  role: text(MAX_ROLE, "Name the role, as the posting does"),
  postingUrl: z
    .string({ error: "Paste the link to the job posting" })
    .trim()
    .max(MAX_POSTING_URL, `Use at most ${MAX_POSTING_URL.toLocaleString("en-US")} characters`)
    .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "Paste the posting's address as it appears in your browser, starting with https://" }))
    // why: stored as the browser writes it ("HTTPS://" → "https://", spaces encoded), the form the database's CHECK and every link expect.
    .transform((url) => new URL(url).href),
  note: optionalText(MAX_REFERRAL_NOTE),
});
export type RequestReferralInput = Omit<z.output<typeof RequestReferralSchema>, "intent">;

/** The mentor asked says how and when they referred the student. */
export const AcceptReferralSchema = z
  .object({
    intent: z.literal("accept"),
    method: z.enum(REFERRAL_METHODS, { error: "Choose how you referred them" }),
    methodNote: optionalText(MAX_REFERRAL_NOTE),
    referredOn: z.string({ error: "Enter the day you referred them" }).pipe(isoDate),
  })
  .refine((v) => v.method !== "other" || Boolean(v.methodNote), { path: ["methodNote"], error: "Say how you referred them" });
export type AcceptReferralInput = Omit<z.output<typeof AcceptReferralSchema>, "intent">;

/** The mentor asked declines, with the reason the student reads. */
export const DeclineReferralSchema = z.object({
  intent: z.literal("decline"),
  reason: text(MAX_REFERRAL_NOTE, "Give the student a reason: they read it"),
});

/** Either side says what came of an accepted referral. */
export const ReferralOutcomeSchema = z.object({
  intent: z.literal("outcome"),
  outcome: z.enum(REFERRAL_OUTCOMES, { error: "Choose what happened" }),
});

/** The student takes back a request the mentor has not answered. */
export const WithdrawReferralSchema = z.object({ intent: z.literal("withdraw") });

/** Every form of a referral's page, told apart by its button's intent. */
export const ReferralActionSchema = z.discriminatedUnion(
  "intent",
  [AcceptReferralSchema, DeclineReferralSchema, ReferralOutcomeSchema, WithdrawReferralSchema],
  { error: UNKNOWN_BUTTON },
);
export type ReferralAction = z.output<typeof ReferralActionSchema>;
