import { PDFDict, PDFDocument, PDFName, rgb, StandardFonts } from "pdf-lib";

// An uploaded recommendation letter is the writer's own PDF: it carries no verification footer of
// ours, so one line is stamped at the foot of each page, on a white band so it reads on any page.
// It is also a file we did not make, opened by admissions offices: what would run when it is
// opened (an open action, document or page actions, document JavaScript) is removed before we serve it.

const FONT_SIZE = 7.5;
const MARGIN = 18;

/** Removes the catalog's /OpenAction and /AA, the /Names /JavaScript tree, and each page's /AA: nothing runs when the letter opens. */
function disarm(doc: PDFDocument) {
  const catalog = doc.catalog;
  catalog.delete(PDFName.of("OpenAction"));
  catalog.delete(PDFName.of("AA"));
  catalog.lookupMaybe(PDFName.of("Names"), PDFDict)?.delete(PDFName.of("JavaScript"));
  for (const page of doc.getPages()) page.node.delete(PDFName.of("AA"));
}

/**
 * An uploaded letter as we serve it: disarmed (see disarm) and, once it has a verification code,
 * with "Verification code … Check that this letter is authentic at …" stamped at the foot of every
 * page. Throws on a PDF pdf-lib cannot stamp; checkPdf tries this at upload, so a served letter does not.
 */
export async function preparedUploadedPdf(pdf: Uint8Array, verification: { code: string; url: string } | null): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  disarm(doc);
  if (verification) await stamp(doc, verification);
  return doc.save();
}

async function stamp(doc: PDFDocument, { code, url }: { code: string; url: string }) {
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const line = `Verification code ${code}. Check that this letter is authentic at ${url}`;
  for (const page of doc.getPages()) {
    const box = page.getCropBox();
    const rotation = page.getRotation().angle % 360;
    // why: text is drawn in the page's unrotated space; a rotated page (rare for a letter) still gets the line along one edge.
    const width = rotation === 90 || rotation === 270 ? box.height : box.width;
    const size = Math.min(FONT_SIZE, ((width - 2 * MARGIN) / font.widthOfTextAtSize(line, FONT_SIZE)) * FONT_SIZE);
    const textWidth = font.widthOfTextAtSize(line, size);
    const x = box.x + Math.max(MARGIN, (box.width - textWidth) / 2);
    const y = box.y + MARGIN / 2;
    page.drawRectangle({ x: x - 4, y: y - 3, width: textWidth + 8, height: size + 6, color: rgb(1, 1, 1), opacity: 0.9 });
    page.drawText(line, { x, y, size, font, color: rgb(0.28, 0.33, 0.41) });
  }
}
