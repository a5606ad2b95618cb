import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { renderAtom } from '../../../hub/syndication/index.js';
import { sampleFeed, sampleItems } from '../../fixtures/syndication/sample-feed.js';
import { expectWellFormedXml } from './well-formed-xml.js';

type Attrs = { $: Record<string, string> };
type AtomEntry = {
  id?: string;
  categories: Attrs[];
  links: Attrs[];
  authors: { name: string[]; uri?: string[] }[];
  content?: string;
  summary?: string;
};
const parser = new Parser<{ id: string; updated: string; links: Attrs[] }, AtomEntry>({
  customFields: {
    feed: ['id', 'updated', ['link', 'links', { keepArray: true }]] as never,
    item: [
      ['category', 'categories', { keepArray: true }],
      ['link', 'links', { keepArray: true }],
      ['author', 'authors', { keepArray: true }],
    ] as never,
  },
});
const xmlParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

describe('renderAtom', () => {
  const xml = renderAtom(sampleFeed());

  it('matches the snapshot', async () => {
    await expect(xml).toMatchFileSnapshot('../../fixtures/syndication/snapshots/items.atom');
  });

  it('is well-formed XML', () => {
    expectWellFormedXml(xml);
  });

  it('carries id, title, updated (newest item), xml:lang, rel self, alternate and hub', async () => {
    const feed = await parser.parseString(xml);
    expect(feed.id).toBe('https://passerelle.example.nc/feeds/items.atom?topic=emploi&type=news');
    expect(feed.title).toBe('Passerelle — toutes les publications');
    expect(feed.updated).toBe('2025-03-12T21:30:00.000Z');
    expect(feed.feedUrl).toBe('https://passerelle.example.nc/feeds/items.atom?topic=emploi&type=news');
    expect(feed.links.map((l) => l.$)).toEqual([
      { rel: 'alternate', href: 'https://service-public.nc/actualites' },
      { rel: 'self', href: 'https://passerelle.example.nc/feeds/items.atom?topic=emploi&type=news' },
      { rel: 'hub', href: 'https://websub.example.nc/' },
    ]);
    expect(xmlParser.parse(xml).feed['@xml:lang']).toBe('fr');
  });

  it('gives back every item intact: title, link, id, dates, content, summary', async () => {
    const feed = await parser.parseString(xml);
    const items = sampleItems();
    expect(feed.items.map((i) => i.title)).toEqual(items.map((i) => i.title));
    expect(feed.items.map((i) => i.link)).toEqual(items.map((i) => i.url));
    expect(feed.items.map((i) => i.id)).toEqual(items.map((i) => `tag:passerelle.example.nc,2025:items/${i.id}`));
    expect(feed.items.map((i) => i.isoDate)).toEqual(items.map((i) => i.publishedAt ?? i.firstSeenAt));
    expect(feed.items[0]?.content).toBe(items[0]?.content);
    expect(feed.items[0]?.summary).toBe(items[0]?.summary);
    const entries = xmlParser.parse(xml).feed.entry;
    expect(entries.map((e: { updated: string }) => e.updated)).toEqual(
      items.map((i) => i.updatedAt ?? i.publishedAt ?? i.firstSeenAt).map((d) => new Date(d).toISOString()),
    );
  });

  it('marks plain-text titles and summaries type="text", content type="html"', () => {
    expect(xml).not.toMatch(/<(title|summary) type="html">/);
    expect(xml).toContain('<title type="text">Forum de l’emploi 2025 : 80 recruteurs &amp; 600 offres</title>');
    expect(xml).toContain('<content type="html">&lt;p&gt;Le forum');
  });

  it('gives every entry its partner as author, and name-only categories a term', async () => {
    const feed = await parser.parseString(xml);
    expect(feed.items[0]?.authors).toEqual([
      { name: ['Province Sud'], uri: ['https://www.province-sud.nc/'] },
      { name: ['Service communication'] },
    ]);
    expect(feed.items[3]?.authors).toEqual([{ name: ['partenaire-inconnu'] }]);
    expect(feed.items[1]?.categories.map((c) => c.$)).toEqual([
      { scheme: 'https://service-public.nc/themes', term: 'culture' },
      { scheme: 'https://www.noumea.nc/index.php?page=accueil&lang=fr', term: 'Culture' },
      { scheme: 'https://www.noumea.nc/index.php?page=accueil&lang=fr', term: 'Fête & musique' },
    ]);
    expect(renderAtom(sampleFeed({ meta: { topicScheme: undefined } }))).toContain('<category term="emploi"/>');
  });

  it('links image and file enclosures with their real media types', async () => {
    const feed = await parser.parseString(xml);
    const enclosures = (i: number) => feed.items[i]?.links.filter((l) => l.$.rel === 'enclosure').map((l) => l.$);
    expect(enclosures(0)).toEqual([
      {
        rel: 'enclosure',
        href: 'https://www.province-sud.nc/medias/forum-emploi.JPG',
        title: 'Le forum en 2024',
        type: 'image/jpeg',
      },
    ]);
    expect(enclosures(1)).toEqual([
      {
        rel: 'enclosure',
        href: 'https://www.noumea.nc/docs/programme-fete.pdf',
        title: 'Programme (PDF)',
        type: 'application/pdf',
        length: '245760',
      },
      { rel: 'enclosure', href: 'https://cdn.noumea.nc/img/8f3a?w=800&h=600', type: 'image/webp' },
    ]);
  });
});
