import type { MatchStatus } from "~db/schema";
import { AFTER_START_MATCH_STATUSES, isIn } from "~/domain/vocabulary";
import type { MentorshipSide } from "~/modules/mentorship/access.server";
import type { DocumentKind } from "./content";

// Who may do what with a match's documents, in one place (tested as a table in rules.test.ts).
// Reading follows the mentorship space: the student, the slot's mentors and admins.

type Who = { side: MentorshipSide; status: MatchStatus };

/** The student generates a verification letter once the internship is under way; a certificate of completion once it is completed. */
export const mayGenerateDocument = ({ side, status }: Who, kind: DocumentKind) =>
  side === "student" && (kind === "completion_certificate" ? status === "completed" : isIn(AFTER_START_MATCH_STATUSES, status));

/**
 * One of the slot's mentors reviews and signs a generated document: `slotMentor` says the reader is
 * one of them (Mentorship.mentors — the named mentors, or every member when none is named). Another
 * member of the organization reads it but does not certify an intern they did not supervise; admins read.
 */
export const maySignDocument = ({ side, status }: Who, slotMentor: boolean) => side === "mentor" && slotMentor && isIn(AFTER_START_MATCH_STATUSES, status);

/**
 * An issued document is revoked (it was wrong, or issued in error) by one of the slot's mentors,
 * who certify what it says, or by an admin, who answers for the platform's codes. Never by the
 * student it is about.
 */
export const mayRevokeDocument = ({ side }: Pick<Who, "side">, slotMentor: boolean) => (side === "mentor" && slotMentor) || side === "admin";
