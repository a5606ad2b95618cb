/** « Sommaire »: the sections of a long text (and their subsections), linking to their headings. */
import { applyFrenchTypography } from '../../hub/ui/index.js';
import type { TocEntry } from '../content/prepare-content.js';

export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  return (
    <nav class="pl-toc" aria-labelledby="sommaire-titre">
      <h2 class="pl-toc__title" id="sommaire-titre">
        Sommaire
      </h2>
      <ol class="pl-toc__list">
        {entries.map((e) => (
          <li key={e.id}>
            <a href={`#${e.id}`}>{applyFrenchTypography(e.title)}</a>
            {e.children.length > 0 && (
              <ul class="pl-toc__sublist">
                {e.children.map((c) => (
                  <li key={c.id}>
                    <a href={`#${c.id}`}>{applyFrenchTypography(c.title)}</a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
