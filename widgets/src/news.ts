/** <passerelle-news>: the latest items of a partner, topic, type or commune. */
import { h, replace } from './dom.js';
import { formatDate } from './i18n.js';
import { alertClass, renderEvent, renderTypeBadge } from './item-parts.js';
import { imageAttributes } from './images.js';
import { toQuery } from './request.js';
import { toSafeUrl } from './text.js';
import type { ItemList, ItemSummary } from './types.js';
import { WidgetElement } from './widget-element.js';

const DEFAULT_LIMIT = 5;

export class NewsElement extends WidgetElement {
  static observedAttributes = WidgetElement.attributes('partner', 'topic', 'type', 'commune', 'limit', 'heading');

  protected render(): void {
    const list = h('ul', { class: 'cards' });
    // A plain section, not a named region: two lists on one page must not make duplicate landmarks.
    replace(
      this.shell,
      h('section', null, h(this.heading(), null, this.option('heading') ?? this.t('newsTitle')), this.status, list),
    );
    this.say(this.t('loading'));
    void this.load(list);
  }

  private async load(list: HTMLUListElement): Promise<void> {
    const limit = Math.min(50, Math.max(1, Number(this.option('limit')) || DEFAULT_LIMIT));
    const query = toQuery({
      partner: this.option('partner'),
      topic: this.option('topic'),
      type: this.option('type'),
      commune: this.option('commune'),
      sort: 'date',
      limit,
    });
    try {
      const result = await this.call<ItemList>(`/api/v1/items${query}`);
      replace(list, ...result.items.map((item) => this.renderItem(item)));
      this.say(result.items.length ? '' : this.t('newsEmpty'));
    } catch (err) {
      this.sayError(err);
    }
  }

  private renderItem(item: ItemSummary): HTMLLIElement {
    const href = toSafeUrl(item.url);
    // Cards are at most about 20rem wide, the whole width on a phone.
    const image = imageAttributes(this.hub(), item.image, '(max-width: 34rem) 100vw, 20rem');
    const partner = item.partner?.name ?? item.partnerId;
    // An event's card shows when it takes place instead of when it was published.
    const published = !item.event && item.publishedAt;
    return h(
      'li',
      { class: `card${alertClass(item)}` },
      // An image that fails to load is dropped rather than shown broken.
      image &&
        h('img', {
          ...image,
          alt: item.image?.alt ?? '',
          loading: 'lazy',
          decoding: 'async',
          referrerpolicy: 'no-referrer',
          onerror: (e: Event) => (e.target as HTMLElement).remove(),
        }),
      h(
        'div',
        { class: 'card-body' },
        renderTypeBadge(this, item),
        h(this.heading(1), { class: 'card-title' }, href ? h('a', { href }, item.title) : item.title),
        renderEvent(this, item),
        h(
          'p',
          { class: 'meta' },
          published && h('time', { datetime: published }, formatDate(this.language, published)),
          published && ' · ',
          this.t('publishedBy', { partner }),
        ),
      ),
    );
  }
}
