/** The item a like or comment is about, with its partner (moderation mode, origins). */
import type { Context } from 'koa';
import { Forbidden, NotFound } from '../domain-errors.js';
import { findItem, findItemOwner, type ItemDoc } from '../items/index.js';
import { findPartner, type PartnerDoc } from '../partners/index.js';

export interface ItemContext {
  item: ItemDoc;
  partner: PartnerDoc;
}

const ITEM_ID = /^[\w.:~-]{1,200}$/;

/** The :id route parameter when it looks like an item id; 404 otherwise. */
export function itemIdParam(ctx: Context): string {
  const id = String(ctx.params.id ?? '');
  if (!ITEM_ID.test(id)) throw new NotFound(`le contenu ${id}`);
  return id;
}

/** A published item of a known partner; 404 not_found otherwise. */
export async function loadPublishedItem(id: string): Promise<ItemContext> {
  const item = await findItem(id);
  const partner = item && item.status === 'published' ? await findPartner(item.partnerId) : undefined;
  if (!item || !partner) throw new NotFound(`le contenu ${id}`);
  return { item, partner };
}

/** A published item, without its partner (likes need no more); 404 not_found otherwise. */
export async function loadLikeableItem(id: string): Promise<Pick<ItemDoc, '_id' | 'partnerId' | 'status'>> {
  const item = await findItemOwner(id);
  if (item?.status !== 'published') throw new NotFound(`le contenu ${id}`);
  return item;
}

/** Like loadPublishedItem, but 403 comments_closed when the item or its partner is no longer active. */
export async function loadCommentableItem(id: string): Promise<ItemContext> {
  const item = await findItem(id);
  const partner = item ? await findPartner(item.partnerId) : undefined;
  if (!item || !partner) throw new NotFound(`le contenu ${id}`);
  if (item.status !== 'published' || partner.status !== 'active') {
    throw new Forbidden("ce contenu n'accepte plus de commentaires", 'comments_closed', 'Commentaires fermés');
  }
  return { item, partner };
}
