import { renderToBuffer } from "@react-pdf/renderer";
import type { ReactElement } from "react";

// Documents are React components (one per file in documents/, each with PreviewProps, as emails
// are), rendered here to PDF on the server with @react-pdf/renderer.

/** The PDF of a document element (a <Document> from @react-pdf/renderer). */
export async function renderPdf(element: ReactElement): Promise<Buffer> {
  // why: renderToBuffer's type asks for the library's own DocumentProps element; every document here is one.
  return renderToBuffer(element as Parameters<typeof renderToBuffer>[0]);
}

/** A PDF response: inline (opens in the browser's viewer) under `filename`, never cached by shared caches. */
export function pdfResponse(pdf: Buffer | Uint8Array, filename: string, init: { headers?: Record<string, string> } = {}) {
  const safe = filename.replace(/[^\w.-]+/g, "-");
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${safe}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      ...init.headers,
    },
  });
}
