import { render } from "@react-email/render";
import { expect, test } from "vitest";
import FeedbackRound, { feedbackRoundSubject } from "./feedback-round";
import OutcomeFollowUp, { outcomeFollowUpSubject } from "./outcome-follow-up";

const text = (email: React.ReactElement) => render(email, { plainText: true });

test("a feedback round's email says whom the answers stay with, the last day, and gives the address as plain text", async () => {
  const props = FeedbackRound.PreviewProps;
  const student = await text(<FeedbackRound {...props} />);
  expect(student).toContain("unless you tick the box to share them with your mentor");
  expect(student).toContain(`Answers are taken until ${props.lastDay}.`);
  expect(student).toContain(`If the button does not work, paste this address into your browser: ${props.feedbackUrl}`);
  const mentor = await text(<FeedbackRound {...props} side="mentor" reminder={2} />);
  expect(mentor).toContain(`share them with ${props.studentFirstName}`);
  expect(mentor).toContain("has no answers from the mentors yet");
  expect(feedbackRoundSubject({ ...props, reminder: 0 })).toBe(`The midpoint feedback round is open: ${props.slotTitle}`);
  expect(feedbackRoundSubject({ ...props, reminder: 1, round: "final" })).toBe(`Reminder: your final feedback for ${props.slotTitle}`);
});

test("the follow-up email carries each one-click answer as a button and as a plain address", async () => {
  const props = OutcomeFollowUp.PreviewProps;
  const body = await text(<OutcomeFollowUp {...props} />);
  for (const link of props.links) {
    expect(body).toContain(`${link.label}: ${link.url}`);
  }
  expect(body).toContain("Only you and the Steppingstone admins see this answer.");
  expect(outcomeFollowUpSubject(6)).toBe("Where are you now? 6 months after your internship");
});
