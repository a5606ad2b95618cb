/** What changed between two snapshots of a target, said shortly, secrets masked. */
import type { AuditChange } from './audit-model.js';

/** Values of fields whose name says they are secret are never written to the journal. */
const SECRET = /password|secret|token|hash|apikey|api_key|authorization|credential/i;
const MASK = '•••';
const MAX_VALUE = 160;
const MAX_CHANGES = 25;

function flatten(value: unknown, prefix: string, out: Map<string, unknown>, depth: number): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && depth < 2) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.set(prefix, {});
    for (const [key, inner] of entries) flatten(inner, prefix ? `${prefix}.${key}` : key, out, depth + 1);
    return;
  }
  if (prefix) out.set(prefix, value);
}

/** A value as one short line. */
export function describeValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/**
 * The fields that differ between `before` and `after` (either may be absent: a creation,
 * a deletion), nested objects flattened to dotted paths, at most 25 fields.
 */
export function summarizeChanges(before?: Record<string, unknown>, after?: Record<string, unknown>): AuditChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before ?? {}, '', a, 0);
  flatten(after ?? {}, '', b, 0);
  const changes: AuditChange[] = [];
  for (const field of new Set([...a.keys(), ...b.keys()])) {
    const from = a.get(field);
    const to = b.get(field);
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    const secret = SECRET.test(field);
    const beforeText = secret && from !== undefined ? MASK : describeValue(from);
    const afterText = secret && to !== undefined ? MASK : describeValue(to);
    changes.push({
      field,
      ...(beforeText !== undefined ? { before: beforeText } : {}),
      ...(afterText !== undefined ? { after: afterText } : {}),
    });
    if (changes.length === MAX_CHANGES) break;
  }
  return changes;
}
