/**
 * How a console handler answers: a page inside the console's frame (navigation, agent,
 * flash), a refused form again with status 400, or — after a change — a 303 to a page
 * that will show a message (the flash, kept in the session until it is shown).
 */
import type { Context } from 'koa';
import { h, type FunctionComponent } from 'preact';
import { setFlash } from '../../hub/accounts/index.js';
import { sendPage } from '../../hub/ui/index.js';
import { buildChrome, type Chrome, type Flash } from '../chrome.js';
import type { ConsoleDeps } from '../deps.js';
import { getViewer } from './viewer.js';

/** Renders `Page` with the chrome of navigation entry `nav`; console pages are never cached. */
export async function renderScreen<P extends { chrome: Chrome }>(
  ctx: Context,
  deps: ConsoleDeps,
  nav: string,
  Page: FunctionComponent<P>,
  props: Omit<P, 'chrome'>,
  status = 200,
): Promise<void> {
  const chrome = await buildChrome(ctx, deps, nav);
  await sendPage(ctx, h(Page, { ...props, chrome } as P), { status, cacheControl: 'no-store' });
}

/** After a change: a message for the next page, then 303 to it (POST, redirect, GET). */
export async function redirectWithFlash(ctx: Context, to: string, flash: Flash): Promise<void> {
  await setFlash(getViewer(ctx).session._id, flash);
  ctx.status = 303;
  ctx.redirect(to);
}
