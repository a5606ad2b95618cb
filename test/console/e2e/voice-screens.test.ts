/**
 * The voice's console screens in Chromium, signed in as a partner's admin: Souhaits (list,
 * one wish with its forms, the entry form), Avis sur les pages (list, one page's texts),
 * Lisibilité and Recherches sans réponse — no axe violation at 320 and 1280 px in light and
 * dark, nothing wider than the screen, no CSP error; screenshots with SCREENSHOTS=dir.
 */
import { fillItemsReadability } from '../../../hub/items/index.js';
import { describeScreens } from '../../helpers/console-screens.js';
import { TEST_ADMIN_TOKEN } from '../../helpers/hub.js';
import { insertItems } from '../../helpers/items.js';
import { changeStatus, newVisitor, oldFormToken, publishedWish } from '../../hub/voice/fixtures.js';

let wishId: string;
const ITEM = 'koumac-horaires-mairie';

describeScreens('the voice’s console screens in Chromium', {
  hub: { seed: true, label: 'voicee2e' },
  agent: { email: 'ana@koumac.nc', name: 'Ana Koumac', role: 'partner-admin', partnerId: 'koumac' },
  async prepare(hub) {
    wishId = await publishedWish(hub, newVisitor(), { title: 'Horaires de la mairie annexe de Koumac' });
    await changeStatus(hub, wishId, { status: 'a-l-etude', partnerIds: ['koumac'] }, TEST_ADMIN_TOKEN);
    await insertItems([
      {
        id: ITEM,
        partnerId: 'koumac',
        title: 'Horaires de la mairie',
        content:
          "<p>La mairie est ouverte du lundi au vendredi. L'accueil des administrés s'effectue exclusivement sur rendez-vous préalablement sollicité auprès du secrétariat général.</p>",
      },
    ]);
    await fillItemsReadability();
    const visitor = newVisitor();
    await hub.request(`/api/v1/items/${ITEM}/feedback`, {
      method: 'POST',
      headers: { 'Passerelle-Visitor': visitor },
      json: {
        useful: false,
        reasons: ['pas-clair'],
        text: 'Je ne sais pas comment prendre rendez-vous.',
        formToken: await oldFormToken(ITEM, visitor),
      },
    });
    await hub.request('/api/v1/items?q=cantine%20scolaire%20koumac');
  },
  screens: [
    { path: '/console/souhaits', name: 'console-souhaits' },
    { path: () => `/console/souhaits/${wishId}`, name: 'console-souhait' },
    { path: '/console/souhaits/nouveau', name: 'console-souhait-saisie' },
    { path: '/console/avis', name: 'console-avis' },
    { path: `/console/avis/${ITEM}`, name: 'console-avis-page' },
    { path: '/console/lisibilite', name: 'console-lisibilite' },
    { path: '/console/recherches-sans-reponse', name: 'console-recherches-sans-reponse' },
  ],
});
