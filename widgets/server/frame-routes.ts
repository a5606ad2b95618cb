/**
 * GET /widgets/v1/frame/{news,search,article}: widgets as iframes for sites whose CMS
 * forbids scripts. The page may be framed only by the partner's allowed origins and the
 * hub itself (CSP frame-ancestors), and posts its height only to a checked origin.
 */
import type { Context } from 'koa';
import type { Config } from '../../hub/config.js';
import type { ParamDoc, RouteGroup } from '../../hub/http/index.js';
import { findItemOwner } from '../../hub/items/index.js';
import { findPartner, type PartnerDoc } from '../../hub/partners/index.js';
import { renderFramePage, type FrameKind } from './frame-page.js';
import { toOrigin } from './html.js';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LIST = /^[a-z0-9-]+(,[a-z0-9-]+)*$/;
/** Allowed attribute values: anything else is dropped, never echoed. */
const PATTERNS: Record<string, RegExp> = {
  partner: SLUG,
  topic: LIST,
  type: LIST,
  audience: LIST,
  commune: /^\d{5}(,\d{5})*$/,
  limit: /^\d{1,2}$/,
  q: /^[^\u0000-\u001f]{1,200}$/,
  item: /^[A-Za-z0-9_.:~-]{1,200}$/,
  theme: /^(dark|light)$/,
};
const ATTRIBUTES: Record<FrameKind, string[]> = {
  news: ['partner', 'topic', 'type', 'commune', 'limit', 'theme'],
  search: ['partner', 'topic', 'type', 'audience', 'commune', 'limit', 'q', 'theme'],
  article: ['item', 'theme'],
};
const FRAME_ID = /^[A-Za-z0-9_-]{1,64}$/;

function readParam(ctx: Context, name: string): string | undefined {
  const value = ctx.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function readAttributes(ctx: Context, kind: FrameKind): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const name of ATTRIBUTES[kind]) {
    const value = readParam(ctx, name);
    if (value !== undefined && PATTERNS[name]?.test(value)) out[name] = value;
  }
  return out;
}

async function findFramePartner(
  kind: FrameKind,
  attributes: Record<string, string | undefined>,
): Promise<PartnerDoc | undefined> {
  let partnerId = attributes.partner;
  if (kind === 'article' && attributes.item) {
    const item = await findItemOwner(attributes.item);
    partnerId = item?.partnerId;
  }
  const partner = partnerId ? await findPartner(partnerId) : undefined;
  return partner?.status === 'active' ? partner : undefined;
}

/** The hub's own origin as this request reached it, with the public URL's scheme. */
export function requestOrigin(ctx: Context, publicUrl: string): string {
  return `${new URL(publicUrl).protocol}//${ctx.host}`;
}

function frameCsp(ancestors: string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    // Items' images come through the hub (/images/…), never from the partner's host.
    "img-src 'self' data:",
    "connect-src 'self'",
    `frame-ancestors ${["'self'", ...new Set(ancestors)].join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function serveFrame(kind: FrameKind, config: Config) {
  return async function frame(ctx: Context): Promise<void> {
    const attributes = readAttributes(ctx, kind);
    const partner = await findFramePartner(kind, attributes);
    const publicOrigin = new URL(config.publicUrl).origin;
    const allowed = [publicOrigin, ...(partner?.allowedOrigins ?? [])];
    const wanted = toOrigin(readParam(ctx, 'origin') ?? readParam(ctx, 'parent'));
    const frameOrigin =
      wanted && (allowed.includes(wanted) || wanted === requestOrigin(ctx, config.publicUrl)) ? wanted : undefined;
    const frameId = readParam(ctx, 'id');
    ctx.set('Content-Security-Policy', frameCsp(allowed));
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = renderFramePage({
      kind,
      lang: readParam(ctx, 'lang') === 'en' ? 'en' : 'fr',
      partnerName: partner?.name,
      attributes,
      frameOrigin,
      frameId: frameId && FRAME_ID.test(frameId) ? frameId : undefined,
    });
  };
}

const COMMON_QUERY: Record<string, ParamDoc> = {
  origin: {
    description:
      "Origin of the embedding page (alias: parent); must be one of the partner's allowedOrigins for the height to be posted to it",
  },
  id: { description: 'Frame id echoed in resize messages' },
  lang: { description: 'fr (default) or en' },
  theme: { description: "light or dark (default: the visitor's preference)" },
};
const KIND_QUERY: Record<FrameKind, Record<string, ParamDoc>> = {
  news: {
    partner: { description: 'Partner id' },
    topic: { description: 'Topics' },
    type: { description: 'Item types' },
    commune: { description: 'Commune codes' },
    limit: { description: 'Items shown (default 5)' },
  },
  search: { partner: { description: 'Restrict to a partner' }, q: { description: 'Initial query' } },
  article: { item: { description: 'Item id', required: true } },
};

/** Adds the three frame pages. */
export function addFrameRoutes(group: RouteGroup, config: Config): RouteGroup {
  for (const kind of ['news', 'search', 'article'] as const) {
    group.add(
      {
        method: 'get',
        path: `/widgets/v1/frame/${kind}`,
        tag: 'widgets',
        summary: `Widget ${kind} as an iframe page (CSP frame-ancestors: the partner's allowed origins and the hub)`,
        query: { ...KIND_QUERY[kind], ...COMMON_QUERY },
        responses: { 200: { description: 'HTML page', contentType: 'text/html' } },
      },
      serveFrame(kind, config),
    );
  }
  return group;
}
