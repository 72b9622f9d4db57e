// How long a follow-up link ("where are you now?") takes answers. Safe in the browser, for the
// pages that say so; app/modules/mentorship/outcomes.server.ts applies them.

/** An unanswered follow-up link takes an answer this many days after it was sent. */
export const FOLLOW_UP_LINK_DAYS = 30;
/** After its first answer, the same link changes the answer (and the organization) for this many days. */
export const FOLLOW_UP_CHANGE_DAYS = 7;
