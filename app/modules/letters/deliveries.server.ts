import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { createElement } from "react";
import { transaction, type Db } from "~db/client.server";
import { letterDeliveries, letterViews, matches, organizations, recommendationLetters, slots, users } from "~db/schema";
import LetterDelivery, { letterDeliverySubject } from "~emails/letter-delivery";
import { generateToken, parseToken, secretMatches } from "~/auth/tokens.server";
import { absoluteUrl } from "~/env.server";
import { queueEmail } from "~/mail/outbox.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { isPersonsClick } from "~/modules/mentorship/outcomes.server";
import { formatDateTime } from "~/components/format";
import { letterPurposeForRecipient } from "./labels";
import { findLetter, lettersQuery, type LetterContent, type LetterRow, type Viewer } from "./letters.server";
import { DELIVERIES_PER_DAY, DELIVERY_LINK_DAYS, deliveryPath, maySend, sameMailbox, writerNameOf } from "./rules";
import type { SendLetterInput } from "./schemas";
import { DAY_MS } from "~/domain/time";

// Delivering a ready letter: the student names a recipient; the recipient gets an email with a
// link of their own (an unguessable token, app/auth/tokens.server.ts: only its id and the hash of
// its secret are stored) that opens the letter without an account for DELIVERY_LINK_DAYS days,
// until the writer revokes the letter. Each time the recipient opens the letter is recorded.


/** The path of a recipient's link. */

export type SendResult = { ok: true; deliveryId: string } | { ok: false; error: "not_found" | "not_student" | "not_ready" | "own_address" | "daily_limit" };

/**
 * The student sends their ready letter to one recipient: a delivery with a fresh link, the email
 * to the recipient (the link, never the text), and the audit entry, in one transaction. At most
 * DELIVERIES_PER_DAY a day per student, across their letters; never to the student's own mailbox
 * (sameMailbox: with a +tag, or a Gmail address without its dots, too) — a waived letter would
 * reach its student that way.
 */
export async function sendLetter(db: Db, { viewer, letterId, input, now = new Date() }: { viewer: Viewer; letterId: string; input: SendLetterInput; now?: Date }): Promise<SendResult> {
  return transaction(db, async (tx): Promise<SendResult> => {
    const letter = await findLetter(tx, viewer, letterId, { lock: true });
    if (!letter) return { ok: false, error: "not_found" };
    if (letter.side !== "student") return { ok: false, error: "not_student" };
    if (!maySend(letter.side, letter)) return { ok: false, error: "not_ready" };
    if (sameMailbox(input.recipientEmail, letter.student.email)) return { ok: false, error: "own_address" };
    // why: the student's match rows are locked one letter at a time; the count may race by one between two letters, which is harmless.
    const since = new Date(now.getTime() - DAY_MS).toISOString();
    const [sentToday] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(letterDeliveries)
      .innerJoin(recommendationLetters, eq(recommendationLetters.id, letterDeliveries.letterId))
      .innerJoin(matches, eq(matches.id, recommendationLetters.matchId))
      .where(and(eq(matches.studentId, viewer.id), gt(letterDeliveries.sentAt, sql`${since}::timestamptz`)));
    if ((sentToday?.n ?? 0) >= DELIVERIES_PER_DAY) return { ok: false, error: "daily_limit" };

    const token = generateToken();
    const expiresAt = new Date(now.getTime() + DELIVERY_LINK_DAYS * DAY_MS);
    const [delivery] = await tx
      .insert(letterDeliveries)
      .values({
        letterId: letter.id,
        recipientName: input.recipientName,
        recipientEmail: input.recipientEmail,
        message: input.message,
        tokenId: token.id,
        secretHash: token.secretHash,
        sentAt: now,
        expiresAt,
      })
      .returning({ id: letterDeliveries.id });
    const emailId = await queueEmail(tx, {
      template: "letter-delivery",
      to: [input.recipientEmail],
      subject: letterDeliverySubject(letter.student.name, writerNameOf(letter)),
      // why: the student's: deleted with their account, like the letter itself.
      userId: letter.student.id,
      body: createElement(LetterDelivery, {
        recipientName: input.recipientName,
        studentName: letter.student.name,
        writerName: writerNameOf(letter),
        writerTitle: letter.writerTitle,
        organizationName: letter.organizationName,
        purpose: letterPurposeForRecipient(letter),
        message: input.message,
        waived: letter.waived,
        expiresOn: formatDateTime(expiresAt),
        letterUrl: absoluteUrl(deliveryPath(token.token)),
      }),
    });
    await tx.update(letterDeliveries).set({ emailId }).where(eq(letterDeliveries.id, delivery!.id));
    await recordAudit(tx, { actorId: viewer.id, action: "letter.sent", subjectType: "match", subjectId: letter.matchId, detail: { letterId: letter.id, deliveryId: delivery!.id } });
    return { ok: true, deliveryId: delivery!.id };
  });
}

