/**
 * Modération: the queue with the reason each comment waits, approve / reject / hide one or
 * many with a reason, the official reply, muting a visitor key for a chosen time, the log.
 * Each action goes through the moderation operations (they check the partner) and the journal.
 */
import type { Context, Middleware } from 'koa';
import { audited } from '../../hub/audit/index.js';
import type { RouteGroup } from '../../hub/http/index.js';
import {
  loadModeratedComment,
  moderateAs,
  moderateManyAs,
  muteAuthorAs,
  MUTE_MAX_HOURS,
  queryModerationLog,
  queryModerationQueue,
  QUEUE_STATUSES,
  replyAs,
  snapshotComment,
  type QueueStatus,
} from '../../hub/interaction/index.js';
import type { ModerationAction } from '../../schemas/index.js';
import type { ConsoleDeps } from '../deps.js';
import { field, fieldList, formBody, pageParam, queryParam } from '../http/forms.js';
import { redirectWithFlash, renderScreen } from '../http/respond.js';
import { addAction, addPage } from '../http/routes.js';
import { getViewer, requireCapability, scopePartner } from '../http/viewer.js';
import { CommentPage, ModerationLogPage, ModerationQueuePage } from '../pages/moderation-page.js';

const ACTIONS: ModerationAction[] = ['approve', 'reject', 'hide'];
const DONE: Record<ModerationAction, string> = { approve: 'approuvé', reject: 'refusé', hide: 'masqué' };
const PAGE_SIZE = 25;

function queue(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const viewer = getViewer(ctx);
    const partnerId = scopePartner(viewer, queryParam(ctx, 'partenaire'));
    const asked = queryParam(ctx, 'statut');
    const status = ((QUEUE_STATUSES as readonly string[]).includes(asked) ? asked : 'review') as QueueStatus;
    const page = pageParam(ctx);
    // One item's comments (from Contenus): the partner filter still applies.
    const itemId = queryParam(ctx, 'contenu');
    const result = await queryModerationQueue({
      ...(partnerId ? { partnerId } : {}),
      ...(itemId ? { itemId } : {}),
      status,
      page,
      limit: PAGE_SIZE,
    });
    await renderScreen(ctx, deps, 'moderation', ModerationQueuePage, {
      ...result,
      status,
      itemId,
      pageCount: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
    });
  };
}

function commentPage(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const viewer = getViewer(ctx);
    const doc = await loadModeratedComment(viewer.principal, String(ctx.params.id));
    const [{ comments }, log] = await Promise.all([
      queryModerationQueue({
        partnerId: doc.partnerId,
        status: doc.status === 'hidden' ? 'hidden' : doc.status === 'pending' ? 'pending' : (doc.status as QueueStatus),
        itemId: doc.itemId,
        limit: 100,
      }),
      queryModerationLog({ commentId: doc._id, limit: 50 }),
    ]);
    const comment = comments.find((c) => c.id === doc._id);
    if (!comment) throw new Error('console: comment vanished between two reads');
    await renderScreen(ctx, deps, 'moderation', CommentPage, {
      comment,
      log: log.entries,
      muteMaxHours: MUTE_MAX_HOURS,
    });
  };
}

function moderateOne() {
  return async (ctx: Context) => {
    const body = formBody(ctx);
    const action = field(body, 'action') as ModerationAction;
    const id = String(ctx.params.id);
    const to = `/console/moderation/${id}`;
    if (!ACTIONS.includes(action))
      return redirectWithFlash(ctx, to, { kind: 'alert', message: 'Choisissez une action.' });
    const reason = field(body, 'reason');
    await moderateAs(getViewer(ctx).principal, id, action, reason || undefined);
    if (reason) ctx.state.auditNote = reason;
    await redirectWithFlash(ctx, '/console/moderation', { kind: 'success', message: `Commentaire ${DONE[action]}.` });
  };
}

