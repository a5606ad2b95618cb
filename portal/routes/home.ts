/**
 * GET /: the home page. Its data comes from the catalog's search (in-process, never the
 * database): alerts, the chosen commune's news, its province's, New Caledonia's, topics.
 */
import type { Context } from 'koa';
import { h } from 'preact';
import type { SearchParams, SearchService } from '../../hub/search/index.js';
import type { PortalDeps } from '../deps.js';
import { HomePage, type HomePageProps, type TopicLink } from '../pages/home-page.js';
import { sendPortalPage } from '../site/send-portal-page.js';
import { describeWebSite } from '../site/structured-data.js';
import { toCard, type LinkedCard } from '../view/cards.js';
import { listCommunes, readCommuneChoice } from '../view/communes.js';
import { ofCommune, theProvince, type PartnerRef } from '../view/partner-words.js';
import { getTopicLabel } from '../view/topics.js';
import { BadPageRequest } from './error-pages.js';
import { pageEtag } from './page-etag.js';

const ALERTS = 3;
/** An alert older than this is no longer « in force » (alerts carry no end date). */
export const ALERT_DAYS = 30;
const NEWS = 4;
const LATEST = 6;
const TOPICS = 12;
/** Partners whose news concern all of New Caledonia. */
const TERRITORY_WIDE = ['government', 'state', 'other', 'public-body'];

/** Runs searches and turns hits into cards, never showing one item twice on the page. */
function createPicker(service: SearchService, partners: ReadonlyMap<string, PartnerRef>) {
  const shown = new Set<string>();
  return (params: SearchParams, limit: number): LinkedCard[] => {
    const hits = service.search({ sort: 'date', ...params, limit: limit + shown.size }).items;
    const fresh = hits.filter((hit) => !shown.has(hit.id)).slice(0, limit);
    for (const hit of fresh) shown.add(hit.id);
    return fresh.map((hit) => toCard(hit, partners));
  };
}

function gatherNews(pick: ReturnType<typeof createPicker>, commune: PartnerRef | undefined): HomePageProps['news'] {
  if (!commune?.communeCode) {
    return [
      {
        title: 'Dernières publications',
        cards: pick({}, LATEST),
        more: { href: '/recherche?sort=date', label: 'Toutes les publications' },
      },
    ];
  }
  const province = commune.province;
  return [
    {
      title: `À ${commune.name}`,
      cards: pick({ commune: [commune.communeCode] }, NEWS),
      more: { href: `/communes/${commune.id}`, label: `Tout ce qui concerne la commune ${ofCommune(commune.name)}` },
    },
    ...(province
      ? [
          {
            title: `Dans ${theProvince(province)}`,
            cards: pick({ province: [province] }, NEWS),
            more: {
              href: `/recherche?province=${province}&sort=date`,
              label: `Toutes les publications de ${theProvince(province)}`,
            },
          },
        ]
      : []),
    {
      title: 'Dans toute la Nouvelle-Calédonie',
      cards: pick({ partnerKind: TERRITORY_WIDE }, NEWS),
      more: {
        href: `/recherche?partnerKind=${TERRITORY_WIDE.join(',')}&sort=date`,
        label: 'Toutes les publications des institutions',
      },
    },
  ];
}

function listTopics(service: SearchService): TopicLink[] {
  const counts = service.search({ limit: 1 }).facets.topic;
  return Object.entries(counts)
    .slice(0, TOPICS)
    .map(([slug, count]) => ({ slug, count, label: getTopicLabel(slug) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

/** The handler of GET /. */
export function serveHome(deps: PortalDeps) {
  return async function home(ctx: Context): Promise<void> {
    const partners = await deps.catalog.partners.get();
    const choice = readCommuneChoice(ctx, partners);
    if (!choice.ok)
      throw new BadPageRequest([
        {
          field: 'commune',
          message: `commune inconnue : « ${choice.value.slice(0, 40)} » (attendu : une des 33 communes, par exemple noumea ou 98818)`,
        },
      ]);
    const { commune } = choice;
    // The cookie changes the page: shared caches must keep one copy per choice.
    ctx.vary('Cookie');
    // The day too: alerts leave the page when they are older than ALERT_DAYS.
    const etag = await pageEtag(deps, commune?.id ?? '-', new Date().toISOString().slice(0, 10));
    await sendPortalPage(
      ctx,
      deps.publicUrl,
      () => {
        const service = deps.catalog.search.service;
        const pick = createPicker(service, partners);
        const since = new Date(Date.now() - ALERT_DAYS * 86_400_000);
        const alertParams: SearchParams = { type: ['alert'], from: since };
        const alerts = commune?.communeCode
          ? [...pick({ ...alertParams, commune: [commune.communeCode] }, ALERTS)]
          : [];
        alerts.push(...pick(alertParams, ALERTS - alerts.length));
        return h(HomePage, {
          canonicalPath: choice.fromQuery && commune ? `/?commune=${commune.id}` : '/',
          communes: listCommunes(partners),
          ...(commune ? { commune } : {}),
          alerts,
          news: gatherNews(pick, commune),
          topics: listTopics(service),
          webSite: describeWebSite(deps.publicUrl),
        });
      },
      { etag },
    );
  };
}
