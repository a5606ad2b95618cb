/** GET /accessibilite, /mentions-legales, /donnees-personnelles: information pages without data. */
import type { Context } from 'koa';
import { h, type FunctionComponent } from 'preact';
import type { PortalDeps } from '../deps.js';
import { sendPortalPage } from '../site/send-portal-page.js';

/** The handler of a page that is a function of nothing. */
export function serveStaticPage(deps: PortalDeps, Page: FunctionComponent) {
  return (ctx: Context) => sendPortalPage(ctx, deps.publicUrl, h(Page, null));
}
