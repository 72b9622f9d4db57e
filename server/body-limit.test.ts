import { expect, test } from "vitest";
import { MAX_FORM_BYTES } from "~/forms/read.server";
import { LETTER_UPLOAD_BODY_BYTES, MAX_PDF_BYTES } from "~/modules/letters/rules";
import { bodyLimitFor } from "./body-limit";

test("a letter's page takes a body the size of its largest PDF; every other address, a form's", () => {
  const letter = "/letters/0b7c1b9e-4c1a-4c7e-9d7e-0f6f1d1a2b3c";
  expect(bodyLimitFor(letter)).toBe(LETTER_UPLOAD_BODY_BYTES);
  expect(bodyLimitFor(`${letter}.data`)).toBe(LETTER_UPLOAD_BODY_BYTES);
  expect(LETTER_UPLOAD_BODY_BYTES).toBeGreaterThan(MAX_PDF_BYTES);
  for (const path of ["/letters", "/letters/new", `${letter}/pdf`, "/profile", "/matches/0b7c1b9e-4c1a-4c7e-9d7e-0f6f1d1a2b3c/plan"]) {
    expect(bodyLimitFor(path), path).toBe(MAX_FORM_BYTES);
  }
});
