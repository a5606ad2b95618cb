/** sendPage for the portal: the page rendered with the portal's site context (its public origin). */
import type { Context } from 'koa';
import { h, type JSX } from 'preact';
import { sendPage, type PageSource, type SendPageOptions } from '../../hub/ui/index.js';
import { SiteContext } from './site-context.js';

/** Sends a portal page; give a function as `page` so that a 304 costs no data gathering. */
export function sendPortalPage(
  ctx: Context,
  publicUrl: string,
  page: PageSource,
  options: SendPageOptions = {},
): Promise<void> {
  const wrap = (element: JSX.Element) => h(SiteContext.Provider, { value: { publicUrl } }, element) as JSX.Element;
  return sendPage(ctx, typeof page === 'function' ? async () => wrap(await page()) : wrap(page), options);
}
