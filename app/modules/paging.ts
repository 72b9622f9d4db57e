// Paging, the same for every list: pages are counted from 1, and an empty list still has its
// one (empty) page, so "page 1 of 1" never reads "of 0".

/** How many pages `total` rows make at `size` a page. */
export const pageCount = (total: number, size: number) => Math.max(1, Math.ceil(total / size));

/** The rows to skip before `page`. */
export const pageOffset = (page: number, size: number) => (page - 1) * size;
