/** What a uuid looks like, for a schema that checks it as a pattern (Conform turns it into the input's own). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs and forms; anything that is not a uuid names no row (and must not reach a uuid cast). */
export const isUuid = (id: unknown): id is string => typeof id === "string" && UUID.test(id);
