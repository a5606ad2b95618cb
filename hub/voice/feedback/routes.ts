/** POST and GET /api/v1/items/:id/feedback (visitors), GET /api/v1/admin/feedback (agents). */
import type { Context } from 'koa';
import type { FeedbackInput } from '../../../schemas/index.js';
import { assertPartnerAccess, getPrincipal, requireRole, scopedPartnerId } from '../../auth/index.js';
import { invalidInput, readBody, RouteGroup } from '../../http/index.js';
import { NotFound } from '../../domain-errors.js';
import {
  queryInteger,
  queryString,
  checkFormToken,
  ITEM_FORMS,
  refuseHoneypot,
  requireVisitor,
  spendFormToken,
  VISITOR_HEADER_DOC,
} from '../../interaction/index.js';
import { findItemOwner } from '../../items/index.js';
import type { VoiceDeps } from '../deps.js';
import { hashAddressOf, limitVoiceAction } from '../rate-rules.js';
import { readOwnFeedback, recordFeedback } from './feedback.js';
import { reportItemFeedback, reportPartnerFeedback } from './report.js';

const ITEM_ID = /^[\w.:~-]{1,200}$/;
const tag = 'voice';

/** A published item's id and partner; 404 otherwise. */
async function loadItem(id: string): Promise<{ itemId: string; partnerId: string }> {
  const item = ITEM_ID.test(id) ? await findItemOwner(id) : undefined;
  if (item?.status !== 'published') throw new NotFound(`le contenu ${id}`);
  return { itemId: item._id, partnerId: item.partnerId };
}

async function postFeedback(ctx: Context, deps: VoiceDeps): Promise<void> {
  const visitor = requireVisitor(ctx);
  const target = await loadItem(String(ctx.params.id ?? ''));
  refuseHoneypot(ctx.request.body);
  const input = readBody<FeedbackInput>(ctx, 'FeedbackInput');
  const claim = await checkFormToken({ token: input.formToken, purpose: ITEM_FORMS, subject: target.itemId, visitor });
  await limitVoiceAction('feedback', visitor.hash, await hashAddressOf(ctx, deps));
  const { changed } = await recordFeedback(target, input, visitor.hash, () => spendFormToken(claim));
  ctx.status = changed ? 200 : 201;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { recorded: true, changed, useful: input.useful };
}

async function getAdminFeedback(ctx: Context): Promise<void> {
  const principal = getPrincipal(ctx);
  const itemId = queryString(ctx, 'item');
  const partner = queryString(ctx, 'partner') ?? scopedPartnerId(principal);
  const roles = ['partner-admin', 'moderator'] as const;
  if (itemId) {
    const item = await findItemOwner(itemId);
    if (!item) throw new NotFound(`le contenu ${itemId}`);
    assertPartnerAccess(principal, item.partnerId, [...roles]);
    ctx.body = { partnerId: item.partnerId, ...(await reportItemFeedback(itemId)) };
    return;
  }
  if (!partner) throw invalidInput([{ field: 'item', message: 'indiquez item= ou partner=' }]);
  assertPartnerAccess(principal, partner, [...roles]);
  ctx.body = await reportPartnerFeedback(partner, queryInteger(ctx, 'limit', 100, 1, 1000));
}

/** The feedback routes. */
export function feedbackRoutes(deps: VoiceDeps): RouteGroup {
  return new RouteGroup()
    .add(
      {
        method: 'post',
        path: '/api/v1/items/:id/feedback',
        tag,
        summary: '« Cette page vous a-t-elle été utile ? » — one answer per visitor and item, changeable',
        headers: VISITOR_HEADER_DOC,
        body: 'FeedbackInput',
        responses: {
          201: { description: 'Recorded', schema: { type: 'object' } },
          200: { description: 'Replaced the visitor’s earlier answer', schema: { type: 'object' } },
          400: { description: 'visitor_required, invalid_input, honeypot, form_token_invalid' },
          403: { description: 'origin_not_allowed' },
          404: { description: 'Unknown or withdrawn item' },
          422: { description: 'too_fast, form_token_expired' },
          429: { description: 'rate_limited (Retry-After)' },
        },
      },
      (ctx) => postFeedback(ctx, deps),
    )
    .add(
      {
        method: 'get',
        path: '/api/v1/items/:id/feedback',
        tag,
        summary: "This visitor's own answer on the item, if any (never anyone else's)",
        headers: VISITOR_HEADER_DOC,
        responses: { 200: { description: '{answer: {useful, reasons} | null}' }, 404: { description: 'Unknown item' } },
      },
      async (ctx) => {
        const visitor = requireVisitor(ctx);
        const { itemId } = await loadItem(String(ctx.params.id ?? ''));
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { answer: (await readOwnFeedback(itemId, visitor.hash)) ?? null };
      },
    )
    .add(
      {
        method: 'get',
        path: '/api/v1/admin/feedback',
        tag: 'admin',
        auth: 'bearer',
        summary: "Page feedback of one item (item=) or of a partner's items, least useful first (partner=)",
        query: {
          item: { description: 'Item id: counts, reasons and free texts' },
          partner: { description: 'Partner id (default: the token’s partner)' },
          limit: { description: 'Items listed for a partner, 1 to 1000 (default 100)' },
        },
        responses: {
          200: { description: '{useful, notUseful, usefulRate, reasons, texts | items}', schema: { type: 'object' } },
          400: { description: 'Neither item nor partner' },
          403: { description: 'Another partner' },
          404: { description: 'Unknown item' },
        },
      },
      requireRole('platform-admin', 'partner-admin', 'moderator'),
      getAdminFeedback,
    );
}
