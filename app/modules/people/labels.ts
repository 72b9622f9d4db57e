import type { UserRole } from "~db/schema";
import type { GrantAdminError, RemoveAdminError, ResendVerificationError } from "./roles.server";
import type { ReactivateError, SuspendError } from "./suspension.server";

// The words of the People pages (/admin/users): roles, and why an action was refused.

export const ROLE_LABELS: Record<UserRole, string> = { student: "Student", mentor: "Mentor", admin: "Admin" };

type Refusal = SuspendError | ReactivateError | GrantAdminError | RemoveAdminError | ResendVerificationError;

export const REFUSALS: Record<Refusal, string> = {
  not_found: "That account no longer exists.",
  self: "You can't do that to your own account. Ask another admin.",
  already_suspended: "This account is already suspended — perhaps another admin did it a moment ago.",
  not_suspended: "This account is not suspended — perhaps another admin reactivated it a moment ago.",
  last_admin: "This is the last admin who can sign in. Make someone else an admin first, so Steppingstone is never without one.",
  already_admin: "This account is already an admin.",
  not_admin: "This account is not an admin any more — perhaps another admin changed it a moment ago.",
  suspended: "This account is suspended. Reactivate it first.",
  still_answers:
    "Others still depend on this account's pages: it is the only mentor left to answer an open slot or a match that has not ended, or it is the student of a match that has not ended. Have their organization add another mentor to those slots (or close them), or let the match end, then make them an admin.",
  already_verified: "This address is already confirmed: there is nothing to send.",
  rate_limited: "This address has been sent several links in the last hour. Wait an hour before sending another.",
};
