import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { renderJsonFeed } from '../../../hub/syndication/index.js';
import { sampleFeed, sampleItems } from '../../fixtures/syndication/sample-feed.js';

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
