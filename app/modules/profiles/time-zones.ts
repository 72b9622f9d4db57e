// IANA time zones a profile may name. Pure; runs in the browser and on the server.

// why: Intl.supportedValuesOf lists ICU's canonical IDs, some of them the old spellings
// (Asia/Calcutta, Europe/Kiev, Asia/Saigon). People type today's names, so those are offered too.
const CURRENT_NAMES = [
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Asia/Ho_Chi_Minh",
  "Asia/Yangon",
  "Europe/Kyiv",
  "America/Nuuk",
  "Atlantic/Faroe",
  "Pacific/Kanton",
  "America/Argentina/Buenos_Aires",
];

function accepted(zone: string) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

let zones: string[] | undefined;

/** Every time zone a student can pick, sorted: Intl's list, today's spellings, and UTC. */
export function timeZoneOptions(): string[] {
  zones ??= [...new Set([...Intl.supportedValuesOf("timeZone"), ...CURRENT_NAMES.filter(accepted), "UTC"])].sort();
  return zones;
}

/** The zone as listed (any case typed), or null when it is not an IANA time zone we offer. */
export function normalizeTimeZone(input: string): string | null {
  const key = input.trim().toLowerCase().replace(/ /g, "_");
  if (!key) return null;
  return timeZoneOptions().find((z) => z.toLowerCase() === key) ?? null;
}
