import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { expectWellFormedXml } from '../syndication/well-formed-xml.js';
import { changeStatus, newVisitor, postWish, publishedWish } from './fixtures.js';

let hub: TestHub;
let answered: string;
let fresh: string;

const schema = JSON.parse(
  readFileSync(new URL('../../fixtures/syndication/jsonfeed-1.1.schema.json', import.meta.url), 'utf8'),
) as object;
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
addFormats.default(ajv);
const validateJsonFeed = ajv.compile(schema);

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'wishfeeds' });
  answered = await publishedWish(hub, newVisitor(), { title: 'Les tarifs de la cantine & du périscolaire' });
  await changeStatus(hub, answered, { status: 'a-l-etude', partnerIds: ['noumea'] });
  await changeStatus(hub, answered, { status: 'refuse', answer: 'Ces tarifs sont fixés par chaque école <privée>.' });
  fresh = await publishedWish(hub, newVisitor(), { title: 'Carte des défibrillateurs' });
  await postWish(hub, newVisitor(), { title: 'Souhait en attente de modération' });
});
afterAll(() => hub.stop());

describe('wish feeds', () => {
  it('list new and answered wishes in RSS, well-formed and readable, without pending ones', async () => {
    const res = await hub.request('/feeds/wishes.rss');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const xml = await res.text();
    expectWellFormedXml(xml);
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe('Souhaits des citoyens — Passerelle');
    expect(feed.items.map((i) => i.title)).toEqual([
      '[Nouveau] Carte des défibrillateurs',
      '[Refusé] Les tarifs de la cantine & du périscolaire',
    ]);
    expect(feed.items[1]?.link).toBe(`http://portal.test/souhaits/${answered}`);
    expect(xml).not.toContain('attente de modération');
    expect(fresh).toBeTruthy();
  });

  it('validates as Atom and JSON Feed 1.1, and answers 304 to a matching ETag', async () => {
    const atom = await hub.request('/feeds/wishes.atom');
    expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expectWellFormedXml(await atom.text());
    const json = await hub.request('/feeds/wishes.json');
    const feed = (await json.json()) as { items: { title: string; summary?: string }[] };
    expect(validateJsonFeed(feed), JSON.stringify(validateJsonFeed.errors)).toBe(true);
    expect(feed.items[1]?.summary).toBe('Réponse : Ces tarifs sont fixés par chaque école <privée>.');
    const again = await hub.request('/feeds/wishes.json', {
      headers: { 'If-None-Match': json.headers.get('etag')!, 'Cache-Control': 'max-age=0' },
    });
    expect(again.status).toBe(304);
  });

  it("give one wish's history, each step signed, and 404 for an unknown wish or format", async () => {
    const res = await hub.request(`/feeds/wishes/${answered}.rss`);
    expect(res.status).toBe(200);
    const feed = await new Parser({ customFields: { item: ['dc:creator'] } }).parseString(await res.text());
    expect(feed.items.map((i) => i.title)).toEqual([
      'Refusé — Les tarifs de la cantine & du périscolaire',
      'À l’étude — Les tarifs de la cantine & du périscolaire',
      'Nouveau — Les tarifs de la cantine & du périscolaire',
    ]);
    const json = (await (await hub.request(`/feeds/wishes/${answered}.json`)).json()) as object;
    expect(validateJsonFeed(json), JSON.stringify(validateJsonFeed.errors)).toBe(true);
    expect((await hub.request('/feeds/wishes/inconnu-0000.rss')).status).toBe(404);
    expect((await hub.request('/feeds/wishes.xml')).status).toBe(404);
  });
});
