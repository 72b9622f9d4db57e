/** The name a person is greeted and spoken of by: the first word of their name. */
export const firstName = (name: string) => name.trim().split(/\s+/)[0] || name;

/** Who wrote something whose mentor's account is gone (their writing stays; their name does not). */
export const FORMER_MENTOR = "A former mentor";
