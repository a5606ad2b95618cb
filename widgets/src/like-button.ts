/** The like toggle of <passerelle-article>: a <button aria-pressed> and the count beside it. */
import { h } from './dom.js';
import { describeError } from './request.js';
import type { Reactions } from './types.js';
import type { WidgetElement } from './widget-element.js';

/** Hides the like button (the count stays) when this site may not send likes. */
export function closeLikes(row: HTMLElement): void {
  row.querySelector('button.like')?.setAttribute('hidden', '');
}

/** Builds the like row and reads whether this visitor already likes the item. */
export function createLikeButton(w: WidgetElement, itemId: string, likes: number): HTMLDivElement {
  const icon = h('span', { class: 'icon', 'aria-hidden': 'true' }, '♡');
  const button = h('button', { type: 'button', class: 'like', 'aria-pressed': 'false' }, icon, ' ', w.t('like'));
  const count = h('span', { class: 'count' }, w.t('likes', { n: likes }));
  const note = h('span', { class: 'note', role: 'status' });
  const path = `/api/v1/items/${encodeURIComponent(itemId)}`;
  let busy = false;

  // Pressed shows a filled heart and a filled button, not only another colour.
  const show = (r: Reactions) => {
    button.setAttribute('aria-pressed', String(r.liked));
    icon.textContent = r.liked ? '♥' : '♡';
    count.textContent = w.t('likes', { n: r.likes });
  };
  w.call<Reactions>(`${path}/reactions`, { visitor: true }).then(show, () => undefined);
  button.addEventListener('click', async () => {
    if (busy) return;
    busy = true;
    const liked = button.getAttribute('aria-pressed') === 'true';
    try {
      show(await w.call<Reactions>(`${path}/likes`, { method: liked ? 'DELETE' : 'POST', visitor: true }));
      note.textContent = '';
    } catch (err) {
      note.textContent = describeError(w.language, err);
    } finally {
      busy = false;
    }
  });
  return h('div', { class: 'like-row' }, button, count, note);
}
