const styles = {
  queued: "bg-amber-50 text-amber-800 ring-amber-200",
  sent: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
};

/** How a delivered email left, as the email log says it: an email kept in the local mailbox or only logged was not sent to anyone. */
const TRANSPORT_LABELS: Record<string, string> = { resend: "Sent through Resend", mailbox: "In the local mailbox (not sent)", log: "Logged only (not sent)" };

export function EmailStatusBadge({ status, transport = null }: { status: keyof typeof styles; transport?: string | null }) {
  const undelivered = status === "sent" && transport !== null && transport !== "resend";
  const label = status === "sent" && transport ? TRANSPORT_LABELS[transport] ?? status : status;
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${undelivered ? "bg-slate-100 text-slate-700 ring-slate-300" : styles[status]} ${label === status ? "capitalize" : ""}`}>
      {label}
    </span>
  );
}
