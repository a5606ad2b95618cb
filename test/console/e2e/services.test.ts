/**
 * Démarches en ligne and Coordonnées in Chromium, signed in as an editor or admin of Koumac:
 * no axe violation at 320 and 1280 px in light and dark, nothing wider than the screen, no
 * CSP error; screenshots with SCREENSHOTS=dir.
 */
import { describeScreens } from '../../helpers/console-screens.js';

let serviceId: string;

describeScreens('démarches en ligne and coordonnées in Chromium', {
  hub: { seed: true, label: 'consoleservicese2e' },
  agent: { email: 'ana@koumac.nc', name: 'Ana Wahio', role: 'partner-admin', partnerId: 'koumac' },
  async asAgent(ana, hub) {
    await ana.html('/console/demarches/nouvelle');
    await ana.post('/console/demarches', {
      name: 'Demander un acte de naissance',
      url: 'https://www.koumac.nc/etat-civil/naissance',
      cost: 'Gratuit',
    });
    await ana.html('/console/partenaires/koumac/coordonnees');
    await ana.post('/console/partenaires/koumac/coordonnees', {
      name: 'Mairie de Koumac',
      address: '1 rue Paul Mouren',
      postalCode: '98850',
      city: 'Koumac',
      phone: '47 61 00',
      email: 'mairie@koumac.nc',
      openingHours: 'Mo-Fr 07:30-11:30,12:15-16:00',
    });
    const list = await ana.html('/console/demarches');
    serviceId = /href="\/console\/demarches\/([0-9a-f]{16})"/.exec(list.html)![1]!;
    for (let i = 0; i < 4; i++) await hub.request(`/sortie/${serviceId}`, { redirect: 'manual' });
  },
  screens: [
    { path: '/console/demarches', name: 'console-demarches' },
    { path: '/console/demarches/nouvelle', name: 'console-demarche-nouvelle' },
    { path: '/console/partenaires/koumac/coordonnees', name: 'console-coordonnees' },
    { path: () => `/console/demarches/${serviceId}`, name: 'console-demarche' },
  ],
});
