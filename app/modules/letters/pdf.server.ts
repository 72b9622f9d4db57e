import { createElement } from "react";
import RecommendationLetterDocument from "~documents/recommendation-letter";
import { renderPdf } from "~documents/render.server";
import { preparedUploadedPdf } from "~documents/stamp.server";
import { absoluteUrl } from "~/env.server";
import { verifyPath } from "~/modules/documents/codes";
import { formatDay } from "~/modules/slots/format";
import { organizationPlace } from "~/modules/organizations/place";
import { internshipDates, type LetterContent, type LetterRow } from "./letters.server";
import { writerNameOf } from "./rules";

/** The file name a letter's PDF is served under. */
export const letterFileName = (studentName: string) => `Recommendation for ${studentName}.pdf`;

/**
 * The PDF of a ready letter: written in the app, rendered with the organization's letterhead;
 * uploaded, the writer's PDF with the verification line stamped on each page, and whatever would
 * run when it opens removed. Null when there is nothing to show (a draft without text). A draft (no
 * code yet) is the writer's preview: no stamp.
 */
export async function letterPdf(letter: LetterRow, content: LetterContent): Promise<Uint8Array | null> {
  const code = letter.verificationCode;
  const verification = code ? { code, url: absoluteUrl(verifyPath(code)) } : null;
  if (content.format === "uploaded") {
    if (!content.pdf) return null;
    return preparedUploadedPdf(content.pdf, verification);
  }
  if (!content.body) return null;
  return renderPdf(
    createElement(RecommendationLetterDocument, {
      organizationName: letter.organizationName,
      organizationPlace: organizationPlace({ city: letter.organizationCity, country: letter.organizationCountry }),
      writerName: writerNameOf(letter),
      writerTitle: letter.writerTitle ?? "",
      studentName: letter.student.name,
      slotTitle: letter.slotTitle,
      internshipDates: internshipDates(letter) ?? "",
      body: content.body,
      dated: formatDay((letter.readyAt ?? new Date()).toISOString().slice(0, 10)),
      verification,
    }),
  );
}
