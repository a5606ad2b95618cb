/** Hashing: stable item ids and content hashes. */
import { createHash } from 'node:crypto';

/** sha256 of a string, lower-case hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** JSON with object keys sorted at every level, so equal values always hash equally. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortKeys(v);
  }
  return out;
}

/** The stable item id: first 24 hex characters of sha256(sourceId + "\n" + guid). */
export function deriveItemId(sourceId: string, guid: string): string {
  return sha256Hex(`${sourceId}\n${guid}`).slice(0, 24);
}

/** sha256 (hex) of a value in stable JSON form. */
export function hashValue(value: unknown): string {
  return sha256Hex(stableStringify(value));
}
