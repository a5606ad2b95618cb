/**
 * Inside a widget iframe (/widgets/v1/frame/*): tells the embedding page the content
 * height, only ever to the origin the hub checked and wrote into the script tag.
 */
import type { ScriptConfig } from './script-config.js';

export const RESIZE_MESSAGE = 'passerelle:resize';

/** Starts reporting the height when this page is framed and the frame origin is known. */
export function startFrameResize(config: ScriptConfig): void {
  const target = config.data.frameOrigin;
  if (!target || window.parent === window) return;
  document.documentElement.style.background = 'transparent';
  document.body.style.margin = '0';
  let last = -1;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: RESIZE_MESSAGE, height, id: config.data.frameId ?? '' }, target);
  };
  new ResizeObserver(post).observe(document.documentElement);
  post();
}
