/**
 * The structured blocks of a DILA fiche, shown as such rather than as flattened text: its
 * online services and forms as buttons, its questions-answers and other links as lists.
 */
import { applyFrenchTypography } from '../../hub/ui/index.js';

import type { ItemLink, ItemLinks } from '../../schemas/index.js';

/** The item's online services as buttons, next to the link to the partner's page. */
export function ServiceButtons({ services }: { services: ItemLink[] }) {
  return (
    <>
      {services.map((s) => (
        <a key={s.url} class="pl-button pl-button--secondary" href={s.url}>
          {/* One box: the button is a flex container, which would drop the space before the kind. */}
          <span>
            {applyFrenchTypography(s.title)}
            {s.kind && <span class="pl-button__note">{applyFrenchTypography(` (${s.kind})`)}</span>}
          </span>
        </a>
      ))}
    </>
  );
}

const BLOCKS: { key: keyof ItemLinks; id: string; title: string }[] = [
  { key: 'services', id: 'services-en-ligne', title: 'Services en ligne et formulaires' },
  { key: 'questions', id: 'questions-reponses', title: 'Questions-réponses' },
  { key: 'seeAlso', id: 'voir-aussi', title: 'Voir aussi' },
  { key: 'moreInfo', id: 'en-savoir-plus', title: 'Pour en savoir plus' },
  { key: 'references', id: 'textes-de-reference', title: 'Textes de référence' },
];

/** Kinds the block's own title already says (« Textes de référence » — « Texte de référence »). */
const SELF_EVIDENT_KINDS = new Set(['texte de référence']);

/** Every non-empty block, each a titled list of links. */
export function FicheBlocks({ links }: { links: ItemLinks }) {
  return (
    <>
      {BLOCKS.filter((b) => links[b.key]?.length).map((block) => (
        <section
          key={block.key}
          class={`pl-section pl-fiche-block pl-fiche-block--${block.id}`}
          aria-labelledby={`${block.id}-titre`}
        >
          <h2 class="pl-section__title" id={`${block.id}-titre`}>
            {applyFrenchTypography(block.title)}
          </h2>
          <ul class="pl-link-list">
            {links[block.key]!.map((link) => (
              <li key={link.url + link.title}>
                <a href={link.url}>{applyFrenchTypography(link.title)}</a>
                {link.kind && !SELF_EVIDENT_KINDS.has(link.kind.toLowerCase()) && (
                  <span class="pl-muted">{applyFrenchTypography(` — ${link.kind}`)}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
