/** Fetch stage of the comarquage kind. */
import { type FetchContext, type FetchedBody, fetchSingleDocument, type ConnectorSource } from '../shared/index.js';

/** A full DILA archive is tens of megabytes, far above the 10 MiB cap of a feed. */
export const COMARQUAGE_MAX_BYTES = 100 * 1024 * 1024;

/** Fetches the fiche or the archive (conditional GET), up to COMARQUAGE_MAX_BYTES. */
export function fetchComarquage(source: ConnectorSource, ctx: FetchContext): Promise<FetchedBody> {
  return fetchSingleDocument(source, ctx, {
    accept: 'application/zip, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1',
    maxBytes: COMARQUAGE_MAX_BYTES,
  });
}
