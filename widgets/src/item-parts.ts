/**
 * What every widget shows the same way about an item: its type (an alert marked in words
 * and shape, never colour alone), and when and where an event takes place.
 */
import { capitalizeFirst, formatEventDates } from '../../hub/locale/index.js';
import { h } from './dom.js';
import { hasMessage } from './i18n.js';
import type { ItemSummary } from './types.js';
import type { WidgetElement } from './widget-element.js';

/** The class that marks an alert's card, result or article. */
export function alertClass(item: ItemSummary): string {
  return item.type === 'alert' ? ' alert' : '';
}

/** A badge naming the item's type; none for plain news, which most lists are made of. */
export function renderTypeBadge(w: WidgetElement, item: ItemSummary): HTMLParagraphElement | null {
  const key = `type_${item.type}`;
  if (item.type === 'news' || !hasMessage(key)) return null;
  const kind = item.type === 'alert' ? 'badge alert-badge' : 'badge type-badge';
  return h('p', { class: 'kicker' }, h('span', { class: kind }, w.t(key)));
}

/** « Du 12 au 14 mars 2027 » and « Lieu : … », or null when the item is no event. */
export function renderEvent(w: WidgetElement, item: ItemSummary): HTMLParagraphElement | null {
  const event = item.event;
  if (!event) return null;
  const dates = formatEventDates(event, w.language);
  return h(
    'p',
    { class: 'event' },
    dates && h('time', { class: 'event-dates', datetime: event.start }, capitalizeFirst(dates)),
    event.place && h('span', { class: 'event-place' }, w.t('eventPlace', { place: event.place })),
  );
}
