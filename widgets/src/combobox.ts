/**
 * Completions as the user types, following the WAI-ARIA combobox pattern: the input keeps
 * focus, aria-activedescendant points at the highlighted option, Escape closes the list.
 */
import { h, replace, uid } from './dom.js';

export interface ComboboxOptions {
  input: HTMLInputElement;
  listbox: HTMLUListElement;
  /** Fetches completions; a newer keystroke aborts the older request. */
  complete: (text: string, signal: AbortSignal) => Promise<string[]>;
  /** Called when an option is chosen (Enter or click). */
  choose: (text: string) => void;
}

const DEBOUNCE_MS = 200;
const MIN_CHARS = 2;

/** Wires `input` and `listbox` into a combobox. */
export function attachCombobox({ input, listbox, complete, choose }: ComboboxOptions): { close: () => void } {
  let options: HTMLLIElement[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: AbortController | undefined;

  const setActive = (index: number) => {
    options[active]?.setAttribute('aria-selected', 'false');
    active = index;
    const option = options[active];
    option?.setAttribute('aria-selected', 'true');
    if (option) input.setAttribute('aria-activedescendant', option.id);
    else input.removeAttribute('aria-activedescendant');
  };
  const close = () => {
    clearTimeout(timer);
    pending?.abort();
    setActive(-1);
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };
  const pick = (text: string) => {
    input.value = text;
    close();
    choose(text);
  };
  const show = (texts: string[]) => {
    options = texts.map((text) =>
      h(
        'li',
        {
          id: uid('opt'),
          role: 'option',
          'aria-selected': 'false',
          onmousedown: (e: Event) => e.preventDefault(),
          onclick: () => pick(text),
        },
        text,
      ),
    );
    replace(listbox, ...options);
    active = -1;
    if (!options.length) return close();
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const fetchOptions = async () => {
    const text = input.value.trim();
    if (text.length < MIN_CHARS) return close();
    pending?.abort();
    const controller = (pending = new AbortController());
    try {
      const texts = await complete(text, controller.signal);
      if (!controller.signal.aborted) show(texts);
    } catch {
      if (!controller.signal.aborted) close(); // completions are a convenience: failures stay silent
    }
  };
  const onKey = (e: KeyboardEvent) => {
    const open = !listbox.hidden && options.length > 0;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!options.length) return;
      e.preventDefault();
      if (!open) show(options.map((o) => o.textContent ?? ''));
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + options.length + (active < 0 && step < 0 ? 1 : 0)) % options.length);
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      pick(options[active]?.textContent ?? '');
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close();
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void fetchOptions(), DEBOUNCE_MS);
  });
  input.addEventListener('keydown', onKey);
  input.addEventListener('blur', close);
  close();
  return { close };
}
