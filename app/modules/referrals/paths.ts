/** A referral's page. Safe in the browser. */
export const referralPath = (id: string) => `/referrals/${id}`;
