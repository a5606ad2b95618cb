/**
 * One result per story, end to end: three partners' feeds on a loopback site, real runs,
 * the real search index and API on a real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ItemModel } from '../../../hub/items/item-model.js';
import { startLoopbackServer, type LoopbackServer } from '../../connectors/helpers/loopback-server.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { makeToken } from '../interaction/fixtures.js';
import { makeRss, type RssEntry } from '../../helpers/rss.js';

const TITLE = 'Fermeture de la route RP1 au col de la Pirogue';
const SENTENCES = [
  'La route provinciale RP1 sera fermée à la circulation au col de la Pirogue du lundi 7 au vendredi 11 décembre.',
  'Les travaux de confortement de la chaussée imposent une déviation par Païta et la route de la Tontouta.',
  'Les transports scolaires et les bus interurbains suivront cet itinéraire pendant toute la durée du chantier.',
  'Renseignements auprès de la direction de l’équipement au numéro vert indiqué sur le site.',
];

/** The same announcement, each partner with its own markup. */
const MARKUP: Record<string, string> = {
  gouvernement: `<p>${SENTENCES.join(' ')}</p>`,
  'province-sud': `<div class="chapo"><strong>${SENTENCES[0]}</strong></div><div>${SENTENCES.slice(1).join('<br/>')}</div>`,
  noumea: SENTENCES.map((s) => `<p><span>${s}</span></p>`).join('\n'),
};

let hub: TestHub;
let site: LoopbackServer;
const feeds: Record<string, RssEntry[]> = {};
const sources: Record<string, string> = {};

function entry(partner: string, slug: string, title: string, description: string, day: number): RssEntry {
  return {
    guid: `${partner}-${slug}`,
    title,
    link: `https://www.${partner}.nc/actualites/${slug}`,
    description,
    pubDate: new Date(Date.UTC(2026, 10, day, 9)).toUTCString(),
  };
}

async function runSource(partner: string): Promise<void> {
  const res = await hub.request(`/api/v1/admin/sources/${sources[partner]}/run`, {
    method: 'POST',
    token: TEST_ADMIN_TOKEN,
  });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { status: string }).status).not.toBe('failed');
}

