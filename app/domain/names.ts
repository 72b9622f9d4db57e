/** The name a person is greeted and spoken of by: the first word of their name. */
export const firstName = (name: string) => name.trim().split(/\s+/)[0] || name;
