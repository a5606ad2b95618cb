/**
 * frame.js, for the page that embeds widget iframes: resizes each iframe to the height its
 * content reports. Only messages from the hub that served this script, and only from the
 * very iframe being resized, are believed.
 */
import { RESIZE_MESSAGE } from './frame-child.js';

const MAX_HEIGHT = 20_000;

function findHubOrigin(): string | undefined {
  const script = document.currentScript;
  try {
    return script instanceof HTMLScriptElement ? new URL(script.src).origin : undefined;
  } catch {
    return undefined;
  }
}

const hubOrigin = findHubOrigin();

window.addEventListener('message', (event: MessageEvent) => {
  const data = event.data as { type?: unknown; height?: unknown } | null;
  if (!hubOrigin || event.origin !== hubOrigin || data?.type !== RESIZE_MESSAGE) return;
  if (typeof data.height !== 'number' || !Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source)
      frame.style.height = `${Math.min(MAX_HEIGHT, Math.max(0, Math.round(data.height)))}px`;
  }
});
