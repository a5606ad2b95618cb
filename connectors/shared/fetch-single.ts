/** The fetch stage of one-document kinds (feed, comarquage): one conditional GET. */
import type { FetchContext, FetchedBody } from './connector-types.js';
import type { ConnectorSource } from './types.js';

/** Fetches source.url once, conditionally; a 304 gives notModified and no pages. */
export async function fetchSingleDocument(
  source: ConnectorSource,
  ctx: FetchContext,
  request: { accept: string; maxBytes?: number },
): Promise<FetchedBody> {
  const response = await ctx.fetcher.fetch({ url: source.url, ...request, ...ctx.cache });
  return {
    notModified: response.notModified,
    httpStatus: response.status,
    first: response,
    pages: response.notModified ? [] : [response],
    truncated: false,
  };
}
