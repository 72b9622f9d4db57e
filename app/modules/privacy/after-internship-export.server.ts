import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "~db/client.server";
import { letterDeliveries, matches, organizations, recommendationLetters, referrals, slots, users } from "~db/schema";
import { firstName } from "~/domain/names";
import { documentsForExport, documentsSignedForExport } from "~/modules/documents/export.server";
import { declineLettersOfDeletedMentor } from "~/modules/letters/letters.server";
import { deliveryState } from "~/modules/letters/rules";
import { declineReferralsOfDeletedMentor } from "~/modules/referrals/referrals.server";

// What the internship left in the data export (issue 14; docs/decisions/017-letters-referrals-and-documents.md):
// recommendation letters, referrals and issued documents, for the student and for the mentor.
// A confidential letter (the student waived the right to read it) appears in the student's file
// as existing and delivered — never its text or its PDF.

/** How the export names a mentor whose account is gone (mid-sentence, so lower case). */
export const FORMER_MENTOR_IN_EXPORT = "a former mentor";

const mentor = alias(users, "letter_mentor");
const student = alias(users, "letter_student");

/** The match's slot and organization, to say which internship a row belongs to. */
const PLACE = { slot: slots.title, organization: organizations.name };

/** The student's letters, referrals and documents: everything the student may read of them. */
export async function afterInternshipForStudent(db: Db, studentId: string, now = new Date()) {
  const ofStudent = eq(matches.studentId, studentId);
  const [letterRows, referralRows, documentRows] = await Promise.all([
    db
      .select({ ...PLACE, letter: recommendationLetters, mentorName: mentor.name })
      .from(recommendationLetters)
      .innerJoin(matches, eq(matches.id, recommendationLetters.matchId))
      .innerJoin(slots, eq(slots.id, matches.slotId))
      .innerJoin(organizations, eq(organizations.id, slots.organizationId))
      .leftJoin(mentor, eq(mentor.id, recommendationLetters.mentorId))
      .where(ofStudent)
      .orderBy(asc(recommendationLetters.createdAt)),
    db
      .select({ ...PLACE, referral: referrals, mentorName: mentor.name })
      .from(referrals)
      .innerJoin(matches, eq(matches.id, referrals.matchId))
      .innerJoin(slots, eq(slots.id, matches.slotId))
      .innerJoin(organizations, eq(organizations.id, slots.organizationId))
      .leftJoin(mentor, eq(mentor.id, referrals.mentorId))
      .where(ofStudent)
      .orderBy(asc(referrals.createdAt)),
    documentsForExport(db, studentId),
  ]);
  const letterIds = letterRows.map((r) => r.letter.id);
  const deliveryRows = letterIds.length
    ? await db.select().from(letterDeliveries).where(inArray(letterDeliveries.letterId, letterIds)).orderBy(asc(letterDeliveries.sentAt))
    : [];

  return {
    recommendationLetters: letterRows.map(({ letter: l, mentorName, ...place }) => ({
      ...place,
      mentor: l.writerName ?? mentorName ?? FORMER_MENTOR_IN_EXPORT,
      purpose: l.purpose,
      purposeDetail: l.purposeDetail,
      dueDate: l.dueDate,
      waivedRightToRead: l.waived,
      yourNote: l.requestNote,
      state: l.state,
      askedAt: l.createdAt,
      readyAt: l.readyAt,
      declinedAt: l.declinedAt,
      declineReason: l.declineReason,
      revokedAt: l.revokedAt,
      // why: with its code, a student could pass their own text off as the confidential letter (/verify would call it authentic).
      verificationCode: l.waived ? null : l.verificationCode,
      // why: a waived letter is confidential: its student never reads it, here either; a revoked one they no longer read (as on its page).
      letter: l.waived
        ? "Confidential: you waived the right to read this letter, so its text is not included."
        : l.state !== "ready" || l.revokedAt
          ? null
          : l.format === "uploaded"
            ? "An uploaded PDF: open it from the letter's page on Steppingstone."
            : l.body,
      deliveries: deliveryRows
        .filter((d) => d.letterId === l.id)
        .map((d) => ({
          recipientName: d.recipientName,
          recipientEmail: d.recipientEmail,
          yourMessage: d.message,
          sentAt: d.sentAt,
          expiresAt: d.expiresAt,
          firstOpenedAt: d.firstViewedAt,
          timesOpened: d.viewCount,
          state: deliveryState(l, d, now),
        })),
    })),
    referrals: referralRows.map(({ referral: r, mentorName, ...place }) => ({
      ...place,
      mentor: mentorName ?? FORMER_MENTOR_IN_EXPORT,
      company: r.company,
      role: r.role,
      postingUrl: r.postingUrl,
      yourNote: r.note,
      state: r.state,
      method: r.method,
      methodNote: r.methodNote,
      referredOn: r.referredOn,
      declineReason: r.declineReason,
      outcome: r.outcome,
      askedAt: r.createdAt,
      lastUpdateAt: r.lastUpdateAt,
    })),
    documents: documentRows,
  };
}

