import type { MatchStatus } from "~db/schema";
import { FORMER_MENTOR } from "~/domain/names";
import { AFTER_START_MATCH_STATUSES, isIn } from "~/domain/vocabulary";
import type { DeliveryState, LetterState } from "./labels";

// Who may do what with a recommendation letter, in one place (tested as a table in rules.test.ts).
// Who may READ a letter is decided in the SQL of letters.server.ts; these say what a reader may do.

/** Who a reader is to one letter: the student who asked, the mentor asked (its writer), or an admin (reads only). */
export type LetterSide = "student" | "writer" | "admin";

type Letter = { state: LetterState; waived: boolean; revokedAt: Date | string | null };

/** A student asks for a letter from an internship under way or completed. */
export const mayRequestLetter = (status: MatchStatus) => isIn(AFTER_START_MATCH_STATUSES, status);

/** The student reads the letter's text only if they kept the right to (not waived), once it is ready and until it is revoked; its writer and admins always may. */
export function mayReadContent(side: LetterSide, letter: Letter) {
  if (side === "student") return !letter.waived && letter.state === "ready" && !letter.revokedAt;
  return true;
}

/** The writer starts, writes, uploads and marks ready while the letter is asked for or being written. */
export const mayWrite = (side: LetterSide, letter: Pick<Letter, "state">) => side === "writer" && (letter.state === "requested" || letter.state === "writing");

/** The writer declines until the letter is ready. */
export const mayDecline = mayWrite;

/** The writer revokes a ready letter once: every link stops working. */
export const mayRevoke = (side: LetterSide, letter: Letter) => side === "writer" && letter.state === "ready" && !letter.revokedAt;

/** The student takes back a request made by mistake until the letter is ready; after that only its writer revokes it. */
export const mayWithdrawRequest = (side: LetterSide, letter: Pick<Letter, "state">) => side === "student" && (letter.state === "requested" || letter.state === "writing");

/** The student sends a ready letter that is not revoked, to as many recipients as they like (within the daily limit). */
export const maySend = (side: LetterSide, letter: Letter) => side === "student" && letter.state === "ready" && !letter.revokedAt;

/** A recipient's link works while the letter is ready and not revoked, until it expires. */
export function deliveryState(letter: Pick<Letter, "revokedAt">, delivery: { expiresAt: Date | string; firstViewedAt: Date | string | null }, now: Date): DeliveryState {
  if (letter.revokedAt) return "revoked";
  if (new Date(delivery.expiresAt).getTime() <= now.getTime()) return "expired";
  return delivery.firstViewedAt ? "opened" : "sent";
}

/** The writer's name on a letter: as they signed it once ready, else their account's name, else "A former mentor". */
export const writerNameOf = (letter: { writerName: string | null; mentor?: { name: string | null } | null }) => letter.writerName ?? letter.mentor?.name ?? FORMER_MENTOR;

/** Mail providers that ignore dots in the local part, and the names they answer to. */
const DOTLESS_DOMAINS: Record<string, string> = { "gmail.com": "gmail.com", "googlemail.com": "gmail.com" };

/** The mailbox an address reaches, for comparing two addresses: lower case, without a +tag, and without dots where the provider ignores them. */
export function mailboxOf(email: string) {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf("@");
  if (at < 1) return address;
  const domain = DOTLESS_DOMAINS[address.slice(at + 1)] ?? address.slice(at + 1);
  let local = address.slice(0, at).split("+")[0]!;
  if (DOTLESS_DOMAINS[domain]) local = local.replaceAll(".", "");
  return `${local}@${domain}`;
}

/** Whether two addresses reach the same mailbox ("amara+schools@example.edu" is amara@example.edu; "a.okafor@gmail.com" is aokafor@googlemail.com). */
export const sameMailbox = (a: string, b: string) => mailboxOf(a) === mailboxOf(b);

/** A letter's page, for its student, its writer and admins. */
export const letterPath = (letterId: string) => `/letters/${letterId}`;
/** A recipient's page for their delivery (the token is the credential). */
export const deliveryPath = (token: string) => `/letter/${encodeURIComponent(token)}`;

/** How long a recipient's link works. */
export const DELIVERY_LINK_DAYS = 30;
/** Deliveries one student sends in a day, across their letters: enough for an application season, not a mailing list. */
export const DELIVERIES_PER_DAY = 20;
/** The days before the due date on which the writer is reminded. */
export const DUE_REMINDER_DAYS = [7, 1] as const;
/** An uploaded letter's largest size. */
export const MAX_PDF_BYTES = 5 * 1024 * 1024;
/** The largest body an upload of a letter posts (the PDF and the form's few fields): server/body-limit.ts should let it through on LETTER_UPLOAD_PATH. */
export const LETTER_UPLOAD_BODY_BYTES = MAX_PDF_BYTES + 64 * 1024;
/** The letter page, where the writer's upload form posts (with JavaScript, to its `.data` address). */
export const LETTER_UPLOAD_PATH = /^\/letters\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\.data)?$/i;
