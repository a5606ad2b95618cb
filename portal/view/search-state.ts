/**
 * The state of a search page as its address says it: the query, the filters of
 * /api/v1/items, the dates, the order and the page. Links to other states (a facet added
 * or removed, another page) are built from it, in one stable order of parameters.
 */
import { parseSearchParams, type RawQuery, type SearchParams } from '../../hub/search/index.js';
import type { FieldErrorEntry } from '../../hub/ui/index.js';

/** The list filters, in the order the page shows their facets. */
export const LIST_FILTERS = ['type', 'audience', 'topic', 'province', 'commune', 'partnerKind', 'partner'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

export interface SearchState {
  q: string;
  filters: Partial<Record<ListFilter, string[]>>;
  from?: string;
  to?: string;
  sort?: 'relevance' | 'date';
  page: number;
}

export type ReadSearch =
  | { ok: true; state: SearchState; params: SearchParams; queryTruncated: boolean }
  | { ok: false; errors: FieldErrorEntry[] };

const SCALARS = ['q', 'from', 'to', 'sort', 'page'] as const;

function first(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
}

/** Reads and checks a page's query (unknown parameters are ignored); `pageSize` results a page. */
export function readSearchState(query: RawQuery, pageSize: number): ReadSearch {
  const raw: RawQuery = { limit: String(pageSize) };
  for (const key of [...SCALARS, ...LIST_FILTERS]) if (query[key] !== undefined) raw[key] = query[key];
  const parsed = parseSearchParams(raw);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const { params } = parsed;
  const filters: SearchState['filters'] = {};
  for (const name of LIST_FILTERS) {
    const values = params[name];
    if (values?.length) filters[name] = values;
  }
  const from = first(query.from);
  const to = first(query.to);
  return {
    ok: true,
    params,
    queryTruncated: parsed.queryTruncated,
    state: {
      q: params.q ?? '',
      filters,
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(params.sort ? { sort: params.sort } : {}),
      page: params.page ?? 1,
    },
  };
}

/** The query string of a state (without « ? »), page 1 left out. */
export function toQueryString(state: SearchState): string {
  const out = new URLSearchParams();
  if (state.q) out.set('q', state.q);
  for (const name of LIST_FILTERS) {
    const values = state.filters[name];
    if (values?.length) out.set(name, values.join(','));
  }
  if (state.from) out.set('from', state.from);
  if (state.to) out.set('to', state.to);
  if (state.sort) out.set('sort', state.sort);
  if (state.page > 1) out.set('page', String(state.page));
  return out.toString();
}

/** The address of a state on `path` (default /recherche). */
export function hrefOf(state: SearchState, path = '/recherche'): string {
  const query = toQueryString(state);
  return query ? `${path}?${query}` : path;
}

/** The state with `value` of `name` added, or removed when present; back to page 1. */
export function toggleFilter(state: SearchState, name: ListFilter, value: string): SearchState {
  const current = state.filters[name] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, filters: { ...state.filters, [name]: next }, page: 1 };
}

/** Whether any filter or date is set. */
export function hasFilters(state: SearchState): boolean {
  return LIST_FILTERS.some((n) => (state.filters[n]?.length ?? 0) > 0) || !!state.from || !!state.to;
}

/** The filters as hidden fields of a form that changes something else (the query, the order). */
export function hiddenFields(
  state: SearchState,
  keep: readonly ('q' | 'filters' | 'dates' | 'sort')[],
): Record<string, string> {
  const out: Record<string, string> = {};
  if (keep.includes('q') && state.q) out.q = state.q;
  if (keep.includes('filters'))
    for (const name of LIST_FILTERS) if (state.filters[name]?.length) out[name] = state.filters[name]!.join(',');
  if (keep.includes('dates')) {
    if (state.from) out.from = state.from;
    if (state.to) out.to = state.to;
  }
  if (keep.includes('sort') && state.sort) out.sort = state.sort;
  return out;
}
