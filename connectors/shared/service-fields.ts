/** Normalizers of what items say about local offices and service entries (finalize-item.ts). */
import type { ServiceFacts } from '../../schemas/index.js';
import { htmlToText, truncateAtWord } from '../text/index.js';
import type { DraftItem } from './types.js';

/** DILA PivotLocal values, lower case (`mairie`, `prefecture`, `caf`…), without repeats. */
export function normalizeLocalOffices(values: readonly string[] | undefined): string[] | undefined {
  const kinds = (values ?? []).map((v) => v.trim().toLowerCase()).filter((v) => /^[a-z0-9_-]{2,60}$/.test(v));
  const unique = [...new Set(kinds)].slice(0, 20);
  return unique.length ? unique : undefined;
}

/** Account, cost and duration of a service entry; undefined when it says nothing. */
export function normalizeServiceFacts(facts: DraftItem['serviceFacts']): ServiceFacts | undefined {
  if (!facts) return undefined;
  const out: ServiceFacts = {
    ...(typeof facts.accountRequired === 'boolean' ? { accountRequired: facts.accountRequired } : {}),
    ...optionalText('cost', facts.cost, 200),
    ...optionalText('duration', facts.duration, 200),
  };
  return Object.keys(out).length ? out : undefined;
}

function optionalText<K extends string>(key: K, value: unknown, max: number): Partial<Record<K, string>> {
  if (typeof value !== 'string' && typeof value !== 'number') return {};
  const text = truncateAtWord(htmlToText(String(value)), max);
  return text ? ({ [key]: text } as Record<K, string>) : {};
}
