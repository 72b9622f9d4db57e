import type { MatchStatus } from "~db/schema";
import { FEEDBACK_MATCH_STATUSES, isIn, MESSAGING_MATCH_STATUSES, PLAN_EDITABLE_MATCH_STATUSES } from "~/domain/vocabulary";
import type { MentorshipSide } from "./access.server";

// Who may write what in the mentorship space, in one place (module tests: rules.test.ts). Admins
// read everything and write nothing here except a nudge (app/modules/mentorship/stalled.server.ts).

type Who = { side: MentorshipSide; status: MatchStatus };

/** Either side edits the plan from confirmation until the internship ends. */
export const mayEditPlan = ({ side, status }: Who) => side !== "admin" && isIn(PLAN_EDITABLE_MATCH_STATUSES, status);

/** Only a mentor confirms a goal done; a student's "done" waits for it. */
export const mayConfirmGoal = ({ side, status }: Who) => side === "mentor" && isIn(PLAN_EDITABLE_MATCH_STATUSES, status);

/** The student writes check-ins while the internship is under way. */
export const mayWriteCheckIn = ({ side, status }: Who) => side === "student" && status === "active";

/** A mentor replies to check-ins while under way, and to the last ones after completion. */
export const mayReplyToCheckIn = ({ side, status }: Who) => side === "mentor" && (status === "active" || status === "completed");

/** Both sides write on the thread from the introduction on, also after completion; not once it is not going ahead. */
export const mayPostMessage = ({ side, status }: Who) => side !== "admin" && isIn(MESSAGING_MATCH_STATUSES, status);

/** Feedback rounds are answered while the internship is under way or just completed (the round's dates decide the rest). */
export const mayAnswerFeedback = ({ side, status }: Who) => side !== "admin" && isIn(FEEDBACK_MATCH_STATUSES, status);

/** The student records the outcome once the internship is completed. */
export const mayRecordOutcome = ({ side, status }: Who) => side === "student" && status === "completed";
