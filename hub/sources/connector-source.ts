/**
 * A source as the connectors read it, and the admin preview: what ingest and the routes
 * hand to the connector layer. Credentials travel sealed; only the fetcher opens them.
 */
import type { SourceInput } from '../../schemas/index.js';
import {
  isConnectorError,
  previewConnector,
  type ConnectorResult,
  type ConnectorSource,
  type Fetcher,
} from '../../connectors/index.js';
import { HttpError } from '../http/index.js';
import type { StoredCredentials } from './credentials.js';
import type { SourceDoc } from './source-model.js';

/** The connector's view of a stored source (its credentials still sealed). */
export function toConnectorSource(doc: SourceDoc): ConnectorSource {
  const { _id, partnerId, kind, url, complete, defaults, mapping, credentials } = doc;
  return {
    id: _id,
    partnerId,
    kind,
    url,
    ...(complete !== undefined ? { complete } : {}),
    ...(defaults ? { defaults } : {}),
    ...(mapping ? { mapping } : {}),
    ...(credentials ? { credentials: credentials.sealed } : {}),
  };
}

/** What a preview answers: the first items and every rejection. */
export function previewBody(result: ConnectorResult) {
  const { httpStatus, fetched, complete, items, rejected } = result;
  return { httpStatus, fetched, complete, items, rejected };
}

/** Previews a source (saved, or not yet: then with its freshly sealed credentials); 422 when it cannot be read. */
export async function previewSource(
  source:
    | SourceDoc
    | (Omit<SourceInput, 'schedule' | 'enabled' | 'credentials'> & { credentials?: StoredCredentials | undefined }),
  fetcher: Fetcher,
): Promise<ConnectorResult> {
  const connectorSource =
    '_id' in source ? toConnectorSource(source) : { ...source, id: 'preview', credentials: source.credentials?.sealed };
  try {
    return await previewConnector(connectorSource, { fetcher, limit: 20 });
  } catch (err) {
    if (!isConnectorError(err)) throw err;
    throw new HttpError(422, 'source_failed', "La source n'a pas pu être lue", {
      detail: err.toRunError().message,
      extra: { error: err.toRunError() },
    });
  }
}
