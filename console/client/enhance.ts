/**
 * The console's one script. Every page works without it; it only adds what a browser can
 * do better: copy buttons for snippets, and a live preview of a source while it is edited.
 * Loaded as a module from the hub (no inline script: the CSP forbids them).
 */

/** Says something to screen readers through the page's live region. */
function announce(text: string): void {
  const region = document.getElementById('pl-live');
  if (!region) return;
  region.textContent = '';
  window.setTimeout(() => (region.textContent = text), 50);
}

/** <button data-copy="ID" hidden>: shown, and copies the text of #ID when pressed. */
function enhanceCopyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const target = document.getElementById(button.dataset.copy ?? '');
    if (!target || !navigator.clipboard) continue;
    const label = button.textContent ?? 'Copier';
    button.hidden = false;
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(target.textContent ?? '').then(
        () => {
          button.textContent = 'Copié';
          announce('Code copié dans le presse-papiers');
          window.setTimeout(() => (button.textContent = label), 2500);
        },
        () => announce('La copie a échoué : sélectionnez le code et copiez-le à la main'),
      );
    });
  }
}

/**
 * form[data-preview="URL"]: while the agent edits the source, the preview region
 * (#apercu) is refreshed from the server after a pause in typing.
 */
function enhanceLivePreview(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-preview]');
  const region = document.getElementById('apercu');
  if (!form || !region) return;
  let timer: number | undefined;
  let sent = 0;
  const refresh = async () => {
    const ticket = ++sent;
    region.setAttribute('aria-busy', 'true');
    const body = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string') body.append(name, value);
    try {
      const response = await fetch(form.dataset.preview ?? '', { method: 'POST', body, credentials: 'same-origin' });
      const html = await response.text();
      if (ticket !== sent) return;
      const fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('apercu');
      if (fresh) region.replaceChildren(...Array.from(fresh.childNodes));
      announce('Aperçu mis à jour');
    } catch {
      announce("L'aperçu n'a pas pu être mis à jour");
    } finally {
      if (ticket === sent) region.removeAttribute('aria-busy');
    }
  };
  form.addEventListener('input', (event) => {
    const field = event.target as HTMLElement;
    if (!field.matches('[data-preview-field], [data-preview-field] *')) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void refresh(), 900);
  });
}

enhanceCopyButtons();
enhanceLivePreview();

export {};
