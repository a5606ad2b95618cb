/**
 * Online services on /recherche and on a partner's page over real HTTP (issue 14): a
 * service whose name the words give comes first, above the results, with « Faire la
 * démarche en ligne » through /sortie/:id; a service the link checker found broken (two
 * checks of a loopback address answering 404) is marked instead; a partner's page lists
 * its services.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../helpers/hub.js';
import { validateHtml } from '../helpers/html-validate.js';
import { CATALOG_FIXTURES, insertItems } from '../helpers/items.js';
import { getPage } from './helpers/http.js';

let hub: TestHub;
let site: Server;
const ids: Record<string, string> = {};

/** A partner's site: its parking form answers, its canteen form is gone (404). */
async function startSite(): Promise<string> {
  site = createServer((req, res) => void res.writeHead(req.url === '/stationnement' ? 200 : 404).end('page'));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
}

async function addService(name: string, url: string): Promise<string> {
  const res = await hub.request('/api/v1/admin/services', {
    method: 'POST',
    token: TEST_ADMIN_TOKEN,
    json: { partnerId: 'noumea', name, url, cost: 'Gratuit', audience: ['particuliers'] },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** The part of the page before the results' heading. */
const beforeResults = (html: string) => html.slice(0, html.indexOf('id="resultats-titre"'));

beforeAll(async () => {
  const origin = await startSite();
  hub = await startTestHub({ seed: true, label: 'searchservices' });
  await insertItems(CATALOG_FIXTURES);
  await hub.services.catalog.search.refresh();
  ids.parking = await addService('Demander une carte de stationnement résidentiel', `${origin}/stationnement`);
  ids.canteen = await addService('Inscrire un enfant à la cantine scolaire', `${origin}/cantine`);
  for (let i = 0; i < 2; i++) {
    const check = await hub.request('/api/v1/admin/links/check', { method: 'POST', token: TEST_ADMIN_TOKEN });
    expect(check.status).toBe(200);
  }
}, 120_000);
afterAll(async () => {
  await hub?.stop();
  await new Promise((resolve) => site?.close(resolve));
});

describe('/recherche with online services', () => {
  it('shows the service its name gives first, above the results, with its way out', async () => {
    const { res, html } = await getPage(hub, '/recherche?q=stationnement');
    expect(res.status).toBe(200);
    const first = beforeResults(html);
    expect(first).toContain('Démarche en ligne');
    expect(first).toContain('Demander une carte de stationnement résidentiel');
    expect(first).toContain('Nouméa');
    expect(first).toContain(`href="/sortie/${ids.parking}"`);
    expect(first).toMatch(
      /Faire la démarche en ligne<span class="pl-visually-hidden"> : Demander une carte de stationnement/,
    );
    expect(first).not.toContain('cantine');
    expect(await validateHtml(html)).toEqual([]);
  });

  it('marks a service the link checker found broken, rather than sending people into a wall', async () => {
    const { html } = await getPage(hub, '/recherche?q=cantine');
    const first = beforeResults(html);
    expect(first).toContain('Inscrire un enfant à la cantine scolaire');
    expect(first).toMatch(/Indisponible chez le partenaire depuis le \d{1,2}(er)? [a-zéû]+ \d{4}/);
    expect(first).not.toContain('Faire la démarche en ligne');
    expect(first).toContain(`href="/sortie/${ids.canteen}"`); // « Essayer quand même »
    expect(await validateHtml(html)).toEqual([]);
  });

  it('shows no service without words, after the first page, or when the type leaves services out', async () => {
    for (const path of ['/recherche', '/recherche?q=stationnement&page=2', '/recherche?q=stationnement&type=news'])
      expect((await getPage(hub, path)).html, path).not.toContain('Faire la démarche en ligne');
  });
});

describe('a partner’s page', () => {
  it('lists its online services with their way out', async () => {
    const { res, html } = await getPage(hub, '/partenaires/noumea');
    expect(res.status).toBe(200);
    expect(html).toContain('id="demarches-titre"');
    expect(html).toContain('Demander une carte de stationnement résidentiel');
    expect(html).toContain(`href="/sortie/${ids.parking}"`);
    expect(html).toContain('Indisponible chez le partenaire');
    expect(await validateHtml(html)).toEqual([]);
    const other = await getPage(hub, '/partenaires/koumac');
    expect(other.html).not.toContain('id="demarches-titre"');
  });
});
