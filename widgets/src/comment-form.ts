/**
 * The comment form: pseudonym, comment, a honeypot that people never see or reach, the
 * form token of the thread, and the outcome told in a live region.
 */
import { h, uid } from './dom.js';
import { describeError, RequestError } from './request.js';
import type { Comment } from './types.js';
import type { WidgetElement } from './widget-element.js';

export interface CommentFormOptions {
  itemId: string;
  /** Called with a comment that is already published. */
  onPublished: (comment: Comment) => void;
  /** Fetches a fresh form token. */
  renewToken: () => Promise<string | undefined>;
}

interface PostResult {
  comment: Comment;
}

export class CommentForm {
  readonly element: HTMLFormElement;
  private author = h('input', {
    id: 'author',
    name: 'author',
    autocomplete: 'nickname',
    minlength: '2',
    maxlength: '40',
    required: true,
  });
  private body = h('textarea', { id: 'body', name: 'body', rows: '4', maxlength: '2000', required: true });
  private website = h('input', { id: 'website', name: 'website', tabindex: '-1', autocomplete: 'off' });
  private outcome = h('p', { class: 'outcome', role: 'status' });
  private moderationNote = h('p', { class: 'note', hidden: true });
  private replyLine = h('p', { class: 'reply-to', hidden: true });
  private parent: Comment | null = null;
  private token: string | undefined;
  private busy = false;

  constructor(
    private w: WidgetElement,
    private options: CommentFormOptions,
  ) {
    const titleId = uid('form-title');
    this.element = h(
      'form',
      {
        class: 'comment-form',
        novalidate: true,
        'aria-labelledby': titleId,
        onsubmit: (e: Event) => {
          e.preventDefault();
          void this.submit();
        },
      },
      h(w.heading(1), { id: titleId }, w.t('formTitle')),
      this.moderationNote,
      this.replyLine,
      h('div', { class: 'field' }, h('label', { for: 'author' }, w.t('author')), this.author),
      h('div', { class: 'field' }, h('label', { for: 'body' }, w.t('body')), this.body),
      // Bots fill every field; people never see this one, nor reach it with Tab or a screen reader.
      h('div', { class: 'hp', 'aria-hidden': 'true' }, h('label', { for: 'website' }, w.t('honeypot')), this.website),
      h('button', { type: 'submit' }, w.t('send')),
      this.outcome,
    );
  }

  /** Takes the thread's form token and moderation mode; a page that may not write gets a note instead of the form. */
  setToken(token: string | null | undefined, moderation?: string, writable = true): void {
    if (!writable) return this.close();
    this.token = token ?? undefined;
    this.moderationNote.hidden = moderation !== 'pre';
    this.moderationNote.textContent = this.w.t('preModeration');
  }

  /** Replaces the fields by a note saying this site cannot send comments (its origin is not allowed). */
  private close(): void {
    const title = this.element.firstElementChild;
    this.element.replaceChildren(...(title ? [title] : []), h('p', { class: 'note' }, this.w.t('writesClosed')));
  }

  /** Makes the next comment a reply to `comment` and moves focus to the text. */
  replyTo(comment: Comment | null): void {
    this.parent = comment;
    this.replyLine.hidden = !comment;
    this.replyLine.replaceChildren();
    if (comment) {
      this.replyLine.append(
        this.w.t('replyTo', { author: comment.author }),
        ' ',
        h(
          'button',
          { type: 'button', class: 'link-button', onclick: () => this.replyTo(null) },
          this.w.t('cancelReply'),
        ),
      );
      this.body.focus();
    }
  }

  private check(): boolean {
    const missing = this.author.value.trim().length < 2 ? this.author : !this.body.value.trim() ? this.body : undefined;
    if (!missing) return true;
    this.outcome.textContent = this.w.t(missing === this.author ? 'missingAuthor' : 'missingBody');
    missing.focus();
    return false;
  }

  private async submit(): Promise<void> {
    if (this.busy || !this.check()) return;
    this.busy = true;
    this.outcome.textContent = this.w.t('sending');
    try {
      const result = await this.w.call<PostResult>(
        `/api/v1/items/${encodeURIComponent(this.options.itemId)}/comments`,
        {
          method: 'POST',
          visitor: true,
          body: {
            author: this.author.value.trim(),
            body: this.body.value.trim(),
            formToken: this.token,
            ...(this.parent ? { parentId: this.parent.id } : {}),
            ...(this.website.value ? { website: this.website.value } : {}),
          },
        },
      );
      const pending = result.comment.status === 'pending';
      this.outcome.textContent = this.w.t(pending ? 'pending' : 'published');
      this.body.value = '';
      this.replyTo(null);
      if (!pending) this.options.onPublished(result.comment);
      await this.renew();
    } catch (err) {
      if (err instanceof RequestError && err.code.startsWith('form_token')) await this.renew();
      this.outcome.textContent = describeError(this.w.language, err);
    } finally {
      this.busy = false;
    }
  }

  private async renew(): Promise<void> {
    try {
      this.token = (await this.options.renewToken()) ?? this.token;
    } catch {
      // keep the old token: the next post will say what is wrong
    }
  }
}
