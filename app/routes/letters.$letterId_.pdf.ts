import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~db/client.server";
import { pdfResponse } from "~documents/render.server";
import { requireUser } from "~/auth/guards.server";
import { findLetter, readLetterContent } from "~/modules/letters/letters.server";
import { letterFileName, letterPdf } from "~/modules/letters/pdf.server";
import { notFound } from "~/responses.server";

// A letter's PDF for a signed-in reader who may read its text (readLetterContent's scope, in SQL):
// its writer (also a draft, as a preview), admins, and its student only for a ready letter they
// did not waive. Everyone else, a waived letter's student included, gets the same 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const viewer = { id: user.id, role: user.role };
  const db = getDb();
  const letter = await findLetter(db, viewer, params.letterId ?? "");
  const content = letter ? await readLetterContent(db, viewer, letter.id) : null;
  const pdf = letter && content ? await letterPdf(letter, content) : null;
  if (!letter || !pdf) throw notFound();
  return pdfResponse(pdf, letterFileName(letter.student.name));
}
