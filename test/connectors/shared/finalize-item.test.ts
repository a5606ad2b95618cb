import { describe, expect, it } from 'vitest';
import { validateAgainst } from '../../../schemas/index.js';
import { finalizeItem, finalizeItems, type ConnectorSource, type DraftItem } from '../../../connectors/shared/index.js';

const source: ConnectorSource = {
  id: 'ps-actus',
  partnerId: 'province-sud',
  kind: 'feed',
  url: 'https://www.province-sud.nc/rss.xml',
  defaults: {
    type: 'news',
    topics: ['education'],
    audience: ['particuliers'],
    territory: { scope: 'province', province: 'sud' },
  },
};

const draft: DraftItem = {
  guid: 'actu-1',
  url: '/actualites/1?utm_source=rss#haut',
  title: '  Rentr&eacute;e <b>2027</b>  ',
  content: '<p>Les inscriptions sont ouvertes.</p>',
  publishedAt: '29/11/2026 14:30',
};

function itemOf(d: DraftItem, s: ConnectorSource = source, options = {}) {
  const outcome = finalizeItem(d, s, options);
  if (!('item' in outcome)) throw new Error(outcome.rejection.reason);
  return outcome.item;
}

describe('finalizeItem', () => {
  it('normalizes every field and passes the schema', () => {
    const item = itemOf(draft);
    expect(validateAgainst('ItemInput', item)).toEqual([]);
    expect(item).toMatchObject({
      guid: 'actu-1',
      url: 'https://www.province-sud.nc/actualites/1',
      title: 'Rentrée 2027',
      summary: 'Les inscriptions sont ouvertes.',
      type: 'news',
      topics: ['education'],
      audience: ['particuliers'],
      territory: { scope: 'province', province: 'sud' },
      language: 'fr',
      publishedAt: '2026-11-29T03:30:00.000Z',
      partnerId: 'province-sud',
      sourceId: 'ps-actus',
    });
    expect(item.id).toMatch(/^[a-f0-9]{24}$/);
  });

  it('removes bidi controls and zero-width characters from the title and the summary, and rejects a title made of them', () => {
    const item = itemOf({
      ...draft,
      title: 'Fermeture\u202E\u200B de la mairie',
      summary: 'Travaux\u2066 du\u200D port',
    });
    expect(item.title).toBe('Fermeture de la mairie');
    expect(item.summary).toBe('Travaux du port');
    const outcome = finalizeItem({ ...draft, title: '\u202E\u200B\u2066', content: undefined }, source);
    expect(outcome).toMatchObject({ rejection: { reason: 'title: missing, and no text to derive one from' } });
  });

  it('titles an item without a title by the first sentence of its summary, else of its content', () => {
    const untitled = { ...draft, title: undefined };
    expect(itemOf(untitled).title).toBe('Les inscriptions sont ouvertes');
    expect(itemOf({ ...untitled, summary: 'Résumé&nbsp;: <b>court</b>. Suite.' }).title).toBe('Résumé : court');
    expect(itemOf({ ...untitled, title: ' <br> ' }).title).toBe('Les inscriptions sont ouvertes');
  });

  it('keeps an item whose address a browser accepts but is not a URI, percent-encoded (| [ ] ^ and a second #)', () => {
    const item = itemOf({ ...draft, guid: undefined, url: 'https://www.senat.fr/rech?q=a|b&t=[1]^2#/login#haut' });
    expect(item.url).toBe('https://www.senat.fr/rech?q=a%7Cb&t=%5B1%5D%5E2#/login%23haut');
    expect(validateAgainst('ItemInput', item)).toEqual([]);
    // The host keeps its brackets: an IPv6 address is a URI as it is.
    expect(itemOf({ ...draft, url: 'http://[2001:db8::1]/a|b' }).url).toBe('http://[2001:db8::1]/a%7Cb');
  });

  it('derives the id from sourceId and guid only', () => {
    const a = itemOf(draft);
    expect(itemOf({ ...draft, title: 'Autre titre' }).id).toBe(a.id);
    expect(itemOf(draft, { ...source, id: 'autre-source' }).id).not.toBe(a.id);
  });

  it('hashes the content stably, and differently when it changes', () => {
    const a = itemOf(draft);
    expect(itemOf({ ...draft }).contentHash).toBe(a.contentHash);
    expect(itemOf({ ...draft, content: '<p>Modifié</p>' }).contentHash).not.toBe(a.contentHash);
    expect(a.contentHash).toMatch(/^[a-f0-9]{64}$/);
  });

  it('falls back on the canonical link as guid', () => {
    expect(itemOf({ ...draft, guid: undefined }).guid).toBe('https://www.province-sud.nc/actualites/1');
  });

  it('cuts a long summary at a word, at most 300 characters, with an ellipsis', () => {
    const long = `<p>${'Mot '.repeat(200)}</p>`;
    const summary = itemOf({ ...draft, content: long }).summary ?? '';
    expect(summary.length).toBeLessThanOrEqual(300);
    expect(summary.endsWith('Mot…')).toBe(true);
  });

  it('applies constants over the item, the item over source defaults', () => {
    const own = itemOf({ ...draft, type: 'alert', topics: ['Eau potable'] });
    expect(own).toMatchObject({ type: 'alert', topics: ['eau-potable'] });
    const forced = itemOf({ ...draft, type: 'alert' }, source, { constants: { type: 'job', language: 'en' } });
    expect(forced).toMatchObject({ type: 'job', language: 'en' });
  });

  it('gives an item with an event the event type unless it says otherwise', () => {
    const item = itemOf(
      { ...draft, event: { start: '05/12/2026 09:00', end: '05/12/2026 17:00', place: 'Païta' } },
      { ...source, defaults: {} },
    );
    expect(item.type).toBe('event');
    expect(item.event).toEqual({ start: '2026-12-04T22:00:00.000Z', end: '2026-12-05T06:00:00.000Z', place: 'Païta' });
  });

  it('uses the global defaults without source defaults', () => {
    expect(itemOf(draft, { ...source, defaults: undefined })).toMatchObject({
      type: 'news',
      territory: { scope: 'nc' },
      language: 'fr',
      topics: [],
      audience: [],
    });
  });

  it.each([
    [{ ...draft, title: '<p> </p>', content: '<p><img src="/a.jpg" alt=""></p>' }, 'title: missing, and no text'],
    [{ ...draft, url: undefined }, 'url: missing'],
    [{ ...draft, url: 'ftp://example.nc/x' }, 'url: not an http(s) URL'],
    [{ ...draft, url: 'javascript:alert(1)' }, 'url: not an http(s) URL'],
  ])('rejects %j with its reason', (bad, reason) => {
    const outcome = finalizeItem(bad, source, {}, 4);
    expect(outcome).toMatchObject({ rejection: { index: 4 } });
    expect('rejection' in outcome && outcome.rejection.reason).toContain(reason);
  });

  it('keeps blocks of links: plain-text titles, absolute http(s) addresses, no repeats, no empty block', () => {
    const item = itemOf({
      ...draft,
      links: {
        services: [
          { title: 'Pr&eacute;-demande <b>en ligne</b>', url: '/demarches/pre-demande', kind: 'Téléservice' },
          { title: 'Pré-demande en ligne', url: '/demarches/pre-demande', kind: 'Téléservice' },
          { title: 'Sans adresse' },
          { title: 'Dangereux', url: 'javascript:alert(1)' },
          { title: '', url: 'https://example.nc/vide' },
        ],
        questions: [],
        references: [{ title: 'Décret no 55-1397', url: 'https://www.legifrance.gouv.fr/texte?id=1' }],
      },
    });
    expect(validateAgainst('ItemInput', item)).toEqual([]);
    expect(item.links).toEqual({
      services: [
        {
          title: 'Pré-demande en ligne',
          url: 'https://www.province-sud.nc/demarches/pre-demande',
          kind: 'Téléservice',
        },
      ],
      references: [{ title: 'Décret no 55-1397', url: 'https://www.legifrance.gouv.fr/texte?id=1' }],
    });
    expect(itemOf({ ...draft, links: { services: [{ title: 'x' }] } }).links).toBeUndefined();
  });

  it('rejects what the schema refuses, with the French field errors', () => {
    const outcome = finalizeItem(draft, { ...source, partnerId: 'Pas Un Slug' });
    expect('rejection' in outcome && outcome.rejection.reason).toMatch(/^partnerId: /);
  });
});

describe('finalizeItems', () => {
  it('rejects a second entry with the same guid, keeps the first', () => {
    const result = finalizeItems([draft, { ...draft, title: 'Doublon' }], source);
    expect(result.items).toHaveLength(1);
    expect(result.rejected).toEqual([{ index: 1, guid: 'actu-1', reason: 'duplicate guid in this run' }]);
  });
});
