import { Link } from "@remix-run/react";
import type { MatchStatus } from "~db/schema";
import { AFTER_START_MATCH_STATUSES, isIn } from "~/domain/vocabulary";
import type { MentorshipSide } from "~/modules/mentorship/access.server";

// The overview's way to what the internship leaves the student: letters, referrals, documents
// (issue 14). Shown once the internship is under way, to the student and the mentors.

export function AfterInternshipCard({ matchId, status, side }: { matchId: string; status: MatchStatus; side: MentorshipSide }) {
  if (side === "admin" || !isIn(AFTER_START_MATCH_STATUSES, status)) return null;
  const links =
    side === "student"
      ? [
          { to: `/letters?match=${matchId}`, label: "Ask for a recommendation letter", hint: "From one of your mentors; you choose whether to waive the right to read it." },
          { to: "/referrals", label: "Ask for a referral", hint: "For a role you are applying to; you both record what came of it." },
          { to: `/matches/${matchId}/documents`, label: "Verification letter or certificate", hint: "Dates, role and hours, signed by your mentor, with a code anyone can check." },
        ]
      : [
          { to: "/letters", label: "Letters you were asked for", hint: "Write them here or upload a PDF; you see how many times each was sent." },
          { to: "/referrals", label: "Referrals you were asked for", hint: "Say how you referred, and what came of it." },
          { to: `/matches/${matchId}/documents`, label: "Documents to review and sign", hint: "Verification letters and certificates the intern asked for." },
        ];
  return (
    <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 className="text-sm font-semibold text-slate-900">{side === "student" ? "After your internship" : "Letters, referrals, documents"}</h2>
      <ul className="mt-3 space-y-3">
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to} className="text-sm font-medium text-brand-700 hover:underline">
              {link.label}
            </Link>
            <p className="text-xs text-slate-600">{link.hint}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
