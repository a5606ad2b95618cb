import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { renderAtom, renderJsonFeed, renderRss } from '../../../hub/syndication/index.js';
import { sampleFeed, sampleItem, sampleItems } from '../../fixtures/syndication/sample-feed.js';

const schema = JSON.parse(
  readFileSync(new URL('../../fixtures/syndication/jsonfeed-1.1.schema.json', import.meta.url), 'utf8'),
) as object;
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

interface JsonItem {
  [key: string]: unknown;
  id: string;
  url: string;
  title: string;
  tags?: string[];
  attachments?: unknown[];
  authors: unknown[];
}

describe('renderJsonFeed', () => {
  const body = renderJsonFeed(sampleFeed());
  const feed = JSON.parse(body) as { [key: string]: unknown; items: JsonItem[] };

  it('matches the snapshot', async () => {
    await expect(body).toMatchFileSnapshot('../../fixtures/syndication/snapshots/items.json');
  });

  it('validates against the JSON Feed 1.1 schema', () => {
    expect(validate(feed), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the schema rejects what feed 6 emits (version 1, no content)', () => {
    expect(validate({ version: 'https://jsonfeed.org/version/1', title: 't', items: [] })).toBe(false);
    expect(validate({ version: 'https://jsonfeed.org/version/1.1', title: 't', items: [{ id: 'x' }] })).toBe(false);
  });

  it('carries 1.1 feed fields: version, language, hubs, feed_url, no 1.0 author', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.language).toBe('fr');
    expect(feed.hubs).toEqual([{ type: 'WebSub', url: 'https://websub.example.nc/' }]);
    expect(feed.feed_url).toBe('https://passerelle.example.nc/feeds/items.json?topic=emploi&type=news');
    expect(feed.home_page_url).toBe('https://service-public.nc/actualites');
    expect(JSON.parse(renderJsonFeed(sampleFeed({ meta: { hubUrl: undefined } })))).not.toHaveProperty('hubs');
    expect(body).not.toMatch(/"author"\s*:/);
  });

  it('gives back every item: id, url, title, dates, authors, tags, attachments', () => {
    const items = sampleItems();
    expect(feed.items.map((i) => [i.id, i.url, i.title])).toEqual(items.map((i) => [i.id, i.url, i.title]));
    expect(feed.items[0]).toMatchObject({
      content_html: items[0]?.content,
      summary: items[0]?.summary,
      date_published: '2025-03-10T22:00:00.000Z',
      date_modified: '2025-03-12T21:30:00.000Z',
      authors: [{ name: 'Province Sud', url: 'https://www.province-sud.nc/' }, { name: 'Service communication' }],
      tags: ['emploi', 'formation', 'Emploi & insertion'],
      image: 'https://www.province-sud.nc/medias/forum-emploi.JPG',
    });
    expect(feed.items[1]?.attachments).toEqual([
      { url: 'https://cdn.noumea.nc/img/8f3a?w=800&h=600', mime_type: 'image/webp' },
      {
        url: 'https://www.noumea.nc/docs/programme-fete.pdf',
        mime_type: 'application/pdf',
        title: 'Programme (PDF)',
        size_in_bytes: 245760,
      },
    ]);
  });

  it('falls back to content_text when an item has no content', () => {
    expect(feed.items[2]).toMatchObject({ content_text: sampleItems()[2]?.summary });
    expect(feed.items[2]).not.toHaveProperty('content_html');
    expect(feed.items[3]).toMatchObject({ content_text: 'Coupure d’eau à Dumbéa' });
  });

  it('states an item language only when it differs from the feed', () => {
    const items = [...sampleItems().slice(0, 1), { ...sampleItems()[2]!, language: 'en' }];
    const out = JSON.parse(renderJsonFeed(sampleFeed({ items }))) as { items: JsonItem[] };
    expect(out.items.map((i) => i.language)).toEqual([undefined, 'en']);
  });
});

describe('the _passerelle extension and event dates', () => {
  const NBSP = '\u00a0';
  const event = sampleItem({
    id: 'nord-foire',
    type: 'event',
    title: 'Foire de Koumac',
    summary: 'Bétail & artisanat.',
    event: { start: '2027-03-11T13:00:00.000Z', end: '2027-03-13T13:00:00.000Z', place: 'Champ <de> foire\n  Koumac' },
  });
  const render = (items = [event]) =>
    JSON.parse(renderJsonFeed(sampleFeed({ items }))) as { items: (JsonItem & { _passerelle: unknown })[] };

  it.each([
    ['news', undefined],
    ['alert', undefined],
    ['event', { start: '2025-06-21T06:00:00.000Z', place: 'Place des Cocotiers' }],
  ] as const)('gives every item its type, and an event its start, end and place (%s)', (type, expected) => {
    const item = sampleItems().find((i) => i.type === type)!;
    const out = render([item]).items[0]!;
    expect(out._passerelle).toEqual({
      about: 'https://passerelle.nc/schemas/item.schema.json',
      type,
      ...(expected ? { event: expected } : {}),
    });
  });

  it("keeps an event's place as plain text in the extension, on one line", () => {
    expect(render().items[0]!._passerelle).toMatchObject({
      event: { start: '2027-03-11T13:00:00.000Z', end: '2027-03-13T13:00:00.000Z', place: 'Champ <de> foire Koumac' },
    });
  });

  it('says when and where in the text, first, escaped, for readers that ignore the extension', () => {
    const withoutContent = render().items[0]!;
    expect(withoutContent.content_html).toBe(
      `<p>Date${NBSP}: du 12 au 14 mars 2027<br>Lieu${NBSP}: Champ &lt;de&gt; foire Koumac</p><p>Bétail &amp; artisanat.</p>`,
    );
    const summaryOnly = render([{ ...event, summary: undefined }]).items[0]!;
    expect(summaryOnly.content_html).toBe(
      `<p>Date${NBSP}: du 12 au 14 mars 2027<br>Lieu${NBSP}: Champ &lt;de&gt; foire Koumac</p>`,
    );
    const withContent = render([{ ...event, content: '<p>Programme</p>' }]).items[0]!;
    expect(withContent.content_html).toMatch(/^<p>Date\u00a0: du 12 au 14 mars 2027<br>.*<\/p><p>Programme<\/p>$/);
  });

  it('writes the same line in RSS and Atom content', () => {
    const items = [{ ...event, event: { start: '2027-03-11T22:00:00.000Z', end: '2027-03-12T01:00:00.000Z' } }];
    const line = `&lt;p&gt;Date${NBSP}: le 12 mars 2027 de 9${NBSP}h à 12${NBSP}h&lt;/p&gt;`;
    expect(renderRss(sampleFeed({ items }))).toContain(`<content:encoded>${line}`);
    expect(renderAtom(sampleFeed({ items }))).toContain(`<content type="html">${line}`);
  });

  it('leaves items that are no event as they were', () => {
    const news = sampleItems()[0]!;
    expect(render([news]).items[0]!.content_html).toBe(news.content);
  });
});
