import { expect, test } from "vitest";
import { pdfResponse } from "~documents/render.server";

test("a PDF opens inline under a file name that keeps a name's letters without their accents, and is never cached", () => {
  const response = pdfResponse(new Uint8Array([37, 80, 68, 70]), "Verification letter – Diego Ramírez, Nguyễn Thị Mai.pdf");
  expect(response.headers.get("Content-Type")).toBe("application/pdf");
  expect(response.headers.get("Content-Disposition")).toBe('inline; filename="Verification-letter-Diego-Ramirez-Nguyen-Thi-Mai.pdf"');
  expect(response.headers.get("Cache-Control")).toBe("private, no-store");
});
