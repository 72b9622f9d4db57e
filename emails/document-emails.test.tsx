import { render } from "@react-email/render";
import { expect, test } from "vitest";
import DocumentIssued, { documentIssuedSubject } from "./document-issued";
import DocumentToSign, { documentToSignSubject } from "./document-to-sign";
import DocumentUnsigned, { documentUnsignedSubject } from "./document-unsigned";

const text = (email: React.ReactElement) => render(email, { plainText: true });

test("the mentor is asked to review and sign, with the page's address as plain text too", async () => {
  expect(documentToSignSubject("Amara Okafor", "experience_verification")).toBe("Amara Okafor asks you to sign an experience verification letter");
  expect(documentToSignSubject("Amara Okafor", "completion_certificate")).toBe("Amara Okafor asks you to sign a certificate of completion");
  const body = await text(<DocumentToSign {...DocumentToSign.PreviewProps} />);
  expect(body).toContain("Amara Okafor generated an experience verification letter for “Data pipeline intern: river sensor readings”");
  expect(body).toContain("correct the duties if they are not right, then sign it with your full name and title");
  expect(body).toContain(`If the button does not work, paste this address into your browser: ${DocumentToSign.PreviewProps.documentsUrl}`);
});

test("the student is told it is signed, by whom, with its code and the address that checks it", async () => {
  expect(documentIssuedSubject("completion_certificate")).toBe("Your certificate of completion is signed");
  const body = await text(<DocumentIssued {...DocumentIssued.PreviewProps} />);
  expect(body).toContain("Priya Raman signed your experience verification letter");
  expect(body).toContain(`Its verification code is K7QM-2XPA-D4TR-W6NB. Anyone can check that it is authentic at ${DocumentIssued.PreviewProps.verifyUrl}`);
  expect(body).toContain(`If the button does not work, paste this address into your browser: ${DocumentIssued.PreviewProps.documentsUrl}`);
});

test("a week later, a mentor is reminded the document still waits, with when it was generated and the page's address", async () => {
  expect(documentUnsignedSubject("Amara Okafor", "completion_certificate")).toBe("Still waiting for your signature: Amara Okafor's certificate of completion");
  const body = await text(<DocumentUnsigned {...DocumentUnsigned.PreviewProps} />);
  expect(body).toContain("Amara Okafor generated an experience verification letter for “Data pipeline intern: river sensor readings” on November 23, 2026");
  expect(body).toContain("no mentor of the slot has signed it yet");
  expect(body).toContain(`If the button does not work, paste this address into your browser: ${DocumentUnsigned.PreviewProps.documentsUrl}`);
});
