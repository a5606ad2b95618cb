/**
 * /console/relecture/:token — an outside reviewer's link (issue 13). No account, no
 * session: the token opens one lab to read it and comment, through the labs domain's own
 * operations. Its forms carry the console's anonymous form token (double-submit cookie,
 * console/http/csrf.ts) — or the session's when the browser is also signed in as an
 * agent — so they work without JavaScript and without a session.
 */
import type { Context } from 'koa';
import { h } from 'preact';
import { readSignedIn } from '../../hub/accounts/index.js';
import { InvalidInput } from '../../hub/domain-errors.js';
import {
  checkReviewerLink,
  commentAsReviewer,
  listCommentThreads,
  loadLab,
  toThreadView,
  viewLab,
} from '../../hub/labs/index.js';
import { sendPage } from '../../hub/ui/index.js';
import type { ConsoleDeps } from '../deps.js';
import { anonymousFormToken } from '../http/csrf.js';
import { field, formBody } from '../http/forms.js';
import { ReviewLinkGonePage, ReviewPage } from '../pages/review-page.js';
import { partnerNames } from './lab-context.js';

export const REVIEW_PATH = '/console/relecture/:token';

/** The address holds a credential: never cached, never indexed, never sent on as a referrer. */
function privately(ctx: Context): void {
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.set('X-Robots-Tag', 'noindex');
}

/** The form token the CSRF check will expect from this browser. */
async function formToken(ctx: Context, deps: ConsoleDeps): Promise<string> {
  const signedIn = await readSignedIn(ctx);
  return signedIn ? signedIn.session.csrf : anonymousFormToken(ctx, deps.config.publicUrl.startsWith('https:'));
}

/** Renders the reviewer's page, or the page of a link that opens nothing; false in that case. */
async function render(
  ctx: Context,
  deps: ConsoleDeps,
  extra: { posted?: boolean; refused?: string } = {},
): Promise<boolean> {
  privately(ctx);
  const token = String(ctx.params.token);
  const link = await checkReviewerLink(token);
  if (link.state !== 'ok') {
    const status = link.state === 'unknown' ? 404 : 410;
    await sendPage(ctx, h(ReviewLinkGonePage, { status }), { status, cacheControl: 'no-store' });
    return false;
  }
  const doc = await loadLab(link.reviewer.labId);
  const [lab, threads, csrf] = await Promise.all([viewLab(doc), listCommentThreads(doc._id), formToken(ctx, deps)]);
  const props = {
    token,
    csrf,
    lab,
    threads: threads.map(toThreadView),
    reviewer: { name: link.reviewer.name, expiresAt: link.reviewer.expiresAt.toISOString() },
    partnerName: partnerNames(deps),
    ...extra,
  };
  await sendPage(ctx, h(ReviewPage, props), { status: extra.refused ? 400 : 200, cacheControl: 'no-store' });
  return true;
}

/** GET: the lab as the reviewer reads it. */
export function showReview(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    await render(ctx, deps, ctx.query.commentaire === 'publie' ? { posted: true } : {});
  };
}

/** POST: a comment on a section, or a reply; then back to the page (POST, redirect, GET). */
export function postReviewComment(deps: ConsoleDeps) {
  return async (ctx: Context) => {
    privately(ctx);
    const token = String(ctx.params.token);
    const link = await checkReviewerLink(token);
    if (link.state !== 'ok') return void (await render(ctx, deps));
    const body = formBody(ctx);
    const section = field(body, 'section');
    const parentId = field(body, 'parentId');
    const input = {
      body: field(body, 'body'),
      ...(section && section !== 'introduction' ? { section } : {}),
      ...(parentId ? { parentId } : {}),
    };
    try {
      await commentAsReviewer(deps.labs, link.reviewer, await loadLab(link.reviewer.labId), input);
    } catch (err) {
      if (!(err instanceof InvalidInput)) throw err;
      const why = err.options.errors?.[0]?.message ?? err.detail;
      return void (await render(ctx, deps, { refused: `${why.charAt(0).toUpperCase()}${why.slice(1)}.` }));
    }
    ctx.status = 303;
    ctx.redirect(`/console/relecture/${token}?commentaire=publie`);
  };
}
