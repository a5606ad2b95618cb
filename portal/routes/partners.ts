/** GET /partenaires and /partenaires/:id: the partners, and one partner's page. */
import type { Context } from 'koa';
import { h } from 'preact';
import { notFound } from '../../hub/http/index.js';
import type { PortalDeps } from '../deps.js';
import { PartnerPage } from '../pages/partner-page.js';
import { PartnersPage, type PartnerGroup } from '../pages/partners-page.js';
import { sendPortalPage } from '../site/send-portal-page.js';
import { describeOrganization } from '../site/structured-data.js';
import { toCard } from '../view/cards.js';
import { PARTNER_KIND_LABELS, type PartnerRef } from '../view/partner-words.js';
import { pageEtag } from './page-etag.js';

const LATEST = 6;
/** Online services shown on a partner's page; the others are at /demarches?partner=… */
const SERVICES_SHOWN = 10;
const byName = new Intl.Collator('fr', { sensitivity: 'base' });

/** The partners grouped by kind, in the order of PARTNER_KIND_LABELS, each group by name. */
export function groupPartners(partners: Iterable<PartnerRef>): PartnerGroup[] {
  const all = [...partners];
  return Object.keys(PARTNER_KIND_LABELS)
    .map((kind) => ({
      kind,
      partners: all.filter((p) => p.kind === kind).sort((a, b) => byName.compare(a.name, b.name)),
    }))
    .filter((g) => g.partners.length > 0);
}

/** The handler of GET /partenaires. */
export function servePartners(deps: PortalDeps) {
  return async function partners(ctx: Context): Promise<void> {
    const directory = await deps.catalog.partners.get();
    await sendPortalPage(
      ctx,
      deps.publicUrl,
      () => h(PartnersPage, { groups: groupPartners(directory.values()), total: directory.size }),
      {
        etag: await deps.catalog.partners.getVersion(),
      },
    );
  };
}

/** Finds an active partner of the directory or throws the 404. */
export async function requirePartner(deps: PortalDeps, id: string): Promise<PartnerRef> {
  const partner = (await deps.catalog.partners.get()).get(id);
  if (!partner) throw notFound(`le partenaire ${id}`);
  return partner;
}

/** The handler of GET /partenaires/:id. */
export function servePartner(deps: PortalDeps) {
  return async function partner(ctx: Context): Promise<void> {
    const found = await requirePartner(deps, String(ctx.params.id));
    await sendPortalPage(
      ctx,
      deps.publicUrl,
      async () => {
        const partners = await deps.catalog.partners.get();
        const result = deps.catalog.search.service.search({ partner: [found.id], sort: 'date', limit: LATEST });
        const services = await deps.services.find('', { partnerIds: [found.id] });
        return h(PartnerPage, {
          partner: found,
          services: services.slice(0, SERVICES_SHOWN),
          servicesTotal: services.length,
          latest: result.items.map((hit) => toCard(hit, partners)),
          total: result.total,
          types: Object.entries(result.facets.type),
          feed: { title: `Publications de ${found.name}`, base: `/feeds/partners/${found.id}` },
          structuredData: [
            {
              ...describeOrganization(found, found.name),
              '@id': `${deps.publicUrl}/partenaires/${found.id}#organisation`,
            },
          ],
        });
      },
      // Its online services change apart from the items: a short-lived page, as /demarches.
      { etag: `${await pageEtag(deps)}|${Math.floor(Date.now() / 60_000)}` },
    );
  };
}