/** What a recipient's page says: who the letter is for and from whom — nothing of the student's account. */
export type RecipientView = {
  recipientName: string;
  studentName: string;
  writerName: string;
  writerTitle: string | null;
  organizationName: string;
  /** What the letter is for, after "for" (letterPurposeForRecipient). */
  purpose: string;
  message: string | null;
  waived: boolean;
  sentAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  verificationCode: string | null;
};

export type OpenedDelivery =
  | { state: "invalid" }
  | { state: "expired" | "revoked"; view: RecipientView }
  | { state: "open"; view: RecipientView; deliveryId: string; letterId: string };

/**
 * The delivery a recipient's link names, checked: a token that is malformed, unknown, or whose
 * secret does not match is "invalid" (a 404, as every wrong token is); a revoked letter or an
 * expired link says so. Reads only; opening the letter is recorded by recordView.
 */
export async function openDelivery(db: Db, token: string, now = new Date()): Promise<OpenedDelivery> {
  const parsed = parseToken(token);
  if (!parsed) return { state: "invalid" };
  const [row] = await db
    .select({
      delivery: letterDeliveries,
      letterId: recommendationLetters.id,
      state: recommendationLetters.state,
      purpose: recommendationLetters.purpose,
      purposeDetail: recommendationLetters.purposeDetail,
      waived: recommendationLetters.waived,
      writerName: recommendationLetters.writerName,
      writerTitle: recommendationLetters.writerTitle,
      verificationCode: recommendationLetters.verificationCode,
      revokedAt: recommendationLetters.revokedAt,
      organizationName: organizations.name,
      studentName: users.name,
    })
    .from(letterDeliveries)
    .innerJoin(recommendationLetters, eq(recommendationLetters.id, letterDeliveries.letterId))
    .innerJoin(matches, eq(matches.id, recommendationLetters.matchId))
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .innerJoin(users, eq(users.id, matches.studentId))
    .where(eq(letterDeliveries.tokenId, parsed.id));
  if (!row || !secretMatches(row.delivery.secretHash, parsed.secret)) return { state: "invalid" };
  const view: RecipientView = {
    recipientName: row.delivery.recipientName,
    studentName: row.studentName,
    // why: a delivered letter is ready, and a ready letter carries the name its writer signed.
    writerName: writerNameOf(row),
    writerTitle: row.writerTitle,
    organizationName: row.organizationName,
    purpose: letterPurposeForRecipient(row),
    message: row.delivery.message,
    waived: row.waived,
    sentAt: row.delivery.sentAt,
    expiresAt: row.delivery.expiresAt,
    revokedAt: row.revokedAt,
    verificationCode: row.verificationCode,
  };
  if (row.revokedAt || row.state !== "ready") return { state: "revoked", view };
  if (row.delivery.expiresAt.getTime() <= now.getTime()) return { state: "expired", view };
  return { state: "open", view, deliveryId: row.delivery.id, letterId: row.letterId };
}

/**
 * Records that the recipient opened the letter — a person's browser (isPersonsClick), not a link
 * scanner or a HEAD — as a view, and the delivery's first view and count, in one transaction.
 */
export async function recordView(db: Db, deliveryId: string, { method, userAgent, now = new Date() }: { method: string; userAgent: string | null; now?: Date }) {
  if (!isPersonsClick(method, userAgent)) return false;
  await transaction(db, async (tx) => {
    await tx.insert(letterViews).values({ deliveryId, viewedAt: now });
    await tx
      .update(letterDeliveries)
      .set({ viewCount: sql`${letterDeliveries.viewCount} + 1`, firstViewedAt: sql`coalesce(${letterDeliveries.firstViewedAt}, ${now.toISOString()}::timestamptz)` })
      .where(eq(letterDeliveries.id, deliveryId));
  });
  return true;
}

/**
 * The letter and its text for a recipient, by the delivery their checked link names (openDelivery):
 * the link is the credential, so the query is scoped to that one delivery, while it is open.
 */
export async function deliveredLetter(db: Db, deliveryId: string, now = new Date()): Promise<{ letter: LetterRow; content: LetterContent } | null> {
  const open = and(
    eq(letterDeliveries.id, deliveryId),
    eq(recommendationLetters.state, "ready"),
    isNull(recommendationLetters.revokedAt),
    gt(letterDeliveries.expiresAt, now),
  );
  const [letter] = await lettersQuery(db).innerJoin(letterDeliveries, eq(letterDeliveries.letterId, recommendationLetters.id)).where(open);
  if (!letter) return null;
  const [content] = await db
    .select({ format: recommendationLetters.format, body: recommendationLetters.body, pdf: recommendationLetters.pdf, pdfName: recommendationLetters.pdfName })
    .from(recommendationLetters)
    .innerJoin(letterDeliveries, eq(letterDeliveries.letterId, recommendationLetters.id))
    .where(open);
  return content ? { letter, content } : null;
}
