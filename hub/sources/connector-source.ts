/**
 * A source as the connectors read it, and the admin preview: what ingest and the routes
 * hand to the connector layer. Credentials travel sealed; only the fetcher opens them.
 */
import type { SourceInput } from '../../schemas/index.js';
import {
  describeRunLimit,
  isConnectorError,
  type ConnectorResult,
  type ConnectorSource,
  type ReaderPool,
  type RunBudget,
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

/** What a preview answers: the first items, every rejection, and the budget it hit, if any. */
export function previewBody(result: ConnectorResult, budget: RunBudget = {}) {
  const { httpStatus, fetched, complete, items, rejected } = result;
  const notice = describeRunLimit(result, budget);
  return { httpStatus, fetched, complete, ...(notice ? { notice } : {}), items, rejected };
}

/** Previews a source in a reader thread (saved, or not yet: then with its freshly sealed credentials); 422 when it cannot be read. */
export async function previewSource(
  source:
    | SourceDoc
    | (Omit<SourceInput, 'schedule' | 'enabled' | 'credentials'> & { credentials?: StoredCredentials | undefined }),
  reader: ReaderPool,
  budget: RunBudget = {},
): Promise<ConnectorResult> {
  const connectorSource =
    '_id' in source ? toConnectorSource(source) : { ...source, id: 'preview', credentials: source.credentials?.sealed };
  try {
    return await reader.preview(connectorSource, { limit: 20, budget });
  } catch (err) {
    if (!isConnectorError(err)) throw err;
    throw new HttpError(422, 'source_failed', "La source n'a pas pu être lue", {
      detail: err.toRunError().message,
      extra: { error: err.toRunError() },
    });
  }
}
