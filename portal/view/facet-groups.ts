/** A search's facet counts as the kit's facet groups: French labels, links that add or remove a value. */
import { getCommuneName, type FacetCounts } from '../../hub/search/index.js';
import { getItemTypeLabel, type FacetGroup } from '../../hub/ui/index.js';
import { PARTNER_KIND_SINGULAR, PROVINCE_LABELS, type PartnerRef } from './partner-words.js';
import { hrefOf, LIST_FILTERS, toggleFilter, type ListFilter, type SearchState } from './search-state.js';
import { getTopicLabel } from './topics.js';

export const AUDIENCE_LABELS: Readonly<Record<string, string>> = {
  particuliers: 'Particuliers',
  professionnels: 'Professionnels',
  associations: 'Associations',
};

const GROUP_LABELS: Record<ListFilter, string> = {
  type: 'Type de contenu',
  audience: 'Public',
  topic: 'Thème',
  province: 'Province',
  commune: 'Commune',
  partnerKind: 'Type de partenaire',
  partner: 'Partenaire',
};

/** The French label of one filter value. */
export function labelFilterValue(name: ListFilter, value: string, partners: ReadonlyMap<string, PartnerRef>): string {
  switch (name) {
    case 'type':
      return getItemTypeLabel(value);
    case 'audience':
      return AUDIENCE_LABELS[value] ?? value;
    case 'topic':
      return getTopicLabel(value);
    case 'province':
      return PROVINCE_LABELS[value] ?? value;
    case 'commune':
      return getCommuneName(value) ?? value;
    case 'partnerKind':
      return PARTNER_KIND_SINGULAR[value] ?? value;
    case 'partner':
      return partners.get(value)?.name ?? value;
  }
}

/** One group per filter with values, largest counts first (as the search gives them). */
export function buildFacetGroups(
  counts: FacetCounts,
  state: SearchState,
  partners: ReadonlyMap<string, PartnerRef>,
  path = '/recherche',
): FacetGroup[] {
  return LIST_FILTERS.map((name) => {
    const selected = state.filters[name] ?? [];
    const values = Object.entries(counts[name] ?? {});
    // A selected value the index no longer has still shows, so that it can be removed.
    for (const value of selected) if (!values.some(([v]) => v === value)) values.push([value, 0]);
    return {
      name,
      label: GROUP_LABELS[name],
      values: values.map(([value, count]) => ({
        value,
        count,
        label: labelFilterValue(name, value, partners),
        selected: selected.includes(value),
        href: hrefOf(toggleFilter(state, name, value), path),
      })),
    };
  });
}
