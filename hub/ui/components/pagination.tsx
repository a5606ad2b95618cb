/**
 * Links to the other pages of a list: previous, next, the first and last, and the pages
 * around the current one (« 1 … 4 5 6 … 12 »).
 */

export interface PaginationProps {
  /** 1-based. */
  page: number;
  pageCount: number;
  /** The address of a page (keeps the list's filters). */
  hrefFor: (page: number) => string;
}

/** The page numbers to show, with null where pages are skipped. */
export function listPageNumbers(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && p - previous === 2) out.push(previous + 1);
    else if (previous !== undefined && p - previous > 2) out.push(null);
    out.push(p);
  });
  return out;
}

/** Nothing for a single page. */
export function Pagination({ page, pageCount, hrefFor }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav class="pl-pagination" aria-label="Pagination">
      <ul class="pl-pagination__list">
        {page > 1 && (
          <li>
            <a class="pl-pagination__link" href={hrefFor(page - 1)} rel="prev">
              <span class="pl-pagination__arrow" aria-hidden="true">
                ‹
              </span>
              Page précédente
            </a>
          </li>
        )}
        {listPageNumbers(page, pageCount).map((p, i) =>
          p === null ? (
            <li class="pl-pagination__gap" key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              <a
                class="pl-pagination__link"
                href={hrefFor(p)}
                aria-current={p === page ? 'page' : undefined}
                aria-label={`Page ${p}`}
              >
                {p}
              </a>
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <a class="pl-pagination__link" href={hrefFor(page + 1)} rel="next">
              Page suivante
              <span class="pl-pagination__arrow" aria-hidden="true">
                ›
              </span>
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
