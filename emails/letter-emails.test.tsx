import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { expect, test } from "vitest";
import LetterDeclined from "./letter-declined";
import LetterDelivery from "./letter-delivery";
import LetterDue, { letterDueSubject } from "./letter-due";
import LetterReady from "./letter-ready";
import LetterRequested from "./letter-requested";
import LetterRevoked, { letterRevokedSubject } from "./letter-revoked";
import LetterWithdrawn, { letterWithdrawnSubject } from "./letter-withdrawn";

const text = (email: ReactElement) => render(email, { plainText: true });

test("each letter email gives its address as plain text too", async () => {
  const emails = [
    [<LetterRequested {...LetterRequested.PreviewProps} />, LetterRequested.PreviewProps.letterUrl],
    [<LetterReady {...LetterReady.PreviewProps} />, LetterReady.PreviewProps.letterUrl],
    [<LetterDeclined {...LetterDeclined.PreviewProps} />, LetterDeclined.PreviewProps.letterUrl],
    [<LetterRevoked {...LetterRevoked.PreviewProps} />, LetterRevoked.PreviewProps.letterUrl],
    [<LetterDelivery {...LetterDelivery.PreviewProps} />, LetterDelivery.PreviewProps.letterUrl],
    [<LetterDue {...LetterDue.PreviewProps} />, LetterDue.PreviewProps.letterUrl],
    [<LetterWithdrawn {...LetterWithdrawn.PreviewProps} />, LetterWithdrawn.PreviewProps.lettersUrl],
  ] as const;
  for (const [email, url] of emails) expect(await text(email)).toContain(`If the button does not work, paste this address into your browser: ${url}`);
});

test("the student's ready email says what to do next and whether they may read it; the recipient's says how long the link works", async () => {
  expect(await text(<LetterReady {...LetterReady.PreviewProps} waived />)).toContain("It is confidential: you waived your right to read it");
  expect(await text(<LetterReady {...LetterReady.PreviewProps} waived={false} />)).toContain("You can read it on the letter's page.");
  const delivery = await text(<LetterDelivery {...LetterDelivery.PreviewProps} />);
  expect(delivery).toContain("The link is yours alone, needs no account, and works until Jan 14, 2027, 9:00 AM UTC.");
  expect(delivery).toContain("Please find my letter from my summer internship mentor");
  // The recipient has no account: the footer says why they got it instead.
  expect(delivery).toContain("sent their recommendation letter to this address");
  expect(delivery).not.toContain("activity on your Steppingstone account");
  expect(await text(<LetterDelivery {...LetterDelivery.PreviewProps} message={null} waived={false} />)).not.toMatch(/message to you|confidential/);
  expect(await text(<LetterRequested {...LetterRequested.PreviewProps} waived />)).toContain("Amara Okafor waived the right to read it");
  expect(letterDueSubject("Amara Okafor", 1)).toBe("Amara Okafor's recommendation letter is due tomorrow");
  expect(letterDueSubject("Amara Okafor", 7)).toBe("Amara Okafor's recommendation letter is due in 7 days");
});

test("the recipient reads the program the student named, as written; the mentor's act is 'revoked'; a withdrawn request tells the mentor whether their draft went with it", async () => {
  const delivery = await text(<LetterDelivery {...LetterDelivery.PreviewProps} purpose="Fulbright Foreign Student Program" />);
  expect(delivery).toContain("It is for Fulbright Foreign Student Program.");
  expect(delivery).not.toMatch(/named program/i);
  expect(letterRevokedSubject("Priya Raman")).toBe("Priya Raman revoked your recommendation letter");
  expect(await text(<LetterRevoked {...LetterRevoked.PreviewProps} />)).not.toMatch(/withdr/i);
  expect(letterWithdrawnSubject("Amara Okafor")).toBe("Amara Okafor withdrew their request for a recommendation letter");
  expect(await text(<LetterWithdrawn {...LetterWithdrawn.PreviewProps} />)).toContain("anything you had written for it on Steppingstone is deleted");
  expect(await text(<LetterWithdrawn {...LetterWithdrawn.PreviewProps} draftDeleted={false} />)).toContain("You do not need to write it.");
});
