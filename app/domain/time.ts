// Lengths of time the product counts in. Safe in the browser.

/** A day in milliseconds: the product's deadlines count whole days of 24 hours from an instant (not calendar days in a time zone). */
export const DAY_MS = 86_400_000;
