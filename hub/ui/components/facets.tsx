/**
 * Filters as links, for result lists of the portal and the console: one group per facet
 * (type, audience, partner…), each value with the number of results it would give. A
 * selected value is marked in words and shape and its link removes it. Long groups show
 * their first values and fold the others in a <details>, so everything works without
 * JavaScript.
 */
import { applyFrenchTypography } from '../../locale/index.js';

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
  /** The list with this value added, or removed when selected. */
  href: string;
}

export interface FacetGroup {
  /** The filter's name (id of the group's heading). */
  name: string;
  label: string;
  values: FacetValue[];
}

export interface FacetsProps {
  groups: FacetGroup[];
  /** Default « Affiner les résultats ». */
  title?: string;
  /** Level of the block's heading; groups take the next one. Default 2. */
  headingLevel?: 2 | 3;
  /** The list without any filter, when some are set. */
  clearHref?: string;
  /** Values shown before the others are folded. Default 6. */
  visible?: number;
}

const countFormat = new Intl.NumberFormat('fr-NC');

export function Facets({
  groups,
  title = 'Affiner les résultats',
  headingLevel = 2,
  clearHref,
  visible = 6,
}: FacetsProps) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  const GroupHeading = `h${headingLevel + 1}` as 'h3' | 'h4';
  const shown = groups.filter((g) => g.values.length > 0);
  if (shown.length === 0) return null;
  return (
    <section class="pl-facets" aria-labelledby="pl-facets-title">
      <Heading class="pl-facets__title" id="pl-facets-title">
        {applyFrenchTypography(title)}
      </Heading>
      {clearHref && (
        <p class="pl-facets__clear">
          <a href={clearHref}>Retirer tous les filtres</a>
        </p>
      )}
      {shown.map((group) => (
        <div class="pl-facets__group" key={group.name}>
          <GroupHeading class="pl-facets__group-title" id={`facette-${group.name}`}>
            {applyFrenchTypography(group.label)}
          </GroupHeading>
          <FacetList values={group.values.slice(0, visible)} />
          {group.values.length > visible && (
            <details class="pl-facets__more">
              <summary>
                {`Voir ${group.values.length - visible} autre${group.values.length - visible > 1 ? 's' : ''}`}
                <span class="pl-visually-hidden">{applyFrenchTypography(` : ${group.label}`)}</span>
              </summary>
              <FacetList values={group.values.slice(visible)} />
            </details>
          )}
        </div>
      ))}
    </section>
  );
}

function FacetList({ values }: { values: FacetValue[] }) {
  return (
    <ul class="pl-facets__list">
      {values.map((v) => (
        <li key={v.value}>
          <a
            class={v.selected ? 'pl-facets__link pl-facets__link--selected' : 'pl-facets__link'}
            href={v.href}
            aria-current={v.selected ? 'true' : undefined}
          >
            <span class="pl-facets__label">
              {v.selected && <span class="pl-visually-hidden">Retirer le filtre </span>}
              {applyFrenchTypography(v.label)}
            </span>
            <span class="pl-facets__count">
              {countFormat.format(v.count)}
              <span class="pl-visually-hidden">{v.count > 1 ? ' résultats' : ' résultat'}</span>
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
