/**
 * French error pages for browsers: an address that matches nothing, an unknown item, a
 * malformed query, a failure. Runs inside the hub's problem+json middleware and answers
 * only page requests — the portal's own paths, or any GET whose client prefers HTML —
 * so that API clients still get problem+json. Never a stack trace: unexpected errors are
 * logged and the visitor reads a French 500 page.
 */
import type { Context, Next } from 'koa';
import { h } from 'preact';
import { toHttpError } from '../../hub/http/index.js';
import { SearchNotReadyError } from '../../hub/search/index.js';
import type { FieldErrorEntry } from '../../hub/ui/index.js';
import { ErrorPage, type ErrorPageProps } from '../pages/error-page.js';
import { sendPortalPage } from '../site/send-portal-page.js';

/** Paths that are not pages (APIs, feeds, files, the widgets' frames and the console's own pages). */
const NOT_PAGES = /^\/(api|feeds|widgets|assets|console|healthz|readyz|metrics)(\/|$|\.)/;
/** The portal's paths (docs/faces.md): always answered with a page. */
const PORTAL_PATHS =
  /^\/($|recherche$|articles\/|partenaires(\/|$)|communes\/|themes\/|accessibilite$|mentions-legales$|donnees-personnelles$|mes-donnees(\/|$)|ma-commune$|souhaits(\/|$)|demarches$|sortie\/)/;

/** Whether this request is a browser asking for a page (rather than an API call). */
export function isPageRequest(ctx: Context): boolean {
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD' && !PORTAL_PATHS.test(ctx.path)) return false;
  if (NOT_PAGES.test(ctx.path)) return false;
  return PORTAL_PATHS.test(ctx.path) || ctx.accepts('json', 'html') === 'html';
}

/** A malformed query, thrown by page handlers and shown as a French 400 page. */
export class BadPageRequest extends Error {
  constructor(readonly errors: FieldErrorEntry[]) {
    super('portal: bad request');
  }
}

/** The middleware; `publicUrl` for the pages' addresses. */
export function renderPortalErrors(publicUrl: string) {
  const send = (ctx: Context, props: Omit<ErrorPageProps, 'path'>) =>
    sendPortalPage(ctx, publicUrl, h(ErrorPage, { ...props, path: ctx.originalUrl }), { status: props.status });

  return async function portalErrors(ctx: Context, next: Next): Promise<void> {
    try {
      await next();
    } catch (thrown) {
      if (!isPageRequest(ctx)) throw thrown;
      return sendErrorPage(ctx, thrown, send);
    }
    if (ctx.status === 404 && ctx.body === undefined && isPageRequest(ctx)) await send(ctx, { status: 404 });
  };
}

async function sendErrorPage(
  ctx: Context,
  thrown: unknown,
  send: (ctx: Context, props: Omit<ErrorPageProps, 'path'>) => Promise<void>,
): Promise<void> {
  // The page may have failed after its validator was set: an error page has none.
  ctx.remove('ETag');
  if (thrown instanceof BadPageRequest) return send(ctx, { status: 400, errors: thrown.errors });
  if (thrown instanceof SearchNotReadyError) {
    ctx.set('Retry-After', '5');
    return send(ctx, { status: 503 });
  }
  const known = toHttpError(thrown);
  if (known?.status === 404) return send(ctx, { status: 404 });
  if (known?.status === 400) return send(ctx, { status: 400, errors: known.errors ?? [] });
  if (known) throw thrown; // 405, 413…: the hub's problem+json says it well enough
  ctx.log?.error({ err: thrown }, 'portal: page failed');
  return send(ctx, { status: 500 });
}
