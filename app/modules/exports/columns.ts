// The admin's CSV exports (issue 15): what each file is, and its columns in order with a line on
// what each holds. The page lists these and the server writes them, so the file is what the page
// says. Safe in the browser.
//
// Chosen to run a program and no more: the student's name and email (to reach them), the slot,
// its organization and terms, statuses and dates. Never an application's statement or answers,
// messages, feedback, or a letter's text; mentors are reached through their slot, so they are not
// listed. Work authorization only when the admin asks, with a reason (audited).

export const EXPORT_KINDS = ["applications", "matches", "outcomes"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export type ExportColumn = { key: string; header: string; about: string };

export const EXPORT_FILES: Record<ExportKind, { title: string; rows: string }> = {
  applications: { title: "Applications", rows: "One row per application submitted in the date range." },
  matches: { title: "Matches", rows: "One row per match proposed in the date range, with its history: when it reached each step, who reviewed it, why it closed." },
  outcomes: { title: "Outcomes", rows: "One row per internship completed in the date range." },
};

const student = [
  { key: "student", header: "Student", about: "The student's name." },
  { key: "studentEmail", header: "Student email", about: "Where to reach them." },
] as const;

const slot = [
  { key: "slot", header: "Slot", about: "The slot's title." },
  { key: "organization", header: "Organization", about: "Who posted the slot." },
  { key: "organizationType", header: "Organization type", about: "Startup, nonprofit, research lab…" },
  { key: "country", header: "Country", about: "Where the internship is (two-letter code)." },
  { key: "compensation", header: "Compensation", about: "Paid, stipend, unpaid or course credit." },
] as const;

export const EXPORT_COLUMNS = {
  applications: [
    { key: "submitted", header: "Submitted (UTC)", about: "When the student applied." },
    ...student,
    ...slot,
    { key: "status", header: "Status", about: "Where the application stands, as the student sees it." },
    { key: "updated", header: "Last change (UTC)", about: "When the application last changed." },
  ],
  matches: [
    { key: "matchId", header: "Match ID", about: "Joins this file with the outcomes file." },
    { key: "proposed", header: "Proposed (UTC)", about: "When the match was proposed." },
    { key: "source", header: "Proposed by", about: "A matching round, or a mentor from an application." },
    { key: "score", header: "Score", about: "The match score, 0–100." },
    ...student,
    ...slot,
    { key: "status", header: "Status", about: "Where the match stands now." },
    { key: "reviewed", header: "Reviewed (UTC)", about: "When an admin approved or rejected it." },
    { key: "reviewedBy", header: "Reviewed by", about: "The admin who did." },
    { key: "introduced", header: "Introduced (UTC)", about: "When the introduction email went out." },
    { key: "talking", header: "Talking (UTC)", about: "When the pair said they were talking." },
    { key: "confirmed", header: "Confirmed (UTC)", about: "When it took a seat." },
    { key: "started", header: "Started (UTC)", about: "When the internship started." },
    { key: "completed", header: "Completed (UTC)", about: "When it was completed." },
    { key: "closed", header: "Closed (UTC)", about: "When it was rejected or stopped going ahead." },
    { key: "closingReason", header: "Closing reason", about: "The reason given then." },
  ],
  outcomes: [
    { key: "matchId", header: "Match ID", about: "Joins this file with the matches file." },
    { key: "completed", header: "Completed on", about: "The day the internship was completed (UTC)." },
    ...student,
    ...slot,
    { key: "returnOffer", header: "Return offer", about: "Yes, no, still waiting, or not recorded yet." },
    { key: "promised", header: "Promised", about: "What the slot promised: letter, referral, portfolio project…" },
    { key: "delivered", header: "Delivered", about: "Promises kept (by a letter or referral on Steppingstone, or the student's answer)." },
    { key: "notDelivered", header: "Not delivered", about: "Promises the student said were not kept." },
    { key: "notKnown", header: "Not known yet", about: "Promises nobody has answered for yet." },
    { key: "letterDelivered", header: "Letter delivered on", about: "The first day a recommendation letter reached a recipient." },
    { key: "referralMade", header: "Referral made on", about: "The day the mentor made the first referral." },
    { key: "followUp3", header: "At 3 months", about: "The student's answer to “Where are you now?”." },
    { key: "followUp3On", header: "Answered at 3 months on", about: "When they answered." },
    { key: "followUp6", header: "At 6 months", about: "The same, 6 months after completion." },
    { key: "followUp6On", header: "Answered at 6 months on", about: "When they answered." },
  ],
} as const satisfies Record<ExportKind, readonly ExportColumn[]>;

export type ExportColumnKey<K extends ExportKind> = (typeof EXPORT_COLUMNS)[K][number]["key"];

/** The last column, only when the admin asks for it with a reason. */
export const WORK_AUTHORIZATION_COLUMN = {
  key: "workAuthorization",
  header: "Work authorization",
  about: "The student's stated status (F-1 CPT, study permit…). Only when asked for, with a reason; the audit log records both.",
} as const;

/** The columns of one file, in order. */
export function exportColumns(kind: ExportKind, withWorkAuthorization: boolean): readonly ExportColumn[] {
  return withWorkAuthorization ? [...EXPORT_COLUMNS[kind], WORK_AUTHORIZATION_COLUMN] : EXPORT_COLUMNS[kind];
}

/** How long a recorded export can be downloaded, by the admin who asked for it. */
export const EXPORT_LINK_MINUTES = 5;

/** "steppingstone-matches-2026-11-30.csv": the kind and the day (UTC) it was made. */
export const exportFilename = (kind: ExportKind, now: Date) => `steppingstone-${kind}-${now.toISOString().slice(0, 10)}.csv`;
