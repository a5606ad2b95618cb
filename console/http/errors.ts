/**
 * Errors on console pages become French pages with the right status — never problem+json,
 * never a stack trace — and an unknown /console address is a 404 page.
 */
import type { Context, Middleware, Next } from 'koa';
import { h } from 'preact';
import { toHttpError } from '../../hub/http/index.js';
import { sendPage } from '../../hub/ui/index.js';
import { buildChrome } from '../chrome.js';
import type { ConsoleDeps } from '../deps.js';
import { ErrorPage } from '../pages/error-page.js';

async function render(ctx: Context, deps: ConsoleDeps, status: number, title: string, detail: string): Promise<void> {
  let chrome;
  try {
    if (ctx.state.viewer) chrome = await buildChrome(ctx, deps, '');
  } catch {
    chrome = undefined;
  }
  await sendPage(ctx, h(ErrorPage, { status, title, detail, ...(chrome ? { chrome } : {}) }), {
    status,
    cacheControl: 'no-store',
  });
}

/** Catches what console handlers throw, under /console only. */
export function renderConsoleErrors(deps: ConsoleDeps): Middleware {
  return async function consoleErrors(ctx: Context, next: Next): Promise<void> {
    if (!ctx.path.startsWith('/console')) return next();
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined)
        await render(ctx, deps, 404, 'Page introuvable', 'cette adresse ne correspond à aucune page de la console');
    } catch (thrown) {
      const err = toHttpError(thrown);
      if (!err) {
        ctx.log.error({ err: thrown }, 'console: unexpected error');
        return render(ctx, deps, 500, 'Erreur interne', 'une erreur inattendue est survenue ; elle a été journalisée');
      }
      for (const [name, value] of Object.entries(err.headers)) ctx.set(name, value);
      await render(ctx, deps, err.status, err.message, err.detail ?? err.message);
    }
  };
}
