/** Normalizers of what items say about online services and local offices (finalize-item.ts). */
import type { OnlineServiceLink, ServiceFacts } from '../../schemas/index.js';
import { htmlToText, truncateAtWord } from '../text/index.js';
import { canonicalizeUrl } from './urls.js';
import type { DraftItem } from './types.js';

/** http(s) links with a title, resolved against the item URL; one per address, at most 50. */
export function normalizeOnlineServices(
  links: DraftItem['onlineServices'],
  base: string,
): OnlineServiceLink[] | undefined {
  const byUrl = new Map<string, OnlineServiceLink>();
  for (const link of links ?? []) {
    const url = canonicalizeUrl(link.url, base);
    const title = truncateAtWord(htmlToText(link.title ?? ''), 300);
    if (!url || !title || byUrl.has(url) || url.length > 2048) continue;
    byUrl.set(url, {
      url,
      title,
      ...optionalText('kind', link.kind, 100),
      ...optionalText('ref', link.ref, 100),
      ...optionalText('provider', link.provider, 200),
    });
  }
  const out = [...byUrl.values()].slice(0, 50);
  return out.length ? out : undefined;
}

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
