/**
 * A source whose entries are online services (`entries: "services"`): each entry, mapped
 * like an item by its connector, becomes or updates one service of the registry. Unchanged
 * entries write nothing; a source that lists everything withdraws what vanished.
 */
import type { ItemInput } from '../../schemas/index.js';
import { deriveServiceId, sameStoredFields } from './derived.js';
import { ServiceModel, type ServiceDoc } from './service-model.js';
import { checkServiceUrl } from './service-url.js';
import { bulkWriteInChunks } from '../db/index.js';

export interface SourceServicesInput {
  sourceId: string;
  partnerId: string;
  items: ItemInput[];
  complete: boolean;
  /** Guids rejected by mapping this time: not withdrawn for being absent. */
  rejectedGuids?: string[];
  now?: Date;
}

/** The same counts as an ingestion of items. */
export interface ServiceSyncCounts {
  created: number;
  updated: number;
  unchanged: number;
  withdrawn: number;
  rejected: number;
}

/** Writes the listing into the registry; see the module comment. */
export async function syncSourceServices(input: SourceServicesInput): Promise<ServiceSyncCounts> {
  const now = input.now ?? new Date();
  const existing = new Map(
    (await ServiceModel.find({ 'origin.sourceId': input.sourceId }).lean<ServiceDoc[]>())
      .filter((s) => s.origin.kind === 'source')
      .map((s) => [s._id, s]),
  );
  const counts: ServiceSyncCounts = { created: 0, updated: 0, unchanged: 0, withdrawn: 0, rejected: 0 };
  const writes: Parameters<typeof ServiceModel.bulkWrite>[0] = [];
  const listed = new Set<string>();
  const rejected = [...(input.rejectedGuids ?? [])];
  for (const item of input.items) {
    const next = toService(item, input);
    if (listed.has(next._id)) continue;
    if (checkServiceUrl(next.url)) {
      // A private or reserved address never becomes a way out of the portal.
      counts.rejected++;
      rejected.push(item.guid);
      continue;
    }
    listed.add(next._id);
    const old = existing.get(next._id);
    const doc = { ...next, createdAt: old?.createdAt ?? now, updatedAt: now };
    if (!old) {
      counts.created++;
      writes.push({ insertOne: { document: doc } });
    } else if (sameStoredFields(old, doc)) counts.unchanged++;
    else {
      // The source owns every field of its services: the record is replaced, dropped fields go.
      counts.updated++;
      writes.push({ replaceOne: { filter: { _id: old._id }, replacement: doc } });
    }
  }
  if (input.complete) {
    const kept = new Set(rejected.map((g) => deriveServiceId(input.sourceId, g)));
    for (const old of existing.values()) {
      if (listed.has(old._id) || kept.has(old._id) || old.status === 'withdrawn') continue;
      counts.withdrawn++;
      writes.push({
        updateOne: { filter: { _id: old._id }, update: { $set: { status: 'withdrawn', updatedAt: now } } },
      });
    }
  }
  await bulkWriteInChunks(writes, (chunk) => ServiceModel.bulkWrite(chunk, { ordered: false }));
  return counts;
}

function toService(item: ItemInput, input: SourceServicesInput): Omit<ServiceDoc, 'createdAt' | 'updatedAt'> {
  const facts = item.serviceFacts ?? {};
  return {
    _id: deriveServiceId(input.sourceId, item.guid),
    partnerId: input.partnerId,
    name: item.title,
    ...(item.summary ? { description: item.summary } : {}),
    url: item.url,
    audience: item.audience,
    territory: item.territory,
    topics: item.topics,
    keywords: item.keywords ?? [],
    ...(facts.accountRequired !== undefined ? { accountRequired: facts.accountRequired } : {}),
    ...(facts.cost ? { cost: facts.cost } : {}),
    ...(facts.duration ? { duration: facts.duration } : {}),
    itemIds: [],
    origin: { kind: 'source', sourceId: input.sourceId, ref: item.guid },
    status: 'active',
  };
}
