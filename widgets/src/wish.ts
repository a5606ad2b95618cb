/**
 * <passerelle-wish>: « Proposer un contenu » on a partner's site — title (with suggestions
 * while typing), description, audience, an optional e-mail for follow-up, a honeypot and
 * the form token of GET /api/v1/wishes. `commune`, `topic` and `campagne` (else the page's
 * ?campagne=) are sent with the wish.
 */
import { h, replace, uid } from './dom.js';
import { describeError, RequestError } from './request.js';
import { translateFrom } from './i18n.js';
import { WidgetElement } from './widget-element.js';
import { WISH_MESSAGES, type WishMessageKey } from './wish-messages.js';
import { WishSuggestions } from './wish-suggestions.js';

const AUDIENCES = ['particuliers', 'professionnels', 'associations'] as const;

export class WishElement extends WidgetElement {
  static observedAttributes = WidgetElement.attributes('commune', 'topic', 'campagne');
  private token: string | undefined;

  /** A text of this widget's own table. */
  tw(key: WishMessageKey, values?: Record<string, string | number>): string {
    return translateFrom(WISH_MESSAGES, this.language, key, values);
  }

  protected render(): void {
    const titleId = uid('wish-title');
    const field = (id: string, label: string, control: HTMLElement, hint?: string) =>
      h(
        'div',
        { class: 'field' },
        h('label', { for: id }, label),
        hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
        control,
      );
    const title = h('input', {
      id: 'wish-title-input',
      name: 'title',
      maxlength: '140',
      required: true,
      autocomplete: 'off',
    });
    const body = h('textarea', { id: 'wish-body', name: 'body', rows: '4', maxlength: '2000', required: true });
    const audience = h(
      'select',
      { id: 'wish-audience', name: 'audience' },
      h('option', { value: '' }, this.tw('wishAudienceAny')),
      ...AUDIENCES.map((a) => h('option', { value: a }, this.tw(`audience_${a}`))),
    );
    const email = h('input', {
      id: 'wish-email',
      name: 'email',
      type: 'email',
      autocomplete: 'email',
      'aria-describedby': 'wish-email-hint',
    });
    const website = h('input', { id: 'wish-website', name: 'website', tabindex: '-1', autocomplete: 'off' });
    const outcome = h('p', { class: 'outcome', role: 'status' });
    const suggestions = new WishSuggestions(this);
    title.addEventListener('input', () => suggestions.update(title.value));
    const form = h(
      'form',
      {
        class: 'wish-form',
        novalidate: true,
        'aria-labelledby': titleId,
        onsubmit: (e: Event) => {
          e.preventDefault();
          void this.submit({ title, body, audience, email, website }, outcome);
        },
      },
      h(this.heading(), { id: titleId }, this.option('heading') ?? this.tw('wishTitle')),
      h('p', null, this.tw('wishIntro')),
      field('wish-title-input', this.tw('wishField'), title),
      suggestions.element,
      field('wish-body', this.tw('wishBody'), body),
      field('wish-audience', this.tw('wishAudience'), audience),
      field('wish-email', this.tw('wishEmail'), email, this.tw('wishEmailHint')),
      h(
        'div',
        { class: 'hp', 'aria-hidden': 'true' },
        h('label', { for: 'wish-website' }, this.t('honeypot')),
        website,
      ),
      h('button', { type: 'submit' }, this.tw('wishSend')),
      outcome,
    );
    replace(this.shell, this.status, form);
    void this.renew();
  }

  private async renew(): Promise<void> {
    try {
      // Bound to this visitor's key and good for one wish: asked again after each.
      this.token =
        (await this.call<{ formToken: string | null }>('/api/v1/wishes?limit=1', { visitor: true })).formToken ??
        undefined;
    } catch (err) {
      this.sayError(err);
    }
  }

  private campaign(): string | undefined {
    const own = this.option('campagne') ?? new URLSearchParams(location.search).get('campagne') ?? undefined;
    return own && /^[A-Za-z0-9._~-]{1,60}$/.test(own) ? own : undefined;
  }

  private async submit(
    fields: Record<'title' | 'body' | 'email' | 'website', HTMLInputElement | HTMLTextAreaElement> & {
      audience: HTMLSelectElement;
    },
    outcome: HTMLParagraphElement,
  ): Promise<void> {
    const title = fields.title.value.trim();
    const body = fields.body.value.trim();
    if (title.length < 5 || body.length < 10) {
      outcome.textContent = this.tw(title.length < 5 ? 'wishMissingTitle' : 'wishMissingBody');
      (title.length < 5 ? fields.title : fields.body).focus();
      return;
    }
    outcome.textContent = this.t('sending');
    const optional = {
      email: fields.email.value.trim(),
      audience: fields.audience.value,
      commune: this.option('commune'),
      topic: this.option('topic'),
      campaign: this.campaign(),
      website: fields.website.value,
    };
    try {
      const result = await this.call<{ moderation: string }>('/api/v1/wishes', {
        method: 'POST',
        visitor: true,
        body: {
          title,
          body,
          formToken: this.token,
          ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v)),
        },
      });
      outcome.textContent = this.tw(result.moderation === 'pending' ? 'wishPending' : 'wishPublished');
      fields.title.value = '';
      fields.body.value = '';
      await this.renew();
    } catch (err) {
      if (err instanceof RequestError && err.code.startsWith('form_token')) await this.renew();
      outcome.textContent = describeError(this.language, err);
    }
  }
}
