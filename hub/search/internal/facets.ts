/**
 * Facet bitsets and facet counting. Counts are disjunctive: the count of a value is the
 * number of results the same search would return with that facet's filter replaced by
 * this one value (the query, the date range and the OTHER filters still apply). So a
 * selected facet keeps showing its siblings, and a count is exactly what a click gives.
 */
import { andInto, countBits, createBitset, orInto, setBit, type Bitset } from './bitset.js';
import { countByWalking, getFacetPostings } from './facet-postings.js';
import { FACET_NAMES, type FacetCounts, type FacetIndex, type FacetName } from '../types.js';

/** An empty facet index. */
export function createFacetIndex(): FacetIndex {
  return Object.fromEntries(FACET_NAMES.map((name) => [name, new Map<string, Bitset>()])) as FacetIndex;
}

/** Marks document `doc` as having `values` for facet `name`. */
export function addFacetValues(facets: FacetIndex, size: number, doc: number, name: FacetName, values: string[]): void {
  const byValue = facets[name];
  for (const value of values) {
    let bits = byValue.get(value);
    if (!bits) byValue.set(value, (bits = createBitset(size)));
    setBit(bits, doc);
  }
}

/** Documents having any of `values` for facet `name` (unknown values match nothing). */
export function unionOfValues(facets: FacetIndex, size: number, name: FacetName, values: readonly string[]): Bitset {
  const out = createBitset(size);
  for (const value of values) {
    const bits = facets[name].get(value);
    if (bits) orInto(out, bits);
  }
  return out;
}

/** One active facet filter: its name, selected values and matching documents. */
export interface ActiveFilter {
  name: FacetName;
  values: readonly string[];
  bits: Bitset;
}

/** base ∧ every filter but `skip`. */
function intersectExcept(base: Bitset, filters: readonly ActiveFilter[], skip: FacetName | null): Bitset {
  const out = base.slice();
  for (const filter of filters) if (filter.name !== skip) andInto(out, filter.bits);
  return out;
}

/** Counts per value: walk the documents when they are fewer than the words to AND. */
function rawCounts(facets: FacetIndex, name: FacetName, scope: Bitset): Map<string, number> {
  const byValue = facets[name];
  const members = countBits(scope);
  if (members * 4 < byValue.size * scope.length)
    return countByWalking(getFacetPostings(facets, name, scope.length * 32), scope);
  const out = new Map<string, number>();
  for (const [value, bits] of byValue) {
    const n = countBits(bits, scope);
    if (n > 0) out.set(value, n);
  }
  return out;
}

/** Counts per value, non-zero or selected, largest first. */
function countValues(
  facets: FacetIndex,
  name: FacetName,
  scope: Bitset,
  selected: readonly string[],
): Record<string, number> {
  const entries: [string, number][] = [...rawCounts(facets, name, scope)];
  for (const value of selected) if (!entries.some(([v]) => v === value)) entries.push([value, 0]);
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return Object.fromEntries(entries);
}

/**
 * Facet counts over `base` (the documents matching the query and date range), each facet
 * scoped by the other filters only. Returns the counts and the fully filtered set.
 */
export function countFacets(
  facets: FacetIndex,
  base: Bitset,
  filters: readonly ActiveFilter[],
): { counts: FacetCounts; matches: Bitset } {
  const matches = intersectExcept(base, filters, null);
  const counts = {} as FacetCounts;
  for (const name of FACET_NAMES) {
    const filter = filters.find((f) => f.name === name);
    const scope = filter ? intersectExcept(base, filters, name) : matches;
    counts[name] = countValues(facets, name, scope, filter?.values ?? []);
  }
  return { counts, matches };
}
