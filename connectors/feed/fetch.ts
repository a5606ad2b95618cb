/** Fetch stage of the feed kind. */
import { type FetchContext, type FetchedBody, fetchSingleDocument, type ConnectorSource } from '../shared/index.js';

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1';

/** Fetches the feed document (conditional GET). */
export function fetchFeed(source: ConnectorSource, ctx: FetchContext): Promise<FetchedBody> {
  return fetchSingleDocument(source, ctx, { accept: ACCEPT });
}
