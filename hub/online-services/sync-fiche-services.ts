/**
 * Keeps the registry in step with the « Services en ligne et formulaires » of a source's
 * fiches (Item.links.services): one service per (source, address), listing the fiches that
 * point to it. Runs after each ingestion of the source (the source's claim makes it the
 * only writer); only services that changed are written.
 */
import type { ItemInput, ItemLink } from '../../schemas/index.js';
import { deriveServiceId, sameStoredFields } from './derived.js';
import { ServiceModel, type ServiceDoc } from './service-model.js';
import { checkServiceUrl } from './service-url.js';
import { bulkWriteInChunks } from '../db/index.js';

export interface FicheServicesInput {
  sourceId: string;
  partnerId: string;
  /** The items of this run (all of them, changed or not). */
  items: ItemInput[];
  /** The run lists every fiche of the source: fiches absent from it hold no service any more. */
  complete: boolean;
  now?: Date;
}

type Draft = Omit<ServiceDoc, 'createdAt' | 'updatedAt'>;

/** Writes what changed; returns how many services were created and updated. */
export async function syncFicheServices(input: FicheServicesInput): Promise<{ created: number; updated: number }> {
  const now = input.now ?? new Date();
  const existing = await ServiceModel.find({ 'origin.sourceId': input.sourceId }).lean<ServiceDoc[]>();
  const fiches = existing.filter((s) => s.origin.kind === 'fiche');
  if (!fiches.length && !input.items.some((i) => i.links?.services?.length)) return { created: 0, updated: 0 };
  const drafts = draftServices(input);
  const seen = new Set(input.items.map((i) => i.id));
  const writes: Parameters<typeof ServiceModel.bulkWrite>[0] = [];
  let created = 0;
  for (const old of fiches) {
    const draft = drafts.get(old._id);
    drafts.delete(old._id);
    // Fiches not in this run keep their links; those in it say anew which services they point to.
    const kept = input.complete ? [] : old.itemIds.filter((id) => !seen.has(id));
    const itemIds = [...new Set([...kept, ...(draft?.itemIds ?? [])])];
    const next: ServiceDoc = {
      ...old,
      ...(draft ? pickLinkFields(draft) : {}),
      itemIds,
      status: itemIds.length ? 'active' : 'withdrawn',
    };
    if (!sameStoredFields(old, next))
      writes.push({ updateOne: { filter: { _id: old._id }, update: { $set: { ...next, updatedAt: now } } } });
  }
  for (const draft of drafts.values()) {
    created++;
    writes.push({ insertOne: { document: { ...draft, createdAt: now, updatedAt: now } } });
  }
  await bulkWriteInChunks(writes, (chunk) => ServiceModel.bulkWrite(chunk, { ordered: false }));
  return { created, updated: writes.length - created };
}

/** The services the run's items point to, with the union of their fiches, audiences and topics. */
function draftServices(input: FicheServicesInput): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  for (const item of input.items) {
    // A private or reserved address never becomes a way out of the portal.
    for (const link of (item.links?.services ?? []).filter((l) => !checkServiceUrl(l.url))) {
      const id = deriveServiceId(input.sourceId, link.url);
      const draft = drafts.get(id) ?? newDraft(id, link, item, input);
      draft.itemIds = [...new Set([...draft.itemIds, item.id])];
      draft.audience = [...new Set([...draft.audience, ...item.audience])];
      draft.topics = [...new Set([...draft.topics, ...item.topics])];
      drafts.set(id, draft);
    }
  }
  return drafts;
}

function newDraft(id: string, link: ItemLink, item: ItemInput, input: FicheServicesInput): Draft {
  return {
    _id: id,
    partnerId: input.partnerId,
    name: link.title,
    url: link.url,
    ...(link.kind ? { kind: link.kind } : {}),
    audience: [],
    territory: item.territory,
    topics: [],
    keywords: [],
    itemIds: [],
    origin: { kind: 'fiche', sourceId: input.sourceId },
    status: 'active',
  };
}

/** What the fiches say of a service; editors' additions (description, cost…) are kept. */
function pickLinkFields(draft: Draft): Partial<ServiceDoc> {
  const { name, url, kind, audience, topics, territory } = draft;
  return { name, url, audience, topics, territory, ...(kind ? { kind } : {}) };
}
