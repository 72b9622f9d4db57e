import type { LoaderFunctionArgs } from "@remix-run/node";
import { createElement } from "react";
import { pdfResponse, renderPdf } from "~documents/render.server";
import { requireDevelopmentTools } from "~/auth/guards.server";
import { findDocumentPreview } from "~/modules/documents/catalogue.server";
import { notFound } from "~/responses.server";

// Outside production only: a document of documents/ rendered to PDF from its PreviewProps.
export async function loader({ params }: LoaderFunctionArgs) {
  requireDevelopmentTools();
  const found = await findDocumentPreview(params.name ?? "");
  if (!found) throw notFound();
  return pdfResponse(await renderPdf(createElement(found.component, found.previewProps)), `${found.name}-preview.pdf`);
}
