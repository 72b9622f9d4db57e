import type { LoaderFunctionArgs } from "@remix-run/node";
import { createElement } from "react";
import { getDb } from "~db/client.server";
import CompletionCertificateDocument from "~documents/completion-certificate";
import ExperienceVerificationLetterDocument from "~documents/experience-verification-letter";
import { pdfResponse, renderPdf } from "~documents/render.server";
import { requireUser } from "~/auth/guards.server";
import { findDocumentPdf } from "~/modules/documents/documents.server";
import { notFound } from "~/responses.server";

// The PDF of a match's document, inline: for the student, the slot's mentors and admins only (the
// same 404 for anyone else and for none). Issued, it carries its verification code and address;
// waiting for a signature, it is marked DRAFT and has neither; revoked, it is not served (410).

const DOCUMENTS = { experience_verification: ExperienceVerificationLetterDocument, completion_certificate: CompletionCertificateDocument } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await findDocumentPdf(getDb(), { id: user.id, role: user.role }, params.matchId ?? "", params.documentId ?? "");
  if (!found) throw notFound();
  // why: a revoked document must not circulate; its readers see why on the documents page.
  if (found.revokedOn) {
    return new Response(`This document was revoked on ${found.revokedOn}, so its PDF is no longer served. Its verification code now reads as revoked.`, {
      status: 410,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" },
    });
  }
  const pdf = await renderPdf(createElement(DOCUMENTS[found.kind], found.props));
  return pdfResponse(pdf, found.filename);
}
