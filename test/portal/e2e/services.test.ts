/** /demarches and a fiche with « Qui peut m'aider ? » in Chromium: axe at 320 px light and 1280 px dark (the four with PAGE_CHECKS=all). */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { deriveItemId } from '../../../connectors/shared/index.js';
import { readFixture } from '../../connectors/helpers/fixtures.js';
import { serve } from '../../connectors/helpers/loopback-server.js';
import { HAS_CHROMIUM, launchBrowser } from '../../helpers/browser.js';
import { TEST_ADMIN_TOKEN } from '../../helpers/hub.js';
import { checkPageEverywhere } from '../../helpers/page-checks.js';
import { startPortalWorld, type PortalWorld } from '../helpers/portal-world.js';

let world: PortalWorld;
let browser: Browser;
let ficheId: string;
const SLOW = 180_000;

describe.skipIf(!HAS_CHROMIUM)('online services and contact cards in Chromium', () => {
  beforeAll(async () => {
    world = await startPortalWorld('e2eservices');
    const admin = { method: 'POST', token: TEST_ADMIN_TOKEN } as const;
    await world.hub.request('/api/v1/admin/partners/noumea', {
      method: 'PATCH',
      token: TEST_ADMIN_TOKEN,
      json: {
        office: {
          name: 'Hôtel de ville de Nouméa',
          city: 'Nouméa',
          phone: '27 31 15',
          openingHours: 'Mo-Fr 07:30-11:30,12:15-16:00',
        },
      },
    });
    for (const name of ['Demander une carte de stationnement résidentiel', 'Réserver une salle municipale']) {
      await world.hub.request('/api/v1/admin/services', {
        ...admin,
        json: {
          partnerId: 'noumea',
          name,
          url: 'https://eservices.noumea.nc/demarche',
          cost: 'Gratuit',
          accountRequired: true,
        },
      });
    }
    world.site.route('/F1433.xml', serve(readFixture('comarquage/F1433.xml'), 'application/xml'));
    const source = await world.hub.request('/api/v1/admin/sources', {
      ...admin,
      json: { partnerId: 'gouvernement', kind: 'comarquage', url: `${world.site.origin}/F1433.xml` },
    });
    const sourceId = ((await source.json()) as { id: string }).id;
    await world.hub.request(`/api/v1/admin/sources/${sourceId}/run`, admin);
    ficheId = deriveItemId(sourceId, 'F1433');
    browser = await launchBrowser();
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  const pages: [string, () => string][] = [
    ['demarches', () => '/demarches'],
    ['demarches-filtered', () => '/demarches?commune=noumea&audience=particuliers&q=stationnement'],
    ['fiche-contact', () => `/articles/${ficheId}?commune=noumea`],
  ];
  for (const [name, path] of pages) {
    it(
      `${name}: no axe violation at 320 px light and 1280 px dark (the four with PAGE_CHECKS=all), nothing wider than the screen`,
      async () => {
        await checkPageEverywhere(browser, world.hub.url + path(), `portal-${name}`);
      },
      SLOW,
    );
  }
});
