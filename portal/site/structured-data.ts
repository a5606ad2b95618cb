/**
 * schema.org data of the portal's pages (JSON-LD): the site and its search, breadcrumbs,
 * and each item as an Article, an Event or a GovernmentService. Plain objects; HeadTags
 * writes them as one @graph.
 */
import type { Item } from '../../schemas/index.js';
import type { Crumb } from '../../hub/ui/index.js';
import { getCommuneName } from '../../hub/search/index.js';
import { PROVINCE_LABELS, type PartnerRef } from '../view/partner-words.js';
import { SITE_NAME } from './head-tags.js';

type Json = Record<string, unknown>;

/** The site, with the search engines' « search this site » box (SearchAction). */
export function describeWebSite(publicUrl: string): Json {
  return {
    '@type': 'WebSite',
    '@id': `${publicUrl}/#site`,
    name: SITE_NAME,
    url: `${publicUrl}/`,
    inLanguage: 'fr',
    description: 'Les informations des services publics de Nouvelle-Calédonie, au même endroit.',
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${publicUrl}/recherche?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** The breadcrumbs as a BreadcrumbList; the last one (the page) gets the canonical address. */
export function describeBreadcrumbs(crumbs: Crumb[], publicUrl: string, canonicalPath: string): Json {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.label,
      item: `${publicUrl}${crumb.href ?? canonicalPath}`,
    })),
  };
}

/** A partner as the organisation that publishes or provides. */
export function describeOrganization(partner: PartnerRef | undefined, fallbackName: string): Json {
  const kind = partner?.kind === 'public-body' || partner?.kind === 'other' ? 'Organization' : 'GovernmentOrganization';
  return {
    '@type': kind,
    name: partner?.name ?? fallbackName,
    ...(partner?.website ? { url: partner.website } : {}),
  };
}

/** Where an item applies, in words (schema.org areaServed). */
export function describeArea(territory: Item['territory']): string {
  if (territory.scope === 'commune' && territory.communes?.length)
    return territory.communes.map((c) => getCommuneName(c) ?? c).join(', ');
  if (territory.scope === 'province' && territory.province)
    return PROVINCE_LABELS[territory.province] ?? territory.province;
  return 'Nouvelle-Calédonie';
}

/** The item as an Event, a GovernmentService (procedures and services) or an Article. */
export function describeItem(item: Item, partner: PartnerRef | undefined, pageUrl: string): Json {
  const organization = describeOrganization(partner, item.partnerId);
  const common = {
    '@id': `${pageUrl}#contenu`,
    name: item.title,
    url: pageUrl,
    inLanguage: item.language || 'fr',
    ...(item.summary ? { description: item.summary } : {}),
  };
  if (item.type === 'event' && item.event) {
    return {
      '@type': 'Event',
      ...common,
      startDate: item.event.start,
      ...(item.event.end ? { endDate: item.event.end } : {}),
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      eventStatus: 'https://schema.org/EventScheduled',
      location: {
        '@type': 'Place',
        name: item.event.place ?? describeArea(item.territory),
        address: describeArea(item.territory),
      },
      organizer: organization,
      sameAs: item.url,
    };
  }
  if (item.type === 'procedure' || item.type === 'service') {
    return {
      '@type': 'GovernmentService',
      ...common,
      provider: organization,
      areaServed: describeArea(item.territory),
      ...(item.audience.length ? { audience: { '@type': 'Audience', audienceType: item.audience.join(', ') } } : {}),
      sameAs: item.url,
    };
  }
  return {
    '@type': item.type === 'news' || item.type === 'alert' ? 'NewsArticle' : 'Article',
    ...common,
    headline: item.title.slice(0, 110),
    ...(item.publishedAt ? { datePublished: item.publishedAt } : {}),
    ...(item.updatedAt || item.publishedAt ? { dateModified: item.updatedAt ?? item.publishedAt } : {}),
    author: organization,
    publisher: organization,
    mainEntityOfPage: pageUrl,
    isBasedOn: item.url,
  };
}
