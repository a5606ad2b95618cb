/** Which connector reads which source kind. */
import type { SourceKind } from '../schemas/index.js';
import { comarquageConnector } from './comarquage/index.js';
import { feedConnector } from './feed/index.js';
import { jsonApiConnector } from './json-api/index.js';
import { type Connector, ConnectorError } from './shared/index.js';

const CONNECTORS: Record<SourceKind, Connector<never>> = {
  feed: feedConnector as Connector<never>,
  'json-api': jsonApiConnector as Connector<never>,
  comarquage: comarquageConnector as Connector<never>,
};

/** The kinds connectors exist for. */
export const CONNECTOR_KINDS = Object.keys(CONNECTORS) as SourceKind[];

/** Returns the connector of a kind; throws ConnectorError bad_config for an unknown kind. */
export function getConnector(kind: string): Connector<unknown> {
  const connector = (CONNECTORS as Record<string, Connector<never> | undefined>)[kind];
  if (!connector) throw new ConnectorError('bad_config', `connectors: unknown source kind ${JSON.stringify(kind)}`);
  return connector as unknown as Connector<unknown>;
}
