/**
 * « Cela existe peut-être déjà »: while a citizen types the title of a wish, the pages of
 * the portal and the open wishes that may already answer are listed under the field
 * (GET /api/v1/wishes/similar, after a pause in typing). Only an aid: the form is sent
 * as it is, whatever the suggestions say or if they never come. Loaded defer from the hub
 * (no inline script: the CSP forbids them).
 */
export {};

interface Similar {
  items: { id: string; title: string }[];
  wishes: { id: string; title: string; supports: number }[];
}

const PAUSE_MS = 350;

function link(href: string, text: string): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  li.append(a);
  return li;
}

function group(title: string, entries: HTMLLIElement[]): HTMLElement[] {
  if (!entries.length) return [];
  const heading = document.createElement('p');
  heading.className = 'pl-wish-suggestions__title';
  heading.textContent = title;
  const list = document.createElement('ul');
  list.append(...entries);
  return [heading, list];
}

function show(region: HTMLElement, found: Similar): void {
  const items = found.items.map((i) => link(`/articles/${encodeURIComponent(i.id)}`, i.title));
  const wishes = found.wishes.map((w) =>
    link(
      `/souhaits/${encodeURIComponent(w.id)}`,
      `${w.title} (${w.supports}\u00a0soutien${w.supports > 1 ? 's' : ''})`,
    ),
  );
  region.replaceChildren(
    ...group('Ces pages répondent peut-être déjà\u00a0:', items),
    ...group('Des souhaits semblables, que vous pouvez soutenir\u00a0:', wishes),
  );
  region.hidden = items.length + wishes.length === 0;
}

function enhance(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="titre"]');
  const region = document.getElementById('suggestions');
  const url = form.dataset.suggest;
  if (!input || !region || !url) return;
  let timer: number | undefined;
  let asked = '';
  let controller: AbortController | undefined;
  const ask = () => {
    const q = input.value.trim();
    if (q === asked) return;
    asked = q;
    controller?.abort();
    if (q.length < 3) return show(region, { items: [], wishes: [] });
    controller = new AbortController();
    fetch(`${url}?${new URLSearchParams({ q })}`, {
      signal: controller.signal,
      headers: { accept: 'application/json' },
    })
      .then((res) => (res.ok ? (res.json() as Promise<Similar>) : undefined))
      .then((found) => found && asked === q && show(region, found))
      .catch(() => undefined);
  };
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(ask, PAUSE_MS);
  });
  if (input.value.trim()) ask();
}

const form = document.querySelector<HTMLFormElement>('form[data-suggest]');
if (form) enhance(form);
