/** The public wish routes: list, propose, read, suggestions, response times, « moi aussi », report. */
import type { Context } from 'koa';
import type { FlagInput, WishInput } from '../../../schemas/index.js';
import { readBody, RouteGroup } from '../../http/index.js';
import {
  readVisitor,
  refuseHoneypot,
  requireVisitor,
  checkFormToken,
  issueFormToken,
  spendFormToken,
} from '../../interaction/index.js';
import { NotFound } from '../../domain-errors.js';
import type { VoiceDeps } from '../deps.js';
import type { FollowUp } from '../follow-up/follow-up.js';
import { hashAddressOf, limitSimilar, limitVoiceAction } from '../rate-rules.js';
import { createCitizenWish } from './create-wish.js';
import { listWishes, parseWishQuery, type RawWishQuery } from './list-wishes.js';
import { flagWish } from './moderation.js';
import { computeResponseTimes } from './response-times.js';
import { findSimilar, forgetOpenWishes } from './similar.js';
import { listSupported, loadPublicWish, supportWish, withdrawSupport } from './supports.js';
import { toPublicWish } from './view.js';
import { WISH_DOCS } from './route-docs.js';
import { WISH_FORM } from './form-subject.js';

const WISH_ID = /^[A-Za-z0-9_-]{8,40}$/;

/** The :id parameter when it looks like a wish id; 404 otherwise. */
export function wishIdParam(ctx: Context): string {
  const id = String(ctx.params.id ?? '');
  if (!WISH_ID.test(id)) throw new NotFound(`le souhait ${id}`);
  return id;
}

async function getList(ctx: Context, deps: VoiceDeps): Promise<void> {
  const query = parseWishQuery(ctx.query as RawWishQuery);
  const { total, wishes } = await listWishes(query);
  const visitor = readVisitor(ctx);
  const supported = await listSupported(
    wishes.map((w) => w._id),
    visitor?.hash,
  );
  const names = await deps.partners();
  ctx.set('Cache-Control', 'no-store');
  ctx.body = {
    total,
    page: query.page,
    limit: query.limit,
    wishes: wishes.map((w) => toPublicWish(w, names, visitor ? supported.has(w._id) : undefined)),
    // A token bound to the visitor key of this request (none without one), good for one wish.
    formToken: visitor ? await issueFormToken({ ...WISH_FORM, visitor }) : null,
  };
}

async function postWish(ctx: Context, deps: VoiceDeps, followUp: FollowUp): Promise<void> {
  const visitor = requireVisitor(ctx);
  refuseHoneypot(ctx.request.body);
  const input = readBody<WishInput>(ctx, 'WishInput');
  const claim = await checkFormToken({ token: input.formToken, ...WISH_FORM, visitor });
  const { wish, email } = await createCitizenWish({
    input,
    spendToken: () => spendFormToken(claim),
    visitorHash: visitor.hash,
    addressHash: await hashAddressOf(ctx, deps),
    mode: deps.config.wishesModeration,
  });
  forgetOpenWishes();
  const mail = email ? await followUp.subscribe(wish, email, visitor.hash) : undefined;
  ctx.status = 201;
  ctx.set('Cache-Control', 'no-store');
  ctx.body = {
    id: wish._id,
    moderation: wish.moderation,
    status: wish.status,
    wish: toPublicWish(wish, await deps.partners(), false),
    ...(mail ? { followUp: mail === 'sent' ? 'confirmation-sent' : 'not-sent' } : {}),
  };
}

async function getSimilar(ctx: Context, deps: VoiceDeps): Promise<void> {
  const q = typeof ctx.query.q === 'string' ? ctx.query.q.trim().slice(0, 200) : '';
  await limitSimilar(await hashAddressOf(ctx, deps));
  ctx.set('Cache-Control', 'no-store');
  ctx.body = q.length < 3 ? { items: [], wishes: [] } : await findSimilar(q, deps.searchItems);
}

function toggleSupport(deps: VoiceDeps, support: boolean) {
  return async (ctx: Context) => {
    const visitor = requireVisitor(ctx);
    const wish = await loadPublicWish(wishIdParam(ctx));
    await limitVoiceAction('support', visitor.hash, await hashAddressOf(ctx, deps));
    ctx.set('Cache-Control', 'no-store');
    ctx.body = support ? await supportWish(wish, visitor.hash) : await withdrawSupport(wish, visitor.hash);
  };
}

/** The public wish routes; /similar and /response-times before /:id. */
export function wishRoutes(deps: VoiceDeps, followUp: FollowUp): RouteGroup {
  return new RouteGroup()
    .add(WISH_DOCS.list, (ctx) => getList(ctx, deps))
    .add(WISH_DOCS.create, (ctx) => postWish(ctx, deps, followUp))
    .add(WISH_DOCS.similar, (ctx) => getSimilar(ctx, deps))
    .add(WISH_DOCS.responseTimes, async (ctx) => {
      ctx.set('Cache-Control', 'public, max-age=300');
      ctx.body = { partners: await computeResponseTimes(await deps.partners()) };
    })
    .add(WISH_DOCS.read, async (ctx) => {
      const wish = await loadPublicWish(wishIdParam(ctx));
      const visitor = readVisitor(ctx);
      const supported = visitor ? (await listSupported([wish._id], visitor.hash)).has(wish._id) : undefined;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = toPublicWish(wish, await deps.partners(), supported);
    })
    .add(WISH_DOCS.support, toggleSupport(deps, true))
    .add(WISH_DOCS.withdraw, toggleSupport(deps, false))
    .add(WISH_DOCS.flag, async (ctx) => {
      const visitor = requireVisitor(ctx);
      const wish = await loadPublicWish(wishIdParam(ctx));
      const { reason } = readBody<FlagInput>(ctx, 'FlagInput');
      await limitVoiceAction('flag', visitor.hash, await hashAddressOf(ctx, deps));
      await flagWish(wish, visitor.hash, reason);
      forgetOpenWishes();
      ctx.status = 201;
      ctx.body = { flagged: true };
    });
}
