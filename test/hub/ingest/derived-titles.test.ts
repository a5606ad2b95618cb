/**
 * A partner's social account publishes RSS items with only a description, and a JSON API
 * gives bare posts: the hub keeps them, titled by their first sentence; an item with no
 * text at all is still rejected, with a reason the agent can read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item, Run } from '../../../schemas/index.js';
import { startLoopbackServer, type LoopbackServer } from '../../connectors/helpers/loopback-server.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';

let hub: TestHub;
let site: LoopbackServer;

const LONG_SENTENCE =
  'La mairie de Nouméa organise ce samedi une grande journée de nettoyage des plages de l’Anse-Vata et de la Baie des Citrons avec les associations du quartier';

const SOCIAL_RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Ville de Nouméa sur Facebook</title><link>https://www.facebook.com/villedenoumea</link>
<description>Publications</description>
<item>
  <description><![CDATA[<p>Fermeture de la piscine du Ouen Toro lundi. Réouverture mardi à 6&nbsp;h.</p>]]></description>
  <link>https://www.facebook.com/villedenoumea/posts/1</link>
  <guid isPermaLink="false">post-1</guid>
  <pubDate>Mon, 30 Nov 2026 08:00:00 +1100</pubDate>
</item>
<item>
  <description>${LONG_SENTENCE}. Venez nombreux !</description>
  <link>https://www.facebook.com/villedenoumea/posts/2</link>
  <guid isPermaLink="false">post-2</guid>
</item>
<item>
  <description>🎉 Bravo à nos jeunes nageurs 🏊 champions de Calédonie 🥇 https://t.co/abc #Nouméa</description>
  <link>https://www.facebook.com/villedenoumea/posts/3</link>
  <guid isPermaLink="false">post-3</guid>
</item>
<item>
  <description><![CDATA[<img src="https://www.noumea.nc/photo.jpg" alt="">]]></description>
  <link>https://www.facebook.com/villedenoumea/posts/4</link>
  <guid isPermaLink="false">post-4</guid>
</item>
<item>
  <title>Un titre donné par le partenaire</title>
  <description>Le titre du partenaire reste le titre. Toujours.</description>
  <link>https://www.facebook.com/villedenoumea/posts/5</link>
  <guid isPermaLink="false">post-5</guid>
</item>
</channel></rss>`;

const POSTS_JSON = JSON.stringify({
  posts: [
    { id: 'p1', message: 'Le marché de Koutio déménage place des Accords ! Dès samedi prochain.', permalink: '/p1' },
    { id: 'p2', message: '   ', permalink: '/p2' },
  ],
});

async function runSource(json: Record<string, unknown>): Promise<{ id: string; run: Run }> {
  const created = await hub.request('/api/v1/admin/sources', { method: 'POST', token: TEST_ADMIN_TOKEN, json });
  expect(created.status, await created.clone().text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await hub.services.scheduler.idle();
  const res = await hub.request(`/api/v1/admin/sources/${id}/run`, { method: 'POST', token: TEST_ADMIN_TOKEN });
  expect(res.status).toBe(200);
  return { id, run: (await res.json()) as Run };
}

/** The source's items, whole (the listing gives cards without guid or source). */
async function itemsOf(sourceId: string): Promise<Item[]> {
  await hub.services.catalog.search.refresh();
  const res = await hub.request('/api/v1/items?partner=noumea&limit=50');
  const { items } = (await res.json()) as { items: Array<{ id: string }> };
  const whole = await Promise.all(items.map(async ({ id }) => (await hub.request(`/api/v1/items/${id}`)).json()));
  return (whole as Item[]).filter((i) => i.sourceId === sourceId);
}

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'derived-titles' });
  site = await startLoopbackServer();
  site.route('/facebook.rss', (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(SOCIAL_RSS),
  );
  site.route('/posts.json', (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(POSTS_JSON),
  );
});
afterAll(async () => {
  await hub.services.scheduler.idle();
  await site.close();
  await hub.stop();
});

describe('title-less items', () => {
  it('ingests a title-less RSS feed with titles derived from the first sentence', async () => {
    const { id, run } = await runSource({ partnerId: 'noumea', kind: 'feed', url: `${site.origin}/facebook.rss` });
    expect(run).toMatchObject({ status: 'partial', counts: { fetched: 5, rejected: 1 } });
    expect(run.itemErrors).toEqual([
      expect.objectContaining({ guid: 'post-4', reason: 'title: missing, and no text to derive one from' }),
    ]);
    const byGuid = new Map((await itemsOf(id)).map((i) => [i.guid, i]));
    expect(byGuid.size).toBe(4);
    expect(byGuid.get('post-1')?.title).toBe('Fermeture de la piscine du Ouen Toro lundi');
    const long = byGuid.get('post-2')?.title ?? '';
    expect(long.endsWith('…')).toBe(true);
    expect([...long].length).toBeLessThanOrEqual(90);
    expect(LONG_SENTENCE.startsWith(long.slice(0, -1))).toBe(true);
    expect(byGuid.get('post-3')?.title).toBe('🎉 Bravo à nos jeunes nageurs 🏊 champions de Calédonie 🥇 #Nouméa');
    expect(byGuid.get('post-5')?.title).toBe('Un titre donné par le partenaire');
    // The text itself is kept whole.
    expect(byGuid.get('post-1')?.summary).toContain('Réouverture mardi');
  });

  it('accepts a JSON mapping with a text field and no title, and titles its items', async () => {
    const { id, run } = await runSource({
      partnerId: 'noumea',
      kind: 'json-api',
      url: `${site.origin}/posts.json`,
      mapping: { itemsPath: 'posts', fields: { guid: 'id', url: 'permalink', summary: 'message' } },
    });
    expect(run).toMatchObject({ counts: { fetched: 2, created: 1, rejected: 1 } });
    const [item] = await itemsOf(id);
    expect(item).toMatchObject({ guid: 'p1', title: 'Le marché de Koutio déménage place des Accords !' });
  });

  it('refuses a JSON mapping with neither a title nor a text field, in French', async () => {
    const res = await hub.request('/api/v1/admin/sources', {
      method: 'POST',
      token: TEST_ADMIN_TOKEN,
      json: {
        partnerId: 'noumea',
        kind: 'json-api',
        url: `${site.origin}/posts.json`,
        mapping: { itemsPath: 'posts', fields: { guid: 'id', url: 'permalink' } },
      },
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: Array<{ field: string; message: string }> };
    expect(problem.errors).toContainEqual(
      expect.objectContaining({ field: 'mapping.fields', message: expect.stringMatching(/title.*summary.*content/) }),
    );
  });
});
