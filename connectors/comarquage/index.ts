/** The comarquage kind: DILA "vos droits et démarches" fiches, one by one or as a zip. */
import type { Connector } from '../shared/index.js';
import { fetchComarquage } from './fetch.js';
import { mapComarquage } from './map.js';
import { parseComarquage, type ParsedComarquage } from './parse.js';

export { COMARQUAGE_MAX_BYTES, fetchComarquage } from './fetch.js';
export { mapComarquage } from './map.js';
export { parseArchive, parseComarquage, parseFiche } from './parse.js';
export type { ParsedComarquage, ParsedFiche, SkippedFiche } from './parse.js';
export { servicePublicUrl } from './service-public.js';

/** The comarquage connector. */
export const comarquageConnector: Connector<ParsedComarquage> = {
  kind: 'comarquage',
  fetch: fetchComarquage,
  parse: (body) => parseComarquage(body),
  map: mapComarquage,
};
