import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { indexPartners, renderOpml, type OpmlSource } from '../../../hub/syndication/index.js';
import { HUB, SAMPLE_PARTNERS } from '../../fixtures/syndication/sample-feed.js';
import { expectWellFormedXml } from './well-formed-xml.js';

const SOURCES: OpmlSource[] = [
  {
    id: 's1',
    name: 'Actualités',
    kind: 'feed',
    url: 'https://www.province-sud.nc/rss/actualites.xml',
    partnerId: 'province-sud',
  },
  {
    id: 's2',
    name: 'Agenda & sorties',
    kind: 'feed',
    url: 'https://www.noumea.nc/feed?type=agenda&lang=fr',
    partnerId: 'ville-noumea',
  },
  {
    id: 's3',
    name: 'API événements',
    kind: 'json-api',
    url: 'https://api.noumea.nc/events',
    partnerId: 'ville-noumea',
  },
  {
    id: 's4',
    name: 'Fiches pratiques',
    kind: 'comarquage',
    url: 'https://gouv.nc/comarquage.zip',
    partnerId: 'gouv-nc',
  },
  { id: 's5', kind: 'feed', url: 'https://www.province-sud.nc/rss/appels-offres.xml', partnerId: 'province-sud' },
];
const meta = { ownerName: 'Passerelle', partnerFeedUrlTemplate: `${HUB}/feeds/partners/{partnerId}.rss` };
const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => name === 'outline',
});

interface Outline {
  text: string;
  type?: string;
  xmlUrl?: string;
  htmlUrl?: string;
  outline?: Outline[];
}

describe('renderOpml', () => {
  const xml = renderOpml({ sources: SOURCES, partners: indexPartners(SAMPLE_PARTNERS), meta });
  const outlines = (xmlParser.parse(xml) as { opml: { body: { outline: Outline[] } } }).opml.body.outline;

  it('matches the snapshot', async () => {
    await expect(xml).toMatchFileSnapshot('../../fixtures/syndication/snapshots/sources.opml');
  });

  it('is well-formed OPML 2.0', () => {
    expectWellFormedXml(xml);
    expect(xml).toContain('<opml version="2.0">');
    expect(xml).toContain('<title>Sources des partenaires — Passerelle</title>');
  });

  it('has one outline per partner, sorted by name in French', () => {
    expect(outlines.map((o) => o.text)).toEqual([
      'Gouvernement de la Nouvelle-Calédonie',
      'Province Sud',
      'Ville de Nouméa',
    ]);
  });

  it("starts each partner with the hub's own feed, then its feed sources as type=rss", () => {
    const noumea = outlines[2]?.outline ?? [];
    expect(noumea).toEqual([
      {
        type: 'rss',
        text: 'Ville de Nouméa — toutes les publications (Passerelle)',
        title: 'Ville de Nouméa — toutes les publications (Passerelle)',
        xmlUrl: `${HUB}/feeds/partners/ville-noumea.rss`,
        htmlUrl: 'https://www.noumea.nc/index.php?page=accueil&lang=fr',
      },
      {
        type: 'rss',
        text: 'Agenda & sorties',
        title: 'Agenda & sorties',
        xmlUrl: 'https://www.noumea.nc/feed?type=agenda&lang=fr',
        htmlUrl: 'https://www.noumea.nc/index.php?page=accueil&lang=fr',
      },
    ]);
    expect(xml).not.toContain('api.noumea.nc');
  });

  it('represents a partner with only non-feed sources by its hub feed', () => {
    expect(outlines[0]?.outline?.map((o) => o.xmlUrl)).toEqual([`${HUB}/feeds/partners/gouv-nc.rss`]);
  });

  it('names a source without a name by its host', () => {
    expect(outlines[1]?.outline?.map((o) => o.text)).toEqual([
      'Province Sud — toutes les publications (Passerelle)',
      'Actualités',
      'www.province-sud.nc',
    ]);
  });

  it('is deterministic whatever the order of the sources', () => {
    const shuffled = renderOpml({ sources: [...SOURCES].reverse(), partners: indexPartners(SAMPLE_PARTNERS), meta });
    expect(shuffled).toBe(xml);
  });
});
