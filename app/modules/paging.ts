// Paging, the same for every list: pages are counted from 1, and an empty list still has its
// one (empty) page, so "page 1 of 1" never reads "of 0".

/** How many pages `total` rows make at `size` a page. */
export const pageCount = (total: number, size: number) => Math.max(1, Math.ceil(total / size));

/** The rows to skip before `page`. */
export const pageOffset = (page: number, size: number) => (page - 1) * size;

/** A list's query, ordered and filtered, waiting for its page. */
type Pageable<Row> = { limit(limit: number): { offset(offset: number): PromiseLike<Row[]> } };

/**
 * One page of `rows` with the count of all of them (`total`: the same list's `count()` query),
 * read together: what every paged list returns.
 */
export async function onePage<Row>(rows: Pageable<Row>, total: PromiseLike<{ value: number }[]>, { page, size }: { page: number; size: number }) {
  const [pageRows, [counted]] = await Promise.all([rows.limit(size).offset(pageOffset(page, size)), total]);
  const n = counted?.value ?? 0;
  return { rows: pageRows, total: n, pages: pageCount(n, size) };
}