/**
 * What a mentor wrote or did for their interns after the internship: the letters they were asked
 * for (with the text they wrote — never the student's recipients), the referrals they were asked
 * for, and the documents they signed. The intern is named by first name only.
 */
export async function afterInternshipForMentor(db: Db, mentorId: string) {
  const notTheirOwn = ne(matches.studentId, mentorId);
  const [letterRows, referralRows, documentRows] = await Promise.all([
    db
      .select({ ...PLACE, letter: recommendationLetters, student: student.name })
      .from(recommendationLetters)
      .innerJoin(matches, eq(matches.id, recommendationLetters.matchId))
      .innerJoin(slots, eq(slots.id, matches.slotId))
      .innerJoin(organizations, eq(organizations.id, slots.organizationId))
      .innerJoin(student, eq(student.id, matches.studentId))
      .where(and(notTheirOwn, eq(recommendationLetters.mentorId, mentorId)))
      .orderBy(asc(recommendationLetters.createdAt)),
    db
      .select({ ...PLACE, referral: referrals, student: student.name })
      .from(referrals)
      .innerJoin(matches, eq(matches.id, referrals.matchId))
      .innerJoin(slots, eq(slots.id, matches.slotId))
      .innerJoin(organizations, eq(organizations.id, slots.organizationId))
      .innerJoin(student, eq(student.id, matches.studentId))
      .where(and(notTheirOwn, eq(referrals.mentorId, mentorId)))
      .orderBy(asc(referrals.createdAt)),
    documentsSignedForExport(db, mentorId),
  ]);
  return {
    lettersYouWereAskedFor: letterRows.map(({ letter: l, student: name, ...place }) => ({
      ...place,
      student: firstName(name),
      purpose: l.purpose,
      purposeDetail: l.purposeDetail,
      dueDate: l.dueDate,
      confidential: l.waived,
      state: l.state,
      yourName: l.writerName,
      yourTitle: l.writerTitle,
      letter: l.format === "uploaded" ? "An uploaded PDF." : l.body,
      declineReason: l.declineReason,
      readyAt: l.readyAt,
      revokedAt: l.revokedAt,
    })),
    referralsYouWereAskedFor: referralRows.map(({ referral: r, student: name, ...place }) => ({
      ...place,
      student: firstName(name),
      company: r.company,
      role: r.role,
      state: r.state,
      method: r.method,
      methodNote: r.methodNote,
      referredOn: r.referredOn,
      declineReason: r.declineReason,
      outcome: r.outcome,
    })),
    documentsYouSigned: documentRows,
  };
}

/**
 * Before a mentor's account goes: the letters and referrals they were asked for and had not
 * answered are declined (so their students can ask another mentor; each student is emailed), and
 * an unfinished letter's draft, their own words, is erased. Ready letters stay with their
 * students, signed as written; referrals they made stay, and so do documents they signed. Call
 * inside the deletion's transaction.
 */
export async function releaseMentorRequests(tx: Db, mentorId: string, now: Date) {
  await declineLettersOfDeletedMentor(tx, mentorId, now);
  await declineReferralsOfDeletedMentor(tx, mentorId, now);
}
