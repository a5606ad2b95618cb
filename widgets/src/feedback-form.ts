/**
 * « Cette page vous a-t-elle été utile ? » under <passerelle-article>: Oui answers at
 * once; Non opens what went wrong and an optional text (500 characters, no personal
 * data). One answer per visitor and item; answering again replaces it.
 */
import { h, replace } from './dom.js';
import { describeError, RequestError } from './request.js';
import type { MessageKey } from './i18n.js';
import type { WidgetElement } from './widget-element.js';

const REASONS = ['pas-clair', 'incomplet', 'obsolete', 'hors-situation', 'lien-casse'] as const;

export function createFeedbackForm(
  w: WidgetElement,
  itemId: string,
  askToken: () => Promise<string | undefined>,
): HTMLElement {
  const outcome = h('p', { class: 'note', role: 'status' });
  const path = `/api/v1/items/${encodeURIComponent(itemId)}/feedback`;
  // Its own token (the comment form has another): one submission each.
  let token: string | undefined;
  const renew = () =>
    askToken().then(
      (t) => void (token = t),
      () => undefined,
    );
  void renew();
  const send = async (body: Record<string, unknown>) => {
    outcome.textContent = w.t('sending');
    try {
      await w.call(path, { method: 'POST', visitor: true, body: { ...body, formToken: token } });
      replace(section, h('p', { class: 'note', role: 'status' }, w.t('feedbackThanks')));
    } catch (err) {
      if (err instanceof RequestError && err.code.startsWith('form_token')) await renew();
      outcome.textContent = describeError(w.language, err);
    }
  };
  const boxes = REASONS.map((r) => h('input', { type: 'checkbox', name: 'reasons', value: r, id: `fb-${r}` }));
  const text = h('textarea', {
    id: 'fb-text',
    name: 'text',
    rows: '3',
    maxlength: '500',
    'aria-describedby': 'fb-text-hint',
  });
  const details = h(
    'form',
    {
      hidden: true,
      class: 'feedback-details',
      onsubmit: (e: Event) => {
        e.preventDefault();
        const reasons = boxes.filter((b) => b.checked).map((b) => b.value);
        void send({ useful: false, reasons, ...(text.value.trim() ? { text: text.value.trim() } : {}) });
      },
    },
    h(
      'fieldset',
      null,
      h('legend', null, w.t('feedbackWhy')),
      ...boxes.map((b) =>
        h('div', { class: 'choice' }, b, h('label', { for: b.id }, w.t(`feedback_${b.value}` as MessageKey))),
      ),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'fb-text' }, w.t('feedbackText')),
      h('p', { class: 'hint', id: 'fb-text-hint' }, w.t('feedbackPrivacy')),
      text,
    ),
    h('button', { type: 'submit' }, w.t('feedbackSend')),
  );
  const yes = h(
    'button',
    { type: 'button', class: 'secondary', onclick: () => void send({ useful: true }) },
    w.t('yes'),
  );
  const no = h(
    'button',
    {
      type: 'button',
      class: 'secondary',
      'aria-expanded': 'false',
      onclick: () => {
        details.hidden = false;
        no.setAttribute('aria-expanded', 'true');
        boxes[0]?.focus();
      },
    },
    w.t('no'),
  );
  const section: HTMLElement = h(
    'section',
    { class: 'feedback', 'aria-labelledby': 'fb-title' },
    h(w.heading(1), { id: 'fb-title' }, w.t('feedbackTitle')),
    h('p', null, yes, ' ', no),
    details,
    outcome,
  );
  return section;
}
