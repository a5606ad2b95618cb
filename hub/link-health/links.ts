/** Link records: one small function per operation; the model stays in this folder. */
import { sha256Hex } from '../../connectors/index.js';
import { isDuplicateKey } from '../db/index.js';
import { LinkModel, type LinkDoc, type LinkRef } from './link-model.js';

/** The record's id: a hash of the exact address (an address may be longer than an index key). */
export function linkId(url: string): string {
  return sha256Hex(url);
}

/** A record for an address never checked. */
export function newLink(url: string, refs: LinkRef[], now: Date): LinkDoc {
  return {
    _id: linkId(url),
    url,
    status: 'unchecked',
    consecutiveFailures: 0,
    refs,
    partnerIds: ownersOf(refs),
    firstSeenAt: now,
    redirects: [],
  };
}

/** The partners that own these refs, each once. */
export function ownersOf(refs: readonly LinkRef[]): string[] {
  return [...new Set(refs.map((r) => r.partnerId))].sort();
}

/** Every record, by id (the check reads them once per run). */
export async function loadLinks(): Promise<Map<string, LinkDoc>> {
  const docs = await LinkModel.find({}).lean<LinkDoc[]>();
  return new Map(docs.map((d) => [d._id, d]));
}

/**
 * Writes a record whole. A new address is an insert under its id (two writers cannot both
 * create it); an existing one is replaced, which is safe because one check runs at a time.
 */
export async function saveLink(doc: LinkDoc, isNew: boolean): Promise<void> {
  if (isNew) {
    try {
      await LinkModel.create(doc);
      return;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  await LinkModel.replaceOne({ _id: doc._id }, doc, { upsert: true });
}

/** Forgets the records of addresses nothing names any more. */
export async function deleteLinks(ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { deletedCount } = await LinkModel.deleteMany({ _id: { $in: ids } });
  return deletedCount;
}

/** The records of a partner (or every partner), optionally of one status; broken first, then by address. */
export async function listLinks(filter: { partnerId?: string; status?: LinkDoc['status'] } = {}): Promise<LinkDoc[]> {
  const query: Record<string, unknown> = {};
  if (filter.partnerId) query.partnerIds = filter.partnerId;
  if (filter.status) query.status = filter.status;
  const docs = await LinkModel.find(query).lean<LinkDoc[]>();
  const rank = { broken: 0, unchecked: 1, ok: 2 } as const;
  return docs.sort((a, b) => rank[a.status] - rank[b.status] || a.url.localeCompare(b.url));
}

/** How many broken links a partner (or every partner) has. */
export async function countBrokenLinks(partnerId?: string): Promise<number> {
  return LinkModel.countDocuments({ status: 'broken', ...(partnerId ? { partnerIds: partnerId } : {}) });
}

/** One record by its id. */
export async function findLink(id: string): Promise<LinkDoc | undefined> {
  return (await LinkModel.findById(id).lean<LinkDoc>()) ?? undefined;
}

/** The broken addresses of services, with the day they broke (what the portal marks). */
export async function listBrokenServiceLinks(): Promise<Map<string, Date>> {
  const docs = await LinkModel.find({ status: 'broken', 'refs.kind': 'service' }, { url: 1, brokenSince: 1 }).lean<
    Array<Pick<LinkDoc, 'url' | 'brokenSince'>>
  >();
  return new Map(docs.map((d) => [d.url, d.brokenSince ?? new Date(0)]));
}
