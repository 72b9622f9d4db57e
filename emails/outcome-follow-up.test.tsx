import { render } from "@react-email/render";
import { expect, test } from "vitest";
import OutcomeFollowUp from "./outcome-follow-up";

test("the follow-up email says who sees the answer, and how long its links take and change it", async () => {
  const body = await render(<OutcomeFollowUp {...OutcomeFollowUp.PreviewProps} linkDays={30} changeDays={7} />, { plainText: true });
  expect(body).toContain("Only you and the Steppingstone admins see this answer.");
  expect(body).toContain("The links take your answer for 30 days.");
  expect(body).toContain("another of these links changes it for 7 days");
  expect(body).not.toContain("work once");
});
