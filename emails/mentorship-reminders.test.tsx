import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { expect, test } from "vitest";
import CheckInDue from "./check-in-due";
import CheckInReplyDue from "./check-in-reply-due";
import IntroductionReplyDue from "./introduction-reply-due";
import StalledNudge from "./stalled-nudge";

const text = (email: ReactElement) => render(email, { plainText: true });

test("each reminder's button also gives its address as plain text", async () => {
  const emails = [
    [<CheckInDue {...CheckInDue.PreviewProps} />, CheckInDue.PreviewProps.checkInsUrl],
    [<CheckInReplyDue {...CheckInReplyDue.PreviewProps} />, CheckInReplyDue.PreviewProps.checkInsUrl],
    [<IntroductionReplyDue {...IntroductionReplyDue.PreviewProps} />, IntroductionReplyDue.PreviewProps.matchUrl],
    [<StalledNudge {...StalledNudge.PreviewProps} />, StalledNudge.PreviewProps.matchUrl],
  ] as const;
  for (const [email, url] of emails) {
    expect(await text(email)).toContain(`If the button does not work, paste this address into your browser: ${url}`);
  }
});

test("a check-in reminder counts the earlier missing weeks only when there are some, in words that fit the number", async () => {
  expect(await text(<CheckInDue {...CheckInDue.PreviewProps} earlierMissing={0} />)).not.toContain("earlier week");
  expect(await text(<CheckInDue {...CheckInDue.PreviewProps} earlierMissing={1} />)).toContain("One earlier week has no check-in either");
  expect(await text(<CheckInDue {...CheckInDue.PreviewProps} earlierMissing={3} />)).toContain("3 earlier weeks have no check-in either");
});

test("the nudge says how long it has been and that replies reach the admins", async () => {
  const nudge = await text(<StalledNudge {...StalledNudge.PreviewProps} daysSilent={16} />);
  expect(nudge).toContain("it has been 16 days since the last check-in or message");
  expect(nudge).toContain("reply to this email: it goes to the Steppingstone admins");
});
