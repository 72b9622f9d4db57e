import { expect, test } from "vitest";
import { A_DOCUMENT_KIND, DOCUMENT_KIND_WORDS, midSentence, RECOMMENDATION_LETTER_LABEL, withArticle } from "./labels";

test("a document's name is written once; mid-sentence and with its article it is derived", () => {
  expect(DOCUMENT_KIND_WORDS).toEqual({ experience_verification: "experience verification letter", completion_certificate: "certificate of completion" });
  expect(A_DOCUMENT_KIND).toEqual({ experience_verification: "an experience verification letter", completion_certificate: "a certificate of completion" });
  expect(midSentence(RECOMMENDATION_LETTER_LABEL)).toBe("recommendation letter");
  expect(withArticle(RECOMMENDATION_LETTER_LABEL)).toBe("a recommendation letter");
});
