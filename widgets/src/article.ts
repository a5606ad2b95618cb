/**
 * <passerelle-article item="ID">: one item, its likes, its comment thread and the comment
 * form. With show="reactions" only the likes and comments: for a page that already shows
 * the item, as the portal's item pages do.
 */
import { h, replace } from './dom.js';
import { CommentForm } from './comment-form.js';
import { CommentThread } from './comment-thread.js';
import { createFeedbackForm } from './feedback-form.js';
import { formatDate } from './i18n.js';
import { alertClass, renderEvent, renderTypeBadge } from './item-parts.js';
import { closeLikes, createLikeButton } from './like-button.js';
import { imageAttributes } from './images.js';
import { toSafeUrl } from './text.js';
import type { CommentPage, ItemSummary } from './types.js';
import { WidgetElement } from './widget-element.js';

export class ArticleElement extends WidgetElement {
  static observedAttributes = WidgetElement.attributes('item', 'show');

  protected render(): void {
    replace(this.shell, this.status);
    const id = this.option('item');
    if (!id) return this.say(this.t('code_not_found'));
    this.say(this.t('loading'));
    void this.load(id);
  }

  private async load(id: string): Promise<void> {
    let item: ItemSummary;
    try {
      item = await this.call<ItemSummary>(`/api/v1/items/${encodeURIComponent(id)}`);
    } catch (err) {
      return this.sayError(err);
    }
    this.say('');
    const thread = new CommentThread(this, id, (c) => form.replyTo(c));
    // A token is good for one submission and bound to this visitor's key: each form asks
    // for its own, and again after each submission.
    const askToken = async () =>
      (
        await this.call<CommentPage>(`/api/v1/items/${encodeURIComponent(id)}/comments?limit=1`, {
          visitor: true,
        })
      ).formToken ?? undefined;
    const form = new CommentForm(this, {
      itemId: id,
      onPublished: (c) => thread.add(c),
      renewToken: askToken,
    });
    const likes = createLikeButton(this, id, item.stats?.likes ?? 0);
    // The portal shows its own feedback form (it works without JavaScript) with show="reactions".
    const feedback = createFeedbackForm(this, id, askToken);
    const body =
      this.option('show') === 'reactions'
        ? h('div', { class: 'reactions' }, likes, thread.element, form.element)
        : h(
            'article',
            { 'aria-labelledby': 'article-title', class: `item${alertClass(item)}` },
            ...this.renderHeader(item),
            likes,
            feedback,
            thread.element,
            form.element,
          );
    replace(this.shell, this.status, body);
    try {
      const page = await thread.load();
      form.setToken(page.formToken, page.moderation, page.writable !== false);
      if (page.writable === false) {
        closeLikes(likes);
        feedback.remove();
      }
    } catch (err) {
      this.sayError(err);
    }
  }

  private renderHeader(item: ItemSummary): Node[] {
    const href = toSafeUrl(item.url);
    const partner = item.partner?.name ?? item.partnerId;
    const image = imageAttributes(this.hub(), item.image, '(max-width: 48rem) 100vw, 48rem');
    return [
      renderTypeBadge(this, item) ?? document.createTextNode(''),
      h(this.heading(), { id: 'article-title' }, item.title),
      image
        ? h('img', {
            ...image,
            class: 'lead-image',
            alt: item.image?.alt ?? '',
            decoding: 'async',
            onerror: (e: Event) => (e.target as HTMLElement).remove(),
          })
        : document.createTextNode(''),
      renderEvent(this, item) ?? document.createTextNode(''),
      h(
        'p',
        { class: 'meta' },
        item.publishedAt && h('time', { datetime: item.publishedAt }, formatDate(this.language, item.publishedAt)),
        item.publishedAt && ' · ',
        this.t('publishedBy', { partner }),
      ),
      item.summary ? h('p', { class: 'summary' }, item.summary) : document.createTextNode(''),
      href
        ? h('p', null, h('a', { href, class: 'read-on' }, this.t('readOn', { partner })))
        : document.createTextNode(''),
    ];
  }
}
