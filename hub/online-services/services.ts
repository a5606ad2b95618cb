/** Registry operations: one small function per verb; the model stays in this folder. */
import { randomBytes } from 'node:crypto';
import type { OnlineService, OnlineServiceInput } from '../../schemas/index.js';
import { Conflict } from '../domain-errors.js';
import { ServiceModel, type ServiceDoc } from './service-model.js';

/** The service as the API gives it, with its counted way out. */
export function toOnlineService(doc: ServiceDoc): OnlineService {
  const { _id, createdAt, updatedAt, ...rest } = doc;
  return {
    id: _id,
    ...rest,
    exitUrl: `/sortie/${_id}`,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

/** A new id for a service written by an editor: 16 hex characters, safe in a path. */
export function newServiceId(): string {
  return randomBytes(8).toString('hex');
}

/** Creates an editor's service (input already validated). */
export async function createService(input: OnlineServiceInput, now = new Date()): Promise<ServiceDoc> {
  const doc: ServiceDoc = {
    _id: newServiceId(),
    partnerId: input.partnerId,
    name: input.name.trim(),
    url: input.url,
    audience: input.audience ?? [],
    territory: input.territory ?? { scope: 'nc' },
    topics: input.topics ?? [],
    keywords: input.keywords ?? [],
    itemIds: input.itemIds ?? [],
    origin: { kind: 'editor' },
    status: input.status ?? 'active',
    createdAt: now,
    updatedAt: now,
    ...pickOptional(input),
  };
  await ServiceModel.create(doc);
  return doc;
}

function pickOptional(input: Partial<OnlineServiceInput>): Partial<ServiceDoc> {
  const out: Partial<ServiceDoc> = {};
  if (input.description !== undefined) out.description = input.description;
  if (input.accountRequired !== undefined) out.accountRequired = input.accountRequired;
  if (input.cost !== undefined) out.cost = input.cost;
  if (input.duration !== undefined) out.duration = input.duration;
  return out;
}

/** Applies a validated partial update; returns the new record, or undefined when unknown. */
export async function updateService(
  id: string,
  patch: Partial<OnlineServiceInput>,
  now = new Date(),
): Promise<ServiceDoc | undefined> {
  const { partnerId: _fixed, ...fields } = patch;
  const doc = await ServiceModel.findOneAndUpdate(
    { _id: id },
    { $set: { ...fields, ...(fields.name ? { name: fields.name.trim() } : {}), updatedAt: now } },
    { new: true, lean: true },
  );
  return (doc as ServiceDoc | null) ?? undefined;
}

/** Deletes a service; true when it existed. Its exit counts stay (they name only its id). */
export async function deleteService(id: string): Promise<boolean> {
  const { deletedCount } = await ServiceModel.deleteOne({ _id: id });
  return deletedCount === 1;
}

/** Finds one service by id (the hot path of /sortie/:id: a lookup by _id). */
export async function findService(id: string): Promise<ServiceDoc | undefined> {
  return (await ServiceModel.findById(id).lean<ServiceDoc>()) ?? undefined;
}

/** Every service, optionally of one partner or one status; ordered by name (French order). */
export async function listServices(
  filter: { partnerId?: string; status?: 'active' | 'withdrawn' } = {},
): Promise<ServiceDoc[]> {
  const query: Record<string, unknown> = {};
  if (filter.partnerId) query.partnerId = filter.partnerId;
  if (filter.status) query.status = filter.status;
  const docs = await ServiceModel.find(query).lean<ServiceDoc[]>();
  return docs.sort((a, b) => byName.compare(a.name, b.name));
}

const byName = new Intl.Collator('fr', { sensitivity: 'base' });

/** How many services name this partner (a partner in use is not deleted). */
export async function countPartnerServices(partnerId: string): Promise<number> {
  return ServiceModel.countDocuments({ partnerId });
}

/** What an editor may change on a service that a fiche feeds: what the fiche does not say. */
const FICHE_ENRICHMENT = ['description', 'keywords', 'accountRequired', 'cost', 'duration'];

/**
 * Refuses edits that the next run of the service's source would undo: a source's service
 * belongs to the source; a fiche's service takes only the editor's additions.
 */
export function assertEditable(doc: ServiceDoc, fields: string[], verb: 'modifier' | 'supprimer'): void {
  if (doc.origin.kind === 'source')
    throw new Conflict(
      'service_managed_by_source',
      `le service ${doc._id} vient de la source ${doc.origin.sourceId ?? ''} : ${verb} l'entrée chez le partenaire, elle suivra au prochain passage`,
    );
  if (doc.origin.kind !== 'fiche') return;
  const locked = verb === 'supprimer' ? ['(service)'] : fields.filter((f) => !FICHE_ENRICHMENT.includes(f));
  if (locked.length)
    throw new Conflict(
      'service_managed_by_source',
      `le service ${doc._id} vient des fiches DILA de la source ${doc.origin.sourceId ?? ''} : seuls ${FICHE_ENRICHMENT.join(', ')} peuvent être complétés (refusé : ${locked.join(', ')})`,
    );
}
