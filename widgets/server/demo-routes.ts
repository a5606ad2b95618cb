/** GET /widgets/demo and the admin snippets of a partner. */
import type { Context } from 'koa';
import { assertPartnerAccess, getPrincipal } from '../../hub/auth/index.js';
import type { Config } from '../../hub/config.js';
import { notFound, type RouteGroup } from '../../hub/http/index.js';
import { findNewestItemId } from '../../hub/items/index.js';
import { findPartner } from '../../hub/partners/index.js';
import { DEMO_STYLE_HASH, renderDemoPage } from './demo-page.js';
import { requestOrigin } from './frame-routes.js';
import { makeSnippets } from './snippets.js';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ITEM_ID = /^[A-Za-z0-9_.:~-]{1,200}$/;
const DEMO_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' ${DEMO_STYLE_HASH}`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const SNIPPETS_SCHEMA = {
  type: 'object',
  required: ['script', 'news', 'search', 'article', 'iframe'],
  properties: Object.fromEntries(['script', 'news', 'search', 'article', 'iframe'].map((k) => [k, { type: 'string' }])),
};

async function serveDemo(ctx: Context, config: Config): Promise<void> {
  ctx.set('Content-Security-Policy', DEMO_CSP);
  ctx.set('Cache-Control', 'no-cache');
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = renderDemoPage({
    snippets: makeSnippets(config.publicUrl),
    itemId: await findNewestItemId(),
    origin: requestOrigin(ctx, config.publicUrl),
  });
}

async function serveSnippets(ctx: Context, config: Config): Promise<void> {
  const id = String(ctx.params.id);
  if (!SLUG.test(id)) throw notFound(`le partenaire ${id}`);
  assertPartnerAccess(getPrincipal(ctx), id);
  const partner = await findPartner(id);
  if (!partner) throw notFound(`le partenaire ${id}`);
  const item = typeof ctx.query.item === 'string' && ITEM_ID.test(ctx.query.item) ? ctx.query.item : undefined;
  ctx.body = makeSnippets(
    config.publicUrl,
    { id: partner._id, name: partner.name, allowedOrigins: partner.allowedOrigins, website: partner.website },
    item,
  );
}

/** Adds the demo page and GET /api/v1/admin/partners/:id/snippets. */
export function addDemoRoutes(group: RouteGroup, config: Config): RouteGroup {
  return group
    .add(
      {
        method: 'get',
        path: '/widgets/demo',
        tag: 'widgets',
        summary: 'Demonstration page: every widget live, with its snippet (French)',
        responses: { 200: { description: 'HTML page', contentType: 'text/html' } },
      },
      (ctx) => serveDemo(ctx, config),
    )
    .add(
      {
        method: 'get',
        path: '/api/v1/admin/partners/:id/snippets',
        tag: 'admin',
        auth: 'bearer',
        summary: 'Copy-paste widget snippets for a partner (script, news, search, article, iframe)',
        query: { item: { description: 'Item id to put in the article snippet (default: a placeholder)' } },
        responses: {
          200: { description: 'Snippets', schema: SNIPPETS_SCHEMA },
          403: { description: 'Another partner' },
          404: { description: 'Unknown partner' },
        },
      },
      (ctx) => serveSnippets(ctx, config),
    );
}
