/**
 * GET /feeds/items.{rss,atom,json}, /feeds/partners/:id.{rss,atom,json}, /feeds/sources.opml.
 * Takes its dependencies instead of importing the database or hub/http, so the lead wires it.
 */
import Router from '@koa/router';
import type { Context } from 'koa';
import type { Item } from '../../schemas/index.js';
import { FeedCache, normalizeQuery, toCachedDocument, type CachedDocument } from './feed-cache.js';
import { buildItemsFeedUrls, buildPartnerFeedTemplate, buildPartnerFeedUrls } from './feed-urls.js';
import { indexPartners } from './partners.js';
import { renderFeed, CONTENT_TYPES, isFeedFormat } from './render-feed.js';
import { renderOpml, type OpmlSource } from './render-opml.js';
import type { FeedFormat, FeedMeta, PartnerRef } from './types.js';

export type FeedQuery = Record<string, string | string[] | undefined>;

export interface SyndicationDeps<F = unknown> {
  /** Published items for the filters, newest first and capped (e.g. 50), with a version that changes whenever they may. */
  listItems(filters: F): Promise<{ items: Item[]; version: string }>;
  /**
   * A cheap version of all syndicated data (e.g. a counter bumped by ingest). Optional: with
   * it, a cached feed is served without calling listItems at all.
   */
  getVersion?(): Promise<string>;
  /** Active partners. */
  getPartners(): Promise<PartnerRef[]> | PartnerRef[];
  /** The query as filters (the same as /api/v1/items); throws its own 400 on invalid input. */
  parseFilters(query: FeedQuery): F;
  /** Active sources, for /feeds/sources.opml; without it the route is not mounted. */
  listActiveSources?(): Promise<OpmlSource[]>;
  /** The hub's public origin, e.g. https://passerelle.nc. */
  publicUrl: string;
  /** The portal page feeds link to as their HTML alternate. Default: publicUrl. */
  portalUrl?: string;
  websubHubUrl?: string;
  /** Default: a new FeedCache of 200 entries. */
  cache?: FeedCache;
  /** Builds the error thrown for an unknown partner (hub/http's notFound fits). Default: an Error with {status: 404, expose, code: 'not_found', detail}. */
  notFound?: (what: string) => unknown;
}

const CACHE_CONTROL = 'public, max-age=300';

/** The router of the syndication routes, with ETag, Last-Modified, 304 and Cache-Control. */
export function createSyndicationRouter<F>(deps: SyndicationDeps<F>): Router {
  const router = new Router({ sensitive: true });
  const cache = deps.cache ?? new FeedCache();
  router.get('/feeds/items.:format', async (ctx, next) => {
    if (!isFeedFormat(ctx.params.format ?? '')) return next();
    await serveItemsFeed(ctx, deps, cache, ctx.params.format as FeedFormat);
  });
  router.get('/feeds/partners/:id.:format', async (ctx, next) => {
    if (!isFeedFormat(ctx.params.format ?? '')) return next();
    await servePartnerFeed(ctx, deps, cache, String(ctx.params.id), ctx.params.format as FeedFormat);
  });
  const listSources = deps.listActiveSources?.bind(deps);
  if (listSources) router.get('/feeds/sources.opml', async (ctx) => serveOpml(ctx, deps, listSources));
  return router;
}

async function serveItemsFeed<F>(
  ctx: Context,
  deps: SyndicationDeps<F>,
  cache: FeedCache,
  format: FeedFormat,
): Promise<void> {
  const query = normalizeQuery(ctx.query);
  const meta = buildMeta(deps, buildItemsFeedUrls(deps.publicUrl, query), {
    title: query ? 'Passerelle — sélection de publications' : 'Passerelle — toutes les publications',
    description: 'Actualités, événements et démarches des partenaires du portail',
  });
  await serveFeed(ctx, deps, cache, {
    format,
    key: `${format} items?${query}`,
    filters: deps.parseFilters(ctx.query),
    meta,
  });
}

