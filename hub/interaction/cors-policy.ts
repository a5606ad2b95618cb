/**
 * Which origins may write: the hub's own (PUBLIC_URL) and the allowedOrigins of the
 * partner the write is about — the item's partner for likes and comments, the comment's
 * item's partner for edits, deletes and flags, any active partner for visitor data.
 */
import type { Context, Middleware } from 'koa';
import { applyCors, type OriginVerdict, type RestrictedRoute } from '../http/index.js';
import { findItemOwner } from '../items/index.js';
import { findPartner, listPartners } from '../partners/index.js';
import { CommentModel } from './comments/comment-model.js';
import type { InteractionDeps } from './deps.js';

function normalizeOrigin(origin: string): string | undefined {
  try {
    return new URL(origin).origin;
  } catch {
    return undefined;
  }
}

function listsOrigin(allowed: readonly string[] | undefined, origin: string): boolean {
  const wanted = normalizeOrigin(origin);
  return !!wanted && (allowed ?? []).some((o) => normalizeOrigin(o) === wanted);
}

async function partnerAllows(partnerId: string | undefined, origin: string): Promise<OriginVerdict> {
  if (!partnerId) return { allowed: false };
  return { allowed: listsOrigin((await findPartner(partnerId))?.allowedOrigins, origin), partnerId };
}

/** A write about an item: the item's partner's allowedOrigins decide. */
export async function itemPartnerAllows(origin: string, [itemId]: string[]): Promise<OriginVerdict> {
  const item = itemId ? await findItemOwner(itemId) : undefined;
  return partnerAllows(item?.partnerId, origin);
}

async function commentPartnerAllows(origin: string, [commentId]: string[]): Promise<OriginVerdict> {
  const comment = commentId
    ? await CommentModel.findById(commentId, { partnerId: 1 }).lean<{ partnerId: string }>()
    : null;
  return partnerAllows(comment?.partnerId, origin);
}

/** A write about no one partner: any active partner's allowedOrigins will do. */
export async function anyPartnerAllows(origin: string): Promise<OriginVerdict> {
  return { allowed: (await listPartners({ status: 'active' })).some((p) => listsOrigin(p.allowedOrigins, origin)) };
}

/**
 * Whether a browser page at `origin` may send likes and comments on an item of `partner`:
 * no Origin (same-origin or not a browser), the hub's own, or one of the partner's
 * allowedOrigins. Read routes tell it to widgets, so they can say so instead of failing.
 */
export function mayWriteFrom(
  origin: string | undefined,
  partner: { allowedOrigins?: readonly string[] },
  publicUrl: string,
): boolean {
  if (!origin) return true;
  return origin === new URL(publicUrl).origin || (origin !== 'null' && listsOrigin(partner.allowedOrigins, origin));
}

/** mayWriteFrom for a request, logging a refused origin with its partner (a site to add to allowedOrigins). */
export function requestMayWrite(
  ctx: Context,
  partner: { _id: string; allowedOrigins?: readonly string[] },
  publicUrl: string,
): boolean {
  const origin = ctx.get('Origin') || undefined;
  const writable = mayWriteFrom(origin, partner, publicUrl);
  if (!writable)
    ctx.log.warn(
      { origin, partnerId: partner._id, path: ctx.path },
      'cors: this origin may read but not write (add it to the partner allowedOrigins)',
    );
  return writable;
}

export const INTERACTION_WRITE_ROUTES: RestrictedRoute[] = [
  { path: /^\/api\/v1\/items\/([^/]+)\/likes$/, methods: ['POST', 'DELETE'], allows: itemPartnerAllows },
  { path: /^\/api\/v1\/items\/([^/]+)\/comments$/, methods: ['POST'], allows: itemPartnerAllows },
  { path: /^\/api\/v1\/comments\/([^/]+)$/, methods: ['PATCH', 'DELETE'], allows: commentPartnerAllows },
  { path: /^\/api\/v1\/comments\/([^/]+)\/flags$/, methods: ['POST'], allows: commentPartnerAllows },
  { path: /^\/api\/v1\/visitor\/data$/, methods: ['GET', 'DELETE'], allows: anyPartnerAllows },
];

/**
 * The hub's CORS middleware with the interaction write rules, and those of other folders
 * (`extra`, e.g. wishes and page feedback); mount before the routers.
 */
export function interactionCors(deps: InteractionDeps, extra: readonly RestrictedRoute[] = []): Middleware {
  return applyCors({ publicUrl: deps.config.publicUrl, restricted: [...INTERACTION_WRITE_ROUTES, ...extra] });
}
