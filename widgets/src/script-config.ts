/**
 * What the <script> tag that loaded embed.js says: the hub it came from (the default `hub`)
 * and its data-* attributes, used as defaults by elements that lack the attribute.
 * Read once, at load time: document.currentScript is only set while the script runs.
 */

export interface ScriptConfig {
  /** Origin that served embed.js. */
  origin: string;
  /** data-* of the script tag (data-partner → partner, data-frame-origin → frameOrigin). */
  data: Record<string, string>;
}

function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  // Fallback for loaders that inject the script: the last tag pointing at embed.js.
  const tags = document.querySelectorAll<HTMLScriptElement>('script[src*="/widgets/v1/embed"]');
  return tags[tags.length - 1] ?? null;
}

/** Reads the loading script's origin and data-* attributes. */
export function readScriptConfig(): ScriptConfig {
  const script = findScript();
  let origin = location.origin;
  try {
    if (script?.src) origin = new URL(script.src).origin;
  } catch {
    // keep the page's origin
  }
  const data: Record<string, string> = {};
  for (const [name, value] of Object.entries(script?.dataset ?? {})) if (value) data[name] = value;
  return { origin, data };
}
