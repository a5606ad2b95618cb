import { describe, expect, it } from 'vitest';
import { hasFilters, hiddenFields, hrefOf, readSearchState, toggleFilter } from '../../../portal/view/search-state.js';

describe('the search page state', () => {
  it('reads the filters of /api/v1/items and ignores other parameters', () => {
    const read = readSearchState(
      { q: ' permis ', type: 'procedure,news', audience: ['particuliers'], limit: '100', utm_source: 'x' },
      10,
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.state).toEqual({
      q: 'permis',
      filters: { type: ['procedure', 'news'], audience: ['particuliers'] },
      page: 1,
    });
    expect(read.params.limit).toBe(10);
    expect(hrefOf(read.state)).toBe('/recherche?q=permis&type=procedure%2Cnews&audience=particuliers');
  });

  it('refuses malformed values with French messages naming the parameter', () => {
    const read = readSearchState({ page: 'abc', type: 'recette', from: '2026-02-30' }, 10);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.map((e) => e.field).sort()).toEqual(['from', 'page', 'type']);
    expect(read.errors.find((e) => e.field === 'type')?.message).toContain('valeur invalide');
  });

  it('adds and removes a filter value, back to page 1', () => {
    const read = readSearchState({ q: 'eau', type: 'alert', page: '3' }, 10);
    if (!read.ok) throw new Error('expected ok');
    expect(hrefOf(toggleFilter(read.state, 'province', 'sud'))).toBe('/recherche?q=eau&type=alert&province=sud');
    expect(hrefOf(toggleFilter(read.state, 'type', 'alert'))).toBe('/recherche?q=eau');
    expect(hasFilters(read.state)).toBe(true);
    expect(hiddenFields(read.state, ['filters'])).toEqual({ type: 'alert' });
  });
});
