import { sql, type SQLWrapper } from "drizzle-orm";

/**
 * Values as a list of SQL literals, `'a', 'b'`, for `in (…)`: the partial indexes and checks
 * built from the named status sets (drizzle-kit compares their SQL as text, so it must read as
 * written by hand). Only for the app's own constants, never for input.
 */
export const sqlList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(", "));

/** Orders rows by where `column`'s value stands in `values` (a named order of the vocabulary); a value not listed comes last. */
export const inOrderOf = (column: SQLWrapper, values: readonly string[]) => sql`array_position(array[${sqlList(values)}], ${column}::text)`;
