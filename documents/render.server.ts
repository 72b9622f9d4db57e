import path from "node:path";
import { Font, renderToBuffer } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { DOCUMENT_FONT } from "./kit";

// Documents are React components (one per file in documents/, each with PreviewProps, as emails
// are), rendered here to PDF on the server with @react-pdf/renderer.
//
// The font: the PDF standard fonts (Helvetica) print Latin-1 only, so a name such as "Nguyễn",
// "Łukasz" or "Дмитрий" came out wrong. Documents embed DejaVu Sans (documents/fonts, its licence
// beside it; only the glyphs used are embedded). It has no CJK, Devanagari or Hangul glyphs: such
// a name prints as blanks.

// why: the server runs from the repository's root (npm scripts, the e2e server, vitest); the
// bundled server file lives elsewhere, so import.meta.url cannot find the fonts.
const fontFile = (name: string) => path.resolve(process.cwd(), "documents/fonts", name);

let registered = false;
function registerFonts() {
  if (registered) return;
  Font.register({
    family: DOCUMENT_FONT,
    fonts: [
      { src: fontFile("DejaVuSans.ttf"), fontWeight: 400 },
      { src: fontFile("DejaVuSans-Bold.ttf"), fontWeight: 700 },
    ],
  });
  // why: the default hyphenation split names, codes and addresses across lines ("Oka-for").
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

/** The PDF of a document element (a <Document> from @react-pdf/renderer). */
export async function renderPdf(element: ReactElement): Promise<Buffer> {
  registerFonts();
  // why: renderToBuffer's type asks for the library's own DocumentProps element; every document here is one.
  return renderToBuffer(element as Parameters<typeof renderToBuffer>[0]);
}

/** A PDF response: inline (opens in the browser's viewer) under `filename`, never cached by shared caches. */
export function pdfResponse(pdf: Buffer | Uint8Array, filename: string, init: { headers?: Record<string, string> } = {}) {
  // "Diego Ramírez" → "Diego-Ramirez": accents dropped rather than the letters, anything else not safe in a header → "-".
  const safe = filename.normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^\w.-]+/g, "-");
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${safe}"`,
      "Cache-Control": "private, no-store",
      ...init.headers,
    },
  });
}
