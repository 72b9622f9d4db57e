const styles = {
  queued: "bg-amber-50 text-amber-800 ring-amber-200",
  sent: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
};

export function EmailStatusBadge({ status }: { status: keyof typeof styles }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium capitalize ring-1 ${styles[status]}`}>{status}</span>;
}
