/** GET /communes/:id: a commune's page (its partner id). Any other partner, or none: 404. */
import type { Context } from 'koa';
import { h } from 'preact';
import { notFound } from '../../hub/http/index.js';
import type { PortalDeps } from '../deps.js';
import { CommunePage } from '../pages/commune-page.js';
import { itemsFeed } from '../site/feeds.js';
import { sendPortalPage } from '../site/send-portal-page.js';
import { describeOrganization } from '../site/structured-data.js';
import { toCard } from '../view/cards.js';
import { COMMUNE_COOKIE, findCommune } from '../view/communes.js';
import { ofCommune, theProvince } from '../view/partner-words.js';
import { pageEtag } from './page-etag.js';

const PER_SECTION = 6;
const TERRITORY_WIDE = ['government', 'state', 'other', 'public-body'];

/** The handler of GET /communes/:id. */
export function serveCommune(deps: PortalDeps) {
  return async function communePage(ctx: Context): Promise<void> {
    const partners = await deps.catalog.partners.get();
    const commune = findCommune(partners, String(ctx.params.id));
    if (!commune?.communeCode || commune.id !== ctx.params.id) throw notFound(`la commune ${ctx.params.id}`);
    const code = commune.communeCode;
    const chosen = ctx.cookies.get(COMMUNE_COOKIE) === commune.id;
    ctx.vary('Cookie');
    await sendPortalPage(
      ctx,
      deps.publicUrl,
      () => {
        const service = deps.catalog.search.service;
        const shown = new Set<string>();
        const pick = (params: Parameters<typeof service.search>[0]) =>
          service
            .search({ sort: 'date', ...params, limit: PER_SECTION + shown.size })
            .items.filter((hit) => !shown.has(hit.id) && shown.add(hit.id))
            .slice(0, PER_SECTION)
            .map((hit) => toCard(hit, partners));
        const province = commune.province ? theProvince(commune.province) : undefined;
        return h(CommunePage, {
          commune,
          chosen,
          sections: [
            { title: 'Alertes', cards: pick({ type: ['alert'], commune: [code] }) },
            {
              title: `Ce qui concerne ${commune.name}`,
              cards: pick({ commune: [code] }),
              more: {
                href: `/recherche?commune=${code}&sort=date`,
                label: `Toutes les publications concernant ${commune.name}`,
              },
              empty: h('p', null, `Rien n'a encore été publié pour la commune ${ofCommune(commune.name)}.`),
            },
            ...(province && commune.province
              ? [
                  {
                    title: `Dans ${province}`,
                    cards: pick({ province: [commune.province] }),
                    more: {
                      href: `/recherche?province=${commune.province}&sort=date`,
                      label: `Toutes les publications de ${province}`,
                    },
                  },
                ]
              : []),
            { title: 'Dans toute la Nouvelle-Calédonie', cards: pick({ partnerKind: TERRITORY_WIDE }) },
          ],
          feed: itemsFeed(`Publications concernant ${commune.name}`, { commune: code }),
          structuredData: [{ ...describeOrganization(commune, commune.name), areaServed: commune.name }],
        });
      },
      { etag: await pageEtag(deps, chosen ? 'chosen' : '-') },
    );
  };
}