async function search(query: string): Promise<{ total: number; items: Record<string, unknown>[] }> {
  const res = await hub.request(`/api/v1/items?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { total: number; items: Record<string, unknown>[] };
}

async function idOf(partnerId: string, guid: string): Promise<string> {
  const doc = await ItemModel.findOne({ partnerId, guid }, { _id: 1 }).lean();
  expect(doc).toBeTruthy();
  return String(doc!._id);
}

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'stories' });
  site = await startLoopbackServer();
  feeds.gouvernement = [entry('gouvernement', 'rp1', TITLE, MARKUP.gouvernement!, 1)];
  feeds['province-sud'] = [
    entry('province-sud', 'rp1-travaux', TITLE, MARKUP['province-sud']!, 2),
    entry('province-sud', 'vaccins', 'Campagne de vaccination', 'La province relaie la campagne.', 3),
  ];
  feeds.noumea = [
    entry('noumea', 'route-rp1', TITLE, MARKUP.noumea!, 3),
    entry(
      'noumea',
      'marche',
      'Marché de Noël place des Cocotiers',
      'Le marché de Noël ouvre le samedi 5 décembre place des Cocotiers, avec des artisans de toute la Grande Terre, des animations pour les enfants et une buvette tenue par les associations du quartier.',
      4,
    ),
    entry('noumea', 'vaccination', 'Vaccination : la commune relaie', 'Centres de vaccination ouverts en ville.', 4),
  ];
  // Two partners link the Government's page, each with its own tracking and spelling.
  feeds['province-sud'][1]!.link = 'https://www.gouv.nc/actualites/vaccination?utm_source=facebook&utm_medium=social';
  feeds.noumea[2]!.link = 'HTTP://WWW.GOUV.NC/actualites/vaccination/#haut';
  for (const partner of Object.keys(feeds)) {
    site.route(`/${partner}.rss`, (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(makeRss(feeds[partner]!)),
    );
    const res = await hub.request('/api/v1/admin/sources', {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
      json: { partnerId: partner, kind: 'feed', url: `${site.origin}/${partner}.rss` },
    });
    expect(res.status).toBe(201);
    sources[partner] = ((await res.json()) as { id: string }).id;
  }
  for (const partner of Object.keys(feeds)) await runSource(partner);
  await hub.services.catalog.search.refresh();
}, 120_000);

afterAll(async () => {
  await site?.close();
  await hub?.stop();
});

describe('one result per story', () => {
  it('shows three partners’ same announcement once, the earliest, with two « aussi publié par »', async () => {
    const found = await search('q=col+de+la+Pirogue+RP1');
    expect(found.total).toBe(1);
    const [hit] = found.items;
    expect(hit!.id).toBe(await idOf('gouvernement', 'gouvernement-rp1'));
    expect([...(hit!.alsoPublishedBy as string[])].sort()).toEqual(['noumea', 'province-sud']);
    const others = hit!.alsoPublished as { id: string; partnerId: string; url: string }[];
    expect(others.map((o) => o.url).sort()).toEqual([
      'https://www.noumea.nc/actualites/route-rp1',
      'https://www.province-sud.nc/actualites/rp1-travaux',
    ]);
    // Every item keeps its own page.
    for (const other of others) expect((await hub.request(`/api/v1/items/${other.id}`)).status).toBe(200);
  });

  it('shows the story once on the portal search page and in the feeds, with « Aussi publié par »', async () => {
    const page = await (await hub.request('/recherche?q=col+de+la+Pirogue+RP1')).text();
    expect(page.match(/class="pl-card"/g)).toHaveLength(1);
    expect(page).toMatch(/Aussi publié par\u00a0: [^<]*Nouméa/);
    expect(page).toMatch(/Aussi publié par\u00a0: [^<]*Sud/);
    const rss = await (await hub.request('/feeds/items.rss')).text();
    expect(rss.split('<item>').filter((i) => i.includes('RP1'))).toHaveLength(1);
  });

  it('does not group a genuinely different announcement', async () => {
    const found = await search('q=march%C3%A9+de+No%C3%ABl');
    expect(found.total).toBe(1);
    expect(found.items[0]!.alsoPublishedBy).toBeUndefined();
    const listed = await search('partner=noumea&limit=100');
    // The market, the RP1 story (Nouméa's through the group) and the vaccination story.
    expect(listed.total).toBe(3);
  });

  it('groups the same canonical address (tracking parameters, case, slash, fragment aside)', async () => {
    const found = await search('q=vaccination');
    expect(found.total).toBe(1);
    expect(found.items[0]!.alsoPublishedBy).toHaveLength(1);
  });

  it('lets a partner detach its item, scoped to its partner, and it stays detached after a re-ingest', async () => {
    const id = await idOf('noumea', 'noumea-route-rp1');
    const province = await makeToken(hub, 'partner-admin', 'province-sud');
    const foreign = await hub.request(`/api/v1/admin/items/${id}/story/detach`, { method: 'POST', token: province });
    expect(foreign.status).toBe(403);
    const unknown = await hub.request('/api/v1/admin/items/nope/story/detach', { method: 'POST', token: province });
    expect(unknown.status).toBe(404);
    const noumea = await makeToken(hub, 'editor', 'noumea');
    const res = await hub.request(`/api/v1/admin/items/${id}/story/detach`, { method: 'POST', token: noumea });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id, partnerId: 'noumea', storyDetached: true });
    await hub.services.catalog.search.refresh();
    const after = await search('q=col+de+la+Pirogue+RP1');
    expect(after.total).toBe(2);
    const alone = after.items.find((h) => h.id === id)!;
    expect(alone.alsoPublishedBy).toBeUndefined();
    expect(after.items.find((h) => h.id !== id)!.alsoPublishedBy).toEqual(['province-sud']);

    // Re-ingest with a changed text: still detached.
    feeds.noumea![0]!.description = `${MARKUP.noumea} <p>Mise à jour.</p>`;
    await runSource('noumea');
    await hub.services.catalog.search.refresh();
    const stored = await ItemModel.findById(id).lean();
    expect(stored!.revision).toBe(2);
    expect(stored!.storyDetached).toBe(true);
    expect((await search('q=col+de+la+Pirogue+RP1')).total).toBe(2);
  });
});
