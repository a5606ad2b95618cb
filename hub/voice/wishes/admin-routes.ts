/**
 * /api/v1/admin/wishes…: agents list, read, enter, moderate and answer wishes. Platform
 * admins see every wish; a partner's agents see the published wishes assigned to it and
 * the new ones they may take up.
 */
import type { Context } from 'koa';
import type { ModerationInput, WishAgentInput, WishStatusInput } from '../../../schemas/index.js';
import { getPrincipal, requireRole } from '../../auth/index.js';
import { readBody, RouteGroup } from '../../http/index.js';
import { NotFound } from '../../domain-errors.js';
import { queryInteger, queryString } from '../../interaction/index.js';
import type { VoiceDeps } from '../deps.js';
import type { FollowUp } from '../follow-up/follow-up.js';
import { announceStep } from '../follow-up/announce.js';
import { createAgentWish } from './create-wish.js';
import { queryAdminWishes } from './admin-list.js';
import { parseWishQuery } from './list-wishes.js';
import { checkModerator, moderateWish } from './moderation.js';
import { wishIdParam } from './routes.js';
import { forgetOpenWishes } from './similar.js';
import { changeWishStatus, type WishActor } from './status.js';
import { toAdminWish } from './view.js';
import { WishModel, type WishDoc } from './wish-model.js';

const auth = 'bearer' as const;
const tag = 'admin';
const AGENTS = requireRole('platform-admin', 'partner-admin', 'moderator');
const ANSWERERS = requireRole('platform-admin', 'partner-admin');

function actorOf(ctx: Context): WishActor {
  const p = getPrincipal(ctx);
  return { tokenId: p.tokenId, name: p.name, role: p.role, ...(p.partnerId ? { partnerId: p.partnerId } : {}) };
}

/** A wish this agent may see: 404 otherwise. */
async function loadAdminWish(ctx: Context): Promise<WishDoc> {
  const id = wishIdParam(ctx);
  const wish = await WishModel.findById(id).lean<WishDoc>();
  const actor = actorOf(ctx);
  // Published wishes are public anyway; the others are the platform's moderators' business.
  if (!wish || (actor.role !== 'platform-admin' && wish.moderation !== 'published'))
    throw new NotFound(`le souhait ${id}`);
  return wish;
}

async function listAdminWishes(ctx: Context, deps: VoiceDeps) {
  const query = parseWishQuery({ ...(ctx.query as Record<string, string>), limit: undefined, page: undefined });
  const moderation = queryString(ctx, 'moderation');
  const partner = queryString(ctx, 'partner');
  return queryAdminWishes(
    actorOf(ctx),
    {
      ...(query.status ? { status: query.status } : {}),
      ...(query.topic ? { topic: query.topic } : {}),
      ...(query.commune ? { commune: query.commune } : {}),
      ...(moderation ? { moderation } : {}),
      ...(partner ? { partner } : {}),
      page: queryInteger(ctx, 'page', 1, 1, 1000),
      limit: queryInteger(ctx, 'limit', 50, 1, 100),
    },
    await deps.partners(),
  );
}

const OK = (description: string) => ({ description, schema: { type: 'object' } });

/** The admin wish routes. */
export function adminWishRoutes(deps: VoiceDeps, followUp: FollowUp): RouteGroup {
  return new RouteGroup()
    .add(
      {
        method: 'get',
        path: '/api/v1/admin/wishes',
        tag,
        auth,
        summary: 'Wishes to moderate, study and answer (newest first)',
        query: {
          moderation: { description: 'pending, published, rejected or hidden (platform admins)' },
          status: { description: 'Statuses, comma-separated' },
          partner: { description: 'Assigned partner (platform admins)' },
          page: { description: 'From 1' },
          limit: { description: '1 to 100 (default 50)' },
        },
        responses: { 200: OK('Wishes with moderation, origin, campaign and signatures') },
      },
      AGENTS,
      async (ctx) => {
        ctx.body = await listAdminWishes(ctx, deps);
      },
    )
    .add(
      {
        method: 'post',
        path: '/api/v1/admin/wishes',
        tag,
        auth,
        summary: "Enter a wish collected in a social-network comment, on a citizen's behalf",
        body: 'WishAgentInput',
        responses: { 201: OK('The wish, published, signed by the agent'), 400: { description: 'invalid_input' } },
      },
      AGENTS,
      async (ctx) => {
        const actor = actorOf(ctx);
        const input = readBody<WishAgentInput>(ctx, 'WishAgentInput');
        const wish = await createAgentWish(input, {
          kind: 'agent',
          name: actor.name,
          tokenId: actor.tokenId,
          ...(actor.partnerId && actor.role !== 'platform-admin' ? { partnerId: actor.partnerId } : {}),
        });
        forgetOpenWishes();
        ctx.status = 201;
        ctx.body = toAdminWish(wish, await deps.partners());
      },
    )
    .add(
      {
        method: 'get',
        path: '/api/v1/admin/wishes/:id',
        tag,
        auth,
        summary: 'One wish, as agents see it',
        responses: { 200: OK('The wish'), 404: { description: 'Unknown or not visible' } },
      },
      AGENTS,
      async (ctx) => {
        ctx.body = toAdminWish(await loadAdminWish(ctx), await deps.partners());
      },
    )
    .add(
      {
        method: 'post',
        path: '/api/v1/admin/wishes/:id/moderation',
        tag,
        auth,
        summary: 'Approve, reject or hide a wish (as comments; logged on the wish)',
        body: 'ModerationInput',
        responses: {
          200: OK('Done'),
          403: { description: 'wish_not_assigned' },
          404: { description: 'Unknown' },
          409: { description: 'invalid_transition, wish_changed' },
        },
      },
      AGENTS,
      async (ctx) => {
        const input = readBody<ModerationInput>(ctx, 'ModerationInput');
        const actor = actorOf(ctx);
        const wish = await WishModel.findById(wishIdParam(ctx)).lean<WishDoc>();
        if (!wish) throw new NotFound(`le souhait ${wishIdParam(ctx)}`);
        checkModerator(actor, wish);
        const by = {
          kind: 'agent' as const,
          name: actor.name,
          tokenId: actor.tokenId,
          ...(actor.partnerId ? { partnerId: actor.partnerId } : {}),
        };
        const updated = await moderateWish(wish, input.action, by, input.reason);
        forgetOpenWishes();
        ctx.body = {
          id: updated._id,
          from: wish.moderation,
          to: updated.moderation,
          wish: toAdminWish(updated, await deps.partners()),
        };
      },
    )
    .add(
      {
        method: 'post',
        path: '/api/v1/admin/wishes/:id/status',
        tag,
        auth,
        summary: 'A signed, dated step: assign, accept, publish, refuse (public answer) or mark as duplicate',
        body: 'WishStatusInput',
        responses: {
          200: OK('The wish after the step'),
          400: { description: 'invalid_input: answer, duplicateOf, itemId or partnerIds missing or wrong' },
          403: { description: 'wish_not_assigned' },
          404: { description: 'Unknown' },
          409: { description: 'invalid_transition, wish_not_published, wish_changed' },
        },
      },
      ANSWERERS,
      async (ctx) => {
        const input = readBody<WishStatusInput>(ctx, 'WishStatusInput');
        const updated = await changeWishStatus(await loadAdminWish(ctx), input, actorOf(ctx));
        forgetOpenWishes();
        void announceStep(deps, followUp, updated, ctx.log);
        ctx.body = toAdminWish(updated, await deps.partners());
      },
    );
}
