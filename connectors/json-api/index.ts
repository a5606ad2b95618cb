/** The json-api kind: any JSON API, read through a declarative mapping (see README.md). */
import type { Connector } from '../shared/index.js';
import { fetchJsonApi } from './fetch.js';
import { mapJsonApi } from './map.js';
import { parseJsonApi, type ParsedJsonApi } from './parse.js';

export { fetchJsonApi, mapJsonApi, parseJsonApi };
export type { JsonApiPage, ParsedJsonApi } from './parse.js';
export { fillTemplate, readPath } from './paths.js';

/** The json-api connector. */
export const jsonApiConnector: Connector<ParsedJsonApi> = {
  kind: 'json-api',
  fetch: fetchJsonApi,
  parse: parseJsonApi,
  map: mapJsonApi,
};
