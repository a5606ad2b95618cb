/** Partners as the renderers look them up. */
import type { PartnerDirectory, PartnerRef } from './types.js';

/** partnerId → {id, name, website} from any list of partners (extra fields are dropped). */
export function indexPartners(partners: Iterable<PartnerRef>): PartnerDirectory {
  const map = new Map<string, PartnerRef>();
  for (const { id, name, website } of partners) map.set(id, { id, name, ...(website ? { website } : {}) });
  return map;
}
