/** A partner's items as its agents list them in the console (every status), and source counts. */
import { ItemModel, type ItemDoc } from './item-model.js';

export interface PartnerItemQuery {
  partnerId?: string;
  status?: 'published' | 'withdrawn';
  sourceId?: string;
  type?: string;
  /** Words of the title (case and accents ignored). */
  q?: string;
  page?: number;
  limit?: number;
}

/** The fields a listing shows. */
const LISTED = {
  _id: 1,
  partnerId: 1,
  sourceId: 1,
  title: 1,
  url: 1,
  type: 1,
  status: 1,
  publishedAt: 1,
  firstSeenAt: 1,
  withdrawnAt: 1,
  withdrawnBy: 1,
  stats: 1,
};

export type ListedItem = Pick<
  ItemDoc,
  | '_id'
  | 'partnerId'
  | 'sourceId'
  | 'title'
  | 'url'
  | 'type'
  | 'status'
  | 'publishedAt'
  | 'firstSeenAt'
  | 'withdrawnAt'
  | 'withdrawnBy'
  | 'stats'
>;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Items newest first, with the filters given (a database query: every status, unlike search). */
export async function listPartnerItems(query: PartnerItemQuery): Promise<{ total: number; items: ListedItem[] }> {
  const limit = query.limit ?? 25;
  const filter: Record<string, unknown> = {};
  if (query.partnerId) filter.partnerId = query.partnerId;
  if (query.status) filter.status = query.status;
  if (query.sourceId) filter.sourceId = query.sourceId;
  if (query.type) filter.type = query.type;
  if (query.q) filter.title = { $regex: escapeRegExp(query.q), $options: 'i' };
  const [items, total] = await Promise.all([
    ItemModel.find(filter, LISTED)
      .sort({ publishedAt: -1, _id: 1 })
      .skip(((query.page ?? 1) - 1) * limit)
      .limit(limit)
      .lean<ListedItem[]>(),
    ItemModel.countDocuments(filter),
  ]);
  return { total, items };
}

/** Published items of a source (its count on the sources list, written after each run). */
export async function countSourceItems(sourceId: string): Promise<number> {
  return ItemModel.countDocuments({ sourceId, status: 'published' });
}
