// What an audit action is called on the admin's audit-log page. Other areas add their actions here.

const KNOWN_ACTIONS: Record<string, string> = {
  "organization.created": "Created the organization",
  "organization.verified": "Verified the organization",
  "organization.unverified": "Removed the organization's verification",
  "organization.verification_withdrawn": "Changed name, website or parent institution; verification withdrawn",
  "organization.member_joined": "Joined the organization by invitation",
  "organization.left_without_members": "Last member deleted their account; open slots closed",
  "account.deleted": "An account was deleted by its holder (anonymous)",
  "user.suspended": "Suspended the account (sessions ended, slots it mentored alone closed)",
  "user.reactivated": "Reactivated the account",
  "user.admin_granted": "Made the account an admin",
  "user.admin_removed": "Removed the account's admin role",
  "user.verification_resent": "Sent the account a new verification link",
  "match_round.run": "Ran a matching round",
  "match.approved": "Approved the match and sent the introduction",
  "match.rejected": "Rejected the proposed match",
  "match.interviewing": "Match: marked as talking",
  "match.confirmed": "Match: confirmed (takes a seat)",
  "match.active": "Match: internship started",
  "match.completed": "Match: internship completed",
  "match.not_proceeding": "Match: not going ahead",
  "match.nudged": "Match: nudged both sides (stalled)",
  "slot.filled": "Slot: filled (last seat confirmed or marked by a mentor)",
  "slot.reopened": "Slot: reopened (a confirmed match did not go ahead)",
  "letter.requested": "Letter: asked a mentor for a recommendation letter",
  "letter.started": "Letter: the mentor started writing it",
  "letter.ready": "Letter: ready to send (verification code issued)",
  "letter.declined": "Letter: declined by the mentor",
  "letter.revoked": "Letter: revoked by the mentor (every link stopped working)",
  "letter.sent": "Letter: sent to a recipient",
  "letter.withdrawn": "Letter: request withdrawn by the student",
  "referral.requested": "Referral: asked a mentor for one",
  "referral.accepted": "Referral: made (the mentor referred the student)",
  "referral.declined": "Referral: declined by the mentor",
  "referral.outcome": "Referral: outcome recorded",
  "referral.withdrawn": "Referral: request withdrawn by the student",
  "document.generated": "Document: generated for a mentor's signature",
  "document.regenerated": "Document: generated again (the text waiting for signature replaced)",
  "document.signed": "Document: signed by a mentor and issued",
  "export.applications": "Exported applications (CSV)",
  "export.matches": "Exported matches and their history (CSV)",
  "export.outcomes": "Exported outcomes (CSV)",
};

/** A sentence for an audit action; actions of other areas read "Slot: sent back" until named here. */
export function describeAuditAction(action: string) {
  const known = KNOWN_ACTIONS[action];
  if (known) return known;
  const [area = "", verb = ""] = action.split(".");
  const words = (s: string) => s.replaceAll("_", " ");
  return verb ? `${words(area).replace(/^./, (c) => c.toUpperCase())}: ${words(verb)}` : words(action);
}