function moderateMany() {
  return async (ctx: Context) => {
    const body = formBody(ctx);
    const action = field(body, 'action') as ModerationAction;
    const ids = fieldList(body, 'ids').slice(0, 100);
    const back = '/console/moderation';
    if (!ids.length) return redirectWithFlash(ctx, back, { kind: 'alert', message: 'Cochez au moins un commentaire.' });
    if (!ACTIONS.includes(action))
      return redirectWithFlash(ctx, back, { kind: 'alert', message: 'Choisissez une action.' });
    const reason = field(body, 'reason');
    if (reason) ctx.state.auditNote = reason;
    const results = await moderateManyAs(getViewer(ctx).principal, ids, action, reason || undefined);
    const ok = results.filter((r) => r.ok).length;
    const refused = results.length - ok;
    await redirectWithFlash(ctx, back, {
      kind: refused ? 'alert' : 'success',
      message: `${ok} commentaire${ok > 1 ? 's' : ''} ${DONE[action]}${ok > 1 ? 's' : ''}${refused ? ` ; ${refused} refusé${refused > 1 ? 's' : ''} (déjà traités ou hors de votre partenaire)` : ''}.`,
    });
  };
}

function reply() {
  return async (ctx: Context) => {
    const id = String(ctx.params.id);
    const text = field(formBody(ctx), 'body');
    if (!text)
      return redirectWithFlash(ctx, `/console/moderation/${id}`, {
        kind: 'alert',
        message: 'La réponse est vide : rien n’a été publié.',
      });
    await replyAs(getViewer(ctx).principal, id, text);
    await redirectWithFlash(ctx, `/console/moderation/${id}`, {
      kind: 'success',
      message: 'Votre réponse officielle est publiée.',
    });
  };
}

function mute() {
  return async (ctx: Context) => {
    const id = String(ctx.params.id);
    const body = formBody(ctx);
    const hours = Number(field(body, 'hours'));
    if (!Number.isInteger(hours) || hours < 1 || hours > MUTE_MAX_HOURS)
      return redirectWithFlash(ctx, `/console/moderation/${id}`, { kind: 'alert', message: 'Choisissez une durée.' });
    const reason = field(body, 'reason');
    if (reason) ctx.state.auditNote = reason;
    await muteAuthorAs(getViewer(ctx).principal, id, hours, reason || undefined);
    await redirectWithFlash(ctx, `/console/moderation/${id}`, {
      kind: 'success',
      message: 'L’auteur ne peut plus commenter chez vous pendant la durée choisie.',
    });
  };
}

function log(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    const partnerId = scopePartner(getViewer(ctx), queryParam(ctx, 'partenaire'));
    const page = pageParam(ctx);
    const result = await queryModerationLog({ ...(partnerId ? { partnerId } : {}), page, limit: 50 });
    await renderScreen(ctx, deps, 'moderation', ModerationLogPage, {
      entries: result.entries,
      page,
      pageCount: Math.max(1, Math.ceil(result.total / 50)),
    });
  };
}

const journal = (action: string, ids?: (ctx: Context) => string[], always = false) =>
  audited({ action, target: 'comment', snapshot: snapshotComment, always, ...(ids ? { ids } : {}) });

export function addModerationScreens(group: RouteGroup, deps: ConsoleDeps, agent: Middleware): void {
  const may = requireCapability('moderation');
  const filters = {
    statut: { description: `Une file : ${QUEUE_STATUSES.join(', ')}` },
    contenu: { description: 'Les commentaires d’un contenu' },
    page: { description: 'Page' },
  };
  addPage(group, '/console/moderation', 'La file de modération', filters, agent, may, queue(deps));
  addPage(
    group,
    '/console/moderation/journal',
    'Le journal de la modération',
    { page: { description: 'Page' } },
    agent,
    may,
    log(deps),
  );
  addAction(
    group,
    '/console/moderation/lot',
    'Approuver, refuser ou masquer plusieurs commentaires',
    agent,
    may,
    journal('comment.moderate', (ctx) => fieldList(formBody(ctx), 'ids').slice(0, 100)),
    moderateMany(),
  );
  addPage(
    group,
    '/console/moderation/:id',
    'Un commentaire, son contexte et son historique',
    undefined,
    agent,
    may,
    commentPage(deps),
  );
  addAction(
    group,
    '/console/moderation/:id',
    'Approuver, refuser ou masquer un commentaire',
    agent,
    may,
    journal('comment.moderate'),
    moderateOne(),
  );
  addAction(
    group,
    '/console/moderation/:id/reponse',
    'Publier la réponse officielle',
    agent,
    may,
    journal('comment.reply'),
    reply(),
  );
  addAction(
    group,
    '/console/moderation/:id/muet',
    'Rendre l’auteur muet pour une durée',
    agent,
    may,
    journal('visitor.mute', undefined, true),
    mute(),
  );
}
