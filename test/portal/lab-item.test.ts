/** The portal page of an open lab's item: its co-authors, « non relu par », its change notes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../helpers/hub.js';
import { validateHtml } from '../helpers/html-validate.js';
import { call, LABS, makeToken, save } from '../hub/labs/lab-client.js';
import { getPage, textsOf } from './helpers/http.js';

let hub: TestHub;
let sud: string;
let cafat: string;
let noumea: string;

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'portallab' });
  [sud, cafat, noumea] = await Promise.all([
    makeToken(hub, 'Rédactrice Sud', 'editor', 'province-sud'),
    makeToken(hub, 'Rédacteur CAFAT', 'editor', 'cafat'),
    makeToken(hub, 'Rédacteur Nouméa', 'editor', 'noumea'),
  ]);
});
afterAll(() => hub?.stop());

describe('GET /articles/:id of an open lab’s item', () => {
  it('names its co-authors, marks what is not reviewed, lists its dated change notes', async () => {
    const lab = await call(hub, sud, LABS, {
      title: 'Déclarer une naissance',
      partnerIds: ['province-sud', 'cafat', 'noumea'],
    });
    const id = lab.body.id as string;
    const r1 = await save(hub, sud, id, 'Déclarez la naissance à la mairie.\n\n## Comment faire\n\nSous 5 jours.', 0);
    for (const token of [sud, cafat]) await call(hub, token, `${LABS}/${id}/approvals`, { revision: r1 });
    const forced = await call(hub, TEST_ADMIN_TOKEN, `${LABS}/${id}/publish`, {
      force: true,
      reason: 'Rentrée : la page était attendue',
    });
    const itemId = forced.body.itemId as string;

    const first = await getPage(hub, `/articles/${itemId}`);
    const res = first.res;
    let html = first.html;
    expect(res.status).toBe(200);
    expect(textsOf(html, 'pl-item-head__coauthors')[0]).toBe('Rédigé avec\u00a0: Province Sud, CAFAT et Nouméa');
    expect(html).toContain('Non relu par\u00a0: Nouméa');
    expect(html).not.toContain('Lire sur le site');
    expect(await validateHtml(html)).toEqual([]);

    // The late approval clears the mark at once: the page follows the data version.
    await call(hub, noumea, `${LABS}/${id}/approvals`, { revision: r1 });
    await hub.services.catalog.search.refresh();
    expect((await getPage(hub, `/articles/${itemId}`)).html).not.toContain('Non relu par');
    const r2 = await save(
      hub,
      cafat,
      id,
      'Déclarez la naissance à la mairie.\n\n## Comment faire\n\nSous 5 jours ouvrés.',
      r1,
    );
    for (const token of [sud, cafat, noumea]) await call(hub, token, `${LABS}/${id}/approvals`, { revision: r2 });
    await call(hub, sud, `${LABS}/${id}/publish`, { note: 'Délai en jours ouvrés' });
    await hub.services.catalog.search.refresh();

    ({ html } = await getPage(hub, `/articles/${itemId}`));
    expect(html).not.toContain('Non relu par');
    expect(textsOf(html, 'pl-change-notes')[0]).toMatch(
      /^Mis à jour le \d{1,2}(er)?\s\S+\s\d{4}\s: Délai en jours ouvrés$/u,
    );
    expect(html).toContain('Sous 5 jours ouvrés.');
    expect(await validateHtml(html)).toEqual([]);
  });
});
