/**
 * « Liens cassés » (console) and a broken service on /demarches (portal) in Chromium, with a
 * broken address and a permanent redirect to show: no axe violation at 320 and 1280 px in
 * light and dark, nothing wider than the screen, no CSP error; screenshots with SCREENSHOTS=dir.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { describeScreens } from '../../helpers/console-screens.js';
import { TEST_ADMIN_TOKEN } from '../../helpers/hub.js';

let site: Server | undefined;

describeScreens('link health pages in Chromium', {
  hub: { label: 'linkse2e' },
  agent: { email: 'ana@koumac.nc', name: 'Ana Wahio', role: 'partner-admin', partnerId: 'koumac' },
  async prepare(hub) {
    site = createServer((req, res) => {
      if (req.url === '/ancienne-adresse-du-formulaire-de-demande')
        return void res.writeHead(301, { location: '/nouvelle' }).end();
      res.writeHead(req.url === '/' || req.url === '/nouvelle' ? 200 : 404).end();
    });
    await new Promise<void>((resolve) => site!.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    const post = (path: string, json: unknown) => hub.request(path, { method: 'POST', token: TEST_ADMIN_TOKEN, json });
    expect(
      (await post('/api/v1/admin/partners', { id: 'koumac', name: 'Koumac', kind: 'commune', website: `${origin}/` }))
        .status,
    ).toBe(201);
    for (const [name, path] of [
      ['Demander un acte de naissance', '/etat-civil/actes/demande-en-ligne-d-un-acte-de-naissance-ou-de-mariage'],
      ['Inscrire un enfant à la cantine scolaire', '/ancienne-adresse-du-formulaire-de-demande'],
    ])
      expect((await post('/api/v1/admin/services', { partnerId: 'koumac', name, url: origin + path })).status).toBe(
        201,
      );
    for (let run = 0; run < 2; run++) expect((await post('/api/v1/admin/links/check', undefined)).status).toBe(200);
  },
  cleanup: () => new Promise((resolve) => (site ? site.close(() => resolve()) : resolve())),
  screens: [
    { path: '/console/liens', name: 'console-liens' },
    { path: '/console', name: 'console-a-traiter-liens' },
    { path: '/demarches', name: 'portal-demarches-indisponible', anonymous: true },
  ],
});
