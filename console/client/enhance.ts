/**
 * The console's one script. Every page works without it; it only adds what a browser can
 * do better: copy buttons for snippets, a live preview of a source while it is edited, and
 * who else has a lab open, refreshed every 30 s.
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

/**
 * p[data-presence="URL"]: the lab page says at render who else has it open; every 30 s the
 * page tells the server it is still open (the form token of the page's forms goes with it)
 * and shows the answer. The server forgets an agent silent for a minute.
 */
function enhancePresence(): void {
  const line = document.querySelector<HTMLElement>('[data-presence]');
  const csrf = document.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value;
  if (!line || !csrf) return;
  const ping = async () => {
    try {
      const body = new URLSearchParams({ _csrf: csrf });
      const response = await fetch(line.dataset.presence ?? '', { method: 'POST', body, credentials: 'same-origin' });
      const { text } = (await response.json()) as { text: string };
      if (text === (line.textContent ?? '').trim()) return;
      line.textContent = text;
      line.hidden = text === '';
      if (text) announce(text);
    } catch {
      // Offline or signed out: the line stays as it was; the next tick tries again.
    }
  };
  window.setInterval(() => void ping(), 30_000);
}

enhanceCopyButtons();
enhanceLivePreview();
enhancePresence();

export {};
