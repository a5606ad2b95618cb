/** Where the page sits: « Accueil › Partenaires › Nouméa », the last one being the page itself. */
import { applyFrenchTypography } from '../../locale/index.js';

export interface Crumb {
  label: string;
  /** Absent for the current page. */
  href?: string;
}

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav class="pl-breadcrumbs" aria-label="Fil d'Ariane">
      <ol class="pl-breadcrumbs__list">
        {items.map((crumb, i) => {
          const last = i === items.length - 1;
          return (
            <li class="pl-breadcrumbs__item" key={`${i}-${crumb.label}`}>
              {crumb.href && !last ? (
                <a href={crumb.href}>{applyFrenchTypography(crumb.label)}</a>
              ) : (
                <span aria-current={last ? 'page' : undefined}>{applyFrenchTypography(crumb.label)}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
