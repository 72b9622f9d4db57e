import type { MatchStatus, matchSource } from "~db/schema";

type MatchSource = (typeof matchSource.enumValues)[number];

// What match statuses and sources are called on pages and in emails: one place, the same words.

export const MATCH_STATUS_LABELS: Record<MatchStatus, string> = {
  proposed: "Waiting for review",
  rejected: "Not approved",
  introduced: "Introduced",
  interviewing: "Talking",
  confirmed: "Confirmed",
  active: "Internship under way",
  completed: "Completed",
  not_proceeding: "Not going ahead",
};

export const MATCH_SOURCE_LABELS: Record<MatchSource, string> = {
  round: "Matching round",
  application: "Mentor's proposal",
};

/** Tailwind classes for a status badge: calm for steps in progress, green when a seat is taken, grey when over. */
export const MATCH_STATUS_TONES: Record<MatchStatus, string> = {
  proposed: "bg-amber-50 text-amber-800 ring-amber-200",
  rejected: "bg-slate-100 text-slate-600 ring-slate-200",
  introduced: "bg-sky-50 text-sky-800 ring-sky-200",
  interviewing: "bg-sky-50 text-sky-800 ring-sky-200",
  confirmed: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  active: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  completed: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  not_proceeding: "bg-slate-100 text-slate-600 ring-slate-200",
};
