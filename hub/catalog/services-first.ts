/**
 * « Faire la démarche en ligne » above a search's items: which online services answer a
 * search, read the same way by the API (/api/v1/items) and the portal (/recherche).
 */
import type { ServiceFilter } from '../online-services/index.js';
import { getCommuneProvince, type SearchParams } from '../search/index.js';

/** How many matching services a search page shows above its items. */
export const SERVICES_FIRST = 3;

/**
 * The registry's filter for this search, or undefined when no service is to be shown: no
 * words, a page after the first, or a type filter that leaves services out.
 */
export function servicesFirstFilter(params: SearchParams): ServiceFilter | undefined {
  if (!params.q?.trim() || (params.page ?? 1) > 1) return undefined;
  if (params.type?.length && !params.type.includes('service')) return undefined;
  const commune = params.commune?.length === 1 ? params.commune[0] : undefined;
  return {
    ...(params.partner?.length ? { partnerIds: params.partner } : {}),
    ...(params.topic?.length ? { topics: params.topic } : {}),
    ...(params.audience?.length ? { audience: params.audience } : {}),
    ...(commune ? { commune: { code: commune, province: getCommuneProvince(commune) } } : {}),
  };
}
