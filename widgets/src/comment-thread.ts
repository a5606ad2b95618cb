/** The comment thread of <passerelle-article>: pages of 20, replies, official badges, flags. */
import { h, append, renderUserText } from './dom.js';
import { createFlagControl } from './flag-control.js';
import { formatDate } from './i18n.js';
import { toQuery } from './request.js';
import type { Comment, CommentPage } from './types.js';
import type { WidgetElement } from './widget-element.js';

const PAGE_SIZE = 20;

export class CommentThread {
  readonly element: HTMLElement;
  private list = h('ul', { class: 'thread' });
  private title: HTMLElement;
  private more: HTMLButtonElement;
  private cursor: string | null = null;
  private total = 0;

  constructor(
    private w: WidgetElement,
    private itemId: string,
    private onReply: (c: Comment) => void,
  ) {
    this.title = h(w.heading(1), { id: 'comments-title' });
    this.more = h(
      'button',
      { type: 'button', class: 'more', hidden: true, onclick: () => void this.load(this.cursor) },
      w.t('moreComments'),
    );
    this.element = h(
      'section',
      { class: 'comments', 'aria-labelledby': 'comments-title' },
      this.title,
      this.list,
      this.more,
    );
    this.setTotal(0);
  }

  private setTotal(total: number): void {
    this.total = total;
    this.title.textContent = this.w.t('comments', { n: total });
  }

  /**
   * Loads a page of top-level comments (the first when cursor is null); returns it for its
   * form token, which the hub binds to the visitor key sent here.
   */
  async load(cursor: string | null = null): Promise<CommentPage> {
    const page = await this.w.call<CommentPage>(
      `/api/v1/items/${encodeURIComponent(this.itemId)}/comments${toQuery({ cursor: cursor ?? undefined, limit: PAGE_SIZE })}`,
      { visitor: true },
    );
    const rows = page.comments.map((c) => this.renderComment(c));
    append(this.list, ...rows);
    if (!cursor && !rows.length) append(this.list, h('li', { class: 'empty' }, this.w.t('noComments')));
    if (cursor) rows[0]?.focus(); // the button may vanish: keep the keyboard user in the thread
    this.cursor = page.nextCursor;
    this.more.hidden = !page.nextCursor;
    this.setTotal(page.total);
    return page;
  }

  /** Shows a comment the visitor just published. */
  add(comment: Comment): void {
    const parent = comment.parentId
      ? this.list.querySelector(`[data-id="${CSS.escape(comment.parentId)}"] > .replies`)
      : null;
    this.list.querySelector(':scope > .empty')?.remove();
    append(parent ?? this.list, this.renderComment(comment));
    this.setTotal(this.total + 1); // the total counts replies too
  }

  private renderComment(c: Comment): HTMLLIElement {
    const li = h('li', { class: c.official ? 'comment official' : 'comment', 'data-id': c.id, tabindex: '-1' });
    const head = h(
      'p',
      { class: 'comment-head' },
      h('strong', null, c.deleted ? '—' : c.author),
      ' ',
      c.official && h('span', { class: 'badge' }, this.w.t('official', { partner: c.official.partnerName })),
      ' ',
      h('time', { datetime: c.createdAt }, formatDate(this.w.language, c.createdAt, true)),
    );
    const body = c.deleted
      ? h('p', { class: 'deleted' }, this.w.t('deleted'))
      : h('div', { class: 'comment-body' }, renderUserText(c.body));
    append(li, head, body);
    if (!c.deleted) append(li, this.renderActions(c));
    if (!c.parentId) append(li, this.renderReplies(c));
    return li;
  }

  private renderActions(c: Comment): HTMLDivElement {
    const flag = createFlagControl(this.w, c.id);
    const reply =
      !c.parentId &&
      h('button', { type: 'button', class: 'link-button', onclick: () => this.onReply(c) }, this.w.t('reply'));
    return h('div', { class: 'actions' }, h('div', { class: 'buttons' }, reply, flag.button), flag.panel);
  }

  private renderReplies(c: Comment): DocumentFragment {
    const list = h('ul', { class: 'replies' }, ...(c.replies ?? []).map((r) => this.renderComment(r)));
    let cursor = c.repliesNextCursor ?? null;
    const more = h('button', { type: 'button', class: 'more', hidden: !cursor }, this.w.t('moreReplies'));
    more.addEventListener('click', async () => {
      try {
        const page = await this.w.call<CommentPage>(
          `/api/v1/comments/${encodeURIComponent(c.id)}/replies${toQuery({ cursor: cursor ?? undefined, limit: PAGE_SIZE })}`,
        );
        const rows = page.comments.map((r) => this.renderComment(r));
        append(list, ...rows);
        rows[0]?.focus();
        cursor = page.nextCursor;
        more.hidden = !cursor;
      } catch (err) {
        this.w.sayError(err);
      }
    });
    const fragment = document.createDocumentFragment();
    append(fragment, list, more);
    return fragment;
  }
}
