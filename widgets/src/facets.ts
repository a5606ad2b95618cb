/** The facet filters of <passerelle-search>: one fieldset of checkboxes per facet. */
import { h, uid } from './dom.js';
import { hasMessage, translate, type Lang } from './i18n.js';
import type { Facets } from './types.js';

export const FACETS = ['type', 'topic', 'audience', 'partner'] as const;
export type FacetName = (typeof FACETS)[number];
export type Selection = Record<FacetName, Set<string>>;

const MAX_VALUES = 8;

export function createSelection(): Selection {
  return { type: new Set(), topic: new Set(), audience: new Set(), partner: new Set() };
}

/** A readable label for a facet value: translated type, partner name, or capitalized slug. */
function labelOf(lang: Lang, facet: FacetName, value: string, names: Map<string, string>): string {
  const key = `type_${value}`;
  if (facet === 'type' && hasMessage(key)) return translate(lang, key);
  if (facet === 'partner') return names.get(value) ?? value;
  const words = value.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface FacetView {
  lang: Lang;
  facets: Facets;
  selection: Selection;
  /** Facets fixed by the element's attributes: not offered. */
  fixed: Set<FacetName>;
  partnerNames: Map<string, string>;
  toggle: (facet: FacetName, value: string, on: boolean) => void;
}

function renderFacet(view: FacetView, facet: FacetName): HTMLFieldSetElement | undefined {
  const counts = view.facets[facet] ?? {};
  const chosen = view.selection[facet];
  const values = Object.entries(counts)
    .filter(([v, n]) => n > 0 || chosen.has(v))
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_VALUES)
    .map(([v]) => v);
  for (const v of chosen) if (!values.includes(v)) values.push(v);
  if (!values.length) return undefined;
  return h(
    'fieldset',
    { class: 'facet' },
    h('legend', null, translate(view.lang, `facet_${facet}`)),
    h(
      'ul',
      null,
      ...values.map((value) => {
        const id = uid('f');
        return h(
          'li',
          null,
          h('input', {
            type: 'checkbox',
            id,
            checked: chosen.has(value),
            'data-key': `${facet}:${value}`,
            onchange: (e: Event) => view.toggle(facet, value, (e.target as HTMLInputElement).checked),
          }),
          h('label', { for: id }, `${labelOf(view.lang, facet, value, view.partnerNames)} (${counts[value] ?? 0})`),
        );
      }),
    ),
  );
}

/** The fieldsets for the current result set. */
export function renderFacets(view: FacetView): HTMLFieldSetElement[] {
  return FACETS.filter((f) => !view.fixed.has(f))
    .map((f) => renderFacet(view, f))
    .filter((f): f is HTMLFieldSetElement => !!f);
}
