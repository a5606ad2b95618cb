import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { renderRss } from '../../../hub/syndication/index.js';
import { sampleFeed, sampleItems } from '../../fixtures/syndication/sample-feed.js';
import { expectWellFormedXml } from './well-formed-xml.js';

type RssItem = { creator?: string; source?: unknown; 'content:encoded'?: string; categories?: unknown[] };
const parser = new Parser<Record<string, unknown>, RssItem>({ customFields: { item: ['source'] } });
const xmlParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

describe('renderRss', () => {
  const xml = renderRss(sampleFeed());

  it('matches the snapshot', async () => {
    await expect(xml).toMatchFileSnapshot('../../fixtures/syndication/snapshots/items.rss');
  });

  it('is well-formed XML', () => {
    expectWellFormedXml(xml);
  });

  it('carries the channel title, link, description, language, date, atom:link self and hub', async () => {
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe('Passerelle — toutes les publications');
    expect(feed.link).toBe('https://service-public.nc/actualites');
    expect(feed.description).toBe('Actualités, événements et démarches des partenaires du portail service-public.nc');
    expect(feed.language).toBe('fr');
    expect(feed.feedUrl).toBe('https://passerelle.example.nc/feeds/items.rss?topic=emploi&type=news');
    // The newest item's updatedAt, not the time of rendering.
    expect(feed.lastBuildDate).toBe('Wed, 12 Mar 2025 21:30:00 GMT');
    const links = xmlParser.parse(xml).rss.channel['atom:link'];
    expect(links).toEqual([
      {
        '@href': 'https://passerelle.example.nc/feeds/items.rss?topic=emploi&type=news',
        '@rel': 'self',
        '@type': 'application/rss+xml',
      },
      { '@href': 'https://websub.example.nc/', '@rel': 'hub' },
    ]);
  });

  it('leaves out rel="hub" when no hub is configured', () => {
    const plain = renderRss(sampleFeed({ meta: { hubUrl: undefined } }));
    expect(plain).toContain('rel="self"');
    expect(plain).not.toContain('rel="hub"');
  });

  it('gives back every item intact: title, link, guid, date, content, summary', async () => {
    const feed = await parser.parseString(xml);
    const items = sampleItems();
    expect(feed.items.map((i) => i.title)).toEqual(items.map((i) => i.title));
    expect(feed.items.map((i) => i.link)).toEqual(items.map((i) => i.url));
    expect(feed.items.map((i) => i.guid)).toEqual(items.map((i) => i.id));
    expect(feed.items.map((i) => i.isoDate)).toEqual(items.map((i) => i.publishedAt ?? i.firstSeenAt));
    expect(feed.items[0]?.['content:encoded']).toBe(items[0]?.content);
    expect(feed.items[2]?.['content:encoded']).toBeUndefined();
    expect(feed.items[0]?.content).toBe(items[0]?.summary);
    expect(xml).toContain('<guid isPermaLink="false">ps-emploi-0001</guid>');
  });

  it('lists topics then partner categories, with an escaped `&` in the domain', async () => {
    const feed = await parser.parseString(xml);
    expect(feed.items[1]?.categories).toEqual([
      { _: 'culture', $: { domain: 'https://service-public.nc/themes' } },
      { _: 'Culture', $: { domain: 'https://www.noumea.nc/index.php?page=accueil&lang=fr' } },
      { _: 'Fête & musique', $: { domain: 'https://www.noumea.nc/index.php?page=accueil&lang=fr' } },
    ]);
    expect(xml).toContain('domain="https://www.noumea.nc/index.php?page=accueil&amp;lang=fr"');
    expect(xml).toContain('>Fête &amp; musique</category>');
  });

  it('types the enclosure from the declared type, else from the extension', async () => {
    const feed = await parser.parseString(xml);
    expect(feed.items[0]?.enclosure).toEqual({
      url: 'https://www.province-sud.nc/medias/forum-emploi.JPG',
      type: 'image/jpeg',
      length: '0',
    });
    expect(feed.items[1]?.enclosure).toEqual({
      url: 'https://cdn.noumea.nc/img/8f3a?w=800&h=600',
      type: 'image/webp',
      length: '0',
    });
    expect(feed.items[2]?.enclosure).toBeUndefined();
  });

  it('names the partner with dc:creator and <source>, never a name-only <author>', async () => {
    const feed = await parser.parseString(xml);
    expect(xml).not.toContain('<author>');
    expect(xml).toMatch(/<rss [^>]*xmlns:dc="http:\/\/purl.org\/dc\/elements\/1.1\/"/);
    expect(feed.items.map((i) => i.creator)).toEqual([
      'Province Sud',
      'Ville de Nouméa',
      'Gouvernement de la Nouvelle-Calédonie',
      'partenaire-inconnu',
    ]);
    expect(feed.items[1]?.source).toBe('Ville de Nouméa');
    const items = xmlParser.parse(xml).rss.channel.item;
    expect(items[1].source).toEqual({
      '#text': 'Ville de Nouméa',
      '@url': 'https://passerelle.example.nc/feeds/partners/ville-noumea.rss',
    });
    expect(items[0]['dc:creator']).toEqual(['Province Sud', 'Service communication']);
  });

  it('declares dc even when no item has content (feed only adds it with content:encoded)', () => {
    const bare = renderRss(sampleFeed({ items: sampleItems().slice(2) }));
    expect(bare).not.toContain('content:encoded');
    expect(bare).toMatch(/<rss [^>]*xmlns:dc=/);
    expectWellFormedXml(bare);
  });
});
