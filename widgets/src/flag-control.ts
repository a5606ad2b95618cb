/** "Signaler": a disclosure button and a small form with the four reasons of the contract. */
import { h, uid } from './dom.js';
import { describeError } from './request.js';
import type { WidgetElement } from './widget-element.js';

const REASONS = ['spam', 'offensive', 'off-topic', 'personal-data'] as const;

/** The flag button and its (hidden) panel for one comment. */
export function createFlagControl(
  w: WidgetElement,
  commentId: string,
): { button: HTMLButtonElement; panel: HTMLDivElement } {
  const panelId = uid('flag');
  const note = h('p', { class: 'note', role: 'status' });
  const button = h(
    'button',
    { type: 'button', class: 'link-button', 'aria-expanded': 'false', 'aria-controls': panelId },
    w.t('flag'),
  );
  const setOpen = (open: boolean) => {
    form.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };
  const form = h(
    'form',
    {
      hidden: true,
      class: 'flag-form',
      onsubmit: (e: Event) => {
        e.preventDefault();
        void send();
      },
    },
    h(
      'fieldset',
      null,
      h('legend', null, w.t('flagLegend')),
      ...REASONS.map((reason) => {
        const id = uid('r');
        return h(
          'div',
          { class: 'choice' },
          h('input', { type: 'radio', name: 'reason', id, value: reason }),
          h('label', { for: id }, w.t(`reason_${reason}`)),
        );
      }),
    ),
    h('button', { type: 'submit' }, w.t('flagSend')),
    ' ',
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        onclick: () => {
          setOpen(false);
          button.focus();
        },
      },
      w.t('flagCancel'),
    ),
  );
  const panel = h('div', { id: panelId, class: 'flag-panel' }, form, note);

  async function send(): Promise<void> {
    const reason = form.querySelector<HTMLInputElement>('input:checked')?.value;
    if (!reason) {
      note.textContent = w.t('flagChoose');
      form.querySelector('input')?.focus();
      return;
    }
    try {
      await w.call(`/api/v1/comments/${encodeURIComponent(commentId)}/flags`, {
        method: 'POST',
        visitor: true,
        body: { reason },
      });
      note.textContent = w.t('flagged');
      setOpen(false);
      button.focus();
    } catch (err) {
      note.textContent = describeError(w.language, err);
    }
  }
  button.addEventListener('click', () => setOpen(form.hidden));
  return { button, panel };
}
