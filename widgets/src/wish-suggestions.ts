/**
 * « Cela existe peut-être déjà » under the title of <passerelle-wish>: items and open
 * wishes that may answer what is being typed, fetched 300 ms after the last keystroke.
 * Never blocks the form; each suggested wish has its « Moi aussi ».
 */
import { h, replace } from './dom.js';
import { describeError, toQuery } from './request.js';
import { toSafeUrl } from './text.js';
import type { WishElement } from './wish.js';

interface Similar {
  items: { id: string; title: string; url: string }[];
  wishes: { id: string; title: string; supports: number }[];
}

const DELAY_MS = 300;

export class WishSuggestions {
  readonly element = h('div', { class: 'suggested', role: 'region', 'aria-live': 'polite' });
  private timer: ReturnType<typeof setTimeout> | undefined;
  private controller: AbortController | undefined;

  constructor(private w: WishElement) {}

  /** Schedules a look-up for the text being typed. */
  update(text: string): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.fetch(text.trim()), DELAY_MS);
  }

  private async fetch(q: string): Promise<void> {
    this.controller?.abort();
    if (q.length < 3) return replace(this.element);
    const controller = (this.controller = new AbortController());
    try {
      const found = await this.w.call<Similar>(`/api/v1/wishes/similar${toQuery({ q })}`, {
        signal: controller.signal,
      });
      this.show(found);
    } catch {
      // Suggestions are a help, never an obstacle: a failure shows nothing.
    }
  }

  private show({ items, wishes }: Similar): void {
    if (!items.length && !wishes.length) return replace(this.element);
    const links = items.map((item) => {
      const href = toSafeUrl(item.url);
      return h('li', null, href ? h('a', { href }, item.title) : item.title);
    });
    replace(
      this.element,
      h('p', null, h('strong', null, this.w.tw('wishSuggested'))),
      h('ul', null, ...links, ...wishes.map((wish) => this.renderWish(wish))),
    );
  }

  private renderWish(wish: Similar['wishes'][number]): HTMLLIElement {
    const count = h('span', { class: 'count' }, this.w.tw('wishSupports', { n: wish.supports }));
    const note = h('span', { class: 'note', role: 'status' });
    const button = h('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false' }, this.w.tw('metoo'));
    button.addEventListener('click', async () => {
      const on = button.getAttribute('aria-pressed') !== 'true';
      try {
        const r = await this.w.call<{ supports: number; supported: boolean }>(
          `/api/v1/wishes/${encodeURIComponent(wish.id)}/supports`,
          { method: on ? 'POST' : 'DELETE', visitor: true },
        );
        button.setAttribute('aria-pressed', String(r.supported));
        count.textContent = this.w.tw('wishSupports', { n: r.supports });
        note.textContent = r.supported ? this.w.tw('metooDone') : '';
      } catch (err) {
        note.textContent = describeError(this.w.language, err);
      }
    });
    return h('li', { class: 'suggested-wish' }, h('span', null, wish.title), ' ', button, ' ', count, ' ', note);
  }
}
