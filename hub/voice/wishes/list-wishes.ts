/** The public list of wishes: filtered by status, topic and commune, sorted three ways. */
import type { FieldError } from '../../../schemas/index.js';
import { InvalidInput } from '../../domain-errors.js';
import { WISH_STATUSES, WishModel, type WishDoc, type WishStatus } from './wish-model.js';

export const WISH_SORTS = ['supports', 'recent', 'answered'] as const;
export type WishSort = (typeof WISH_SORTS)[number];

export interface WishQuery {
  status?: WishStatus[];
  topic?: string;
  commune?: string;
  sort: WishSort;
  page: number;
  limit: number;
}

export interface RawWishQuery {
  status?: string;
  topic?: string;
  commune?: string;
  sort?: string;
  page?: string;
  limit?: string;
}

function integer(raw: string | undefined, field: string, fallback: number, max: number, errors: FieldError[]): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > max) errors.push({ field, message: `doit être un entier de 1 à ${max}` });
  return n;
}

/** Checks the query string; 400 invalid_input naming the parameters at fault. */
export function parseWishQuery(raw: RawWishQuery): WishQuery {
  const errors: FieldError[] = [];
  const status = raw.status ? raw.status.split(',').filter(Boolean) : undefined;
  if (status?.some((s) => !(WISH_STATUSES as readonly string[]).includes(s)))
    errors.push({ field: 'status', message: `statuts possibles : ${WISH_STATUSES.join(', ')}` });
  const sort = (raw.sort || 'supports') as WishSort;
  if (!WISH_SORTS.includes(sort)) errors.push({ field: 'sort', message: `tris possibles : ${WISH_SORTS.join(', ')}` });
  if (raw.topic && !/^[a-z0-9-]{1,64}$/.test(raw.topic)) errors.push({ field: 'topic', message: 'thème invalide' });
  if (raw.commune && !/^988\d\d$/.test(raw.commune))
    errors.push({ field: 'commune', message: 'code INSEE de commune attendu (988xx)' });
  const page = integer(raw.page, 'page', 1, 1000, errors);
  const limit = integer(raw.limit, 'limit', 20, 50, errors);
  if (errors.length) throw new InvalidInput(errors);
  return {
    ...(status?.length ? { status: status as WishStatus[] } : {}),
    ...(raw.topic ? { topic: raw.topic } : {}),
    ...(raw.commune ? { commune: raw.commune } : {}),
    sort,
    page,
    limit,
  };
}

const ORDER: Record<WishSort, Record<string, 1 | -1>> = {
  supports: { supports: -1, createdAt: -1, _id: 1 },
  recent: { createdAt: -1, _id: 1 },
  answered: { answeredAt: -1, createdAt: -1, _id: 1 },
};

/** Mongo filter of a query, over wishes with the given moderation statuses. */
export function wishFilter(query: Omit<WishQuery, 'sort' | 'page' | 'limit'>, moderation: string[] = ['published']) {
  const filter: Record<string, unknown> = { moderation: { $in: moderation } };
  if (query.status) filter.status = { $in: query.status };
  if (query.topic) filter.topic = query.topic;
  if (query.commune) filter.commune = query.commune;
  return filter;
}

/** One page of published wishes and the total matching. « answered » lists answered wishes only. */
export async function listWishes(query: WishQuery): Promise<{ total: number; wishes: WishDoc[] }> {
  const filter = wishFilter(query);
  if (query.sort === 'answered') filter.answeredAt = { $exists: true };
  const [total, wishes] = await Promise.all([
    WishModel.countDocuments(filter),
    WishModel.find(filter, { moderationLog: 0 })
      .sort(ORDER[query.sort])
      .skip((query.page - 1) * query.limit)
      .limit(query.limit)
      .lean<WishDoc[]>(),
  ]);
  return { total, wishes: wishes.map((w) => ({ ...w, moderationLog: [] })) };
}
