/**
 * Wishes as agents list them (the admin API and the console): platform admins see every
 * wish, a partner's agents the published wishes assigned to it and the new ones they may
 * take up. « Awaiting » is what an agent has to do: moderate (platform), or answer a wish
 * assigned to its partner that has no answer yet.
 */
import type { PartnerRef } from '../deps.js';
import type { WishActor } from './status.js';
import { toAdminWish, type AdminWish } from './view.js';
import { WishModel, type WishDoc, type WishStatus } from './wish-model.js';

export const WISH_MODERATIONS = ['pending', 'published', 'rejected', 'hidden'] as const;

export interface AdminWishQuery {
  moderation?: string;
  status?: WishStatus[];
  topic?: string;
  commune?: string;
  /** Assigned partner (platform admins; a partner's agents always see their own). */
  partner?: string;
  /** Only what awaits this agent (see awaitingFilter). */
  awaiting?: boolean;
  page: number;
  limit: number;
}

function isPlatform(actor: WishActor): boolean {
  return actor.role === 'platform-admin';
}

/**
 * What awaits an agent: for the platform, wishes to moderate (pending, or hidden by
 * visitors' reports); for a partner, its published wishes under study with no answer yet.
 */
export function awaitingFilter(actor: WishActor): Record<string, unknown> {
  if (isPlatform(actor)) return { $or: [{ moderation: 'pending' }, { moderation: 'hidden', hiddenReason: 'flags' }] };
  return {
    moderation: 'published',
    partnerIds: actor.partnerId ?? '-',
    status: 'a-l-etude',
    answeredAt: { $exists: false },
  };
}

/** The Mongo filter of an agent's query. */
export function adminWishFilter(actor: WishActor, query: Omit<AdminWishQuery, 'page' | 'limit'>) {
  if (query.awaiting) return awaitingFilter(actor);
  const platform = isPlatform(actor);
  const moderation = platform ? (query.moderation ? [query.moderation] : [...WISH_MODERATIONS]) : ['published'];
  const filter: Record<string, unknown> = { moderation: { $in: moderation } };
  if (query.status) filter.status = { $in: query.status };
  if (query.topic) filter.topic = query.topic;
  if (query.commune) filter.commune = query.commune;
  if (platform && query.partner) filter.partnerIds = query.partner;
  if (!platform) filter.$or = [{ partnerIds: actor.partnerId ?? '-' }, { status: 'nouveau' }];
  return filter;
}

/** One page of wishes as agents see them, newest first, and the total matching. */
export async function queryAdminWishes(
  actor: WishActor,
  query: AdminWishQuery,
  names: ReadonlyMap<string, PartnerRef>,
): Promise<{ total: number; page: number; limit: number; wishes: AdminWish[] }> {
  const filter = adminWishFilter(actor, query);
  const [total, docs] = await Promise.all([
    WishModel.countDocuments(filter),
    WishModel.find(filter)
      .sort({ createdAt: -1, _id: 1 })
      .skip((query.page - 1) * query.limit)
      .limit(query.limit)
      .lean<WishDoc[]>(),
  ]);
  return { total, page: query.page, limit: query.limit, wishes: docs.map((d) => toAdminWish(d, names)) };
}

/** How many wishes await this agent (the console's counter). */
export function countAwaitingWishes(actor: WishActor): Promise<number> {
  // A real promise: the console's counters share it between the navigation and « À traiter ».
  return WishModel.countDocuments(awaitingFilter(actor)).exec();
}