async function servePartnerFeed<F>(
  ctx: Context,
  deps: SyndicationDeps<F>,
  cache: FeedCache,
  partnerId: string,
  format: FeedFormat,
): Promise<void> {
  const partner = indexPartners(await deps.getPartners()).get(partnerId);
  if (!partner) throw (deps.notFound ?? defaultNotFound)(`le partenaire ${partnerId}`);
  // The path names the partner: a ?partner= in the query cannot widen or change it.
  const query = normalizeQuery({ ...ctx.query, partner: undefined });
  const meta = buildMeta(deps, buildPartnerFeedUrls(deps.publicUrl, partnerId, query), {
    title: `${partner.name} — Passerelle`,
    description: `Publications de ${partner.name} sur le portail`,
  });
  const filters = deps.parseFilters({ ...ctx.query, partner: partnerId });
  await serveFeed(ctx, deps, cache, { format, key: `${format} partner/${partnerId}?${query}`, filters, meta });
}

interface FeedRequest<F> {
  format: FeedFormat;
  key: string;
  filters: F;
  meta: FeedMeta;
}

/** With getVersion, a cached feed is served without listing items; else the listing's version decides. */
async function serveFeed<F>(
  ctx: Context,
  deps: SyndicationDeps<F>,
  cache: FeedCache,
  request: FeedRequest<F>,
): Promise<void> {
  const render = async (items: Item[]) =>
    renderFeed(request.format, { items, partners: indexPartners(await deps.getPartners()), meta: request.meta });
  let doc: CachedDocument;
  if (deps.getVersion) {
    doc = await cache.getOrRender(request.key, await deps.getVersion(), async () =>
      render((await deps.listItems(request.filters)).items),
    );
  } else {
    const { items, version } = await deps.listItems(request.filters);
    doc = await cache.getOrRender(request.key, version, () => render(items));
  }
  sendDocument(ctx, doc, deps, request.meta.feedUrls[request.format]);
}

async function serveOpml<F>(
  ctx: Context,
  deps: SyndicationDeps<F>,
  listSources: () => Promise<OpmlSource[]>,
): Promise<void> {
  const [sources, partners] = await Promise.all([listSources(), deps.getPartners()]);
  const body = renderOpml({
    sources,
    partners: indexPartners(partners),
    meta: { ownerName: 'Passerelle', partnerFeedUrlTemplate: buildPartnerFeedTemplate(deps.publicUrl) },
  });
  const doc = toCachedDocument({ body, updated: new Date(), contentType: CONTENT_TYPES.opml }, '', new Date());
  ctx.set('Cache-Control', CACHE_CONTROL);
  ctx.set('ETag', doc.etag);
  // No Last-Modified: sources carry no date that says when this list last changed.
  ctx.status = 200; // ctx.fresh answers only for a 2xx or 304 response
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  sendBody(ctx, doc);
}

function buildMeta<F>(
  deps: SyndicationDeps<F>,
  feedUrls: FeedMeta['feedUrls'],
  text: { title: string; description: string },
): FeedMeta {
  return {
    ...text,
    feedUrls,
    alternateUrl: deps.portalUrl ?? deps.publicUrl,
    ...(deps.websubHubUrl ? { hubUrl: deps.websubHubUrl } : {}),
    language: 'fr',
    partnerFeedUrlTemplate: buildPartnerFeedTemplate(deps.publicUrl),
    tagAuthority: `${new URL(deps.publicUrl).hostname},2025`,
  };
}

/** Validators, WebSub discovery Link header (WebSub §4), then 304 or the body. */
function sendDocument<F>(ctx: Context, doc: CachedDocument, deps: SyndicationDeps<F>, selfUrl: string): void {
  ctx.set('Cache-Control', CACHE_CONTROL);
  ctx.set('ETag', doc.etag);
  ctx.set('Last-Modified', doc.lastModified);
  if (deps.websubHubUrl) ctx.set('Link', `<${deps.websubHubUrl}>; rel="hub", <${selfUrl}>; rel="self"`);
  // Koa's ctx.fresh (the `fresh` package) compares If-None-Match and If-Modified-Since
  // with the ETag and Last-Modified just set; it answers only for a 2xx or 304 response.
  ctx.status = 200;
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  sendBody(ctx, doc);
}

/** Content-Type first: Koa would otherwise type a string body text/plain (or strip the charset). */
function sendBody(ctx: Context, doc: CachedDocument): void {
  ctx.set('Content-Type', doc.contentType);
  ctx.body = doc.body;
}

/** An Error with Koa's status/expose, so that even a bare Koa answers 404; hub/http can map code and detail. */
function defaultNotFound(what: string): unknown {
  return Object.assign(new Error(`${what} introuvable`), {
    status: 404,
    expose: true,
    code: 'not_found',
    detail: `${what} introuvable`,
  });
}
