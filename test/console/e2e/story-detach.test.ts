/**
 * A Contenus item grouped with other partners' copies, in Chromium, signed in as Koumac's
 * admin: the item page with « Détacher de l’histoire… » and its confirmation — no axe
 * violation at 320 and 1280 px in light and dark, nothing wider than the screen, no CSP
 * error; screenshots with SCREENSHOTS=dir.
 */
import { describeScreens } from '../../helpers/console-screens.js';
import { insertItems } from '../../helpers/items.js';

describeScreens('« Détacher de l’histoire » in Chromium', {
  hub: { seed: true, label: 'storydetache2e' },
  agent: { email: 'ana@koumac.nc', name: 'Ana Wahio', role: 'partner-admin', partnerId: 'koumac' },
  async prepare() {
    const title = 'Fermeture de la RT1 à Koné';
    await insertItems([
      { id: 'gouv-rt1', partnerId: 'gouvernement', title },
      { id: 'koumac-rt1', partnerId: 'koumac', title: `${title} (relais)`, storyId: 'gouv-rt1' },
      { id: 'poum-rt1', partnerId: 'poum', title: `${title}, à Poum`, storyId: 'gouv-rt1' },
    ]);
  },
  screens: [
    { path: '/console/contenus/koumac-rt1', name: 'console-contenu-histoire' },
    { path: '/console/contenus/koumac-rt1?confirmer=detacher', name: 'console-contenu-detacher' },
  ],
});
