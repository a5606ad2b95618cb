/**
 * /souhaits (the public list), /souhaits/:id (one wish) and POST /souhaits/:id/soutien
 * (« Moi aussi » and its withdrawal without JavaScript: the visitor of the portal's
 * cookie, 303 back to the wish). Counts are read from the voice service, exact.
 */
import type { Context } from 'koa';
import { h } from 'preact';
import { toHttpError } from '../../hub/http/index.js';
import type { VoiceService } from '../../hub/voice/index.js';
import { NotFound } from '../../hub/domain-errors.js';
import type { PortalDeps } from '../deps.js';
import { WishPage, type WishNotice } from '../pages/wish-page.js';
import { WishesPage } from '../pages/wishes-page.js';
import { sendPortalPage } from '../site/send-portal-page.js';
import { isTopicSlug } from '../view/topics.js';
import { WISH_SORT_CHOICES, WISH_STATUSES, wishPath, type WishListState } from '../view/wishes.js';
import { readFormBody } from './commune-choice.js';
import { BadPageRequest } from './error-pages.js';
import { ensureVisitorKey, readVisitorKey, refuseCrossSite } from './visitor-cookie.js';

const PAGE_SIZE = 20;
const WISH_ID = /^[A-Za-z0-9_-]{8,40}$/;
const NOTICES: readonly WishNotice[] = ['soutenu', 'retire', 'ferme', 'nouveau'];

export function requireVoice(deps: PortalDeps): VoiceService {
  if (!deps.voice) throw new NotFound('les souhaits');
  return deps.voice;
}

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

/** The list's query (French names), checked; a French 400 page names what is wrong. */
export function readListState(query: Record<string, string | string[] | undefined>): WishListState {
  const errors = [];
  const sort = one(query.tri) || 'supports';
  if (!WISH_SORT_CHOICES.some((c) => c.value === sort)) errors.push({ field: 'tri', message: 'tri inconnu' });
  const status = one(query.statut);
  if (status && !(WISH_STATUSES as readonly string[]).includes(status))
    errors.push({ field: 'statut', message: 'statut inconnu' });
  const topic = one(query.theme);
  if (topic && !isTopicSlug(topic)) errors.push({ field: 'theme', message: 'thème invalide' });
  const commune = one(query.commune);
  if (commune && !/^988\d\d$/.test(commune))
    errors.push({ field: 'commune', message: 'commune inconnue (code INSEE 988xx attendu)' });
  const rawPage = one(query.page) || '1';
  const page = Number(rawPage);
  if (!/^\d{1,4}$/.test(rawPage) || page < 1 || page > 1000)
    errors.push({ field: 'page', message: 'la page doit être un nombre de 1 à 1000' });
  if (errors.length) throw new BadPageRequest(errors);
  return {
    sort,
    page,
    ...(status ? { status } : {}),
    ...(topic ? { topic } : {}),
    ...(commune ? { commune } : {}),
  };
}

/** GET /souhaits. Not cached: supports change at every « Moi aussi ». */
export function serveWishes(deps: PortalDeps) {
  return async (ctx: Context): Promise<void> => {
    const voice = requireVoice(deps);
    const state = readListState(ctx.query);
    const [list, responseTimes] = await Promise.all([
      voice.listWishes({
        sort: state.sort,
        page: String(state.page),
        limit: String(PAGE_SIZE),
        ...(state.status ? { status: state.status } : {}),
        ...(state.topic ? { topic: state.topic } : {}),
        ...(state.commune ? { commune: state.commune } : {}),
      }),
      voice.responseTimes(),
    ]);
    const pageCount = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
    if (state.page > pageCount) throw new NotFound(`la page ${state.page} des souhaits`);
    await sendPortalPage(
      ctx,
      deps.publicUrl,
      h(WishesPage, { state, total: list.total, pageCount, wishes: list.wishes, responseTimes }),
      { cacheControl: 'no-store' },
    );
  };
}

function wishIdOf(ctx: Context): string {
  const id = String(ctx.params.id ?? '');
  if (!WISH_ID.test(id)) throw new NotFound(`le souhait ${id}`);
  return id;
}

/** GET /souhaits/:id, with the visitor's own support when the cookie says who it is. */
export function serveWish(deps: PortalDeps) {
  return async (ctx: Context): Promise<void> => {
    const voice = requireVoice(deps);
    const id = wishIdOf(ctx);
    const key = readVisitorKey(ctx);
    const wish = await voice.readWish(id, key ? voice.hashVisitor(key) : undefined);
    const item = wish.itemId ? await deps.findItem(wish.itemId) : undefined;
    const duplicate = wish.duplicateOf ? await voice.readWish(wish.duplicateOf).catch(() => undefined) : undefined;
    const notice = NOTICES.find((n) => n === ctx.query.etat);
    await sendPortalPage(
      ctx,
      deps.publicUrl,
      h(WishPage, {
        wish,
        supported: wish.supported === true,
        ...(item ? { answeringItem: { id: item.id, title: item.title } } : {}),
        ...(duplicate ? { duplicateOf: { id: duplicate.id, title: duplicate.title } } : {}),
        ...(notice ? { notice } : {}),
      }),
      { cacheControl: 'no-store' },
    );
  };
}

/** POST /souhaits/:id/soutien {action: soutenir | retirer}: 303 back to the wish with what happened. */
export function serveSupport(deps: PortalDeps) {
  const secure = deps.publicUrl.startsWith('https:');
  return async (ctx: Context): Promise<void> => {
    const voice = requireVoice(deps);
    const id = wishIdOf(ctx);
    refuseCrossSite(ctx, 'action');
    const action = (await readFormBody(ctx, 'action')).get('action');
    if (action !== 'soutenir' && action !== 'retirer')
      throw new BadPageRequest([{ field: 'action', message: 'action inconnue (soutenir ou retirer)' }]);
    const visitor = voice.hashVisitor(ensureVisitorKey(ctx, secure));
    let notice: WishNotice = action === 'soutenir' ? 'soutenu' : 'retire';
    try {
      await voice.toggleSupport(id, visitor, action === 'soutenir', await voice.hashAddress(ctx));
    } catch (err) {
      if (toHttpError(err)?.code !== 'wish_closed') throw err;
      notice = 'ferme';
    }
    ctx.status = 303;
    ctx.redirect(`${wishPath(id)}?etat=${notice}#soutiens`);
  };
}
