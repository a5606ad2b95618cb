/** GET /demarches: the registry of online services with its filters (words, commune, audience, partner). */
import type { Context } from 'koa';
import { h } from 'preact';
import type { FieldErrorEntry } from '../../hub/ui/index.js';
import type { PortalDeps } from '../deps.js';
import { ServicesPage } from '../pages/services-page.js';
import { sendPortalPage } from '../site/send-portal-page.js';
import { findCommune, listCommunes } from '../view/communes.js';
import { BadPageRequest } from './error-pages.js';
import { pageEtag } from './page-etag.js';

const PAGE_SIZE = 20;
const AUDIENCES = ['particuliers', 'professionnels', 'associations'];

const one = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The handler of GET /demarches. */
export function serveServices(deps: PortalDeps) {
  return async function servicesPage(ctx: Context): Promise<void> {
    const partners = await deps.catalog.partners.get();
    const errors: FieldErrorEntry[] = [];
    const q = one(ctx.query.q).slice(0, 200);
    const communeValue = one(ctx.query.commune);
    const commune = findCommune(partners, communeValue);
    if (communeValue && !commune) errors.push({ field: 'commune', message: 'commune inconnue' });
    const audience = one(ctx.query.audience);
    if (audience && !AUDIENCES.includes(audience)) errors.push({ field: 'audience', message: 'public inconnu' });
    const partner = one(ctx.query.partner);
    if (partner && !partners.has(partner)) errors.push({ field: 'partner', message: 'partenaire inconnu' });
    const pageText = one(ctx.query.page) || '1';
    const page = /^\d{1,4}$/.test(pageText) ? Number(pageText) : 0;
    if (page < 1) errors.push({ field: 'page', message: 'doit être un numéro de page' });
    if (errors.length) throw new BadPageRequest(errors);
    const query = new URLSearchParams(
      Object.entries({ q, commune: commune?.id ?? '', audience, partner }).filter(([, v]) => v),
    ).toString();
    await sendPortalPage(
      ctx,
      deps.publicUrl,
      async () => {
        const found = await deps.services.find(q, {
          ...(partner ? { partnerIds: [partner] } : {}),
          ...(audience ? { audience: [audience] } : {}),
          ...(commune?.communeCode ? { commune: { code: commune.communeCode, province: commune.province } } : {}),
        });
        const pageCount = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
        return h(ServicesPage, {
          q,
          commune: commune?.id ?? '',
          audience,
          partner,
          communes: listCommunes(partners).map((c) => ({ value: c.id, label: c.name })),
          partners: [...partners.values()]
            .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
            .map((p) => ({ value: p.id, label: p.name })),
          total: found.length,
          page: Math.min(page, pageCount),
          pageCount,
          services: found
            .slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
            .map((service) => ({ service, partnerName: partners.get(service.partnerId)?.name ?? service.partnerId })),
          query,
        });
      },
      // The registry and its broken addresses change apart from items: their own version.
      { etag: await pageEtag(deps, await deps.services.version()) },
    );
  };
}
