/** Helpers of services derived from a source (fiches' links, or a source of services). */
import { sha256Hex, stableStringify } from '../../connectors/index.js';
import type { ServiceDoc } from './service-model.js';

/** The id of a service a source derives: stable across runs, 16 hex characters. */
export function deriveServiceId(sourceId: string, key: string): string {
  return sha256Hex(`${sourceId}\n${key}`).slice(0, 16);
}

/** True when two records store the same thing (dates left aside): nothing to write. */
export function sameStoredFields(a: ServiceDoc, b: ServiceDoc): boolean {
  const strip = ({ createdAt: _c, updatedAt: _u, ...rest }: ServiceDoc) => stableStringify(rest);
  return strip(a) === strip(b);
}
