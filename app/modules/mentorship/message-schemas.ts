import { z } from "zod";

// The thread's form (/matches/:matchId/messages), used by the server and the browser (Conform).

/** The longest message the thread takes (the table's CHECK says the same). */
export const MAX_MESSAGE_LENGTH = 5000;

export const PostMessageSchema = z.object({
  body: z
    .string({ error: "Write your message first" })
    .trim()
    .min(1, "Write your message first")
    .max(MAX_MESSAGE_LENGTH, `Use at most ${MAX_MESSAGE_LENGTH.toLocaleString("en-US")} characters`),
});
export type PostMessageInput = z.infer<typeof PostMessageSchema>;

/** How many of the newest messages the page shows at first; "Show earlier messages" adds as many again. */
export const THREAD_PAGE = 50;
/** The most a page shows at once, however the address asks. */
export const THREAD_MAX_SHOWN = 5000;

/** How many messages the address (`?show=`) asks to see: a whole number from THREAD_PAGE up, or THREAD_PAGE. */
export function shownFrom(params: URLSearchParams): number {
  const raw = params.get("show") ?? "";
  const n = /^\d{1,6}$/.test(raw) ? Number(raw) : THREAD_PAGE;
  return Math.min(THREAD_MAX_SHOWN, Math.max(THREAD_PAGE, n));
}

/** Why a reader may not write on the thread: an admin reads only; a match not going ahead is closed. */
export type ThreadReadOnly = "admin" | "closed";
