/**
 * Pure planning of one ingestion: which incoming items are new, changed or unchanged,
 * given what the source already has. Identity is (sourceId, guid), falling back to the
 * link, then to the content hash, so a partner that changes its guids does not duplicate.
 */
import type { ItemInput } from '../../schemas/index.js';
import type { KnownItem } from '../items/index.js';

export interface UpsertPlan {
  inserts: ItemInput[];
  updates: { item: ItemInput; known: KnownItem }[];
  unchanged: KnownItem[];
  /** Items of this listing whose guid, link and hash were all met earlier in the same listing. */
  duplicates: ItemInput[];
}

function indexBy(known: KnownItem[], key: 'guid' | 'url' | 'contentHash'): Map<string, KnownItem> {
  const map = new Map<string, KnownItem>();
  for (const k of known) if (!map.has(k[key])) map.set(k[key], k);
  return map;
}

/** Sorts incoming items into inserts, updates and unchanged ones. */
export function planUpserts(incoming: ItemInput[], known: KnownItem[]): UpsertPlan {
  const byGuid = indexBy(known, 'guid');
  const byUrl = indexBy(known, 'url');
  const byHash = indexBy(known, 'contentHash');
  const incomingGuids = new Set(incoming.map((i) => i.guid));
  const claimed = new Set<string>();
  const seenGuids = new Set<string>();
  const plan: UpsertPlan = { inserts: [], updates: [], unchanged: [], duplicates: [] };
  for (const item of incoming) {
    if (seenGuids.has(item.guid)) {
      plan.duplicates.push(item);
      continue;
    }
    seenGuids.add(item.guid);
    // A fallback match must not steal a stored item whose own guid is still listed.
    const fallback = [byUrl.get(item.url), byHash.get(item.contentHash)].find(
      (k) => k && !incomingGuids.has(k.guid) && !claimed.has(k._id),
    );
    const known = byGuid.get(item.guid) ?? fallback;
    if (!known || claimed.has(known._id)) {
      plan.inserts.push(item);
      continue;
    }
    claimed.add(known._id);
    const live = known.status === 'published' || known.withdrawnBy === 'agent';
    if (known.contentHash === item.contentHash && live && known.guid === item.guid) plan.unchanged.push(known);
    else plan.updates.push({ item, known });
  }
  return plan;
}
