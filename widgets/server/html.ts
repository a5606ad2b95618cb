/** HTML helpers for the hub's own widget pages. */
import { createHash } from 'node:crypto';
import { escapeHtml } from '../../connectors/text/index.js';

export { escapeHtml };

/** Renders ` name="value"` pairs, escaped, skipping undefined values. */
export function renderAttributes(attributes: Record<string, string | undefined>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
}

/** The CSP source that allows exactly this inline <style> text. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/** The origin of an absolute http(s) URL, or undefined. */
export function toOrigin(value: string | undefined): string | undefined {
  if (!value || !/^https?:\/\//i.test(value)) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}
