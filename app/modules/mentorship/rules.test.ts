import { describe, expect, test } from "vitest";
import { MATCH_STATUSES } from "~/domain/vocabulary";
import type { MentorshipSide } from "./access.server";
import { mayAnswerFeedback, mayConfirmGoal, mayEditPlan, mayPostMessage, mayRecordOutcome, mayReplyToCheckIn, mayWriteCheckIn } from "./rules";

// Who may write what in the mentorship space, as a table: for each rule, the (side, status) pairs
// it allows — and every other pair of the 3 sides × 8 statuses is refused.

const SIDES: MentorshipSide[] = ["student", "mentor", "admin"];
const pairs = SIDES.flatMap((side) => MATCH_STATUSES.map((status) => ({ side, status })));
const allowed = (rule: (who: (typeof pairs)[number]) => boolean) => pairs.filter(rule).map(({ side, status }) => `${side} ${status}`);

describe("who may write what", () => {
  test("either side edits the plan from confirmation until the end; admins never", () => {
    expect(allowed(mayEditPlan)).toEqual(["student confirmed", "student active", "mentor confirmed", "mentor active"]);
  });

  test("only a mentor confirms a goal done, while the plan is open", () => {
    expect(allowed(mayConfirmGoal)).toEqual(["mentor confirmed", "mentor active"]);
  });

  test("only the student writes check-ins, and only while the internship is under way", () => {
    expect(allowed(mayWriteCheckIn)).toEqual(["student active"]);
  });

  test("a mentor replies while under way and after completion", () => {
    expect(allowed(mayReplyToCheckIn)).toEqual(["mentor active", "mentor completed"]);
  });

  test("both sides write on the thread from the introduction on, also after completion, not once it is not going ahead", () => {
    const live = ["introduced", "interviewing", "confirmed", "active", "completed"];
    expect(allowed(mayPostMessage)).toEqual([...live.map((s) => `student ${s}`), ...live.map((s) => `mentor ${s}`)]);
  });

  test("feedback is answered by both sides while under way or completed", () => {
    expect(allowed(mayAnswerFeedback)).toEqual(["student active", "student completed", "mentor active", "mentor completed"]);
  });

  test("only the student records the outcome, once completed", () => {
    expect(allowed(mayRecordOutcome)).toEqual(["student completed"]);
  });
});
