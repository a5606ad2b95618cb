/**
 * Feeds of wishes, rendered by the same code as the item feeds (RSS 2.0, Atom 1.0, JSON
 * Feed 1.1): the new and answered wishes, and one wish's history. A wish or a step is
 * shaped as an Item whose « partner » is the platform (or the partner that signed the step).
 */
import { createHash } from 'node:crypto';
import type { Item } from '../../../schemas/index.js';
import { type FeedFormat, type FeedMeta, type PartnerRef as FeedPartner, renderFeed } from '../../syndication/index.js';
import type { PartnerRef } from '../deps.js';
import { STATUS_LABELS } from '../follow-up/messages.js';
import type { WishDoc, WishStep } from './wish-model.js';

export const VOICE_PARTNER: FeedPartner = { id: 'passerelle-souhaits', name: 'Souhaits des citoyens — Passerelle' };

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function asItem(base: {
  id: string;
  url: string;
  title: string;
  summary: string;
  partnerId: string;
  at: Date;
  created: Date;
  topic?: string;
}): Item {
  return {
    id: base.id,
    partnerId: base.partnerId,
    sourceId: 'souhaits',
    guid: base.id,
    url: base.url,
    title: base.title,
    summary: base.summary,
    type: 'publication',
    topics: base.topic ? [base.topic] : [],
    audience: [],
    territory: { scope: 'nc' },
    language: 'fr',
    contentHash: hash(base.title + base.summary),
    status: 'published',
    revision: 1,
    publishedAt: base.created.toISOString(),
    updatedAt: base.at.toISOString(),
    firstSeenAt: base.created.toISOString(),
    lastSeenAt: base.at.toISOString(),
    stats: { likes: 0, comments: 0 },
  } as Item;
}

function wishUrl(publicUrl: string, id: string): string {
  return `${publicUrl.replace(/\/$/, '')}/souhaits/${encodeURIComponent(id)}`;
}

/** « [Accepté] Titre » and the latest answer (else the description). */
export function wishToItem(wish: WishDoc, publicUrl: string): Item {
  const label = STATUS_LABELS[wish.status] ?? wish.status;
  return asItem({
    id: `souhait-${wish._id}`,
    url: wishUrl(publicUrl, wish._id),
    title: `[${label}] ${wish.title}`,
    summary: wish.answer ? `Réponse : ${wish.answer}` : wish.body,
    partnerId: VOICE_PARTNER.id,
    at: wish.updatedAt,
    created: wish.createdAt,
    ...(wish.topic ? { topic: wish.topic } : {}),
  });
}

/** One entry per step of the wish, newest first, signed by its partner. */
export function historyToItems(wish: WishDoc, publicUrl: string): Item[] {
  return wish.history
    .map((step: WishStep, n) =>
      asItem({
        id: `souhait-${wish._id}-etape-${n + 1}`,
        url: `${wishUrl(publicUrl, wish._id)}#etape-${n + 1}`,
        title: `${STATUS_LABELS[step.status] ?? step.status} — ${wish.title}`,
        summary: step.answer ?? (n === 0 ? wish.body : `Le souhait passe au statut « ${STATUS_LABELS[step.status]} ».`),
        partnerId: step.by.partnerId ?? VOICE_PARTNER.id,
        at: step.at,
        created: step.at,
      }),
    )
    .reverse();
}

export interface WishFeedRequest {
  format: FeedFormat;
  items: Item[];
  partners: ReadonlyMap<string, PartnerRef>;
  publicUrl: string;
  /** Path of the feed without extension: /feeds/wishes or /feeds/wishes/ID */
  path: string;
  title: string;
  description: string;
  alternatePath: string;
}

/** Renders a wish feed; a pure function of its request. */
export function renderWishFeed(request: WishFeedRequest) {
  const base = request.publicUrl.replace(/\/$/, '');
  const partners = new Map<string, FeedPartner>([[VOICE_PARTNER.id, VOICE_PARTNER]]);
  for (const [id, p] of request.partners) partners.set(id, { id, name: p.name });
  const meta: FeedMeta = {
    title: request.title,
    description: request.description,
    feedUrls: {
      rss: `${base}${request.path}.rss`,
      atom: `${base}${request.path}.atom`,
      json: `${base}${request.path}.json`,
    },
    alternateUrl: `${base}${request.alternatePath}`,
    language: 'fr',
    tagAuthority: `${new URL(base).hostname},2025`,
  };
  return renderFeed(request.format, { items: request.items, partners, meta });
}
