// What a stalled match's last activity was, and its words on the admins' list. Safe in the browser.

export const LAST_ACTIVITIES = ["confirmed", "started", "start_day", "check_in", "reply", "message"] as const;
export type LastActivity = (typeof LAST_ACTIVITIES)[number];

export const LAST_ACTIVITY_LABELS: Record<LastActivity, string> = {
  confirmed: "Match confirmed",
  started: "Internship started",
  start_day: "Start date came (not marked started)",
  check_in: "Check-in written",
  reply: "Mentor replied to a check-in",
  message: "Message on the thread",
};
