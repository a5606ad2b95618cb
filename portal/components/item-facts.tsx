/** What an item page says about the item besides its text: dates, audience, territory, topics. */
import { applyFrenchTypography, formatDate } from '../../hub/ui/index.js';
import type { Item } from '../../schemas/index.js';
import { describeArea } from '../site/structured-data.js';
import { AUDIENCE_LABELS } from '../view/facet-groups.js';
import { getTopicLabel } from '../view/topics.js';

export function ItemFacts({ item, partnerName }: { item: Item; partnerName: string }) {
  return (
    <section class="pl-section" aria-labelledby="a-propos-titre">
      <h2 class="pl-section__title" id="a-propos-titre">
        {applyFrenchTypography('À propos de cette page')}
      </h2>
      <dl class="pl-facts">
        <dt>Publiée par</dt>
        <dd>
          <a href={`/partenaires/${item.partnerId}`}>{partnerName}</a>
        </dd>
        {item.publishedAt && <DateFact label="Publiée le" value={item.publishedAt} />}
        {item.updatedAt && item.updatedAt !== item.publishedAt && (
          <DateFact label="Mise à jour le" value={item.updatedAt} />
        )}
        <dt>Concerne</dt>
        <dd>{describeArea(item.territory)}</dd>
        {item.audience.length > 0 && (
          <>
            <dt>Pour</dt>
            <dd>{item.audience.map((a) => AUDIENCE_LABELS[a] ?? a).join(', ')}</dd>
          </>
        )}
        {item.topics.length > 0 && (
          <>
            <dt>Thèmes</dt>
            <dd>
              <ul class="pl-inline-list">
                {item.topics.map((t) => (
                  <li key={t}>
                    <a href={`/themes/${t}`}>{applyFrenchTypography(getTopicLabel(t))}</a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

function DateFact({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <time dateTime={value}>{formatDate(value)}</time>
      </dd>
    </>
  );
}
