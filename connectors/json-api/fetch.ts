/**
 * Fetch stage of the json-api kind: the first page conditionally, then the next ones one
 * after the other (politely, never in parallel) until the last page or the page cap.
 */
import type { JsonApiMapping, Pagination } from '../../schemas/index.js';
import {
  type FetchContext,
  type FetchedBody,
  type FetchResponse,
  type ConnectorSource,
  isConnectorError,
  resolveUrl,
} from '../shared/index.js';
import { readPath } from './paths.js';
import { readJsonPage, readNextLink, requireMapping } from './parse.js';

const ACCEPT = 'application/json, application/ld+json;q=0.9, */*;q=0.1';

/** Pagination settings with their documented defaults applied. */
interface Paging {
  type: Pagination['type'];
  param: string;
  start: number;
  size: number;
  sizeParam?: string;
  nextPath?: string;
  maxPages: number;
}

/** Fetches every page of a JSON API source (see README.md for the pagination rules). */
export async function fetchJsonApi(source: ConnectorSource, ctx: FetchContext): Promise<FetchedBody> {
  const mapping = requireMapping(source.mapping);
  const paging = mapping.pagination ? withDefaults(mapping.pagination) : undefined;
  const firstUrl = paging ? pageUrl(source.url, paging, paging.start) : source.url;
  const first = await ctx.fetcher.fetch({ url: firstUrl, accept: ACCEPT, ...ctx.cache });
  const body: FetchedBody = {
    notModified: first.notModified,
    httpStatus: first.status,
    first,
    pages: [],
    truncated: false,
  };
  if (first.notModified) return body;
  body.pages.push(first);
  if (paging) await fetchFollowingPages(source.url, paging, mapping, ctx, body);
  return body;
}

async function fetchFollowingPages(
  sourceUrl: string,
  paging: Paging,
  mapping: JsonApiMapping,
  ctx: FetchContext,
  body: FetchedBody,
): Promise<void> {
  const seen = new Set(body.pages.map((p) => p.url));
  let received = 0;
  for (;;) {
    const last = body.pages[body.pages.length - 1] as FetchResponse;
    const content = readJsonPage(last, mapping);
    received += content.items.length;
    const next = nextPageUrl(sourceUrl, paging, {
      last,
      document: content.document,
      count: content.items.length,
      received,
      pages: body.pages.length,
    });
    if (!next || seen.has(next)) return;
    if (body.pages.length >= paging.maxPages) {
      body.truncated = true;
      return;
    }
    seen.add(next);
    const response = await fetchNextPage(next, ctx, body);
    if (!response) return;
    body.pages.push(response);
  }
}

/** The next page, or undefined when the run's byte budget is spent: the pages read so far are kept. */
async function fetchNextPage(url: string, ctx: FetchContext, body: FetchedBody): Promise<FetchResponse | undefined> {
  try {
    return await ctx.fetcher.fetch({ url, accept: ACCEPT });
  } catch (error) {
    if (!isConnectorError(error) || !error.runBudget) throw error;
    body.truncated = true;
    body.stoppedBy = 'max_bytes';
    return undefined;
  }
}

interface PageState {
  last: FetchResponse;
  document: unknown;
  /** Items on the last page. */
  count: number;
  /** Items on all pages so far. */
  received: number;
  /** Pages fetched so far. */
  pages: number;
}

/** The URL of the page after `state.last`, or undefined when it was the last one. */
function nextPageUrl(sourceUrl: string, paging: Paging, state: PageState): string | undefined {
  if (paging.type === 'next') {
    const fromBody = paging.nextPath
      ? readPath(state.document, paging.nextPath)
      : readNextLink(state.last.headers['link']);
    return resolveUrl(fromBody, state.last.url);
  }
  // An empty page ends the listing; so does a short one when the API was told the size.
  if (state.count === 0 || (paging.sizeParam && state.count < paging.size)) return undefined;
  const position = paging.type === 'page' ? paging.start + state.pages : paging.start + state.received;
  return pageUrl(sourceUrl, paging, position);
}

function pageUrl(sourceUrl: string, paging: Paging, position: number): string {
  if (paging.type === 'next') return sourceUrl;
  const url = new URL(sourceUrl);
  url.searchParams.set(paging.param, String(position));
  if (paging.sizeParam) url.searchParams.set(paging.sizeParam, String(paging.size));
  return url.href;
}

function withDefaults(p: Pagination): Paging {
  const paging: Paging = {
    type: p.type,
    param: p.param ?? (p.type === 'offset' ? 'offset' : 'page'),
    start: p.start ?? (p.type === 'page' ? 1 : 0),
    size: p.size ?? 50,
    maxPages: p.maxPages ?? 20,
  };
  if (p.sizeParam) paging.sizeParam = p.sizeParam;
  if (p.nextPath) paging.nextPath = p.nextPath;
  return paging;
}
