import { sql } from "drizzle-orm";

/**
 * Values as a list of SQL literals, `'a', 'b'`, for `in (…)`: the partial indexes and checks
 * built from the named status sets (drizzle-kit compares their SQL as text, so it must read as
 * written by hand). Only for the app's own constants, never for input.
 */
export const sqlList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(", "));
