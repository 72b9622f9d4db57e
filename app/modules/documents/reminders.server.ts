import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { createElement } from "react";
import { transaction, type Db } from "~db/client.server";
import { issuedDocuments, matches, slots, users } from "~db/schema";
import DocumentUnsigned, { documentUnsignedSubject } from "~emails/document-unsigned";
import { AFTER_START_MATCH_STATUSES } from "~/domain/vocabulary";
import { firstName } from "~/domain/names";
import { absoluteUrl } from "~/env.server";
import { remind } from "~/modules/mentorship/remind.server";
import { REMINDER_WINDOW_DAYS } from "~/modules/mentorship/reminders.server";
import { dayIn } from "~/modules/slots/access.server";
import { slotMentorRecipients } from "~/modules/slots/slots.server";
import { longDay } from "./content";
import { documentsPath } from "./documents.server";
import { A_DOCUMENT_KIND, DOCUMENT_KIND_WORDS } from "./labels";
import { DAY_MS } from "~/domain/time";

// The sweep's step for documents (issue 14): a verification letter or certificate the student
// generated waits for a mentor's signature; the slot's mentors were emailed then. If it is still
// unsigned a week later, each of them is reminded once (remind()'s ledger, per document and mentor).

/** How long after a document was generated its mentors are reminded, if nobody signed it. */
export const DOCUMENT_UNSIGNED_REMINDER_DAYS = 7;


/**
 * To each of the slot's mentors (the named ones, or every member when none is named — those who
 * may sign): a document still unsigned DOCUMENT_UNSIGNED_REMINDER_DAYS after it was first generated,
 * while the internship is under way or completed. A sweep that was down still sends it within
 * REMINDER_WINDOW_DAYS; never later. Returns how many reminders were written.
 */
export async function documentSignatureReminders(db: Db, now: Date): Promise<number> {
  const newest = new Date(now.getTime() - DOCUMENT_UNSIGNED_REMINDER_DAYS * DAY_MS);
  const oldest = new Date(now.getTime() - (DOCUMENT_UNSIGNED_REMINDER_DAYS + REMINDER_WINDOW_DAYS) * DAY_MS);
  const rows = await db
    .select({
      documentId: issuedDocuments.id,
      kind: issuedDocuments.kind,
      createdAt: issuedDocuments.createdAt,
      matchId: matches.id,
      slotId: slots.id,
      organizationId: slots.organizationId,
      slotTitle: slots.title,
      timezone: slots.timezone,
      studentName: users.name,
    })
    .from(issuedDocuments)
    .innerJoin(matches, eq(matches.id, issuedDocuments.matchId))
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(users, eq(users.id, matches.studentId))
    .where(
      and(
        isNull(issuedDocuments.issuedAt),
        inArray(matches.status, AFTER_START_MATCH_STATUSES),
        sql`${issuedDocuments.createdAt} > ${oldest.toISOString()}::timestamptz and ${issuedDocuments.createdAt} <= ${newest.toISOString()}::timestamptz`,
      ),
    );

  let written = 0;
  for (const row of rows) {
    try {
      written += await transaction(db, async (tx) => {
        const url = `${absoluteUrl(documentsPath(row.matchId))}#document-${row.documentId}`;
        const generatedOn = longDay(dayIn(row.timezone ?? "UTC", row.createdAt));
        const mentors = await slotMentorRecipients(tx, { id: row.slotId, organizationId: row.organizationId });
        let sent = 0;
        for (const mentor of mentors) {
          const result = await remind(
            tx,
            {
              kind: "document_unsigned",
              eventKey: `${row.documentId}:unsigned`,
              user: mentor,
              matchId: row.matchId,
              summary: `${row.studentName}'s ${DOCUMENT_KIND_WORDS[row.kind]} for “${row.slotTitle}” has waited a week for your signature.`,
              url,
              email: () => ({
                template: "document-unsigned",
                subject: documentUnsignedSubject(row.studentName, row.kind),
                body: createElement(DocumentUnsigned, {
                  name: firstName(mentor.name),
                  studentName: row.studentName,
                  aDocument: A_DOCUMENT_KIND[row.kind],
                  slotTitle: row.slotTitle,
                  generatedOn,
                  documentsUrl: url,
                }),
              }),
            },
            now,
          );
          if (result !== "already") sent++;
        }
        return sent;
      });
    } catch (error) {
      console.error("[sweep] document signatures: one reminder failed", error);
    }
  }
  return written;
}
