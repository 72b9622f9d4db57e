import { render } from "@react-email/render";
import type { ReactElement } from "react";
import { expect, test } from "vitest";
import ApplicationWithdrawn from "./application-withdrawn";
import Introduction from "./introduction";
import IntroductionSteps from "./introduction-steps";
import GoalDone from "./goal-done";
import MatchMessages from "./match-messages";
import MatchStatus from "./match-status";
import OrganizationInvitation from "./organization-invitation";
import ResetPassword from "./reset-password";
import SlotFilled from "./slot-filled";
import VerifyEmail from "./verify-email";

const text = (email: ReactElement) => render(email, { plainText: true });

test("an email whose action is a button also gives its address as plain text, for mail clients that hide the button", async () => {
  const emails = [
    [<VerifyEmail {...VerifyEmail.PreviewProps} />, VerifyEmail.PreviewProps.verifyUrl],
    [<ResetPassword {...ResetPassword.PreviewProps} />, ResetPassword.PreviewProps.resetUrl],
    [<OrganizationInvitation {...OrganizationInvitation.PreviewProps} />, OrganizationInvitation.PreviewProps.joinUrl],
    [<Introduction {...Introduction.PreviewProps} />, Introduction.PreviewProps.matchUrl],
    [<IntroductionSteps {...IntroductionSteps.PreviewProps} />, IntroductionSteps.PreviewProps.matchUrl],
    [<ApplicationWithdrawn {...ApplicationWithdrawn.PreviewProps} />, ApplicationWithdrawn.PreviewProps.applicantsUrl],
    [<SlotFilled {...SlotFilled.PreviewProps} />, SlotFilled.PreviewProps.url],
    [<MatchMessages {...MatchMessages.PreviewProps} />, MatchMessages.PreviewProps.threadUrl],
    [<GoalDone {...GoalDone.PreviewProps} />, GoalDone.PreviewProps.planUrl],
  ] as const;
  for (const [email, url] of emails) {
    expect(await text(email)).toContain(`If the button does not work, paste this address into your browser: ${url}`);
  }
  // What each link is for comes first, in the same sentence.
  expect(await text(<OrganizationInvitation {...OrganizationInvitation.PreviewProps} expiresInDays={3} />)).toContain("The invitation works once and expires in 3 days. If the button");
});

test("a match-status email's heading names the whole slot, even when its title has a colon", async () => {
  const props = { ...MatchStatus.PreviewProps, slotTitle: "Data pipeline intern: river sensor readings" };
  expect(await text(<MatchStatus {...props} status="interviewing" />)).toContain("You are talking about Data pipeline intern: river sensor readings\n");
  expect(await text(<MatchStatus {...props} status="confirmed" />)).toMatch(/^Confirmed$/m);
});
