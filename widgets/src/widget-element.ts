/**
 * The base of every widget: an open shadow root with the shared stylesheet, options read
 * from the element's attributes or the script tag's data-*, the language, the theme, and a
 * polite live region for loading, counts and failures.
 */
import { h, replace } from './dom.js';
import { pickLang, translate, type Lang, type MessageKey } from './i18n.js';
import { describeError, request, type RequestOptions } from './request.js';
import type { ScriptConfig } from './script-config.js';

declare const __WIDGET_CSS__: string;
/** Read once: esbuild's define would otherwise copy the stylesheet at every use. */
const CSS_TEXT = __WIDGET_CSS__;

let sharedSheet: CSSStyleSheet | undefined;

/** Constructed stylesheets are shared by all widgets and need no 'unsafe-inline' style CSP. */
function adoptStyles(root: ShadowRoot): void {
  try {
    if (!sharedSheet) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS_TEXT);
      sharedSheet = sheet;
    }
    root.adoptedStyleSheets = [sharedSheet];
  } catch {
    root.appendChild(h('style', null, CSS_TEXT));
  }
}

let scriptConfig: ScriptConfig = { origin: '', data: {} };

/** Gives every widget the configuration of the script tag that loaded the bundle. */
export function setScriptConfig(config: ScriptConfig): void {
  scriptConfig = config;
}

const COMMON_ATTRIBUTES = ['hub', 'lang', 'theme', 'heading-level'];

export abstract class WidgetElement extends HTMLElement {
  /** Attributes that make the widget render again when they change. */
  static attributes(...names: string[]): string[] {
    return [...COMMON_ATTRIBUTES, ...names];
  }

  protected shell!: HTMLDivElement;
  protected status!: HTMLParagraphElement;
  language: Lang = 'fr';
  private scheduled = false;

  connectedCallback(): void {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      adoptStyles(root);
      this.shell = h('div', { class: 'root' });
      root.appendChild(this.shell);
    }
    this.schedule();
  }

  attributeChangedCallback(): void {
    if (this.shell) this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.language = pickLang(this.option('lang'));
      this.shell.lang = this.language;
      const theme = this.option('theme');
      if (theme === 'dark' || theme === 'light') this.shell.dataset.theme = theme;
      else delete this.shell.dataset.theme;
      this.status = h('p', { class: 'status', role: 'status' });
      replace(this.shell);
      this.render();
    });
  }

  /** Builds the widget's content inside this.shell (called again when attributes change). */
  protected abstract render(): void;

  /** An attribute, else the script tag's data-* of the same name, else undefined. */
  option(name: string): string | undefined {
    const own = this.getAttribute(name);
    if (own !== null && own !== '') return own;
    return scriptConfig.data[name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())];
  }

  /** The hub to call: the `hub` option or the origin that served embed.js. */
  hub(): string {
    const value = this.option('hub');
    try {
      if (value) return new URL(value, location.href).origin;
    } catch {
      // fall back to the script's origin
    }
    return scriptConfig.origin || location.origin;
  }

  t(key: MessageKey, values?: Record<string, string | number>): string {
    return translate(this.language, key, values);
  }

  /** A heading tag `offset` levels below the widget's own (heading-level, default 2). */
  heading(offset = 0): 'h2' | 'h3' | 'h4' | 'h5' | 'h6' {
    const level = Math.min(6, Math.max(2, (Number(this.option('heading-level')) || 2) + offset));
    return `h${level}` as 'h2';
  }

  /** Calls the hub (see request()). */
  call<T>(path: string, options?: RequestOptions): Promise<T> {
    return request<T>(this.hub(), path, options);
  }

  /** Says `text` in the main live region. */
  say(text: string): void {
    this.status.textContent = text;
  }

  /** Says what went wrong, in plain words. */
  sayError(err: unknown): void {
    this.say(describeError(this.language, err));
  }
}
